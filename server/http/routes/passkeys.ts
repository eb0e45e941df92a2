/** Passkeys (WebAuthn): registering them, and signing in with one. */
import { z } from 'zod';
import { passkey } from '../../domain/account.ts';
import { label } from '../../domain/fields.ts';
import { route } from '../route.ts';
import { idParams } from '../schemas/common.ts';
import { me, meOf } from './session.ts';
import type { RouteDeps } from '../../deps.ts';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

// The browser's credential JSON; its inner fields are the verifier's to check.
const credentialJson = z.looseObject({
  id: z.string().min(1).max(2048),
  rawId: z.string().min(1).max(2048),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string().max(8192) }),
  clientExtensionResults: z.looseObject({}),
});
const options = z.looseObject({ challenge: z.string() }).meta({ description: 'WebAuthn options for navigator.credentials.get' });
// What navigator.credentials.create needs besides the challenge (the browser reads further WebAuthn fields as sent).
const creationOptions = options
  .extend({
    rp: z.looseObject({ name: z.string(), id: z.string().optional() }),
    user: z.looseObject({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.looseObject({ alg: z.number().int(), type: z.literal('public-key') })),
  })
  .meta({ description: 'WebAuthn options for navigator.credentials.create' });

export const passkeyRoutes = ({ passkeys, auth }: RouteDeps) => [
  route({
    method: 'get',
    path: '/passkeys',
    access: 'viewer',
    tag: 'passkeys',
    summary: 'Your passkeys',
    status: 200,
    response: z.object({ items: z.array(passkey) }),
    handle: ({ principal }) => ({ items: passkeys.list(principal) }),
  }),
  route({
    method: 'post',
    path: '/passkeys/registration-options',
    access: 'viewer',
    tag: 'passkeys',
    summary: 'Start registering a passkey: options for navigator.credentials.create',
    status: 200,
    response: creationOptions,
    handle: ({ principal, ctx }) => passkeys.registrationOptions(principal, ctx.rp),
  }),
  route({
    method: 'post',
    path: '/passkeys',
    access: 'viewer',
    tag: 'passkeys',
    summary: 'Finish registering a passkey',
    body: z.strictObject({ name: label(100), response: credentialJson }),
    status: 201,
    response: passkey,
    errors: [409, 413, 415],
    handle: ({ principal, body, ctx }) => passkeys.register(principal, ctx.rp, body.name, body.response as unknown as RegistrationResponseJSON),
  }),
  route({
    method: 'delete',
    path: '/passkeys/:id',
    access: 'viewer',
    tag: 'passkeys',
    summary: 'Remove one of your passkeys',
    params: idParams,
    status: 204,
    errors: [404],
    handle: ({ principal, params }) => passkeys.remove(principal, params.id),
  }),
  route({
    method: 'post',
    path: '/session/passkey-options',
    access: 'public',
    tag: 'session',
    summary: 'Start signing in with a passkey: options for navigator.credentials.get',
    status: 200,
    response: z.object({ challengeId: z.string(), options }),
    handle: ({ ctx }) => passkeys.authenticationOptions(ctx.rp),
  }),
  route({
    method: 'post',
    path: '/session/passkey',
    access: 'public',
    tag: 'session',
    summary: 'Sign in with a passkey; sets the session cookie',
    body: z.strictObject({ challengeId: z.string().min(1).max(200), response: credentialJson }),
    status: 200,
    response: me,
    errors: [401, 413, 415],
    handle: async ({ body, ctx }) => {
      const { secret } = await passkeys.signIn(ctx.rp, body.challengeId, body.response as unknown as AuthenticationResponseJSON, ctx, ctx.sessionCookie);
      ctx.setSessionCookie(secret);
      return meOf(auth.fromSession(secret));
    },
  }),
];
