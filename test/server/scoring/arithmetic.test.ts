import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, round1, unionOf } from '../../../server/scoring/arithmetic.ts';

describe('apportion', () => {
  it('splits a total so that the rounded parts add up to the rounded total', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([3.4, 3.3, 3.3]);
    expect(apportion(0, [])).toEqual([]);
    expect(apportion(5, [0, 0])).toEqual([5, 0]);
  });

  it('always adds up exactly, in tenths (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, shares) => {
          const parts = apportion(total, shares);
          const tenths = parts.reduce((a, p) => a + Math.round(p * 10), 0);
          expect(tenths).toBe(Math.round(total * 10));
          for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('unionOf', () => {
  it('combines like independent chances and stays within 0–100', () => {
    expect(unionOf([])).toBe(0);
    expect(unionOf([50, 50])).toBeCloseTo(75);
    expect(unionOf([100, 20])).toBe(100);
  });

  it('never decreases when a part is added (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 10 }), fc.double({ min: 0, max: 100, noNaN: true }), (parts, extra) => {
        expect(unionOf([...parts, extra])).toBeGreaterThanOrEqual(unionOf(parts) - 1e-9);
        expect(unionOf([...parts, extra])).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('round1', () => {
  it('rounds to one decimal', () => expect(round1(12.345)).toBe(12.3));
});
