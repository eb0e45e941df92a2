/**
 * Client errors raised outside our own code: by body-parser and raw-body (a charset or coding they
 * cannot read, a corrupt compressed body, a body cut short), by the router (a parameter that does not
 * decode), by the static file server (a Range or a precondition it cannot satisfy). They are the client's mistake: each becomes a 4xx problem document, and none is logged
 * as a failure with a stack trace. What Node's own HTTP parser refuses is answered in parse-errors.ts.
 */
import type { ProblemCode } from './problem.ts';

/** The codings body-parser can undo on every supported Node (zstd only on newer ones, so never). */
export const CONTENT_CODINGS = ['identity', 'gzip', 'deflate', 'br'] as const;

export interface ClientProblem {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
}

export const UNREADABLE: ClientProblem = {
  status: 400,
  code: 'malformed-request',
  detail: 'The request could not be read: a body that does not match its Content-Length or Content-Encoding, or HTTP that does not parse.',
};

/**
 * The problem for an error a library raised as the client's (http-errors' `status`/`statusCode` 400
 * or 415, body-parser's `type`), or null when it is not the client's (then it is ours: a 500, logged).
 */
export function clientProblem(err: unknown): ClientProblem | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (!(status >= 400 && status < 500)) return null;
  if (e.type === 'charset.unsupported') return { status: 415, code: 'unsupported-charset', detail: 'Send the body as UTF-8 (charset=utf-8, or no charset).' };
  if (e.type === 'encoding.unsupported') {
    return {
      status: 415,
      code: 'unsupported-content-encoding',
      detail: `Send the body uncompressed, or with one Content-Encoding of ${CONTENT_CODINGS.slice(1).join(', ')}.`,
    };
  }
  // The web app's files honour Range and conditional requests (send): one they cannot satisfy is the client's.
  if (status === 416) return { status: 416, code: 'range-not-satisfiable', detail: 'The Range asked for is not within the file.' };
  if (status === 412) return { status: 412, code: 'precondition-failed', detail: 'The file does not match the request’s If-Match or If-Unmodified-Since.' };
  if (status !== 400) return null; // a 404 from sendFile (no web build) is ours, not the client's
  if (err instanceof URIError) return { status: 400, code: 'malformed-url', detail: 'The URL holds a malformed percent-encoding.' };
  // A compressed body that does not decompress, a body cut short or longer than its Content-Length.
  return UNREADABLE;
}
