/**
 * A route is data: method, path, who may call it, the zod schemas of its params, query and body,
 * its success status and response schema, and a handler. The same object authorizes and validates
 * requests, mounts the Express handler and writes the OpenAPI document, so they cannot drift.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { atLeast, type Role } from '../domain/account.ts';
import { fieldProblems } from '../domain/field-problems.ts';
import type { Principal } from '../services/auth-service.ts';
import { HttpError, validationError } from './problem.ts';
import { appOrigin, requestContext, type RequestContext } from './request-context.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call a route: anyone (`public`), or a signed-in principal with at least this role. */
export type Access = 'public' | Role;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<A extends Access = Access, P = undefined, Q = undefined, B = undefined> {
  readonly method: Method;
  /** Express path under /api/v1, e.g. `/vendors/:id`. */
  readonly path: string;
  readonly access: A;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Success status: 200, 201 or 204. */
  readonly status: 200 | 201 | 204;
  readonly response?: z.ZodType;
  /** Error statuses this route can answer besides 400, 401, 403 and 500. */
  readonly errors?: readonly number[];
  readonly handle: (input: {
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
    principal: A extends 'public' ? Principal | null : Principal;
    ctx: RequestContext;
  }) => unknown;
}

export type AnyRoute = RouteSpec<Access, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

export const route = <
  A extends Access,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<A, P, Q, B>,
): AnyRoute => spec as unknown as AnyRoute;

/** Resolves the caller: null when anonymous; throws when credentials are present but no good. */
export type Authenticate = (req: Request) => Principal | null;

export interface MountOptions {
  readonly authenticate: Authenticate;
  readonly publicUrl: string | null;
}

const NO_QUERY = z.strictObject({});
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function parsePart(schema: z.ZodType, value: unknown, part: string): unknown {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(fieldProblems(r.error, part));
  return r.data;
}

function parseBody(spec: AnyRoute, req: Request): unknown {
  if (!spec.body) return undefined;
  if (!req.is('application/json')) throw new HttpError(415, 'unsupported-media-type', 'Send the body as application/json.');
  return parsePart(spec.body, req.body, 'body');
}

function authorize(spec: AnyRoute, req: Request, authenticate: Authenticate): Principal | null {
  if (spec.access === 'public') {
    // A stale cookie must not stop anyone from signing in again.
    try {
      return authenticate(req);
    } catch {
      return null;
    }
  }
  const principal = authenticate(req);
  if (!principal) throw new HttpError(401, 'authentication-required', 'Sign in, or send an API token as Authorization: Bearer.');
  if (!atLeast(principal.role, spec.access)) {
    if (principal.passkeyRequired && spec.access === 'admin') {
      throw new HttpError(403, 'passkey-required', 'Admin actions need a session signed in with a passkey.');
    }
    throw new HttpError(403, 'forbidden', `This needs the ${spec.access} role; you act as ${principal.role}.`);
  }
  return principal;
}

/**
 * A state-changing request carried by the session cookie must come from the app's own pages:
 * its Origin must be ours (browsers always send it on POST, PUT, PATCH and DELETE). Requests
 * authenticated by a bearer token carry no ambient credentials and need no such check.
 */
function checkOrigin(req: Request, principal: Principal | null, publicUrl: string | null): void {
  if (SAFE_METHODS.has(req.method) || principal?.via === 'token') return;
  const origin = req.get('origin');
  const ours = appOrigin(req, publicUrl);
  const cookieBorne = principal?.via === 'session' || (principal === null && req.headers.cookie !== undefined);
  if (origin !== undefined ? origin !== ours : cookieBorne && req.get('sec-fetch-site') !== 'same-origin') {
    throw new HttpError(403, 'csrf-rejected', 'State-changing requests must come from this app’s own pages.');
  }
}

/** Mounts the routes, each authorizing and validating its input before its handler runs. */
export function mountRoutes(routes: readonly AnyRoute[], opts: MountOptions): Router {
  const router = Router();
  for (const spec of routes) {
    router[spec.method](spec.path, async (req, res) => {
      const principal = authorize(spec, req, opts.authenticate);
      checkOrigin(req, principal, opts.publicUrl);
      const params = spec.params ? parsePart(spec.params, req.params, 'params') : undefined;
      const query = parsePart(spec.query ?? NO_QUERY, req.query, 'query');
      const body = parseBody(spec, req);
      const ctx = requestContext(req, res, opts.publicUrl);
      const result = await spec.handle({ params, query, body, principal: principal as Principal, ctx } as never);
      if (spec.status === 204) res.status(204).end();
      else res.status(spec.status).json(result);
    });
  }
  return router;
}
