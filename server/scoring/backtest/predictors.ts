/**
 * The rows of the backtest: the score's likelihood and risk, and the baselines a score must beat
 * to be worth its complexity. Each predictor gives, per vendor-quarter, a value to rank by (higher
 * = riskier), a group (band, matrix row, or value bucket) whose observed rate the report shows,
 * and a forecast probability: the score's own figure ÷ 100, or, for a baseline that is not a
 * probability, the observed rate of its group.
 */
import { BANDS, type Policy } from '../../domain/methodology.ts';
import type { PredictorId } from '../../domain/backtest.ts';
import { prepare, type Prepared } from './stats.ts';
import type { QuarterReplay } from './replay.ts';

/** The band of a vendor with too little evidence to be rated: it gets a row of its own everywhere. */
export const NOT_ASSESSED = 'not-assessed';

export interface Group {
  readonly id: string;
  readonly label: string;
}

export interface Predictor {
  readonly id: PredictorId;
  readonly label: string;
  readonly kind: 'score' | 'baseline';
  readonly description: string;
  /** Per vendor-quarter (quarter by quarter), what it ranks by. */
  readonly values: Float64Array;
  /** Per vendor-quarter, the forecast probability; null: its group's observed rate. */
  readonly probability: Float64Array | null;
  readonly group: Uint8Array;
  readonly groups: readonly Group[];
  /** Ranked within each quarter, ready to be measured under any bootstrap weights. */
  readonly prepared: Prepared;
}

type Column = (r: QuarterReplay, i: number) => number;

function flatten(replays: readonly QuarterReplay[], n: number, column: Column): Float64Array {
  const out = new Float64Array(replays.length * n);
  replays.forEach((r, s) => {
    for (let i = 0; i < n; i++) out[s * n + i] = column(r, i);
  });
  return out;
}

function grouped(replays: readonly QuarterReplay[], n: number, groups: readonly Group[], groupOf: (r: QuarterReplay, i: number) => string): Uint8Array {
  const index = new Map(groups.map((g, k) => [g.id, k]));
  const out = new Uint8Array(replays.length * n);
  replays.forEach((r, s) => {
    for (let i = 0; i < n; i++) out[s * n + i] = index.get(groupOf(r, i))!;
  });
  return out;
}

/** Bands from riskiest down as the policy lists them, then any other band of the vocabulary or the results (e.g. not-assessed) that occurs. */
function bandGroups(replays: readonly QuarterReplay[], policy: Policy): Group[] {
  const seen = new Set(replays.flatMap((r) => r.band));
  const listed: string[] = policy.bands.map((b) => b.band);
  const others = [...BANDS, ...[...seen].sort()].filter((b, k, all) => !listed.includes(b) && all.indexOf(b) === k && seen.has(b));
  return [...listed, ...others].map((b) => ({ id: b, label: b }));
}

const ROWS: readonly Group[] = [5, 4, 3, 2, 1].map((row) => ({ id: `row-${row}`, label: `row ${row} (${(row - 1) * 20}–${row * 20})` }));
const likelihoodGroup = (r: QuarterReplay, i: number) => (r.band[i] === NOT_ASSESSED ? NOT_ASSESSED : `row-${r.likelihoodRow[i]}`);

const PRIOR_GROUPS: readonly Group[] = [
  { id: '0', label: 'none' },
  { id: '1', label: '1' },
  { id: '2', label: '2' },
  { id: '3+', label: '3 or more' },
];
const priorGroup = (r: QuarterReplay, i: number) => (r.priorIncidents[i]! >= 3 ? '3+' : String(r.priorIncidents[i]));

const RECENCY_GROUPS: readonly Group[] = [
  { id: 'within-1y', label: 'within a year' },
  { id: '1-3y', label: '1 to 3 years' },
  { id: 'over-3y', label: 'over 3 years' },
  { id: 'none', label: 'none known' },
];
function recencyGroup(r: QuarterReplay, i: number): string {
  const d = r.daysSinceLast[i]!;
  return d === Number.POSITIVE_INFINITY ? 'none' : d <= 365 ? 'within-1y' : d <= 1095 ? '1-3y' : 'over-3y';
}

const clampShare = (x: number) => Math.min(1, Math.max(0, x));

export function predictorsOf(replays: readonly QuarterReplay[], n: number, outcome: Uint8Array, policy: Policy, horizonDays: number): Predictor[] {
  const make = (p: Omit<Predictor, 'prepared' | 'group'>, groupOf: (r: QuarterReplay, i: number) => string): Predictor => {
    const group = grouped(replays, n, p.groups, groupOf);
    const forecast = p.probability ? { probability: p.probability } : { group, groups: p.groups.length };
    return { ...p, group, prepared: prepare(p.values, n, outcome, forecast) };
  };
  const bands = bandGroups(replays, policy);
  const seesNotAssessed = bands.some((b) => b.id === NOT_ASSESSED);
  const horizon = `an incident becoming known within ${horizonDays} days`;
  return [
    make(
      {
        id: 'likelihood',
        label: 'likelihood',
        kind: 'score',
        description: `The score's likelihood (0–100). Read as the probability of ${horizon}: likelihood ÷ 100.`,
        values: flatten(replays, n, (r, i) => r.likelihood[i]!),
        probability: flatten(replays, n, (r, i) => clampShare(r.likelihood[i]! / 100)),
        groups: seesNotAssessed ? [...ROWS, { id: NOT_ASSESSED, label: NOT_ASSESSED }] : ROWS,
      },
      likelihoodGroup,
    ),
    make(
      {
        id: 'risk',
        label: 'risk',
        kind: 'score',
        description: `Likelihood × impact ÷ 100. Read as a probability the same way (risk ÷ 100), though impact, our exposure, does not make ${horizon} likelier.`,
        values: flatten(replays, n, (r, i) => r.risk[i]!),
        probability: flatten(replays, n, (r, i) => clampShare(r.risk[i]! / 100)),
        groups: bands,
      },
      (r, i) => r.band[i]!,
    ),
    make(
      {
        id: 'random',
        label: 'random',
        kind: 'baseline',
        description:
          'Every vendor alike: what ranking by chance gives on average (50th percentile, 25 % in the top quarter, AUC 0.5); forecasts the base rate for everyone (Brier skill 0).',
        values: new Float64Array(replays.length * n),
        probability: null,
        groups: [{ id: 'all', label: 'all vendors' }],
      },
      () => 'all',
    ),
    make(
      {
        id: 'prior-incidents',
        label: 'prior incidents',
        kind: 'baseline',
        description: "The number of the vendor's own incidents known at the quarter end; forecasts the observed rate of its group (none, 1, 2, 3 or more).",
        values: flatten(replays, n, (r, i) => r.priorIncidents[i]!),
        probability: null,
        groups: PRIOR_GROUPS,
      },
      priorGroup,
    ),
    make(
      {
        id: 'days-since-last',
        label: 'days since last incident',
        kind: 'baseline',
        description:
          "Days since the vendor's latest incident became known, the more recent the riskier (none known ranks last); forecasts the observed rate of its group.",
        values: flatten(replays, n, (r, i) => -r.daysSinceLast[i]!),
        probability: null,
        groups: RECENCY_GROUPS,
      },
      recencyGroup,
    ),
  ];
}
