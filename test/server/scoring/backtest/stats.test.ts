/** The backtest's statistics on cases small enough to compute by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brierSkill,
  groupBrierSkill,
  mulberry32,
  percentileInterval,
  quantile,
  rankFigures,
  rankWithin,
  resampleWeights,
  unitWeights,
  wilson,
} from '../../../../server/scoring/backtest/stats.ts';

/** One stratum of values with outcomes, every unit weighing 1 (or as given). */
const figuresOf = (values: number[], outcomes: number[], weights = unitWeights(values.length)) =>
  rankFigures(rankWithin(Float64Array.from(values), values.length), Uint8Array.from(outcomes), weights);

describe('rank figures', () => {
  it('scores the textbook case: AUC 0.75, mean percentile 62.5, half in the top quarter', () => {
    // Sorted: 0.1, 0.35 (event), 0.4, 0.8 (event). Percentiles (below + ½) ÷ 4: 37.5 and 87.5.
    const f = figuresOf([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(f.auc).toBeCloseTo(0.75, 12);
    expect(f.meanPercentile).toBeCloseTo(62.5, 12);
    expect(f.topQuartileShare).toBeCloseTo(0.5, 12);
  });

  it('counts ties as chance does: all tied is the 50th percentile, a quarter in the top quarter, AUC 0.5', () => {
    const f = figuresOf([7, 7, 7, 7], [1, 0, 0, 0]);
    expect([f.meanPercentile, f.topQuartileShare, f.auc]).toEqual([50, 0.25, 0.5]);
  });

  it('splits a run of ties at the top-quarter boundary by the share of its places above it', () => {
    // Places 0…3: the tie holds places 1 and 2 of 3 (the interval [1, 3)); the top quarter is [2.25, 3): 0.75 of 2 places.
    const f = figuresOf([0, 1, 1], [0, 1, 0]);
    expect(f.topQuartileShare).toBeCloseTo(0.375, 12);
    expect(f.meanPercentile).toBeCloseTo((100 * (1 + 1)) / 3, 12);
    // Against the lower one it wins, against its tie it counts half.
    expect(f.auc).toBeCloseTo(0.75, 12);
  });

  it('compares within a stratum only (each quarter with itself)', () => {
    // Quarter 0: 1 (no event) < 2 (event); quarter 1: 10 (no event) < 20 (event). Within: perfect. Pooled it would be 0.75.
    const values = Float64Array.from([1, 2, 10, 20]);
    const f = rankFigures(rankWithin(values, 2), Uint8Array.from([0, 1, 0, 1]), unitWeights(2));
    expect(f.auc).toBe(1);
    expect(f.meanPercentile).toBe(75);
  });

  it('is undefined (NaN) without events or without a pair', () => {
    const none = figuresOf([1, 2, 3], [0, 0, 0]);
    expect([none.meanPercentile, none.topQuartileShare, none.auc].every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(figuresOf([1, 2], [1, 1]).auc)).toBe(true);
  });

  it('weighs a unit drawn twice as two copies of it (what a resample does)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 12 }), (items) => {
        const weighted = figuresOf(items.map(([v]) => v), items.map(([, y]) => Number(y)), Float64Array.from(items.map(([, , w]) => w)));
        const copies = items.flatMap(([v, y, w]) => Array.from({ length: w }, () => [v, Number(y)] as const));
        const copied = figuresOf(copies.map(([v]) => v), copies.map(([, y]) => y));
        for (const k of ['meanPercentile', 'topQuartileShare', 'auc'] as const) {
          if (Number.isNaN(copied[k])) expect(weighted[k]).toBeNaN();
          else expect(weighted[k]).toBeCloseTo(copied[k], 9);
        }
      }),
    );
  });
});

describe('Brier skill', () => {
  it('against the base rate: 1 − 0.158125 ÷ 0.25', () => {
    // (0.1² + 0.4² + 0.65² + 0.2²) ÷ 4 = 0.158125; base rate 0.5, so the reference is 0.25.
    expect(brierSkill(Float64Array.from([0.1, 0.4, 0.35, 0.8]), Uint8Array.from([0, 0, 1, 1]), unitWeights(4), 4)).toBeCloseTo(0.3675, 12);
  });

  it('is 0 for the base rate itself, negative for a worse forecast, 1 for a perfect one', () => {
    const y = Uint8Array.from([1, 0, 0, 0]);
    expect(brierSkill(Float64Array.from([0.25, 0.25, 0.25, 0.25]), y, unitWeights(4), 4)).toBeCloseTo(0, 12);
    expect(brierSkill(Float64Array.from([0, 1, 1, 1]), y, unitWeights(4), 4)).toBeLessThan(0);
    expect(brierSkill(Float64Array.from([1, 0, 0, 0]), y, unitWeights(4), 4)).toBe(1);
    expect(brierSkill(Float64Array.from([0.2, 0.2]), Uint8Array.from([0, 0]), unitWeights(2), 2)).toBeNaN();
  });

  it('of group rates: groups at 0.5 and 1 against a base rate of 0.75', () => {
    // Forecasts 0.5, 0.5, 1, 1: BS = (0.25 + 0.25) ÷ 4 = 0.125; reference 0.75 × 0.25 = 0.1875.
    const skill = groupBrierSkill(Uint8Array.from([0, 0, 1, 1]), 2, Uint8Array.from([0, 1, 1, 1]), unitWeights(4), 4);
    expect(skill).toBeCloseTo(1 - 0.125 / 0.1875, 12);
    // One group is the base rate: no skill.
    expect(groupBrierSkill(Uint8Array.from([0, 0, 0, 0]), 1, Uint8Array.from([0, 1, 1, 1]), unitWeights(4), 4)).toBeCloseTo(0, 12);
  });
});

describe('intervals', () => {
  it('Wilson: 5 of 23 is 0.0966–0.4190, 0 of 55 reaches 0.0653, no trials none', () => {
    const a = wilson(5, 23)!;
    expect([a.low, a.high].map((x) => Number(x.toFixed(4)))).toEqual([0.0966, 0.419]);
    const b = wilson(0, 55)!;
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(1.959963984540054 ** 2 / (55 + 1.959963984540054 ** 2), 12);
    expect(wilson(0, 0)).toBeNull();
  });

  it('quantiles interpolate between neighbours (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([5], 0.975)).toBe(5);
  });

  it('the percentile interval leaves undefined draws out', () => {
    const values = [...Array.from({ length: 101 }, (_, i) => i), Number.NaN];
    const i = percentileInterval(values, 0.95)!;
    expect(i.low).toBeCloseTo(2.5, 9);
    expect(i.high).toBeCloseTo(97.5, 9);
    expect(percentileInterval([Number.NaN], 0.95)).toBeNull();
  });
});

describe('the bootstrap’s generator', () => {
  it('is seeded: the same seed gives the same draws, another seed others', () => {
    const draw = (seed: number) => {
      const r = mulberry32(seed);
      return Array.from({ length: 5 }, r);
    };
    expect(draw(13)).toEqual(draw(13));
    expect(draw(13)).not.toEqual(draw(14));
    expect(draw(13).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws n units with replacement: the weights add up to n', () => {
    const r = mulberry32(1);
    for (let k = 0; k < 20; k++) expect(resampleWeights(r, 7).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('reproduces by hand: two units 0 and 1 resampled give means 0, ½ and 1 with chances ¼, ½, ¼', () => {
    const r = mulberry32(13);
    const means = Array.from({ length: 4000 }, () => {
      const w = resampleWeights(r, 2);
      return w[1]! / 2;
    });
    const share = (m: number) => means.filter((x) => x === m).length / means.length;
    expect(share(0)).toBeCloseTo(0.25, 1);
    expect(share(0.5)).toBeCloseTo(0.5, 1);
    expect(share(1)).toBeCloseTo(0.25, 1);
    expect(percentileInterval(means, 0.95)).toEqual({ low: 0, high: 1 });
  });
});
