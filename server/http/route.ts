/**
 * A route is data: method, path, who may call it, the zod schemas of its params, query and body,
 * its success status and response schema, and a handler. The same object authorizes and validates
 * requests, mounts the Express handler and writes the OpenAPI document, so they cannot drift.
 */
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { atLeast, type Role } from '../domain/account.ts';
import { fieldProblems } from '../domain/field-problems.ts';
import type { Principal } from '../services/auth-service.ts';
import { HttpError, validationError } from './problem.ts';
import { appOrigin, requestContext, type RequestContext } from './request-context.ts';
import { etagOf, ifMatchVersion, versionOf } from './preconditions.ts';
import { PreparedJson, Reply } from './replies.ts';

export { PreparedJson, Reply };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Who may call a route: anyone (`public`), or a signed-in principal with at least this role. */
export type Access = 'public' | Role;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
/**
 * What a handler may return: the declared response (its input type, before any transform), or a
 * `Reply`/`PreparedJson` for the answers that are not the usual one. A route with no response schema
 * answers 204 or a non-JSON body (`produces`).
 */
export type HandlerResult<R> = (R extends z.ZodType ? DeepReadonly<z.input<R>> : void | string | Buffer) | Reply | PreparedJson;
/** Services hand out readonly records; a response only has to match the schema's shape. */
type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? // A loose object's index signature says "more keys may come", not that a record must declare one.
      { readonly [K in keyof T as string extends K ? never : K]: DeepReadonly<T[K]> }
    : T;

export interface RouteSpec<A extends Access = Access, P = undefined, Q = undefined, B = undefined, R = undefined> {
  readonly method: Method;
  /** Express path under /api/v1, e.g. `/vendors/:id`. */
  readonly path: string;
  readonly access: A;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /**
   * A body that is not a JSON object (CSV, NDJSON, a large JSON document): it reaches the handler
   * as text, checked to be UTF-8, with a larger size limit.
   */
  readonly rawBody?: { readonly types: readonly string[]; /** Bytes. */ readonly limit: number };
  /**
   * A multipart/form-data body (a file upload): not parsed here; the handler streams it from
   * `request` (server/http/multipart.ts). A declared Content-Length over `limit` is refused first.
   */
  readonly multipart?: { /** Bytes, the whole body. */ readonly limit: number; /** The form's fields, for the OpenAPI document. */ readonly fields: z.ZodType };
  /**
   * Runs once the caller is known and before the body is read: it may refuse (by throwing, e.g. 429
   * when too many imports run), and what it returns is called when the response ends.
   */
  readonly admit?: (principal: A extends 'public' ? Principal | null : Principal) => () => void;
  /**
   * A feed for apps that cannot send an Authorization header (calendars): an API token may come as
   * `?token=` or as the password of HTTP Basic. Only on such routes, and only GETs.
   */
  readonly tokenInUrl?: boolean;
  /**
   * A `public` route whose caller is a vendor's contact, known by the response token in the
   * X-Response-Token header (checked by the handler): documented as such in the OpenAPI document.
   */
  readonly responseToken?: boolean;
  /** Success status: 200, 201, 202 or 204 (a handler may pick another success status with `reply`). */
  readonly status: 200 | 201 | 202 | 204;
  /** The response's content type when it is not JSON (e.g. text/csv); the handler returns a string. */
  readonly produces?: string;
  readonly response?: R;
  /** Error statuses this route can answer besides 400, 401, 403 and 500. */
  readonly errors?: readonly number[];
  /**
   * The route reads or changes one versioned record (one with a `version` field): a record it answers
   * with gets an `ETag`, and a PUT, PATCH or DELETE passes the `If-Match` version to its handler as
   * `ifMatch`, which the write compares and sets atomically (412 `edit-conflict` when stale).
   */
  readonly versioned?: boolean;
  readonly handle: (input: {
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
    principal: A extends 'public' ? Principal | null : Principal;
    ctx: RequestContext;
    /** The body of a `rawBody` route, decoded (on first use: a handler that reads `bytes` elsewhere never decodes it here). */
    readonly text: string;
    /** The body of a `rawBody` route, as received. */
    bytes: Buffer;
    /** On a `versioned` route: the version `If-Match` names; undefined without one (or with `*`). */
    ifMatch: number | undefined;
    /** The request, on a `multipart` route: its body is still unread, for the handler to stream. */
    request: Request;
  }) => HandlerResult<R> | Promise<HandlerResult<R>>;
}

export type AnyRoute = RouteSpec<Access, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/**
 * What a route promises its callers, kept as types on the route (it exists at run time as nothing):
 * `server/http/contract.ts` reads it to name every route's request and response.
 */
export interface RouteTypes<M extends Method, Path extends string, P, Q, B, R> {
  readonly key: `${Uppercase<M>} ${Path}`;
  readonly params: Out<P>;
  /** What a caller sends (before defaults and coercion). */
  readonly query: In<Q>;
  readonly body: In<B>;
  /** What a caller receives: the declared response; undefined when the route answers 204 or a file. */
  readonly response: Out<R>;
}
declare const routeTypes: unique symbol;
export type TypedRoute<M extends Method, Path extends string, P, Q, B, R> = AnyRoute & {
  readonly method: M;
  readonly path: Path;
  readonly [routeTypes]?: RouteTypes<M, Path, P, Q, B, R>;
};
/** The request and response types a route (as returned by `route`) carries. */
export type TypesOf<T> = T extends { readonly [routeTypes]?: infer X } ? NonNullable<X> : never;

export const route = <
  A extends Access,
  M extends Method,
  Path extends string,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(
  spec: RouteSpec<A, P, Q, B, R> & { readonly method: M; readonly path: Path },
): TypedRoute<M, Path, P, Q, B, R> => spec as unknown as TypedRoute<M, Path, P, Q, B, R>;

/** Resolves the caller: null when anonymous; throws when credentials are present but no good. */
export type Authenticate = (req: Request) => Principal | null;

export interface MountOptions {
  readonly authenticate: Authenticate;
  readonly publicUrl: string | null;
  /** Check each JSON answer against the route's response schema (tests); see `checkedAnswer`. */
  readonly checkResponses?: boolean;
}

const NO_QUERY = z.strictObject({});
/** JSON bodies (records, patches) are small; imports use `rawBody` with their own limit. */
export const JSON_LIMIT = '1mb';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function parsePart(schema: z.ZodType, value: unknown, part: string): unknown {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(fieldProblems(r.error, part, value));
  return r.data;
}

function parseBody(spec: AnyRoute, req: Request): unknown {
  if (!spec.body) return undefined;
  if (!req.is('application/json')) throw new HttpError(415, 'unsupported-media-type', 'Send the body as application/json.');
  return parsePart(spec.body, req.body, 'body');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of a raw body, of one of the route's types. */
function rawBytes(spec: AnyRoute, req: Request): Buffer {
  if (!spec.rawBody) return Buffer.alloc(0);
  if (!req.is([...spec.rawBody.types]) || !Buffer.isBuffer(req.body)) {
    throw new HttpError(415, 'unsupported-media-type', `Send the body as ${spec.rawBody.types.join(' or ')}.`);
  }
  return req.body;
}

/** The text of a raw body: valid UTF-8, without a byte-order mark. */
function rawText(bytes: Buffer): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new HttpError(400, 'bad-encoding', 'The body is not valid UTF-8; save the file as UTF-8 and try again.');
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * JSON is UTF-8 (RFC 8259 §8.1). express.json would decode invalid bytes as U+FFFD and store them;
 * like `rawText`, refuse them. (`wellFormedRequest` already refused any other declared charset.)
 */
function utf8Only(_req: unknown, _res: unknown, body: Buffer, charset: string): void {
  if (charset !== 'utf-8') throw new HttpError(415, 'unsupported-charset', 'Send the body as UTF-8 (charset=utf-8, or no charset).');
  try {
    UTF8.decode(body);
  } catch {
    throw new HttpError(400, 'bad-encoding', 'The body is not valid UTF-8; send JSON as UTF-8.');
  }
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

/** Moves a feed's token (`?token=`, or a Basic password) into the Bearer header the authenticator reads. */
function feedToken(req: Request): void {
  const header = req.get('authorization');
  const basic = header && /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    req.headers.authorization = `Bearer ${decoded.slice(decoded.indexOf(':') + 1)}`;
  } else if (header === undefined && typeof req.query.token === 'string') {
    req.headers.authorization = `Bearer ${req.query.token}`;
  }
}

/**
 * A body declared larger than the route takes is refused at once, and the connection closed
 * (the body parser would refuse it too, but only after the client had sent all of it).
 */
function tooLarge(spec: AnyRoute, req: Request, res: Response): void {
  const declared = Number(req.get('content-length') ?? 0);
  const limit = spec.rawBody?.limit ?? spec.multipart?.limit;
  if (limit !== undefined && declared > limit) {
    res.set('Connection', 'close');
    throw new HttpError(413, 'payload-too-large', `The body is larger than this endpoint accepts (${Math.floor(limit / 1024 / 1024)} MB).`);
  }
}

/** A multipart route reads its own body, as a stream, in its handler (after its path and query are checked). */
const multipartLater = (_req: Request, _res: Response, next: () => void): void => next();

/** Anything but multipart/form-data is refused before a byte of it is read. */
function multipartOnly(req: Request, res: Response): void {
  if (!req.is('multipart/form-data')) {
    res.set('Connection', 'close');
    throw new HttpError(415, 'unsupported-media-type', 'Send the body as multipart/form-data.');
  }
}

/**
 * The answer as a client will read it (through JSON) must parse with the route's declared response:
 * the type check holds handlers to the schema's shape, this holds what they actually send (values,
 * ranges, formats, what a cast or an `unknown` let through). A mismatch is a server bug: 500.
 */
function checkAnswer(spec: AnyRoute, result: unknown): void {
  let body: unknown;
  if (result instanceof PreparedJson) body = JSON.parse(result.body.toString('utf8'));
  else if (result instanceof Reply) {
    if (result.status !== spec.status || typeof result.body === 'string' || Buffer.isBuffer(result.body)) return;
    body = JSON.parse(JSON.stringify(result.body));
  } else if (spec.status === 204 || spec.produces) return;
  else body = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  if (!spec.response) {
    if (body === undefined) return;
    throw new HttpError(500, 'response-contract', `${spec.method.toUpperCase()} ${spec.path} answered JSON but declares no response schema.`);
  }
  const r = spec.response.safeParse(body);
  if (!r.success) {
    const where = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new HttpError(500, 'response-contract', `${spec.method.toUpperCase()} ${spec.path} answered outside its response schema: ${where}`);
  }
}

/** Mounts the routes, each authorizing and validating its input before its handler runs. */
export function mountRoutes(routes: readonly AnyRoute[], opts: MountOptions): Router {
  const router = Router();
  for (const spec of routes) {
    const parser = spec.multipart
      ? multipartLater
      : spec.rawBody
        ? express.raw({ type: [...spec.rawBody.types], limit: spec.rawBody.limit })
        : express.json({ limit: JSON_LIMIT, verify: utf8Only });
    // Who is calling is settled before the body is read: an anonymous caller never makes us parse megabytes.
    const gate = (req: Request, res: Response, next: () => void) => {
      if (spec.tokenInUrl) feedToken(req);
      const principal = authorize(spec, req, opts.authenticate);
      checkOrigin(req, principal, opts.publicUrl);
      tooLarge(spec, req, res);
      if (spec.admit) res.once('close', spec.admit(principal));
      res.locals.principal = principal;
      next();
    };
    router[spec.method](spec.path, gate, parser, async (req, res) => {
      const principal = res.locals.principal as Principal | null;
      const params = spec.params ? parsePart(spec.params, req.params, 'params') : undefined;
      const query = parsePart(spec.query ?? NO_QUERY, req.query, 'query');
      if (spec.multipart) multipartOnly(req, res);
      const body = parseBody(spec, req);
      const bytes = rawBytes(spec, req);
      const ctx = requestContext(req, res, opts.publicUrl);
      const ifMatch = spec.versioned && !SAFE_METHODS.has(req.method) ? ifMatchVersion(req) : undefined;
      let text: string | undefined;
      const input = {
        params,
        query,
        body,
        principal: principal as Principal,
        ctx,
        bytes,
        ifMatch,
        request: req,
        get text() {
          return (text ??= spec.rawBody ? rawText(bytes) : '');
        },
      };
      const result = await spec.handle(input);
      if (opts.checkResponses) checkAnswer(spec, result);
      const version = spec.versioned ? versionOf(result) : undefined;
      if (version !== undefined) res.set('ETag', etagOf(version));
      if (result instanceof Reply) return result.send(res);
      if (result instanceof PreparedJson) return result.send(req, res);
      if (spec.status === 204) res.status(204).end();
      else if (spec.produces) res.status(spec.status).type(spec.produces).send(result);
      else res.status(spec.status).json(result);
    });
  }
  return router;
}
