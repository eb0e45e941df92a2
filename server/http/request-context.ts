/**
 * What a handler may know about the request beyond its validated input: the caller's address and
 * agent, the app's own origin (for WebAuthn and CSRF), and the session cookie, which only the
 * session routes read or write.
 */
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { RelyingParty } from '../services/passkeys-service.ts';

export const SESSION_COOKIE = 'vs_session';

export interface RequestContext {
  readonly ip: string;
  readonly userAgent: string | null;
  readonly rp: RelyingParty;
  readonly sessionCookie: string | null;
  /** A request header's value (the first, when repeated), for the few routes that read one (X-Response-Token). */
  header(name: string): string | undefined;
  setSessionCookie(secret: string): void;
  clearSessionCookie(): void;
}

/** What `decode` gives a value that does not percent-decode: the cookie package would keep it raw. */
const UNREADABLE = '';
const decodeStrictly = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return UNREADABLE;
  }
};

/**
 * The value of one cookie (the first of that name), or null. An unreadable value counts as absent: a
 * browser holding a malformed cookie (`vs_session=%E0%A4%A`) must still reach every page and sign in.
 */
export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const cookies = parseCookies(header, { decode: decodeStrictly });
  const value = Object.hasOwn(cookies, name) ? cookies[name] : undefined;
  return value ? value : null;
}

/**
 * The origin browsers use for this app: the configured public URL, or the request's own. The Host
 * was checked by `wellFormedRequest`; the protocol may come from a trusted proxy's X-Forwarded-Proto,
 * so anything but https counts as http rather than making an origin that does not parse.
 */
export function appOrigin(req: Request, publicUrl: string | null): string {
  return publicUrl ? new URL(publicUrl).origin : `${req.secure ? 'https' : 'http'}://${req.get('host') || 'localhost'}`;
}

export function requestContext(req: Request, res: Response, publicUrl: string | null): RequestContext {
  const origin = appOrigin(req, publicUrl);
  // Secure whenever the request came over HTTPS (directly, or via a trusted TLS-terminating proxy).
  const cookie = { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure } as const;
  return {
    ip: req.ip ?? 'unknown',
    userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
    rp: { id: new URL(origin).hostname, origin },
    sessionCookie: readCookie(req, SESSION_COOKIE),
    header: (name) => req.get(name),
    setSessionCookie: (secret) => {
      res.cookie(SESSION_COOKIE, secret, cookie);
    },
    clearSessionCookie: () => {
      res.clearCookie(SESSION_COOKIE, cookie);
    },
  };
}
