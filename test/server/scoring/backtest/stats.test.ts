/** The backtest's statistics on cases small enough to compute by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  figuresOf,
  mulberry32,
  percentileInterval,
  prepare,
  quantile,
  resampleWeights,
  unitWeights,
  wilson,
  type Forecast,
} from '../../../../server/scoring/backtest/stats.ts';

/** Strata of n items (quarters of n vendors), ranked by value, forecast by their own value as a probability unless told otherwise. */
function measure(values: number[], outcomes: number[], o: { n?: number; weights?: Float64Array; forecast?: Forecast } = {}) {
  const n = o.n ?? values.length;
  const v = Float64Array.from(values);
  const y = Uint8Array.from(outcomes);
  return figuresOf(prepare(v, n, y, o.forecast ?? { probability: v }), o.weights ?? unitWeights(n));
}
/** Rank figures of one stratum. */
const ranks = (values: number[], outcomes: number[], weights?: Float64Array) => measure(values, outcomes, { weights });
/** Brier skill of probabilities. */
const brier = (p: number[], y: number[]) => measure(p, y).brierSkill;
/** Brier skill of group rates. */
const groupBrier = (group: number[], groups: number, y: number[]) =>
  measure(new Array(y.length).fill(0), y, { forecast: { group: Uint8Array.from(group), groups } }).brierSkill;

describe('rank figures', () => {
  it('scores the textbook case: AUC 0.75, mean percentile 62.5, half in the top quarter', () => {
    // Sorted: 0.1, 0.35 (event), 0.4, 0.8 (event). Percentiles (below + ½) ÷ 4: 37.5 and 87.5.
    const f = ranks([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(f.auc).toBeCloseTo(0.75, 12);
    expect(f.meanPercentile).toBeCloseTo(62.5, 12);
    expect(f.topQuartileShare).toBeCloseTo(0.5, 12);
  });

  it('counts ties as chance does: all tied is the 50th percentile, a quarter in the top quarter, AUC 0.5', () => {
    const f = ranks([7, 7, 7, 7], [1, 0, 0, 0]);
    expect([f.meanPercentile, f.topQuartileShare, f.auc]).toEqual([50, 0.25, 0.5]);
  });

  it('splits a run of ties at the top-quarter boundary by the share of its places above it', () => {
    // Places 0…3: the tie holds places 1 and 2 of 3 (the interval [1, 3)); the top quarter is [2.25, 3): 0.75 of 2 places.
    const f = ranks([0, 1, 1], [0, 1, 0]);
    expect(f.topQuartileShare).toBeCloseTo(0.375, 12);
    expect(f.meanPercentile).toBeCloseTo((100 * (1 + 1)) / 3, 12);
    // Against the lower one it wins, against its tie it counts half.
    expect(f.auc).toBeCloseTo(0.75, 12);
  });

  it('compares within a stratum only (each quarter with itself)', () => {
    // Quarter 0: 1 (no event) < 2 (event); quarter 1: 10 (no event) < 20 (event). Within: perfect. Pooled it would be 0.75.
    const f = measure([1, 2, 10, 20], [0, 1, 0, 1], { n: 2 });
    expect(f.auc).toBe(1);
    expect(f.meanPercentile).toBe(75);
  });

  it('is undefined (NaN) without events or without a pair', () => {
    const none = ranks([1, 2, 3], [0, 0, 0]);
    expect([none.meanPercentile, none.topQuartileShare, none.auc].every(Number.isNaN)).toBe(true);
    expect(Number.isNaN(ranks([1, 2], [1, 1]).auc)).toBe(true);
  });

  it('weighs a unit drawn twice as two copies of it (what a resample does)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5 }).map((v) => v / 5),
            fc.boolean(),
            fc.integer({ min: 0, max: 3 }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (items) => {
          const weighted = ranks(
            items.map(([v]) => v),
            items.map(([, y]) => Number(y)),
            Float64Array.from(items.map(([, , w]) => w)),
          );
          const copies = items.flatMap(([v, y, w]) => Array.from({ length: w }, () => [v, Number(y)] as const));
          const copied = ranks(
            copies.map(([v]) => v),
            copies.map(([, y]) => y),
          );
          for (const k of ['meanPercentile', 'topQuartileShare', 'auc', 'brierSkill'] as const) {
            if (Number.isNaN(copied[k])) expect(weighted[k]).toBeNaN();
            else expect(weighted[k]).toBeCloseTo(copied[k], 9);
          }
          // Forecast by group (the value's sixth) instead: the group rates are weighted the same way.
          const byGroup = (vs: readonly number[]) => ({ forecast: { group: Uint8Array.from(vs.map((v) => v * 5)), groups: 6 } });
          const g1 = measure(
            items.map(([v]) => v),
            items.map(([, y]) => Number(y)),
            { weights: Float64Array.from(items.map(([, , w]) => w)), ...byGroup(items.map(([v]) => v)) },
          );
          const g2 = measure(
            copies.map(([v]) => v),
            copies.map(([, y]) => y),
            byGroup(copies.map(([v]) => v)),
          );
          if (Number.isNaN(g2.brierSkill)) expect(g1.brierSkill).toBeNaN();
          else expect(g1.brierSkill).toBeCloseTo(g2.brierSkill, 9);
        },
      ),
    );
  });
});

describe('Brier skill', () => {
  it('against the base rate: 1 − 0.158125 ÷ 0.25', () => {
    // (0.1² + 0.4² + 0.65² + 0.2²) ÷ 4 = 0.158125; base rate 0.5, so the reference is 0.25.
    expect(brier([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.3675, 12);
  });

  it('is 0 for the base rate itself, negative for a worse forecast, 1 for a perfect one', () => {
    const y = [1, 0, 0, 0];
    expect(brier([0.25, 0.25, 0.25, 0.25], y)).toBeCloseTo(0, 12);
    expect(brier([0, 1, 1, 1], y)).toBeLessThan(0);
    expect(brier([1, 0, 0, 0], y)).toBe(1);
    expect(brier([0.2, 0.2], [0, 0])).toBeNaN();
  });

  it('of group rates: groups at 0.5 and 1 against a base rate of 0.75', () => {
    // Forecasts 0.5, 0.5, 1, 1: BS = (0.25 + 0.25) ÷ 4 = 0.125; reference 0.75 × 0.25 = 0.1875.
    const skill = groupBrier([0, 0, 1, 1], 2, [0, 1, 1, 1]);
    expect(skill).toBeCloseTo(1 - 0.125 / 0.1875, 12);
    // One group is the base rate: no skill.
    expect(groupBrier([0, 0, 0, 0], 1, [0, 1, 1, 1])).toBeCloseTo(0, 12);
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
