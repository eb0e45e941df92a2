/**
 * The backtest's statistics, free of any domain: ranks within strata, AUC, Brier skill, Wilson
 * intervals, quantiles and a seeded bootstrap.
 *
 * Layout: items come stratum by stratum (stratum s holds items s·n … s·n + n − 1; in the backtest,
 * quarter s), and item s·n + i belongs to unit i (a vendor). Every item carries its unit's weight:
 * how many times a bootstrap resample drew the unit (1 for the sample itself), so a resample is a
 * weight vector, not a copy. Ranks compare items within their stratum only.
 */

/** A seeded generator (mulberry32) of numbers in [0, 1): same seed, same sequence, on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Weight 1 for each of n units: the sample itself. */
export const unitWeights = (n: number): Float64Array => new Float64Array(n).fill(1);

/** How many times each of n units is drawn when n draws are made with replacement (one resample). */
export function resampleWeights(random: () => number, n: number): Float64Array {
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) w[Math.floor(random() * n)]! += 1;
  return w;
}

/** Within each stratum, the units in ascending order of their item's value, and where each run of ties begins. */
export interface Ranking {
  readonly n: number;
  readonly strata: number;
  readonly order: Int32Array;
  readonly tieStart: Uint8Array;
}

export function rankWithin(values: Float64Array, n: number): Ranking {
  const strata = n === 0 ? 0 : values.length / n;
  const order = new Int32Array(values.length);
  const tieStart = new Uint8Array(values.length);
  const units = Array.from({ length: n }, (_, i) => i);
  for (let s = 0; s < strata; s++) {
    const base = s * n;
    // ±Infinity is a value ("never"): equal infinities compare as ties (NaN || 0).
    const sorted = units.slice().sort((a, b) => values[base + a]! - values[base + b]! || 0);
    for (let k = 0; k < n; k++) {
      order[base + k] = sorted[k]!;
      tieStart[base + k] = k === 0 || values[base + sorted[k]!] !== values[base + sorted[k - 1]!] ? 1 : 0;
    }
  }
  return { n, strata, order, tieStart };
}

/** NaN where a figure is undefined (no events, or no pair to compare). */
export interface RankFigures {
  /** Mean mid-rank percentile (0–100) of the items with an outcome: (weight below + half the tied weight) ÷ stratum weight. */
  readonly meanPercentile: number;
  /**
   * Share of them in the top quarter of their stratum. A run of ties straddling the boundary counts
   * by the part of its places above it: what breaking the ties at random gives on average.
   */
  readonly topQuartileShare: number;
  /** Chance that an item with the outcome outranks one without in the same stratum, ties counting half (Mann–Whitney). */
  readonly auc: number;
}

export function rankFigures(r: Ranking, outcome: Uint8Array, weight: ArrayLike<number>): RankFigures {
  let events = 0;
  let pct = 0;
  let top = 0;
  let aucNum = 0;
  let aucDen = 0;
  for (let s = 0; s < r.strata; s++) {
    const base = s * r.n;
    let total = 0;
    let positives = 0;
    for (let k = 0; k < r.n; k++) {
      const i = r.order[base + k]!;
      total += weight[i]!;
      if (outcome[base + i]) positives += weight[i]!;
    }
    if (total === 0) continue;
    aucDen += positives * (total - positives);
    let below = 0;
    let negativesBelow = 0;
    for (let k = 0; k < r.n; ) {
      let end = k + 1;
      while (end < r.n && !r.tieStart[base + end]) end++;
      let gw = 0;
      let gp = 0;
      for (let j = k; j < end; j++) {
        const i = r.order[base + j]!;
        gw += weight[i]!;
        if (outcome[base + i]) gp += weight[i]!;
      }
      if (gw > 0) {
        const gn = gw - gp;
        pct += (gp * (below + gw / 2)) / total;
        top += (gp * Math.max(0, below + gw - Math.max(below, 0.75 * total))) / gw;
        aucNum += gp * (negativesBelow + gn / 2);
        events += gp;
        below += gw;
        negativesBelow += gn;
      }
      k = end;
    }
  }
  return {
    meanPercentile: events > 0 ? (100 * pct) / events : Number.NaN,
    topQuartileShare: events > 0 ? top / events : Number.NaN,
    auc: aucDen > 0 ? aucNum / aucDen : Number.NaN,
  };
}

/**
 * Brier skill of probability forecasts against the base rate of the same items: 1 − BS ÷ BSref,
 * BS = mean (p − y)², BSref = r(1 − r) with r the (weighted) share of outcomes. 1 is perfect, 0 no
 * better than forecasting the base rate for everyone, below 0 worse. NaN when every or no item has the outcome.
 */
export function brierSkill(probability: Float64Array, outcome: Uint8Array, weight: ArrayLike<number>, n: number): number {
  let total = 0;
  let positives = 0;
  let squares = 0;
  for (let base = 0; base < probability.length; base += n) {
    for (let i = 0; i < n; i++) {
      const w = weight[i]!;
      if (w === 0) continue;
      const y = outcome[base + i]!;
      const d = probability[base + i]! - y;
      total += w;
      positives += w * y;
      squares += w * d * d;
    }
  }
  const r = total > 0 ? positives / total : Number.NaN;
  const reference = r * (1 - r);
  return reference > 0 ? 1 - squares / total / reference : Number.NaN;
}

/**
 * Brier skill of a forecast that gives every item its group's observed rate (items in group
 * `group[x]`, 0 … groups − 1): how much knowing the group alone tells, read off the same sample.
 */
export function groupBrierSkill(group: Uint8Array, groups: number, outcome: Uint8Array, weight: ArrayLike<number>, n: number): number {
  const gw = new Float64Array(groups);
  const gp = new Float64Array(groups);
  for (let base = 0; base < group.length; base += n) {
    for (let i = 0; i < n; i++) {
      gw[group[base + i]!]! += weight[i]!;
      if (outcome[base + i]) gp[group[base + i]!]! += weight[i]!;
    }
  }
  let total = 0;
  let positives = 0;
  let squares = 0;
  for (let g = 0; g < groups; g++) {
    if (gw[g] === 0) continue;
    const r = gp[g]! / gw[g]!;
    total += gw[g]!;
    positives += gp[g]!;
    squares += gw[g]! * r * (1 - r);
  }
  const r = total > 0 ? positives / total : Number.NaN;
  const reference = r * (1 - r);
  return reference > 0 ? 1 - squares / total / reference : Number.NaN;
}

const Z95 = 1.959963984540054;

/** Wilson score interval of a proportion (95 %); null for no trials. */
export function wilson(events: number, trials: number, z = Z95): { low: number; high: number } | null {
  if (trials === 0) return null;
  const p = events / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The p-quantile of sorted values, interpolating between neighbours (Hyndman–Fan type 7, as R and NumPy do by default). */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Percentile interval of bootstrap values at `level` (0.95: the 2.5 % and 97.5 % quantiles); undefined (NaN) values are left out. */
export function percentileInterval(values: readonly number[], level: number): { low: number; high: number } | null {
  const defined = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (defined.length === 0) return null;
  return { low: quantile(defined, (1 - level) / 2), high: quantile(defined, 1 - (1 - level) / 2) };
}
