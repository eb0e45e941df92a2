/**
 * A route is data: method, path, the zod schemas of its params, query and body, its success
 * status and response schema, and a handler. The same object validates requests, mounts the
 * Express handler and writes the OpenAPI document, so the three cannot drift apart.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { fieldProblems } from '../domain/field-problems.ts';
import { HttpError, validationError } from './problem.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<P = undefined, Q = undefined, B = undefined> {
  readonly method: Method;
  /** Express path under /api/v1, e.g. `/vendors/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Success status: 200, 201 or 204. */
  readonly status: 200 | 201 | 204;
  readonly response?: z.ZodType;
  /** Error statuses this route can answer besides 400 and 500. */
  readonly errors?: readonly number[];
  readonly handle: (input: { params: Out<P>; query: Out<Q>; body: Out<B> }) => unknown;
}

// Spelled out so that the handler's input types follow from the schemas given.
export type AnyRoute = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

export const route = <P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute => spec as unknown as AnyRoute;

/** Routes without a query schema take no query parameters at all. */
const NO_QUERY = z.strictObject({});

function parsePart(schema: z.ZodType, value: unknown, part: string): unknown {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(fieldProblems(r.error, part));
  return r.data;
}

function parseBody(spec: AnyRoute, req: Request): unknown {
  if (!spec.body) return undefined;
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  return parsePart(spec.body, req.body, 'body');
}

/** Mounts the routes on a router, each validating its input before its handler runs. */
export function mountRoutes(routes: readonly AnyRoute[]): Router {
  const router = Router();
  for (const spec of routes) {
    router[spec.method](spec.path, async (req, res) => {
      const params = spec.params ? parsePart(spec.params, req.params, 'params') : undefined;
      const query = parsePart(spec.query ?? NO_QUERY, req.query, 'query');
      const body = parseBody(spec, req);
      const result = await spec.handle({ params, query, body } as never);
      if (spec.status === 204) res.status(204).end();
      else res.status(spec.status).json(result);
    });
  }
  return router;
}
