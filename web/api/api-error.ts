/** A failed API request as the web app sees it, built from the server's problem+json. PURE. */

/** A failed request: HTTP status (0 when the server could not be reached) and a stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ReadonlyArray<{ path: string; message: string }>;
  /** Seconds to wait before trying again (a 429's Retry-After), when the server said. */
  readonly retryAfter: number | undefined;
  /** A 412 edit-conflict's record as it is now (someone else changed it since it was loaded). */
  readonly current: unknown;
  constructor(status: number, code: string, message: string, fields: ApiError['fields'] = [], retryAfter?: number, current?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
    this.current = current;
  }
}

/** Whether a failure is a change refused because the record changed since it was loaded (412). */
export const isEditConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 412 && e.code === 'edit-conflict';

/** The codes that mean "nobody is signed in (any more)": the app shows the sign-in page again. */
const SIGNED_OUT_CODES = new Set(['authentication-required', 'session-expired']);

/**
 * True when a failure means the caller is no longer signed in. A 401 from a sign-in attempt
 * (`invalid-credentials`, `passkey-not-verified`) is only a failed attempt, not a sign-out.
 */
export const isSignedOut = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 401 && SIGNED_OUT_CODES.has(e.code);

export async function problemOf(res: Response): Promise<ApiError> {
  const fallback = `${res.status} ${res.statusText}`.trim();
  const wait = Number(res.headers.get('retry-after') ?? '');
  const retryAfter = Number.isFinite(wait) && wait > 0 ? wait : undefined;
  try {
    const body = (await res.json()) as { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown; current?: unknown };
    const code = typeof body.code === 'string' ? body.code : `http-${res.status}`;
    const message = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : fallback;
    return new ApiError(res.status, code, message, Array.isArray(body.errors) ? body.errors : [], retryAfter, body.current);
  } catch {
    return new ApiError(res.status, `http-${res.status}`, fallback, [], retryAfter);
  }
}

/**
 * A validation failure's messages by field name, for showing beside each field: `body.password`
 * → `password`. Several messages for one field are joined. Empty for any other failure.
 */
export function fieldErrors(e: unknown, part = 'body'): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.fields) {
    if (!f.path.startsWith(`${part}.`)) continue;
    const name = f.path.slice(part.length + 1).split('.')[0] ?? '';
    out[name] = out[name] ? `${out[name]}; ${f.message}` : f.message;
  }
  return out;
}

/**
 * A validation failure's messages by their whole path under `part`, for forms whose fields are
 * nested: `body.items.0.assessedOn` → `items.0.assessedOn`. Empty for any other failure.
 */
export function fieldErrorPaths(e: unknown, part = 'body'): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.fields) {
    if (!f.path.startsWith(`${part}.`)) continue;
    const path = f.path.slice(part.length + 1);
    out[path] = out[path] ? `${out[path]}; ${f.message}` : f.message;
  }
  return out;
}
