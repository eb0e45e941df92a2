/**
 * The backtest (DESIGN §4.11), pure: given every vendor's facts, a policy and a range of quarters,
 * it scores every vendor at each quarter end with only what was known then, compares the scores
 * with the incidents that became known within the horizon after, and measures rank (mean
 * percentile, top quarter, AUC) and calibration (Brier skill, observed rate per band) for the score
 * and for the baselines, with vendor-bootstrap intervals. Same input, same report.
 *
 * It is a generator that pauses every few hundred vendors and every few resamples, so that a server
 * can let other requests through during a long run; `backtest` runs it straight through.
 */
import { COMPARED_BASELINES, SCORE_PREDICTORS, type BacktestReport, type Estimate } from '../../domain/backtest.ts';
import { dayNumber } from '../../domain/partial-date.ts';
import { quarterRange } from '../../domain/quarter.ts';
import { incidentKnownFrom } from '../known-at.ts';
import type { Policy } from '../policy.ts';
import type { ScoringFacts } from '../types.ts';
import { calibrationBins, groupRates } from './rates.ts';
import { predictorsOf, type Predictor } from './predictors.ts';
import { replayQuarterSteps, type QuarterReplay } from './replay.ts';
import { statementsOf } from './statements.ts';
import { figuresOf, mulberry32, percentileInterval, resampleWeights, unitWeights } from './stats.ts';

export interface BacktestOptions {
  readonly from: string;
  readonly to: string;
  readonly horizonDays: number;
  readonly resamples: number;
  readonly seed: number;
  readonly level: number;
  /** Fewest events, and fewest vendor-quarters without one, the run needs. */
  readonly minEvents: number;
  /** True when the policy is a draft, not a stored version. */
  readonly draft: boolean;
}

export type BacktestOutcome =
  | { readonly ok: true; readonly report: BacktestReport }
  | { readonly ok: false; readonly reason: 'too-few-events'; readonly events: number; readonly nonEvents: number; readonly observations: number };

/** Figures per predictor, in this order, in one flat vector per resample. */
const FIGURES = ['meanPercentile', 'topQuartileShare', 'auc', 'brierSkill'] as const;

function figures(predictors: readonly Predictor[], weight: Float64Array): Float64Array {
  const out = new Float64Array(predictors.length * FIGURES.length);
  predictors.forEach((p, k) => {
    const f = figuresOf(p.prepared, weight);
    out.set([f.meanPercentile, f.topQuartileShare, f.auc, f.brierSkill], k * FIGURES.length);
  });
  return out;
}

const rounded = (x: number, digits: number): number | null => (Number.isFinite(x) ? Number(x.toFixed(digits)) : null);

/** A figure and its interval from the sample's value and the resamples' values. */
function estimateOf(value: number, draws: readonly number[], level: number, digits: number): Estimate {
  const interval = percentileInterval(draws, level);
  return { value: rounded(value, digits), low: interval ? rounded(interval.low, digits) : null, high: interval ? rounded(interval.high, digits) : null };
}

export function* backtestSteps(facts: readonly ScoringFacts[], policy: Policy, o: BacktestOptions): Generator<void, BacktestOutcome> {
  // A fixed order of vendors, whatever order the store gave: the bootstrap draws by position.
  const vendors = [...facts].sort((a, b) => a.vendor.id - b.vendor.id);
  const n = vendors.length;
  const replays: QuarterReplay[] = [];
  for (const quarter of quarterRange(o.from, o.to)) {
    replays.push(yield* replayQuarterSteps(vendors, policy, quarter, o.horizonDays));
    yield;
  }
  const outcome = new Uint8Array(replays.length * n);
  replays.forEach((r, s) => outcome.set(r.event, s * n));
  const events = outcome.reduce((a, b) => a + b, 0);
  const observations = outcome.length;
  if (events < o.minEvents || observations - events < o.minEvents) {
    return { ok: false, reason: 'too-few-events', events, nonEvents: observations - events, observations };
  }

  const predictors = predictorsOf(replays, n, outcome, policy, o.horizonDays);
  yield;
  const point = figures(predictors, unitWeights(n));
  // Vendors are resampled with all their quarters: one vendor's quarters are not independent draws.
  const random = mulberry32(o.seed);
  const draws: Float64Array[] = [];
  for (let b = 0; b < o.resamples; b++) {
    draws.push(figures(predictors, resampleWeights(random, n)));
    // A pause every few resamples: on 5,000 vendors each takes tens of milliseconds.
    if (b % 10 === 9) yield;
  }
  const at = (k: number) => draws.map((d) => d[k]!);
  const slot = (id: string, figure: (typeof FIGURES)[number]) => predictors.findIndex((p) => p.id === id) * FIGURES.length + FIGURES.indexOf(figure);
  const digits = (figure: (typeof FIGURES)[number]) => (figure === 'meanPercentile' ? 2 : 4);
  const estimate = (id: string, figure: (typeof FIGURES)[number]) => estimateOf(point[slot(id, figure)]!, at(slot(id, figure)), o.level, digits(figure));
  // A difference is bootstrapped pairwise: both figures from the same resample.
  const difference = (a: string, b: string, figure: (typeof FIGURES)[number]) =>
    estimateOf(
      point[slot(a, figure)]! - point[slot(b, figure)]!,
      draws.map((d) => d[slot(a, figure)]! - d[slot(b, figure)]!),
      o.level,
      4,
    );

  const incidents = new Set(replays.flatMap((r) => r.eventIncidents));
  // Nothing is read from after the last horizon: the run's figures stand however the data grows.
  const windowEnd = dayNumber(replays.at(-1)!.asOf) + o.horizonDays;
  const report: BacktestReport = {
    methodologyVersion: policy.version,
    decay: policy.decay.name,
    draft: o.draft,
    from: o.from,
    to: o.to,
    horizonDays: o.horizonDays,
    quarters: replays.map((r) => ({ quarter: r.quarter, asOf: r.asOf, events: r.event.reduce((a, b) => a + b, 0) })),
    population: {
      vendors: n,
      vendorsWithIncidents: vendors.filter((f) => f.incidents.some((i) => incidentKnownFrom(i) <= windowEnd)).length,
      observations,
      events,
      incidents: incidents.size,
      baseRate: rounded(events / observations, 4) ?? 0,
    },
    bootstrap: { resamples: o.resamples, seed: o.seed, level: o.level, unit: 'vendor' },
    minEvents: o.minEvents,
    predictors: predictors.map((p) => ({
      id: p.id,
      label: p.label,
      kind: p.kind,
      description: p.description,
      meanPercentile: estimate(p.id, 'meanPercentile'),
      topQuartileShare: estimate(p.id, 'topQuartileShare'),
      auc: estimate(p.id, 'auc'),
      brierSkill: estimate(p.id, 'brierSkill'),
      groups: groupRates(p, outcome),
    })),
    comparisons: SCORE_PREDICTORS.flatMap((score) =>
      COMPARED_BASELINES.map((baseline) => ({
        score,
        baseline,
        auc: difference(score, baseline, 'auc'),
        brierSkill: difference(score, baseline, 'brierSkill'),
      })),
    ),
    calibration: {
      likelihood: calibrationBins(predictors.find((p) => p.id === 'likelihood')!.probability!, outcome),
      risk: calibrationBins(predictors.find((p) => p.id === 'risk')!.probability!, outcome),
    },
    statements: [],
  };
  return { ok: true, report: { ...report, statements: statementsOf(report) } };
}

/** The backtest, run straight through. */
export function backtest(facts: readonly ScoringFacts[], policy: Policy, o: BacktestOptions): BacktestOutcome {
  const steps = backtestSteps(facts, policy, o);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
