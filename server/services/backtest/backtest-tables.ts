/**
 * Backtest reports as Markdown tables: what `npm run vendorscope -- backtest` prints and what
 * docs/METHODOLOGY.md carries (test/helpers/methodology-doc.ts renders the demo portfolio with
 * these functions, so the document and the command line cannot differ). Several reports on the
 * same data and range (one per policy) share one table: the score's rows per policy, the
 * baselines, which do not depend on the policy, once.
 */
import type { BacktestReport, Estimate, RateRow } from '../../domain/backtest.ts';
import { decimals, percent } from '../../scoring/backtest/format.ts';

export const policyLabel = (r: Pick<BacktestReport, 'methodologyVersion' | 'decay' | 'draft'>): string =>
  `${r.methodologyVersion} ${r.decay}${r.draft ? ' (draft)' : ''}`;

const fixed = (digits: number) => (x: number | null) => decimals(x, digits);
const bare = (x: number | null) => (x === null ? 'n/a' : (x * 100).toFixed(0));
const withInterval = (e: Estimate, f: (x: number | null) => string, g = f) => (e.value === null ? 'n/a' : `${f(e.value)} [${g(e.low)}, ${g(e.high)}]`);
const rate = (g: RateRow | undefined) =>
  !g || g.observations === 0 ? '–' : `${percent(g.rate)} [${bare(g.low)}, ${bare(g.high)}] (${g.events}/${g.observations})`;

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: ReadonlyArray<readonly string[]>) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** What the runs have in common: the data, the range and the bootstrap. */
export function backtestSummary(r: BacktestReport): string {
  const p = r.population;
  return (
    `${p.vendors} vendors, quarter ends ${r.from} to ${r.to} (${r.quarters.length}), ${p.observations} vendor-quarters; ` +
    `${p.events} events (a vendor-quarter followed by at least one of the vendor's own incidents becoming known within ${r.horizonDays} days) from ${p.incidents} incidents; ` +
    `base rate ${(p.baseRate * 100).toFixed(1)} %. Intervals: 95 %, ${r.bootstrap.resamples} bootstrap resamples of vendors (seed ${r.bootstrap.seed}); rates: Wilson 95 %.`
  );
}

function figures(reports: readonly BacktestReport[]): string {
  const line = (policy: string, r: BacktestReport, id: string) => {
    const p = r.predictors.find((x) => x.id === id)!;
    return [
      policy,
      p.label,
      withInterval(p.meanPercentile, fixed(1)),
      withInterval(p.topQuartileShare, percent, bare),
      withInterval(p.auc, fixed(2)),
      withInterval(p.brierSkill, fixed(2)),
    ];
  };
  const scores = reports.flatMap((r) => r.predictors.filter((p) => p.kind === 'score').map((p) => line(policyLabel(r), r, p.id)));
  const baselines = reports[0]!.predictors.filter((p) => p.kind === 'baseline').map((p) => line('baseline', reports[0]!, p.id));
  return table(['policy', 'ranks by', 'mean percentile', 'in top quarter', 'AUC', 'Brier skill'], [...scores, ...baselines]);
}

function comparisons(reports: readonly BacktestReport[]): string {
  const rows = reports.flatMap((r) =>
    ['likelihood', 'risk'].map((score) => {
      const c = (baseline: string) => r.comparisons.find((x) => x.score === score && x.baseline === baseline)!;
      return [
        policyLabel(r),
        score,
        withInterval(c('prior-incidents').auc, fixed(2)),
        withInterval(c('days-since-last').auc, fixed(2)),
        withInterval(c('prior-incidents').brierSkill, fixed(2)),
        withInterval(c('days-since-last').brierSkill, fixed(2)),
      ];
    }),
  );
  return table(['policy', 'score', 'AUC − prior incidents', 'AUC − days since last', 'Brier skill − prior incidents', 'Brier skill − days since last'], rows);
}

/** Observed rate per group, a column per policy; groups in the order the runs list them. */
function groups(reports: readonly BacktestReport[], id: 'likelihood' | 'risk', heading: string): string {
  const of = (r: BacktestReport) => r.predictors.find((p) => p.id === id)!.groups;
  const ids = [...new Set(reports.flatMap((r) => of(r).map((g) => g.id)))];
  const labelOf = (g: string) => reports.flatMap(of).find((x) => x.id === g)!.label;
  return table(
    [heading, ...reports.map(policyLabel)],
    ids.map((g) => [labelOf(g), ...reports.map((r) => rate(of(r).find((x) => x.id === g)))]),
  );
}

function baselineGroups(r: BacktestReport): string {
  const rows = r.predictors.filter((p) => p.kind === 'baseline' && p.id !== 'random').flatMap((p) => p.groups.map((g) => [p.label, g.label, rate(g)]));
  return table(['baseline', 'value', 'observed rate'], rows);
}

/** Every table of one or more runs on the same data and range. */
export function backtestTables(reports: readonly BacktestReport[]): string {
  return [
    backtestSummary(reports[0]!),
    'Rank and calibration (value [95 % interval]):',
    figures(reports),
    'The score against the baselines (difference [95 % interval], paired bootstrap; above 0: the score does better):',
    comparisons(reports),
    'Observed incident rate per risk band (rate [95 % interval] (events/vendor-quarters)):',
    groups(reports, 'risk', 'risk band'),
    'Observed incident rate per likelihood row of the matrix:',
    groups(reports, 'likelihood', 'likelihood row'),
    'Observed incident rate per baseline value (the forecast each baseline is scored with):',
    baselineGroups(reports[0]!),
  ].join('\n\n');
}

/** What one run's figures say, as a bulleted list. */
export const backtestStatements = (r: BacktestReport): string => r.statements.map((s) => `- ${s.text}`).join('\n');
