/**
 * Throttles password sign-ins, in memory (one process serves the app). An account name that does
 * not exist is throttled exactly like one that does.
 *
 * Three keys, none of which can lock a user out for everyone:
 * - account + address: a few failures, then that pair waits for the window (the guesser waits;
 *   the same account from elsewhere does not);
 * - account, from anywhere: a few more failures, then each further attempt waits a backoff that
 *   doubles up to a cap, so a distributed guesser gets about one guess per cap while the user,
 *   from another address, gets in once the current backoff has passed;
 * - address, across accounts (credential stuffing): the same growing backoff, for that address.
 *
 * An attempt is reserved before its password is hashed, in the same synchronous step as the check,
 * so concurrent requests see each other: it counts as a failure until it succeeds.
 */

export interface ThrottleLimits {
  /** Failures of one account from one address within the window before that pair waits it out. */
  readonly perAccountAddress: number;
  /** How long a failure counts, in seconds. */
  readonly windowSeconds: number;
  /** Failures of one account (from any address) within the window before the backoff starts. */
  readonly accountFreeFailures: number;
  /** Failures from one address (for any accounts) within the window before its backoff starts. */
  readonly addressFreeFailures: number;
  /** The first backoff, doubled at each further failure... */
  readonly backoffBaseSeconds: number;
  /** ...up to this wait after the latest failure. */
  readonly backoffMaxSeconds: number;
  /** Password hashes (scrypt) computed at once for sign-ins. */
  readonly hashConcurrency: number;
  /** Sign-ins waiting for a hash slot; beyond them a sign-in is refused at once (429). */
  readonly hashQueue: number;
}

/**
 * The numbers, in one place (README "Security" and docs/API.md quote them):
 * - 5 failures per account and address per 15 minutes: the lockout users know, but it stops only
 *   the address that typed them; a person mistyping is rarely past 5.
 * - 10 failures per account from anywhere before a backoff of 1, 2, 4 … s, capped at 60 s after the
 *   latest failure: a botnet gets about one guess a minute per account (1,440 a day against a
 *   12-character, non-dictionary password), and the real user waits at most a minute (the first
 *   attempt after a wait gets the turn: a guesser retrying at that instant can take some turns,
 *   which is why passkeys bypass all of this).
 * - 20 failures per address (any accounts) before the same backoff: a team behind one NAT mistypes
 *   fewer than that in 15 minutes, a credential stuffer from one address is slowed to a guess a minute.
 * - 2 hashes at once, 8 waiting: scrypt at N=2^17 takes ~128 MB and ~0.1–0.3 s per hash, so two at
 *   once bound memory near 256 MB and leave the thread pool to the rest; 8 waiting is about a
 *   second's work. A burst beyond that is refused at once instead of queuing behind the guesses.
 */
export const DEFAULT_THROTTLE: ThrottleLimits = {
  perAccountAddress: 5,
  windowSeconds: 900,
  accountFreeFailures: 10,
  addressFreeFailures: 20,
  backoffBaseSeconds: 1,
  backoffMaxSeconds: 60,
  hashConcurrency: 2,
  hashQueue: 8,
};

/** An attempt counted as a failure until it is settled. */
export interface Reservation {
  readonly keys: readonly string[];
  readonly at: number;
}

const keysOf = (account: string, address: string) => {
  const a = account.toLowerCase();
  return { pair: `pair:${a}\u0000${address}`, account: `account:${a}`, address: `address:${address}` };
};

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  /** The table's size that triggers the next sweep of expired keys (doubling, so sweeps stay rare). */
  private sweepAt = 10_000;
  private sweptAt = 0;
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

  /** Seconds until the latest failure's backoff has passed, once `free` failures are recent (0 before). */
  private backoff(times: readonly number[], free: number): number {
    if (times.length < free) return 0;
    const step = Math.min(this.limits.backoffBaseSeconds * 2 ** (times.length - free), this.limits.backoffMaxSeconds);
    return (times[times.length - 1]! + step * 1000 - this.now()) / 1000;
  }

  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  retryAfter(account: string, address: string): number {
    const k = keysOf(account, address);
    const pair = this.recent(k.pair);
    const limit = this.limits.perAccountAddress;
    const waits = [
      pair.length >= limit ? (pair[pair.length - limit]! + this.limits.windowSeconds * 1000 - this.now()) / 1000 : 0,
      this.backoff(this.recent(k.account), this.limits.accountFreeFailures),
      this.backoff(this.recent(k.address), this.limits.addressFreeFailures),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? Math.ceil(wait) : 0;
  }

  /**
   * Checks and reserves in one synchronous step: the seconds to wait, or the attempt, which counts
   * as a failure from now on unless `succeeded` or `abandoned` takes it back.
   */
  reserve(account: string, address: string): Reservation | { retryAfter: number } {
    const retryAfter = this.retryAfter(account, address);
    if (retryAfter > 0) return { retryAfter };
    // Many made-up account names must not grow the table without bound: once it is large, drop what
    // has expired when it has doubled or a window has passed (at every attempt would make each slow).
    const size = this.failures.size;
    if (size > 10_000 && (size > this.sweepAt || this.now() - this.sweptAt >= this.limits.windowSeconds * 1000)) {
      for (const key of [...this.failures.keys()]) this.recent(key);
      this.sweepAt = Math.max(10_000, 2 * this.failures.size);
      this.sweptAt = this.now();
    }
    const k = keysOf(account, address);
    const r: Reservation = { keys: [k.pair, k.account, k.address], at: this.now() };
    for (const key of r.keys) this.failures.set(key, [...(this.failures.get(key) ?? []), r.at]);
    return r;
  }

  private takeBack(r: Reservation): void {
    for (const key of r.keys) {
      const times = this.failures.get(key) ?? [];
      const i = times.indexOf(r.at);
      if (i >= 0) times.splice(i, 1);
      if (times.length === 0) this.failures.delete(key);
    }
  }

  /** Keys held (pairs, accounts, addresses), for tests and diagnostics. */
  get size(): number {
    return this.failures.size;
  }

  /** The password was right: the attempt is no failure, and this address's failures for the account are forgiven. */
  succeeded(r: Reservation): void {
    this.takeBack(r);
    this.failures.delete(r.keys[0]!);
    // The account's and the address's other failures stand: a guesser elsewhere must not get a fresh allowance.
  }

  /** The password was never checked (the hash queue was full): the attempt does not count. */
  abandoned(r: Reservation): void {
    this.takeBack(r);
  }
}
