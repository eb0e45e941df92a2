/**
 * Passkeys (WebAuthn): registering one for the signed-in user, and signing in with one. The
 * relying party is the host the browser sees; challenges live in memory for five minutes and are
 * used once.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Passkey } from '../domain/account.ts';
import type { Store } from '../db/store.ts';
import { actorOf, type AuthService, type Principal, type RequestInfo } from './auth-service.ts';
import type { Clock } from './clock.ts';
import { found, invalid, notFound, ServiceError } from './errors.ts';
import { randomSecret } from './secrets.ts';

export interface RelyingParty {
  /** The host name (no port): the RP ID. */
  readonly id: string;
  /** The origin the browser reports, e.g. http://localhost:3000. */
  readonly origin: string;
}

const CHALLENGE_MS = 5 * 60_000;
const RP_NAME = 'Vendorscope';

const unverified = () => new ServiceError('unauthenticated', 'passkey-not-verified', 'The passkey could not be verified.');

export function passkeysService(store: Store, clock: Clock, auth: AuthService) {
  const challenges = new Map<string, { challenge: string; userId: number | null; expires: number }>();

  const remember = (key: string, challenge: string, userId: number | null) => {
    const now = Date.parse(clock.now());
    for (const [k, v] of challenges) if (v.expires < now) challenges.delete(k);
    challenges.set(key, { challenge, userId, expires: now + CHALLENGE_MS });
  };
  /** The challenge for a key, used up by taking it. */
  const take = (key: string) => {
    const c = challenges.get(key);
    challenges.delete(key);
    return c && c.expires >= Date.parse(clock.now()) ? c : undefined;
  };

  const view = ({ id, name, createdAt, lastUsedAt }: Passkey): Passkey => ({ id, name, createdAt, lastUsedAt });

  return {
    list: (p: Principal): Passkey[] => store.passkeys.ofUser(p.user.id).map(view),

    registrationOptions: async (p: Principal, rp: RelyingParty) => {
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID: rp.id,
        userName: p.user.email,
        userID: new TextEncoder().encode(`vendorscope-user-${p.user.id}`),
        attestationType: 'none',
        excludeCredentials: store.passkeys.ofUser(p.user.id).map((k) => ({ id: k.credentialId, transports: k.transports as AuthenticatorTransport[] })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      remember(`register:${p.user.id}`, options.challenge, p.user.id);
      return options;
    },

    register: async (p: Principal, rp: RelyingParty, name: string, response: RegistrationResponseJSON): Promise<Passkey> => {
      const c = take(`register:${p.user.id}`);
      if (!c)
        throw invalid('Start the registration again: its challenge expired or was used.', [{ path: 'body.response', message: 'no pending registration' }]);
      let verified;
      try {
        verified = await verifyRegistrationResponse({
          response,
          expectedChallenge: c.challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
        });
      } catch {
        throw invalid('The passkey registration could not be verified.', [{ path: 'body.response', message: 'not verified' }]);
      }
      if (!verified.verified || !verified.registrationInfo)
        throw invalid('The passkey registration could not be verified.', [{ path: 'body.response', message: 'not verified' }]);
      const { credential } = verified.registrationInfo;
      return store.transaction(() => {
        if (store.passkeys.findByCredentialId(credential.id)) throw new ServiceError('conflict', 'passkey-exists', 'This passkey is registered already.');
        const id = store.passkeys.create(
          {
            userId: p.user.id,
            credentialId: credential.id,
            publicKey: credential.publicKey,
            counter: credential.counter,
            transports: credential.transports ?? [],
            name,
          },
          clock.now(),
        );
        store.audit.append(actorOf(p), { action: 'create', entity: 'passkey', entityId: id, after: { name } }, clock.now());
        return view(store.passkeys.find(id)!);
      });
    },

    remove: (p: Principal, id: number): void =>
      store.transaction(() => {
        const k = found(store.passkeys.find(id), 'passkey', id);
        if (k.userId !== p.user.id) throw notFound('passkey', id);
        store.passkeys.remove(id);
        store.audit.append(actorOf(p), { action: 'delete', entity: 'passkey', entityId: id, before: { name: k.name } }, clock.now());
      }),

    /** Options for signing in with any passkey of this site (discoverable credentials). */
    authenticationOptions: async (rp: RelyingParty) => {
      const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' });
      const challengeId = randomSecret();
      remember(`auth:${challengeId}`, options.challenge, null);
      return { challengeId, options };
    },

    signIn: async (rp: RelyingParty, challengeId: string, response: AuthenticationResponseJSON, req: RequestInfo, replacing: string | null) => {
      const c = take(`auth:${challengeId}`);
      const key = store.passkeys.findByCredentialId(response.id);
      const user = key && store.users.find(key.userId);
      if (!c || !key || !user || user.disabled) throw unverified();
      let result;
      try {
        result = await verifyAuthenticationResponse({
          response,
          expectedChallenge: c.challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          credential: { id: key.credentialId, publicKey: key.publicKey, counter: key.counter, transports: key.transports },
          requireUserVerification: true,
        });
      } catch {
        throw unverified();
      }
      if (!result.verified) throw unverified();
      store.passkeys.markUsed(key.id, result.authenticationInfo.newCounter, clock.now());
      return { user, ...auth.startSession(user, true, req, replacing) };
    },
  };
}

export type PasskeysService = ReturnType<typeof passkeysService>;
