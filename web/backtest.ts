/**
 * The backtest in the web app, PURE: its figures in words and numbers, the order a page asks for
 * one run per decay policy, and what a statement is headed under.
 */
import type { Estimate, PredictorReport, RateRow, Statement } from '../server/domain/backtest.ts';
import type { DecayPolicyName } from '../server/domain/methodology.ts';
import type { Backtest } from './api/client.ts';

export type { Estimate, PredictorReport, RateRow, Statement };
export type Figure = 'meanPercentile' | 'topQuartileShare' | 'auc' | 'brierSkill';

export const FIGURES: ReadonlyArray<{ readonly id: Figure; readonly label: string; readonly chance: string; readonly help: string }> = [
  { id: 'meanPercentile', label: 'Mean percentile', chance: '50', help: 'where the vendors about to have an incident sat among all vendors that quarter' },
  { id: 'topQuartileShare', label: 'In top quarter', chance: '25%', help: 'share of them in the riskiest quarter of vendors' },
  { id: 'auc', label: 'AUC', chance: '0.50', help: 'chance that a vendor about to have an incident outranks one that is not' },
  {
    id: 'brierSkill',
    label: 'Brier skill',
    chance: '0.00',
    help: 'read as a probability, better (above 0) or worse (below 0) than the base rate for everyone',
  },
];

/** Minus as a minus sign, and no sign on a figure that rounds to zero. */
const signed = (text: string) => (/^-0(\.0+)?%?$/.test(text) ? text.slice(1) : text.replace(/^-/, '−'));

/** One figure as the page writes it. */
export function figureText(figure: Figure, x: number | null): string {
  if (x === null) return 'n/a';
  if (figure === 'meanPercentile') return signed(x.toFixed(1));
  if (figure === 'topQuartileShare') return `${Math.round(x * 100)}%`;
  return signed(x.toFixed(2));
}

/** An interval: "0.30 to 0.49"; '' when there is none. */
export const intervalText = (figure: Figure, e: Estimate): string =>
  e.low === null || e.high === null ? '' : `${figureText(figure, e.low)} to ${figureText(figure, e.high)}`;

/** A figure with its interval: "0.38 (0.30 to 0.49)". */
export function estimateText(figure: Figure, e: Estimate): string {
  if (e.value === null) return 'n/a';
  const interval = intervalText(figure, e);
  return interval ? `${figureText(figure, e.value)} (${interval})` : figureText(figure, e.value);
}

/** An observed rate with its interval and counts: "17% (14–20%), 81 of 490". */
export function rateText(r: RateRow): string {
  if (r.rate === null || r.observations === 0) return 'none';
  const pct = (x: number | null) => (x === null ? '?' : `${Math.round(x * 100)}`);
  return `${pct(r.rate)}% (${pct(r.low)}–${pct(r.high)}%), ${r.events} of ${r.observations}`;
}

export const policyLabel = (r: Pick<Backtest, 'methodologyVersion' | 'decay' | 'draft'>): string =>
  `${r.methodologyVersion} · ${r.decay}${r.draft ? ' (draft)' : ''}`;

export const predictor = (r: Backtest, id: PredictorReport['id']): PredictorReport => r.predictors.find((p) => p.id === id)!;

/**
 * The runs a page asks for: the version under its own decay policy first (its name is learnt
 * from that answer), then each other named policy; a policy of the version's own is not asked twice.
 */
export const otherDecays = (own: string, named: readonly DecayPolicyName[]): DecayPolicyName[] => named.filter((d) => d !== own);

export const STATEMENT_GROUPS: ReadonlyArray<{ readonly verdict: Statement['verdict']; readonly heading: string }> = [
  { verdict: 'does', heading: 'What the score does predict' },
  { verdict: 'does-not', heading: 'What it does not predict' },
  { verdict: 'note', heading: 'Read with care' },
];
