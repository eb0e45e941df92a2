/**
 * The report's rows and words, on histories made by hand: a band of its own (not-assessed, which
 * methodology 2.0 adds) gets its own row for risk and for likelihood; a claim that the score beats
 * chance or a baseline needs the interval to say so; the refusal below the minimum of events.
 */
import { describe, expect, it } from 'vitest';
import { backtest, type BacktestOptions } from '../../../../server/scoring/backtest/backtest.ts';
import { predictorsOf } from '../../../../server/scoring/backtest/predictors.ts';
import type { QuarterReplay } from '../../../../server/scoring/backtest/replay.ts';
import { statementsOf } from '../../../../server/scoring/backtest/statements.ts';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import type { BacktestReport, Estimate } from '../../../../server/domain/backtest.ts';
import { facts, incidentFacts } from '../../../helpers/fixtures.ts';

function replay(rows: Array<{ likelihood: number; risk: number; band: string; row: number; event: 0 | 1 }>): QuarterReplay {
  return {
    quarter: '2023-Q4',
    asOf: '2023-12-31',
    likelihood: Float64Array.from(rows.map((r) => r.likelihood)),
    risk: Float64Array.from(rows.map((r) => r.risk)),
    band: rows.map((r) => r.band),
    likelihoodRow: Uint8Array.from(rows.map((r) => r.row)),
    priorIncidents: new Uint32Array(rows.length),
    daysSinceLast: new Float64Array(rows.length).fill(Number.POSITIVE_INFINITY),
    event: Uint8Array.from(rows.map((r) => r.event)),
    eventIncidents: [],
  };
}

describe('groups', () => {
  it('count a not-assessed vendor in a row of its own, for risk and for likelihood, whatever its figures', () => {
    const r = replay([
      { likelihood: 25, risk: 20, band: 'moderate', row: 2, event: 0 },
      { likelihood: 21, risk: 19, band: 'not-assessed', row: 2, event: 1 },
      { likelihood: 70, risk: 60, band: 'critical', row: 4, event: 1 },
    ]);
    const [likelihood, risk] = predictorsOf([r], 3, r.event, DEFAULT_POLICY, 365);
    expect(risk!.groups.map((g) => g.id)).toEqual(['critical', 'high', 'moderate', 'low', 'not-assessed']);
    expect(likelihood!.groups.map((g) => g.id)).toEqual(['row-5', 'row-4', 'row-3', 'row-2', 'row-1', 'not-assessed']);
    expect([...risk!.group]).toEqual([2, 4, 0]);
    expect([...likelihood!.group]).toEqual([3, 5, 1]);
  });

  it('list only the bands the policy has when no other occurs', () => {
    const r = replay([{ likelihood: 25, risk: 20, band: 'moderate', row: 2, event: 0 }]);
    expect(predictorsOf([r], 1, r.event, DEFAULT_POLICY, 365)[1]!.groups.map((g) => g.id)).toEqual(['critical', 'high', 'moderate', 'low']);
  });
});

const estimate = (value: number, low: number, high: number): Estimate => ({ value, low, high });

/** A report whose figures a test sets; everything else plausible. */
function figures(o: { auc?: Estimate; versus?: Estimate; skill?: Estimate; rates?: number[] } = {}): Omit<BacktestReport, 'statements'> {
  const rate = (id: string, r: number) => ({ id, label: id, observations: 100, events: Math.round(r * 100), rate: r, low: r / 2, high: Math.min(1, r * 2) });
  const predictor = (id: 'likelihood' | 'risk' | 'random' | 'prior-incidents' | 'days-since-last') => ({
    id,
    label: id === 'prior-incidents' ? 'prior incidents' : id,
    kind: id === 'likelihood' || id === 'risk' ? ('score' as const) : ('baseline' as const),
    description: '',
    meanPercentile: estimate(60, 55, 65),
    topQuartileShare: estimate(0.4, 0.3, 0.5),
    auc: id === 'likelihood' || id === 'risk' ? (o.auc ?? estimate(0.6, 0.55, 0.65)) : estimate(0.5, 0.45, 0.55),
    brierSkill: id === 'likelihood' || id === 'risk' ? (o.skill ?? estimate(0.1, 0.05, 0.15)) : estimate(0, 0, 0),
    groups: (o.rates ?? [0.3, 0.2, 0.1, 0.05]).map((r, k) => rate(['critical', 'high', 'moderate', 'low'][k]!, r)),
  });
  return {
    methodologyVersion: '1.0.0',
    decay: 'long-memory',
    draft: false,
    from: '2019-Q1',
    to: '2022-Q4',
    horizonDays: 365,
    quarters: [{ quarter: '2022-Q4', asOf: '2022-12-31', events: 30 }],
    population: { vendors: 100, vendorsWithIncidents: 10, observations: 1600, events: 30, incidents: 12, baseRate: 0.0188 },
    bootstrap: { resamples: 1000, seed: 13, level: 0.95, unit: 'vendor' },
    minEvents: 20,
    predictors: (['likelihood', 'risk', 'random', 'prior-incidents', 'days-since-last'] as const).map(predictor),
    comparisons: (['likelihood', 'risk'] as const).flatMap((score) =>
      (['prior-incidents', 'days-since-last'] as const).map((baseline) => ({
        score,
        baseline,
        auc: o.versus ?? estimate(0.1, 0.05, 0.15),
        brierSkill: estimate(0.1, 0.05, 0.15),
      })),
    ),
    calibration: { likelihood: [], risk: [] },
  };
}
const said = (f: ReturnType<typeof figures>, id: string) => statementsOf(f).find((s) => s.id === id)!;

describe('what the figures say', () => {
  it('claims better than chance, or a lead over a baseline, only when the whole interval says so', () => {
    expect(said(figures(), 'rank-likelihood')).toMatchObject({ verdict: 'does', text: expect.stringContaining('better than chance') });
    expect(said(figures({ auc: estimate(0.55, 0.48, 0.62) }), 'rank-likelihood')).toMatchObject({
      verdict: 'does-not',
      text: expect.stringContaining('does not rank'),
    });
    expect(said(figures({ auc: estimate(0.4, 0.3, 0.48) }), 'rank-likelihood')).toMatchObject({
      verdict: 'does-not',
      text: expect.stringContaining('worse than chance'),
    });
    expect(said(figures(), 'likelihood-vs-prior-incidents')).toMatchObject({
      verdict: 'does',
      text: expect.stringMatching(/^Likelihood beats the prior incidents baseline/),
    });
    expect(said(figures({ versus: estimate(0.02, -0.01, 0.05) }), 'likelihood-vs-prior-incidents').text).toMatch(
      /^Likelihood does not beat the prior incidents baseline: .*\(95 % interval -0\.01 to 0\.05\)\.$/,
    );
    expect(said(figures({ versus: estimate(-0.1, -0.15, -0.05) }), 'risk-vs-prior-incidents').text).toContain('ranking by prior incidents alone does better');
  });

  it('says whether the score forecasts better than the base rate, and whether the rate falls band by band', () => {
    expect(said(figures(), 'calibration-likelihood').verdict).toBe('does');
    expect(said(figures({ skill: estimate(-0.3, -0.4, -0.2) }), 'calibration-risk').text).toContain(
      'forecasts worse than giving every vendor the base rate (2 %)',
    );
    expect(said(figures(), 'groups-risk').text).toBe('The observed incident rate falls band by band: critical 30 %, high 20 %, moderate 10 %, low 5 %.');
    expect(said(figures({ rates: [0.3, 0.1, 0.05, 0.2] }), 'groups-risk')).toMatchObject({
      verdict: 'does-not',
      text: 'The observed incident rate does not fall band by band: low 20 % is above moderate 5 %.',
    });
  });
});

describe('the minimum of events', () => {
  const options: BacktestOptions = { from: '2022-Q1', to: '2022-Q4', horizonDays: 365, resamples: 10, seed: 13, level: 0.95, minEvents: 2, draft: false };
  const vendor = (id: number, disclosed: string[]) =>
    facts({
      vendor: { ...facts().vendor, id },
      incidents: disclosed.map((d) => incidentFacts({ intrusionStartDate: null, detectedByVendorDate: null, publicDisclosureDate: d })),
    });

  it('refuses with the counts when events or vendor-quarters without one are fewer than the minimum', () => {
    // One incident in 2023-02: an event at the end of 2022-Q1 … Q4 for one vendor (4), none for the other (4 without).
    const all = [vendor(1, ['2023-02-01']), vendor(2, [])];
    expect(backtest(all, DEFAULT_POLICY, { ...options, minEvents: 5 })).toEqual({
      ok: false,
      reason: 'too-few-events',
      events: 4,
      nonEvents: 4,
      observations: 8,
    });
    expect(backtest(all, DEFAULT_POLICY, options).ok).toBe(true);
  });
});
