/**
 * Safe defaults for every response: no sniffing, no framing, no referrers, a strict CSP, and HSTS
 * when the request came over HTTPS (directly, or through a proxy trusted with TRUST_PROXY: only
 * then does Express read X-Forwarded-Proto). API answers are never cached (`apiNoStore`): they
 * carry scores, facts and accounts, and a shared or browser cache would keep them past sign-out.
 */
import type { RequestHandler } from 'express';

const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  // Lit may fall back to <style> elements; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const securityHeaders: RequestHandler = (req, res, next) => {
  if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  res.set({
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  next();
};

/** For /api: set before the routes, so a route with its own Cache-Control (the calendar feed) keeps it. */
export const apiNoStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
