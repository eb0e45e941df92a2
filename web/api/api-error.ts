/** A failed API request as the web app sees it, built from the server's problem+json. PURE. */
import { fieldLabel, fieldMessage, underPart, type FieldLabels, type Problem } from '../field-messages.ts';

/** A failed request: HTTP status (0 when the server could not be reached) and a stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ReadonlyArray<Problem>;
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
    const fields: Problem[] = Array.isArray(body.errors) ? (body.errors as Problem[]) : [];
    const said = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : fallback;
    // "2 field(s) failed validation." is the server's count, not a sentence for a person.
    const message = code === 'validation-failed' && fields.length > 0 && /^\d+ field\(s\) failed validation\.$/.test(said) ? notAccepted(fields.length) : said;
    return new ApiError(res.status, code, message, fields, retryAfter, body.current);
  } catch {
    return new ApiError(res.status, `http-${res.status}`, fallback, [], retryAfter);
  }
}

/** The headline of a validation failure, in words. */
export const notAccepted = (n: number): string => (n === 1 ? 'One value was not accepted.' : `${n} values were not accepted.`);

/**
 * A validation failure's messages by field name, for showing beside each field: `body.password`
 * → `password`, each a sentence naming the field by its label ("Tier must be at most 4."; the
 * form's `labels` by field name first, then the common ones of web/field-messages.ts). Several
 * messages for one field are joined. Empty for any other failure.
 */
export function fieldErrors(e: unknown, part = 'body', labels: FieldLabels = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.fields) {
    const path = underPart(f.path, part);
    if (path === undefined) continue;
    const name = path.split('.')[0] ?? '';
    const text = fieldMessage(f, fieldLabel(path, { ...labels, ...(labels[name] ? { [path]: labels[name] } : {}) }));
    out[name] = out[name] ? `${out[name]} ${text}` : text;
  }
  return out;
}

/**
 * A validation failure's messages by their whole path under `part`, for forms whose fields are
 * nested: `body.items.0.assessedOn` → `items.0.assessedOn`, worded as `fieldErrors` does (labels
 * by whole path, then by the last name in it). Empty for any other failure.
 */
export function fieldErrorPaths(e: unknown, part = 'body', labels: FieldLabels = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const f of e.fields) {
    const path = underPart(f.path, part);
    if (path === undefined) continue;
    const text = fieldMessage(f, fieldLabel(path, labels));
    out[path] = out[path] ? `${out[path]} ${text}` : text;
  }
  return out;
}
