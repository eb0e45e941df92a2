/** readCookie and appOrigin, on requests as Express hands them over (issue 18 §3, issue 14 §4). */
import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { appOrigin, readCookie } from '../../../server/http/request-context.ts';

const withCookie = (cookie: string | undefined) => ({ headers: cookie === undefined ? {} : { cookie } }) as unknown as Request;

describe('readCookie', () => {
  it('reads one cookie among others, decoded, quoted or not, the first of its name', () => {
    expect(readCookie(withCookie('a=1; vs_session=abc; b=2'), 'vs_session')).toBe('abc');
    expect(readCookie(withCookie('vs_session="abc"'), 'vs_session')).toBe('abc');
    expect(readCookie(withCookie('vs_session=a%20b'), 'vs_session')).toBe('a b');
    expect(readCookie(withCookie('vs_session=first; vs_session=second'), 'vs_session')).toBe('first');
  });

  it('answers null for a cookie that is absent, empty or does not percent-decode (it used to throw URIError)', () => {
    for (const header of [undefined, '', 'other=1', 'vs_session=', 'vs_session=%E0%A4%A', 'vs_session=%', 'vs_session=%ZZ', '__proto__=x', '=;;=']) {
      expect(readCookie(withCookie(header), 'vs_session'), String(header)).toBeNull();
    }
    expect(readCookie(withCookie('toString=1'), 'constructor')).toBeNull();
  });
});

describe('appOrigin', () => {
  const req = (secure: boolean, host: string | undefined) => ({ secure, get: (h: string) => (h === 'host' ? host : undefined) }) as unknown as Request;

  it('is the configured public URL, or the request’s own scheme and host', () => {
    expect(appOrigin(req(false, 'x.test'), 'https://vs.example.com/app')).toBe('https://vs.example.com');
    expect(appOrigin(req(true, 'x.test:8443'), null)).toBe('https://x.test:8443');
    expect(appOrigin(req(false, undefined), null)).toBe('http://localhost');
  });
});
