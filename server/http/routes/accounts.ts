/** Users (admins), sessions and API tokens. */
import { z } from 'zod';
import { apiToken, newToken, newUser, session, user, userPatch } from '../../domain/account.ts';
import { route } from '../route.ts';
import { flagParam, idParams } from '../schemas/common.ts';
import { actorOf } from '../../services/auth-service.ts';
import type { Deps } from '../../deps.ts';

const createdToken = apiToken.extend({ token: z.string().meta({ description: 'Shown this once; send it as Authorization: Bearer' }) }).meta({ id: 'CreatedToken' });

export const accountRoutes = ({ accounts, auth }: Deps) => [
  route({
    method: 'get',
    path: '/users',
    access: 'admin',
    tag: 'accounts',
    summary: 'Every user',
    status: 200,
    response: z.object({ items: z.array(user) }),
    handle: () => ({ items: accounts.list() }),
  }),
  route({
    method: 'post',
    path: '/users',
    access: 'admin',
    tag: 'accounts',
    summary: 'Create a user',
    body: newUser,
    status: 201,
    response: user,
    errors: [409, 413, 415],
    handle: ({ body, principal }) => accounts.create(actorOf(principal), body.email, body.password, body.role),
  }),
  route({
    method: 'patch',
    path: '/users/:id',
    access: 'admin',
    tag: 'accounts',
    summary: "Change a user's role or disable the account (their sessions end)",
    params: idParams,
    body: userPatch,
    status: 200,
    response: user,
    errors: [404, 413, 415],
    handle: ({ params, body, principal }) => accounts.update(actorOf(principal), params.id, body),
  }),
  route({
    method: 'get',
    path: '/sessions',
    access: 'viewer',
    tag: 'accounts',
    summary: 'Your live sessions (admins: anyone’s, with ?userId=)',
    query: z.strictObject({ userId: z.coerce.number().int().positive().optional() }),
    status: 200,
    response: z.object({ items: z.array(session) }),
    errors: [404],
    handle: ({ query, principal }) => ({ items: auth.sessions(principal, query.userId ?? principal.user.id) }),
  }),
  route({
    method: 'delete',
    path: '/sessions/:id',
    access: 'viewer',
    tag: 'accounts',
    summary: 'Revoke one of your sessions (admins: anyone’s)',
    params: idParams,
    status: 204,
    errors: [404],
    handle: ({ params, principal }) => auth.revokeSession(principal, params.id),
  }),
  route({
    method: 'get',
    path: '/tokens',
    access: 'viewer',
    tag: 'accounts',
    summary: 'Your API tokens (admins: everyone’s, with ?all=true); never the secrets',
    query: z.strictObject({ all: flagParam }),
    status: 200,
    response: z.object({ items: z.array(apiToken) }),
    handle: ({ query, principal }) => ({ items: auth.tokens(principal, query.all) }),
  }),
  route({
    method: 'post',
    path: '/tokens',
    access: 'viewer',
    tag: 'accounts',
    summary: 'Create an API token for yourself, with a role no higher than yours; the secret is shown once',
    body: newToken,
    status: 201,
    response: createdToken,
    errors: [413, 415],
    handle: ({ body, principal }) => auth.createToken(principal, body),
  }),
  route({
    method: 'delete',
    path: '/tokens/:id',
    access: 'viewer',
    tag: 'accounts',
    summary: 'Revoke one of your tokens (admins: anyone’s)',
    params: idParams,
    status: 204,
    errors: [404],
    handle: ({ params, principal }) => auth.revokeToken(principal, params.id),
  }),
];
