/**
 * How the default methodology's decay was chosen (issue 13 §4): the demo portfolio replayed under
 * each candidate decay with the rest of the shipped methodology, on the tuning quarters (2019-Q1 to
 * 2022-Q4) and, separately, on the hold-out (2023-Q1 to 2025-Q3). The choice is made on the tuning
 * quarters alone, among the candidates that keep the design's floor (DESIGN §4.3: the default must
 * not forget a breach within weeks; here: a breach two years old still counts for a quarter of its
 * weight, so that Okta's 2022 support breach is in view when the 2023 one happens). A candidate
 * replaces the default only when its AUC of risk (what the heatmap ranks by) on the tuning quarters
 * beats the default's by MIN_GAIN: on 34 vendors these AUCs have intervals about ±0.13 wide, and
 * the sample itself favours short memory (every demo vendor is on record for a breach, so before it
 * a vendor has no history). The hold-out is read afterwards, never to choose.
 * `npm run tune:backtest` prints it; docs/METHODOLOGY.md carries it as a generated table.
 */
import type { DecayPolicy, Policy } from '../../server/domain/methodology.ts';
import type { PredictorReport } from '../../server/domain/backtest.ts';
import { backtest } from '../../server/scoring/backtest/backtest.ts';
import { remainingWeight } from '../../server/scoring/decay.ts';
import type { ScoringFacts } from '../../server/scoring/types.ts';
import { backtestOptions } from '../../server/services/backtest/backtest-service.ts';

export const TUNING = { from: '2019-Q1', to: '2022-Q4', horizonDays: 365 } as const;
export const HOLD_OUT = { from: '2023-Q1', to: '2025-Q3', horizonDays: 365 } as const;
/** The design's floor: weight left two years after a breach became known. */
export const FLOOR = { days: 730, weight: 0.25 } as const;
/** The least gain in the tuning quarters' AUC of risk that changes the default. */
export const MIN_GAIN = 0.05;

export const CANDIDATES: readonly DecayPolicy[] = [
  { name: 'short-penalty', kind: 'linear', days: 30 },
  { name: 'peer-half-life', kind: 'half-life', halfLifeDays: 120, cutoffDays: 730 },
  { name: 'half-life 180 d', kind: 'half-life', halfLifeDays: 180, cutoffDays: null },
  { name: 'half-life 365 d', kind: 'half-life', halfLifeDays: 365, cutoffDays: null },
  { name: 'half-life 730 d', kind: 'half-life', halfLifeDays: 730, cutoffDays: null },
  { name: 'long-memory', kind: 'half-life', halfLifeDays: 1095, cutoffDays: null },
  { name: 'half-life 1825 d', kind: 'half-life', halfLifeDays: 1825, cutoffDays: null },
];

type Range = typeof TUNING | typeof HOLD_OUT;
interface Figures {
  readonly likelihood: PredictorReport;
  readonly risk: PredictorReport;
  readonly prior: PredictorReport;
  readonly events: number;
}
interface Row {
  readonly decay: DecayPolicy;
  readonly floor: number;
  readonly keeps: boolean;
  readonly tuning: Figures;
  readonly holdOut: Figures;
}

function figures(facts: readonly ScoringFacts[], policy: Policy, range: Range): Figures {
  const outcome = backtest(facts, policy, backtestOptions(range, true));
  if (!outcome.ok) throw new Error(`too few events in ${range.from}–${range.to}`);
  const by = (id: string) => outcome.report.predictors.find((p) => p.id === id)!;
  return { likelihood: by('likelihood'), risk: by('risk'), prior: by('prior-incidents'), events: outcome.report.population.events };
}

const byTuning = (a: Row, b: Row) => val(b.tuning.risk.auc) - val(a.tuning.risk.auc) || val(b.tuning.risk.brierSkill) - val(a.tuning.risk.brierSkill);
const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
/** An estimate's value; undefined ones (no event drawn) never win. */
const val = (e: { readonly value: number | null }) => e.value ?? Number.NEGATIVE_INFINITY;
const auc = (p: PredictorReport) => `${f2(val(p.auc))} [${f2(p.auc.low ?? NaN)}, ${f2(p.auc.high ?? NaN)}]`;

/** The candidates' figures, the rule's choice, and the table and sentences that say so. */
export function decayTuning(facts: readonly ScoringFacts[], base: Policy): { chosen: string; text: string } {
  const rows: Row[] = CANDIDATES.map((decay) => {
    const policy: Policy = { ...base, decay };
    const floor = remainingWeight(decay, FLOOR.days);
    return { decay, floor, keeps: floor >= FLOOR.weight, tuning: figures(facts, policy, TUNING), holdOut: figures(facts, policy, HOLD_OUT) };
  });
  const current = rows.find((r) => r.decay.name === base.decay.name)!;
  const best = [...rows].sort(byTuning)[0]!;
  const bestWithin = rows.filter((r) => r.keeps).sort(byTuning)[0]!;
  const gain = val(bestWithin.tuning.risk.auc) - val(current.tuning.risk.auc);
  const chosen = gain >= MIN_GAIN ? bestWithin : current;
  const first = rows[0]!;
  const text = [
    `Methodology ${base.version} under each candidate decay; tuning quarters ${TUNING.from} to ${TUNING.to} (${first.tuning.events} events), hold-out ${HOLD_OUT.from} to ${HOLD_OUT.to} (${first.holdOut.events} events); AUC [95 % interval].`,
    '',
    '| decay | weight left at 2 years | keeps the floor | tuning: AUC of likelihood | tuning: AUC of risk | tuning: Brier skill of risk | hold-out: AUC of likelihood | hold-out: AUC of risk | hold-out: Brier skill of risk |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.decay.name} | ${f2(r.floor)} | ${r.keeps ? 'yes' : 'no'} | ${auc(r.tuning.likelihood)} | ${auc(r.tuning.risk)} | ${f2(val(r.tuning.risk.brierSkill))} | ` +
        `${auc(r.holdOut.likelihood)} | ${auc(r.holdOut.risk)} | ${f2(val(r.holdOut.risk.brierSkill))} |`,
    ),
    `| baseline: prior incidents | | | ${auc(first.tuning.prior)} | | ${f2(val(first.tuning.prior.brierSkill))} | ${auc(first.holdOut.prior)} | | ${f2(val(first.holdOut.prior.brierSkill))} |`,
    '',
    `- Best on the tuning quarters: ${best.decay.name} (AUC of risk ${f2(val(best.tuning.risk.auc))})${best.keeps ? '' : ', which forgets a breach before two years are out (below the floor)'}.`,
    `- Best within the floor: ${bestWithin.decay.name} (${f3(val(bestWithin.tuning.risk.auc))}), ${f3(gain)} above ${current.decay.name} (${f3(val(current.tuning.risk.auc))}); a change needs ${MIN_GAIN}.`,
    `- Chosen: ${chosen.decay.name}${chosen === current ? ' (kept)' : ''}. On the hold-out it ranks by risk at AUC ${f2(val(chosen.holdOut.risk.auc))} against ${f2(val(chosen.holdOut.prior.auc))} for the prior-incidents baseline.`,
  ].join('\n');
  return { chosen: chosen.decay.name, text };
}
