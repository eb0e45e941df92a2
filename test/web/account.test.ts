import { describe, expect, it } from 'vitest';
import {
  describeAgent,
  passkeyFailure,
  passkeyHostProblem,
  passwordChangedText,
  passwordResetText,
  signInFailure,
  tokenState,
  waitText,
} from '../../web/account.ts';
import { ApiError } from '../../web/api/api-error.ts';

describe('describeAgent', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome 126 on Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36', 'Chrome 140 (headless) on Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0', 'Edge 126 on Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128 on macOS'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari 17 on iOS',
    ],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36', 'Chrome 126 on Android'],
  ])('names %s', (ua, expected) => {
    expect(describeAgent(ua)).toBe(expected);
  });

  it('keeps an unknown agent as it is, shortened, and says when there is none', () => {
    expect(describeAgent('node')).toBe('node');
    expect(describeAgent(`curl/8.5.0 ${'x'.repeat(80)}`)).toHaveLength(60);
    expect(describeAgent(null)).toBe('Unknown device');
  });
});

describe('tokenState', () => {
  const now = '2026-05-01T12:00:00.000Z';
  it('is revoked, expired or active', () => {
    expect(tokenState({ expiresAt: '2026-06-01T00:00:00.000Z', revokedAt: null }, now)).toBe('active');
    expect(tokenState({ expiresAt: '2026-04-01T00:00:00.000Z', revokedAt: null }, now)).toBe('expired');
    expect(tokenState({ expiresAt: '2026-06-01T00:00:00.000Z', revokedAt: '2026-04-30T00:00:00.000Z' }, now)).toBe('revoked');
  });
});

describe('passkeyHostProblem', () => {
  const at = (hostname: string, port = '3000') => ({ hostname, port, protocol: 'http:', pathname: '/sign-in' });
  it('has none on a host name', () => {
    expect(passkeyHostProblem(at('localhost'))).toBeNull();
    expect(passkeyHostProblem(at('vendorscope.example.com', ''))).toBeNull();
  });

  it('points a loopback address at localhost, with the port and page', () => {
    expect(passkeyHostProblem(at('127.0.0.1'))).toContain('http://localhost:3000/sign-in');
    expect(passkeyHostProblem(at('[::1]'))).toContain('http://localhost:3000/sign-in');
  });

  it('asks for the host name on any other address', () => {
    expect(passkeyHostProblem(at('10.1.2.3'))).toMatch(/by its host name/);
  });
});

describe('sign-in and passkey failures in words', () => {
  it('says wrong credentials without saying which', () => {
    expect(signInFailure(new ApiError(401, 'invalid-credentials', 'x'))).toBe('The e-mail address or the password is wrong.');
  });

  it('says how long to wait when throttled', () => {
    expect(signInFailure(new ApiError(429, 'too-many-attempts', 'x', [], 840))).toBe('Too many failed sign-ins. Try again in 14 minutes.');
    expect(signInFailure(new ApiError(429, 'too-many-attempts', 'x'))).toBe('Too many failed sign-ins. Try again later.');
  });

  it('explains an unreachable server, a refused passkey and a closed prompt', () => {
    expect(signInFailure(new ApiError(0, 'network-error', 'x'))).toMatch(/could not be reached/);
    expect(signInFailure(new ApiError(401, 'passkey-not-verified', 'x'))).toMatch(/not registered here/);
    expect(passkeyFailure(Object.assign(new Error('x'), { name: 'NotAllowedError' }))).toMatch(/closed or timed out/);
    expect(passkeyFailure(Object.assign(new Error('x'), { code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' }))).toMatch(/already holds/);
    expect(passkeyFailure(new Error('Something else'))).toBe('Something else');
  });

  it('rounds waits up to whole minutes beyond one', () => {
    expect([waitText(1), waitText(40), waitText(60), waitText(61), waitText(900)]).toEqual(['1 second', '40 seconds', '60 seconds', '2 minutes', '15 minutes']);
  });
});

describe('passwordChangedText', () => {
  it('says how many sessions ended and, when asked, how many tokens were revoked', () => {
    expect(passwordChangedText({ sessionsEnded: 2, tokensRevoked: 0 }, false)).toBe('Password changed. 2 other sessions were signed out.');
    expect(passwordChangedText({ sessionsEnded: 0, tokensRevoked: 3 }, true)).toBe('Password changed. You had no other sessions. 3 API tokens were revoked.');
    expect(passwordChangedText({ sessionsEnded: 1, tokensRevoked: 1 }, true)).toBe(
      'Password changed. 1 other session was signed out. 1 API token was revoked.',
    );
    expect(passwordChangedText({ sessionsEnded: 1, tokensRevoked: 0 }, true)).toBe(
      'Password changed. 1 other session was signed out. You had no API tokens to revoke.',
    );
  });
});

describe('passwordResetText', () => {
  it('tells the admin what ended, and to hand the password over', () => {
    expect(passwordResetText('pat@x', { sessionsEnded: 2, tokensRevoked: 1 })).toBe(
      'Password of pat@x reset: 2 sessions ended, 1 API token revoked. Hand over the new password another way.',
    );
    expect(passwordResetText('pat@x', { sessionsEnded: 0, tokensRevoked: 0 })).toBe(
      'Password of pat@x reset: no session to end, no API token to revoke. Hand over the new password another way.',
    );
  });
});
