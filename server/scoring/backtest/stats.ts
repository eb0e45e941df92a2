/**
 * The backtest's statistics, free of any domain: ranks within strata, AUC, Brier skill, Wilson
 * intervals, quantiles and a seeded bootstrap.
 *
 * Layout: items come stratum by stratum (stratum s holds items s·n … s·n + n − 1; in the backtest,
 * quarter s), and item s·n + i belongs to unit i (a vendor): every stratum holds every unit. Every
 * item carries its unit's weight: how many times a bootstrap resample drew the unit (1 for the
 * sample itself), so a resample is a weight vector, not a copy. Ranks compare items within their
 * stratum only.
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

/** How an item is forecast: its own probability, or the observed rate of its group (0 … groups − 1) read off the same sample. */
export type Forecast = { readonly probability: Float64Array } | { readonly group: Uint8Array; readonly groups: number };

/**
 * Items ready to be measured under any weights: within each stratum in ascending order of value
 * (with where each run of ties begins), their outcomes and forecasts in the same order, so that a
 * resample reads them in one sequential pass.
 */
export interface Prepared {
  readonly n: number;
  readonly strata: number;
  /** The unit of each place. */
  readonly unit: Int32Array;
  readonly tieStart: Uint8Array;
  readonly outcome: Uint8Array;
  readonly probability: Float64Array | null;
  readonly group: Uint8Array | null;
  readonly groups: number;
}

export function prepare(values: Float64Array, n: number, outcome: Uint8Array, forecast: Forecast): Prepared {
  const strata = n === 0 ? 0 : values.length / n;
  const unit = new Int32Array(values.length);
  const tieStart = new Uint8Array(values.length);
  const sortedOutcome = new Uint8Array(values.length);
  const probability = 'probability' in forecast ? new Float64Array(values.length) : null;
  const group = 'group' in forecast ? new Uint8Array(values.length) : null;
  const units = Array.from({ length: n }, (_, i) => i);
  for (let s = 0; s < strata; s++) {
    const base = s * n;
    // ±Infinity is a value ("never"): equal infinities compare as ties (NaN || 0).
    const sorted = units.slice().sort((a, b) => values[base + a]! - values[base + b]! || 0);
    for (let k = 0; k < n; k++) {
      const i = sorted[k]!;
      unit[base + k] = i;
      tieStart[base + k] = k === 0 || values[base + i] !== values[base + sorted[k - 1]!] ? 1 : 0;
      sortedOutcome[base + k] = outcome[base + i]!;
      if (probability) probability[base + k] = (forecast as { probability: Float64Array }).probability[base + i]!;
      if (group) group[base + k] = (forecast as { group: Uint8Array }).group[base + i]!;
    }
  }
  return { n, strata, unit, tieStart, outcome: sortedOutcome, probability, group, groups: 'groups' in forecast ? forecast.groups : 0 };
}

/** NaN where a figure is undefined (no events, no pair to compare, or no variation in outcomes). */
export interface Figures {
  /** Mean mid-rank percentile (0–100) of the items with an outcome: (weight below + half the tied weight) ÷ stratum weight. */
  readonly meanPercentile: number;
  /**
   * Share of them in the top quarter of their stratum. A run of ties straddling the boundary counts
   * by the part of its places above it: what breaking the ties at random gives on average.
   */
  readonly topQuartileShare: number;
  /** Chance that an item with the outcome outranks one without in the same stratum, ties counting half (Mann–Whitney). */
  readonly auc: number;
  /**
   * 1 − BS ÷ BSref: BS = mean (forecast − outcome)², BSref = r(1 − r) with r the share of outcomes
   * (the Brier score of forecasting the base rate for every item). 1 is perfect, 0 no better than
   * the base rate, below 0 worse.
   */
  readonly brierSkill: number;
}

/** Every figure under one set of unit weights, in one pass over the items. */
export function figuresOf(p: Prepared, weight: ArrayLike<number>): Figures {
  // Every stratum holds every unit, so every stratum weighs the same: the sum of the weights.
  let total = 0;
  for (let i = 0; i < p.n; i++) total += weight[i]!;
  const topStart = 0.75 * total;
  const groupWeight = new Float64Array(p.groups);
  const groupEvents = new Float64Array(p.groups);
  let events = 0;
  let pct = 0;
  let top = 0;
  let aucNum = 0;
  let aucDen = 0;
  let squares = 0;
  for (let s = 0; s < p.strata && total > 0; s++) {
    const base = s * p.n;
    let below = 0;
    let negativesBelow = 0;
    let gw = 0;
    let gp = 0;
    // In ascending order: a run of ties is added up, then settled as a whole.
    for (let k = 0; k <= p.n; k++) {
      if (k === p.n || (k > 0 && p.tieStart[base + k])) {
        if (gw > 0) {
          const gn = gw - gp;
          pct += (gp * (below + gw / 2)) / total;
          top += (gp * Math.max(0, below + gw - Math.max(below, topStart))) / gw;
          aucNum += gp * (negativesBelow + gn / 2);
          events += gp;
          below += gw;
          negativesBelow += gn;
        }
        gw = 0;
        gp = 0;
        if (k === p.n) break;
      }
      const w = weight[p.unit[base + k]!]!;
      const y = p.outcome[base + k]!;
      gw += w;
      gp += w * y;
      if (p.probability) {
        const d = p.probability[base + k]! - y;
        squares += w * d * d;
      } else if (p.group) {
        groupWeight[p.group[base + k]!]! += w;
        groupEvents[p.group[base + k]!]! += w * y;
      }
    }
    // `below` is now the stratum's weight, `negativesBelow` its weight without an event.
    aucDen += (below - negativesBelow) * negativesBelow;
  }
  if (p.group) {
    // Each group forecast at its own observed rate r: its squared errors add up to weight × r(1 − r).
    for (let g = 0; g < p.groups; g++) if (groupWeight[g]! > 0) squares += groupEvents[g]! * (1 - groupEvents[g]! / groupWeight[g]!);
  }
  const all = total * p.strata;
  const rate = all > 0 ? events / all : Number.NaN;
  const reference = rate * (1 - rate);
  return {
    meanPercentile: events > 0 ? (100 * pct) / events : Number.NaN,
    topQuartileShare: events > 0 ? top / events : Number.NaN,
    auc: aucDen > 0 ? aucNum / aucDen : Number.NaN,
    brierSkill: reference > 0 ? 1 - squares / all / reference : Number.NaN,
  };
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
