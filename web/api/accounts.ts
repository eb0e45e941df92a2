/** The API calls of signing in and out, the caller's own sessions, tokens and passkeys, and (admins) users and the audit trail. */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import type { QueryOf } from '../../server/http/contract.ts';
import type { Role } from '../../server/domain/account.ts';
import type { ApiCore, RequestOptions } from './core.ts';

export type AuditQuery = QueryOf<'GET /audit'>;

/** WebAuthn's JSON as the plain records the API's schema reads (it keeps every further field the browser sends). */
const assertion = (c: AuthenticationResponseJSON) => ({ ...c, response: { ...c.response }, clientExtensionResults: { ...c.clientExtensionResults } });
const attestation = (c: RegistrationResponseJSON) => ({ ...c, response: { ...c.response }, clientExtensionResults: { ...c.clientExtensionResults } });

export const accountCalls = (api: ApiCore) => ({
  me: (o?: RequestOptions) => api.call('GET /me', {}, o),
  signIn: (email: string, password: string) => api.call('POST /session', { body: { email, password } }),
  signOut: () => api.call('DELETE /session', {}),
  setup: (token: string, email: string, password: string) => api.call('POST /setup', { body: { token, email, password } }),
  changePassword: (currentPassword: string, newPassword: string, revokeTokens: boolean) =>
    api.call('PUT /me/password', { body: { currentPassword, newPassword, revokeTokens } }),
  passkeySignInOptions: () => api.call('POST /session/passkey-options', {}),
  passkeySignIn: (challengeId: string, response: AuthenticationResponseJSON) =>
    api.call('POST /session/passkey', { body: { challengeId, response: assertion(response) } }),

  // The caller's own sessions, API tokens and passkeys.
  sessions: async (o?: RequestOptions) => (await api.call('GET /sessions', {}, o)).items,
  revokeSession: (id: number) => api.call('DELETE /sessions/:id', { params: { id } }),
  tokens: async (o?: RequestOptions) => (await api.call('GET /tokens', {}, o)).items,
  createToken: (t: { name: string; role: Role; expiresInDays: number }) => api.call('POST /tokens', { body: t }),
  revokeToken: (id: number) => api.call('DELETE /tokens/:id', { params: { id } }),
  passkeys: async (o?: RequestOptions) => (await api.call('GET /passkeys', {}, o)).items,
  passkeyRegistrationOptions: () => api.call('POST /passkeys/registration-options', {}),
  addPasskey: (name: string, response: RegistrationResponseJSON) => api.call('POST /passkeys', { body: { name, response: attestation(response) } }),
  removePasskey: (id: number) => api.call('DELETE /passkeys/:id', { params: { id } }),

  // Admins: users and the audit trail.
  users: async (o?: RequestOptions) => (await api.call('GET /users', {}, o)).items,
  createUser: (u: { email: string; password: string; role: Role }) => api.call('POST /users', { body: u }),
  updateUser: (id: number, patch: { role?: Role; disabled?: boolean }, version: number) =>
    api.call('PATCH /users/:id', { params: { id }, body: patch }, { ifMatch: version }),
  resetPassword: (id: number, newPassword: string) => api.call('PUT /users/:id/password', { params: { id }, body: { newPassword } }),
  audit: (q: AuditQuery, o?: RequestOptions) => api.call('GET /audit', { query: q }, o),
});
