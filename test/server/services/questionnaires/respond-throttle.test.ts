/** The response API's throttle: windows per token, per address and for wrong tokens, and a table that cannot grow without bound. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPOND_LIMITS, RespondThrottle } from '../../../../server/services/questionnaires/respond-throttle.ts';

const at = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('RespondThrottle', () => {
  it('lets a token make its calls a minute, then says how long to wait', () => {
    const c = at();
    const th = new RespondThrottle({ ...DEFAULT_RESPOND_LIMITS, perTokenPerMinute: 2 }, c.now);
    expect(th.call('tok', '10.0.0.1')).toBe(0);
    c.advance(10_000);
    expect(th.call('tok', '10.0.0.1')).toBe(0);
    expect(th.call('tok', '10.0.0.1')).toBe(50);
    expect(th.call('other', '10.0.0.1')).toBe(0);
    c.advance(50_000);
    expect(th.call('tok', '10.0.0.1')).toBe(0);
  });

  it('counts all tokens from one address together, and wrong tokens apart', () => {
    const c = at();
    const th = new RespondThrottle({ ...DEFAULT_RESPOND_LIMITS, perAddressPerMinute: 3, badTokensPerAddress: 2 }, c.now);
    for (const t of ['a', 'b', 'c']) expect(th.call(t, '10.0.0.2')).toBe(0);
    expect(th.call('d', '10.0.0.2')).toBeGreaterThan(0);
    expect(th.beforeLookup('10.0.0.2')).toBeGreaterThan(0);
    expect(th.beforeLookup('10.0.0.3')).toBe(0);
    th.badToken('10.0.0.3');
    th.badToken('10.0.0.3');
    expect(th.beforeLookup('10.0.0.3')).toBe(900);
  });

  it('drops expired keys once the table is large, so made-up tokens cannot grow it forever', () => {
    const c = at();
    const th = new RespondThrottle(DEFAULT_RESPOND_LIMITS, c.now);
    for (let i = 0; i < 10_001; i++) th.badToken(`10.1.${i >> 8}.${i & 255}`);
    expect(th.size).toBe(10_001);
    c.advance(901_000);
    th.badToken('10.9.9.9');
    expect(th.size).toBe(1);
  });
});
