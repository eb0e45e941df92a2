/**
 * What every request must get right before any route sees it: one valid Host, a path that
 * percent-decodes, and a body in UTF-8 with a content coding we can undo. Each refusal is a 4xx
 * problem (issue 14 §4); without these, the router, the static files, the body parser and the URL
 * built from the Host threw deep inside and answered 500 with a stack trace in the log.
 */
import type { Request, RequestHandler } from 'express';
import { CONTENT_CODINGS } from './client-errors.ts';
import { HttpError } from './problem.ts';

/** RFC 9110 §7.2: uri-host [ ":" port ], the host an IP literal or a registered name. */
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=]+)(?::\d{0,5})?$/;

/**
 * A valid Host, or none (HTTP/1.0; Node itself refuses an HTTP/1.1 request without one). RFC 9112
 * §3.2 asks for a 400 when it is invalid or repeated. The app's origin (WebAuthn, CSRF) is built from it.
 */
export function validHost(req: Request): boolean {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') count++;
  const host = req.headers.host;
  if (count === 0 && host === undefined) return true;
  return count === 1 && host !== undefined && HOST_SYNTAX.test(host) && URL.canParse(`http://${host}`);
}

/** Whether the path percent-decodes (the router and the static files decode it, and threw URIError). */
function decodablePath(req: Request): boolean {
  try {
    decodeURIComponent(req.path);
    return true;
  } catch {
    return false;
  }
}

/** A request carries a body when it says how long it is or that it is chunked (as type-is decides). */
const hasBody = (req: Request): boolean => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';

/** The charset parameter of the Content-Type, lower-cased and unquoted, if there is one. */
function charsetOf(req: Request): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(req.headers['content-type'] ?? '');
  return m ? m[2]!.toLowerCase() : undefined;
}

export const wellFormedRequest: RequestHandler = (req, _res, next) => {
  if (!validHost(req)) throw new HttpError(400, 'bad-host', 'The Host header must be one host name or address, with an optional port.');
  if (!decodablePath(req))
    throw new HttpError(400, 'malformed-url', 'The URL path holds a malformed percent-encoding (a % must be followed by two hex digits of UTF-8).');
  if (hasBody(req)) {
    const charset = charsetOf(req);
    if (charset !== undefined && charset !== 'utf-8') {
      throw new HttpError(415, 'unsupported-charset', 'Send the body as UTF-8 (charset=utf-8, or no charset).');
    }
    const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (!(CONTENT_CODINGS as readonly string[]).includes(coding)) {
      throw new HttpError(
        415,
        'unsupported-content-encoding',
        `Send the body uncompressed, or with one Content-Encoding of ${CONTENT_CODINGS.slice(1).join(', ')}.`,
      );
    }
  }
  next();
};
