/**
 * The OpenAPI 3.1 document, written from the route table: the very schemas that validate requests
 * describe them here. Named schemas (zod `.meta({ id })`) become components.
 */
import { z } from 'zod';
import type { AnyRoute } from './route.ts';
import { problem } from './schemas/common.ts';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'Deleted',
  400: 'Invalid request (code validation-failed, malformed-json, bad-encoding, malformed-url, bad-host or malformed-request)',
  401: 'Not signed in, or the session or token is no longer valid',
  403: 'The role does not allow this, or the request did not come from the app (csrf-rejected)',
  429: 'Too many failed attempts; see Retry-After',
  404: 'Not found',
  409: 'Conflict with stored data',
  412: 'The record changed since the If-Match version (code edit-conflict); the body holds the current record',
  413: 'Body over 1 MB',
  415: 'Body is not application/json, not UTF-8 (unsupported-charset), or compressed otherwise than gzip, deflate or br (unsupported-content-encoding)',
  500: 'Server error (no details are exposed)',
};

const IF_MATCH = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The ETag of the version this change was made against ("v7"); a stale one answers 412 and changes nothing',
  schema: { type: 'string' },
};

/** Replaces `#/$defs/X` references with `#/components/schemas/<name of X>`. */
function withComponentRefs(v: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(v)) return v.map((x) => withComponentRefs(x, names));
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => {
      if (k !== '$ref' || typeof x !== 'string' || !x.startsWith('#/$defs/')) return [k, withComponentRefs(x, names)];
      const id = x.slice('#/$defs/'.length);
      return [k, `#/components/schemas/${names.get(id) ?? id}`];
    }),
  );
}

/** Converts a schema and moves its named definitions into `components`. */
function converter(components: Json) {
  return (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const { $schema: _s, $defs, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const defs = Object.entries(($defs ?? {}) as Record<string, Json>);
    const names = new Map<string, string>();
    for (const [id, def] of defs) {
      // A named schema can read differently as input (defaults are optional) and as output.
      const existing = components[id];
      const same = !existing || JSON.stringify(existing) === JSON.stringify(withComponentRefs(def, new Map()));
      names.set(id, same ? id : `${id}${io === 'input' ? 'Input' : 'Output'}`);
    }
    for (const [id, def] of defs) components[names.get(id)!] = withComponentRefs(def, names);
    return withComponentRefs(rest, names) as Json;
  };
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', convert: ReturnType<typeof converter>): Json[] {
  if (!schema) return [];
  const js = convert(schema, 'input');
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function openApiDocument(routes: readonly AnyRoute[], version: string) {
  const components: Json = {};
  const convert = converter(components);
  const paths: Record<string, Json> = {};
  const problemRef = { $ref: '#/components/schemas/Problem' };
  convert(problem, 'output');
  for (const r of routes) {
    const path = `/api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`;
    const writes = r.versioned && r.method !== 'get';
    const errors = [
      ...new Set([400, ...(r.access === 'public' ? (r.responseToken ? [401] : []) : [401, 403]), ...(r.errors ?? []), ...(writes ? [412] : []), 500]),
    ].sort();
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.access === 'public' ? r.summary : `${r.summary} (${r.access} or above)`,
      tags: [r.tag],
      security: r.responseToken
        ? [{ responseToken: [] }]
        : r.access === 'public'
          ? []
          : [{ session: [] }, { token: [] }, ...(r.tokenInUrl ? [{ tokenInUrl: [] }, { tokenAsBasic: [] }] : [])],
      operationId: `${r.method}${r.path.replace(/[^a-zA-Z0-9]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: [...parameters(r.params, 'path', convert), ...parameters(r.query, 'query', convert), ...(writes ? [IF_MATCH] : [])],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(r.body, 'input') } } } } : {}),
      ...(r.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: convert(r.multipart.fields, 'input') } } } } : {}),
      responses: {
        [r.status]: {
          description: STATUS_TEXT[r.status],
          ...(r.response ? { content: { 'application/json': { schema: convert(r.response, 'output') } } } : {}),
          ...(r.versioned && r.response
            ? { headers: { ETag: { description: 'The record’s version as a strong validator ("v7"), for If-Match', schema: { type: 'string' } } } }
            : {}),
        },
        ...Object.fromEntries(
          errors.map((s) => [s, { description: STATUS_TEXT[s] ?? 'Error', content: { 'application/problem+json': { schema: problemRef } } }]),
        ),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vendorscope API',
      version,
      description: 'Third-party supply-chain risk scoring. Errors are RFC 9457 problem documents with a stable `code`.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'vs_session', description: 'Set by POST /api/v1/session; changes need the app’s own Origin' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/tokens (vst_…)' },
        tokenInUrl: { type: 'apiKey', in: 'query', name: 'token', description: 'An API token in the URL, for calendar feeds only' },
        tokenAsBasic: { type: 'http', scheme: 'basic', description: 'An API token as the Basic password (any user name), for calendar feeds only' },
        responseToken: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Response-Token',
          description: 'A questionnaire response token (from the link /respond#token=…), for the /respond routes only',
        },
      },
    },
  };
}
