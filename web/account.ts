/** Account pieces in words, PURE: a session's browser, a token's state, and why passkeys may not work here. */
import type { ApiToken, PasswordChanged } from '../server/domain/account.ts';

/** The password rule as the server applies it, said before anyone trips over it. */
export const PASSWORD_HINT = 'At least 12 characters, and not a common password. A few unrelated words make a good one.';

const BROWSERS: ReadonlyArray<readonly [RegExp, (version: string) => string]> = [
  [/\bEdg\/(\d+)/, (v) => `Edge ${v}`],
  [/\bFirefox\/(\d+)/, (v) => `Firefox ${v}`],
  [/\bHeadlessChrome\/(\d+)/, (v) => `Chrome ${v} (headless)`],
  [/\bChrom(?:e|ium)\/(\d+)/, (v) => `Chrome ${v}`],
  [/\bVersion\/(\d+)\S* (?:Mobile\/\S+ )?Safari\//, (v) => `Safari ${v}`],
];
// iOS before macOS (iPad user agents mention "Mac OS X"), ChromeOS and Android before Linux.
const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Android/, 'Android'],
  [/Linux/, 'Linux'],
];

/** "Chrome 126 on Linux" from a User-Agent header; the raw text (shortened) for anything else. */
export function describeAgent(ua: string | null): string {
  if (!ua) return 'Unknown device';
  let browser: string | undefined;
  for (const [re, name] of BROWSERS) {
    const v = re.exec(ua)?.[1];
    if (v !== undefined) {
      browser = name(v);
      break;
    }
  }
  if (!browser) return ua.length > 60 ? `${ua.slice(0, 59)}…` : ua;
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  return os ? `${browser} on ${os}` : browser;
}

export type TokenState = 'active' | 'expired' | 'revoked';

export const tokenState = (t: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: string): TokenState =>
  t.revokedAt !== null ? 'revoked' : t.expiresAt <= now ? 'expired' : 'active';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Why passkeys cannot work at this address, or null when they can. WebAuthn ties a passkey to a
 * host name, and browsers refuse IP addresses; on this machine `localhost` reaches the same server.
 */
export function passkeyHostProblem(loc: Pick<Location, 'hostname' | 'port' | 'protocol' | 'pathname'>): string | null {
  const host = loc.hostname;
  if (!IPV4.test(host) && !host.includes(':') && !host.startsWith('[')) return null;
  const loopback = host === '127.0.0.1' || host === '[::1]' || host === '::1';
  const port = loc.port ? `:${loc.port}` : '';
  return loopback
    ? `Passkeys need a host name, not an IP address: open this app at ${loc.protocol}//localhost${port}${loc.pathname} to use them.`
    : 'Passkeys need a host name, not an IP address: open this app by its host name to use them.';
}

/** Words for a failed passkey ceremony (the browser's WebAuthn errors, or the server's refusal). */
export function passkeyFailure(e: unknown): string {
  const name = e instanceof Error ? ((e as Error & { cause?: unknown }).cause instanceof Error ? (e.cause as Error).name : e.name) : '';
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || name === 'InvalidStateError') return 'This device already holds a passkey for your account.';
  if (code === 'passkey-not-verified') return 'That passkey is not registered here, or could not be verified.';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'The passkey prompt was closed or timed out; nothing was changed.';
  if (name === 'SecurityError' || code === 'ERROR_INVALID_DOMAIN' || code === 'ERROR_INVALID_RP_ID')
    return 'This address cannot use passkeys; open the app by its host name (e.g. localhost).';
  return e instanceof Error ? e.message : 'The passkey could not be used.';
}

/** "40 seconds", "1 minute", "15 minutes": a wait, rounded up to whole minutes past one minute. */
export function waitText(seconds: number): string {
  if (seconds <= 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Why a sign-in failed, in words: wrong credentials, throttled (with the wait), or the server's own message. */
export function signInFailure(e: unknown): string {
  const err = e as { status?: number; code?: string; retryAfter?: number; message?: string } | null;
  if (err?.code === 'invalid-credentials') return 'The e-mail address or the password is wrong.';
  if (err?.code === 'too-many-attempts') {
    return err.retryAfter ? `Too many failed sign-ins. Try again in ${waitText(err.retryAfter)}.` : 'Too many failed sign-ins. Try again later.';
  }
  if (err?.status === 0) return 'The server could not be reached. Check the connection and try again.';
  return passkeyFailure(e);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a password change did, in words: the sessions signed out, and the tokens revoked if that was asked. */
export function passwordChangedText(r: PasswordChanged, revokeTokensAsked: boolean): string {
  const sessions = r.sessionsEnded === 0 ? 'You had no other sessions.' : `${count(r.sessionsEnded, 'other session was', 'other sessions were')} signed out.`;
  const tokens = !revokeTokensAsked
    ? ''
    : r.tokensRevoked === 0
      ? ' You had no API tokens to revoke.'
      : ` ${count(r.tokensRevoked, 'API token was', 'API tokens were')} revoked.`;
  return `Password changed. ${sessions}${tokens}`;
}

/** What an admin's password reset did, in words, for the admin. */
export function passwordResetText(email: string, r: PasswordChanged): string {
  const ended = r.sessionsEnded === 0 ? 'no session to end' : `${count(r.sessionsEnded, 'session', 'sessions')} ended`;
  const revoked = r.tokensRevoked === 0 ? 'no API token to revoke' : `${count(r.tokensRevoked, 'API token', 'API tokens')} revoked`;
  return `Password of ${email} reset: ${ended}, ${revoked}. Hand over the new password another way.`;
}
