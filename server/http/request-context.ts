/**
 * What a handler may know about the request beyond its validated input: the caller's address and
 * agent, the app's own origin (for WebAuthn and CSRF), and the session cookie, which only the
 * session routes read or write.
 */
import type { Request, Response } from 'express';
import type { RelyingParty } from '../services/passkeys-service.ts';

export const SESSION_COOKIE = 'vs_session';

export interface RequestContext {
  readonly ip: string;
  readonly userAgent: string | null;
  readonly rp: RelyingParty;
  readonly sessionCookie: string | null;
  setSessionCookie(secret: string): void;
  clearSessionCookie(): void;
}

/** The value of one cookie, without a parsing library. */
export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** The origin browsers use for this app: the configured public URL, or the request's own. */
export function appOrigin(req: Request, publicUrl: string | null): string {
  return publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.get('host') ?? 'localhost'}`;
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
    setSessionCookie: (secret) => {
      res.cookie(SESSION_COOKIE, secret, cookie);
    },
    clearSessionCookie: () => {
      res.clearCookie(SESSION_COOKIE, cookie);
    },
  };
}
