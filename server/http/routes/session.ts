/** Signing in and out, the caller's identity, and the first-admin setup. */
import { z } from 'zod';
import { credentials, email, password, passwordChange, passwordChanged, user, ROLES } from '../../domain/account.ts';
import { route } from '../route.ts';
import type { Principal } from '../../services/auth-service.ts';
import { actorOf } from '../../services/auth-service.ts';
import type { RouteDeps } from '../../deps.ts';

export const me = z
  .object({
    user,
    role: z.enum(ROLES).meta({ description: 'The role this session or token acts with' }),
    via: z.enum(['session', 'token']),
    passkeyVerified: z.boolean(),
    passkeyRequired: z.boolean().meta({ description: 'An admin session that must sign in with a passkey before admin actions' }),
    sessionId: z.number().int().nullable(),
  })
  .meta({ id: 'Me' });

export const meOf = (p: Principal): z.output<typeof me> => ({
  user: p.user,
  role: p.role,
  via: p.via,
  passkeyVerified: p.passkeyVerified,
  passkeyRequired: p.passkeyRequired,
  sessionId: p.sessionId,
});

export const sessionRoutes = ({ auth, accounts }: RouteDeps) => [
  route({
    method: 'post',
    path: '/session',
    access: 'public',
    tag: 'session',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    body: credentials,
    status: 200,
    response: me,
    errors: [401, 413, 415, 429],
    handle: async ({ body, ctx }) => {
      const { secret } = await auth.signIn(body.email, body.password, ctx, ctx.sessionCookie);
      ctx.setSessionCookie(secret);
      return meOf(auth.fromSession(secret));
    },
  }),
  route({
    method: 'delete',
    path: '/session',
    access: 'viewer',
    tag: 'session',
    summary: 'Sign out: ends this session and clears its cookie',
    status: 204,
    handle: ({ principal, ctx }) => {
      auth.signOut(principal);
      ctx.clearSessionCookie();
    },
  }),
  route({
    method: 'get',
    path: '/me',
    access: 'viewer',
    tag: 'session',
    summary: 'Who is calling, and with which role',
    status: 200,
    response: me,
    handle: ({ principal }) => meOf(principal),
  }),
  route({
    method: 'put',
    path: '/me/password',
    access: 'viewer',
    tag: 'session',
    summary: 'Change your own password; your other sessions end, and with revokeTokens your API tokens are revoked',
    body: passwordChange,
    status: 200,
    response: passwordChanged,
    errors: [413, 415, 429],
    handle: async ({ principal, body, ctx }) =>
      accounts.changePassword(actorOf(principal), principal.user.id, body.currentPassword, body.newPassword, principal.sessionId, body.revokeTokens, ctx.ip),
  }),
  route({
    method: 'post',
    path: '/setup',
    access: 'public',
    tag: 'session',
    summary: 'Create the first admin with the one-time setup token printed at first start; signs in',
    body: z.strictObject({ token: z.string().min(1).max(200), email, password }),
    status: 201,
    response: me,
    errors: [409, 413, 415],
    handle: async ({ body, ctx }) => {
      const admin = await accounts.completeSetup(body.token, body.email, body.password);
      const { secret } = auth.startSession(admin, false, ctx, ctx.sessionCookie);
      ctx.setSessionCookie(secret);
      return meOf(auth.fromSession(secret));
    },
  }),
];
