/**
 * Throttles the response API, in memory (one process serves the app), by sliding windows:
 * - per token: a vendor's contact clicking through the page saves an answer every few seconds at
 *   most; 120 calls a minute is far above that and far below a script filling the database;
 * - per address: all response links together, 300 calls a minute (a NAT of several vendors' people);
 * - wrong tokens per address: 20 in 15 minutes, then that address waits: guessing a 256-bit token is
 *   hopeless anyway, this only keeps the lookups and the log quiet.
 * Like the sign-in throttle, the table is swept once it grows, so made-up keys cannot grow it without bound.
 */

export interface RespondLimits {
  readonly perTokenPerMinute: number;
  readonly perAddressPerMinute: number;
  readonly badTokensPerAddress: number;
  readonly badTokenWindowSeconds: number;
}

export const DEFAULT_RESPOND_LIMITS: RespondLimits = {
  perTokenPerMinute: 120,
  perAddressPerMinute: 300,
  badTokensPerAddress: 20,
  badTokenWindowSeconds: 900,
};

export class RespondThrottle {
  private readonly hits = new Map<string, number[]>();
  private readonly limits: RespondLimits;
  private readonly now: () => number;

  constructor(limits: RespondLimits, now: () => number) {
    this.limits = limits;
    this.now = now;
  }

  private recent(key: string, windowMs: number): number[] {
    const since = this.now() - windowMs;
    const kept = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (kept.length > 0) this.hits.set(key, kept);
    else this.hits.delete(key);
    return kept;
  }

  /** Seconds until the oldest hit in a full window leaves it, or 0 when there is room. */
  private wait(key: string, limit: number, windowMs: number): number {
    const times = this.recent(key, windowMs);
    if (times.length < limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - limit]! + windowMs - this.now()) / 1000));
  }

  private add(key: string): void {
    if (this.hits.size > 10_000) for (const k of [...this.hits.keys()]) this.recent(k, this.limits.badTokenWindowSeconds * 1000);
    this.hits.set(key, [...(this.hits.get(key) ?? []), this.now()]);
  }

  /** Before the token is looked up: seconds this address must wait (too many calls, or too many wrong tokens), or 0. */
  beforeLookup(address: string): number {
    return Math.max(
      this.wait(`bad:${address}`, this.limits.badTokensPerAddress, this.limits.badTokenWindowSeconds * 1000),
      this.wait(`address:${address}`, this.limits.perAddressPerMinute, 60_000),
    );
  }

  badToken(address: string): void {
    this.add(`bad:${address}`);
  }

  /** A call with a good token: seconds to wait, or 0 (and the call counts). `tokenKey` is the token's hash. */
  call(tokenKey: string, address: string): number {
    const wait = Math.max(
      this.wait(`token:${tokenKey}`, this.limits.perTokenPerMinute, 60_000),
      this.wait(`address:${address}`, this.limits.perAddressPerMinute, 60_000),
    );
    if (wait > 0) return wait;
    this.add(`token:${tokenKey}`);
    this.add(`address:${address}`);
    return 0;
  }

  get size(): number {
    return this.hits.size;
  }
}
