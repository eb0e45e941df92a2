/**
 * Throttles failed sign-ins per account and per address, in memory (one process serves the app).
 * An account name that does not exist is throttled exactly like one that does.
 */

export interface ThrottleLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perAddress: 20, windowSeconds: 900 };

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly limits: ThrottleLimits;
  private readonly now: () => number;

  constructor(limits: ThrottleLimits, now: () => number) {
    this.limits = limits;
    this.now = now;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowSeconds * 1000;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length > 0) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  retryAfter(account: string, address: string): number {
    const checks: Array<[string, number]> = [
      [`account:${account.toLowerCase()}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress],
    ];
    let wait = 0;
    for (const [key, limit] of checks) {
      const times = this.recent(key);
      if (times.length >= limit) {
        const oldest = times[times.length - limit]!;
        wait = Math.max(wait, Math.ceil((oldest + this.limits.windowSeconds * 1000 - this.now()) / 1000));
      }
    }
    return wait;
  }

  fail(account: string, address: string): void {
    // Many made-up account names must not grow the table without bound: drop what has expired.
    if (this.failures.size > 10_000) for (const key of [...this.failures.keys()]) this.recent(key);
    for (const key of [`account:${account.toLowerCase()}`, `address:${address}`]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  /** A successful sign-in clears the account's failures (not the address's). */
  succeed(account: string): void {
    this.failures.delete(`account:${account.toLowerCase()}`);
  }
}
