import { describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../../server/services/sign-in-throttle.ts';

describe('SignInThrottle', () => {
  const make = () => {
    let now = 0;
    return { t: new SignInThrottle({ perAccount: 3, perAddress: 5, windowSeconds: 60 }, () => now), tick: (s: number) => (now += s * 1000) };
  };

  it('blocks an account after its limit until the oldest failure leaves the window', () => {
    const { t, tick } = make();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('A@x', '1.1.1.1')).toBe(0);
      t.fail('a@x', `10.0.0.${i}`);
      tick(10);
    }
    expect(t.retryAfter('a@x', '2.2.2.2')).toBe(30);
    tick(30);
    expect(t.retryAfter('a@x', '2.2.2.2')).toBe(0);
  });

  it('blocks an address across accounts, and a success clears only the account', () => {
    const { t } = make();
    for (let i = 0; i < 5; i++) t.fail(`u${i}@x`, '9.9.9.9');
    expect(t.retryAfter('new@x', '9.9.9.9')).toBeGreaterThan(0);
    t.fail('b@x', '8.8.8.8');
    t.fail('b@x', '8.8.8.8');
    t.fail('b@x', '8.8.8.8');
    t.succeed('b@x');
    expect(t.retryAfter('b@x', '7.7.7.7')).toBe(0);
  });
});
