import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, SignInThrottle, type Reservation, type ThrottleLimits } from '../../../server/services/sign-in-throttle.ts';

const LIMITS: ThrottleLimits = {
  ...DEFAULT_THROTTLE,
  perAccountAddress: 3,
  windowSeconds: 60,
  accountFreeFailures: 4,
  addressFreeFailures: 6,
  backoffBaseSeconds: 1,
  backoffMaxSeconds: 8,
};

const make = (limits = LIMITS) => {
  let now = 0;
  return { t: new SignInThrottle(limits, () => now), tick: (s: number) => (now += s * 1000) };
};
/** A failed attempt: reserved and never taken back. */
const fail = (t: SignInThrottle, account: string, address: string) => {
  const r = t.reserve(account, address);
  expect(r, `${account} from ${address} was refused`).toHaveProperty('keys');
  return r as Reservation;
};

describe('SignInThrottle', () => {
  it('makes one address wait out the window for an account it failed on, and not another address', () => {
    const { t, tick } = make();
    for (let i = 0; i < 3; i++) {
      fail(t, 'A@x', '1.1.1.1');
      tick(10);
    }
    expect(t.reserve('a@x', '1.1.1.1')).toEqual({ retryAfter: 30 });
    expect(t.retryAfter('a@x', '2.2.2.2')).toBe(0);
    tick(30);
    expect(t.retryAfter('a@x', '1.1.1.1')).toBe(0);
  });

  it('backs an account off across addresses by doubling waits, capped, and never for the window', () => {
    const { t, tick } = make();
    for (let i = 0; i < 4; i++) fail(t, 'a@x', `10.0.0.${i}`);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const wait = t.retryAfter('a@x', '9.9.9.9');
      waits.push(wait);
      tick(wait);
      fail(t, 'a@x', `10.0.1.${i}`);
    }
    expect(waits).toEqual([1, 2, 4, 8, 8, 8, 8]);
    // The user from an address with no failures waits only the current backoff.
    expect(t.retryAfter('a@x', '9.9.9.9')).toBe(8);
  });

  it('slows an address failing across many accounts, and only that address', () => {
    const { t, tick } = make();
    for (let i = 0; i < 6; i++) fail(t, `u${i}@x`, '7.7.7.7');
    expect(t.retryAfter('new@x', '7.7.7.7')).toBe(1);
    expect(t.retryAfter('new@x', '8.8.8.8')).toBe(0);
    tick(1);
    fail(t, 'u6@x', '7.7.7.7');
    expect(t.retryAfter('new@x', '7.7.7.7')).toBe(2);
    tick(60);
    expect(t.retryAfter('new@x', '7.7.7.7')).toBe(0);
  });

  it('counts a reservation at once; a success takes it back and forgives that address, an abandoned attempt only takes it back', () => {
    const { t } = make({ ...LIMITS, accountFreeFailures: 100, addressFreeFailures: 100 });
    fail(t, 'b@x', '8.8.8.8');
    fail(t, 'b@x', '8.8.8.8');
    const third = fail(t, 'b@x', '8.8.8.8');
    expect(t.retryAfter('b@x', '8.8.8.8')).toBeGreaterThan(0);
    t.abandoned(third);
    expect(t.retryAfter('b@x', '8.8.8.8')).toBe(0);
    t.succeeded(fail(t, 'b@x', '8.8.8.8'));
    for (let i = 0; i < 2; i++) fail(t, 'b@x', '8.8.8.8');
    // Two failures were forgiven by the success: two more do not reach the pair's limit of 3.
    expect(t.retryAfter('b@x', '8.8.8.8')).toBe(0);
  });

  it('a success elsewhere does not reset the account’s backoff', () => {
    const { t, tick } = make();
    for (let i = 0; i < 4; i++) fail(t, 'c@x', `10.0.0.${i}`);
    expect(t.retryAfter('c@x', '5.5.5.5')).toBe(1);
    tick(1);
    // The user gets in after the wait, from 5.5.5.5; the guesser's next try still waits twice as long.
    t.succeeded(fail(t, 'c@x', '5.5.5.5'));
    fail(t, 'c@x', '10.0.0.9');
    expect(t.retryAfter('c@x', '10.0.0.8')).toBe(2);
  });

  it('forgets expired keys once the table is large, so made-up names cannot grow it without bound', () => {
    const { t, tick } = make();
    for (let i = 0; i < 4_000; i++) fail(t, `made-up-${i}@x`, `10.${i >> 8}.${i & 255}.1`);
    expect(t.size).toBe(12_000);
    tick(61);
    fail(t, 'one@x', '1.1.1.1');
    expect(t.size).toBe(3);
  });

  it('grants at most the allowed attempts to any burst at one instant (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 9 })), { maxLength: 200 }), (burst) => {
        const { t } = make();
        const granted = burst.filter(([a, ip]) => 'keys' in t.reserve(`u${a}@x`, `10.0.0.${ip}`));
        for (let a = 0; a < 4; a++) {
          expect(granted.filter(([x]) => x === a).length).toBeLessThanOrEqual(LIMITS.accountFreeFailures);
          for (let ip = 0; ip < 10; ip++) expect(granted.filter(([x, y]) => x === a && y === ip).length).toBeLessThanOrEqual(LIMITS.perAccountAddress);
        }
        for (let ip = 0; ip < 10; ip++) expect(granted.filter(([, y]) => y === ip).length).toBeLessThanOrEqual(LIMITS.addressFreeFailures);
      }),
    );
  });
});
