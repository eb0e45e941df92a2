/**
 * No hindsight (issue 13 §4): an incident added after quarter Q changes nothing the backtest
 * computes for quarters up to Q: no score, band or baseline value at those quarter ends, and no
 * figure of a run whose horizons all close before the incident became known. Property over random
 * histories: vendors with incidents (partial dates too), subprocessors and MFA posture.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../../../server/domain/partial-date.ts';
import { quarterEnd, quarterRange } from '../../../../server/domain/quarter.ts';
import { backtest } from '../../../../server/scoring/backtest/backtest.ts';
import { replayQuarter } from '../../../../server/scoring/backtest/replay.ts';
import { incidentKnownFrom } from '../../../../server/scoring/known-at.ts';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import type { IncidentFacts, ScoringFacts } from '../../../../server/scoring/types.ts';
import { incident, vendorFacts } from '../../../helpers/scoring-arbitraries.ts';

const QUARTERS = quarterRange('2018-Q1', '2024-Q4');
const HORIZON = 180;
const OPTIONS = { horizonDays: HORIZON, resamples: 25, seed: 13, level: 0.95, minEvents: 0, draft: false } as const;

const portfolio = fc
  .array(vendorFacts, { minLength: 1, maxLength: 5 })
  .map((vs) => vs.map((v, i) => ({ ...v, vendor: { ...v.vendor, id: i + 1, name: `V${i + 1}` } })));

/** The incident moved in time so that it becomes known `after` days after `day`. */
function knownOn(i: IncidentFacts, day: number): IncidentFacts {
  const shift = day - incidentKnownFrom(i);
  const move = (d: string | null) => (d === null ? null : isoDay(dayNumber(d) + shift));
  return {
    ...i,
    id: 1_000_000,
    intrusionStartDate: move(i.intrusionStartDate),
    detectedByVendorDate: move(i.detectedByVendorDate),
    firstReportedByThirdPartyDate: move(i.firstReportedByThirdPartyDate),
    publicDisclosureDate: move(i.publicDisclosureDate),
  };
}

/** The vendor's own incidents, or (onSub) the first subprocessor's, with one more. */
function withIncident(all: readonly ScoringFacts[], k: number, onSub: boolean, extra: IncidentFacts): ScoringFacts[] {
  return all.map((f, i) => {
    if (i !== k % all.length) return f;
    if (onSub && f.subprocessors.length > 0)
      return { ...f, subprocessors: f.subprocessors.map((s, j) => (j === 0 ? { ...s, ownIncidents: [...s.ownIncidents, extra] } : s)) };
    return { ...f, incidents: [...f.incidents, extra] };
  });
}

const predictions = (all: readonly ScoringFacts[], quarter: string) => {
  const { event: _e, eventIncidents: _i, ...known } = replayQuarter(all, DEFAULT_POLICY, quarter, HORIZON);
  return known;
};

const addition = fc.record({
  portfolio,
  q: fc.integer({ min: 0, max: QUARTERS.length - 2 }),
  after: fc.integer({ min: 1, max: 900 }),
  k: fc.nat(),
  onSub: fc.boolean(),
  extra: incident,
});

describe('the backtest is blind to what became known later', () => {
  it('an incident known after quarter Q changes no score, band or baseline at the quarter ends up to Q', () => {
    fc.assert(
      fc.property(addition, ({ portfolio: all, q, after, k, onSub, extra }) => {
        const q0 = QUARTERS[q]!;
        const added = withIncident(all, k, onSub, knownOn(extra, dayNumber(quarterEnd(q0)) + after));
        for (const quarter of QUARTERS.slice(0, q + 1)) expect(predictions(added, quarter)).toEqual(predictions(all, quarter));
      }),
      { numRuns: 60 },
    );
  });

  it('nor any figure of a run whose horizons all close before it became known', () => {
    fc.assert(
      fc.property(addition, ({ portfolio: all, q, after, k, onSub, extra }) => {
        const known = dayNumber(quarterEnd(QUARTERS[q]!)) + after;
        const added = withIncident(all, k, onSub, knownOn(extra, known));
        // The last quarter whose horizon closes before the incident became known.
        const judged = QUARTERS.filter((x) => dayNumber(quarterEnd(x)) + HORIZON < known);
        fc.pre(judged.length > 0);
        const range = { from: QUARTERS[0]!, to: judged.at(-1)! };
        expect(backtest(added, DEFAULT_POLICY, { ...OPTIONS, ...range })).toEqual(backtest(all, DEFAULT_POLICY, { ...OPTIONS, ...range }));
      }),
      { numRuns: 40 },
    );
  });

  it('while an incident within the horizon is an event (the test can fail)', () => {
    const all: ScoringFacts[] = [
      { vendor: { id: 1, name: 'V', tier: 1, dataAccess: 'none', environmentAccess: 'none' }, incidents: [], subprocessors: [], mfa: [] },
    ];
    const sample = fc.sample(incident, { numRuns: 1, seed: 1 })[0]!;
    const added = withIncident(all, 0, false, knownOn(sample, dayNumber(quarterEnd('2020-Q1')) + 10));
    expect(replayQuarter(added, DEFAULT_POLICY, '2020-Q1', HORIZON).event[0]).toBe(1);
    expect(replayQuarter(added, DEFAULT_POLICY, '2020-Q2', HORIZON).priorIncidents[0]).toBe(1);
  });
});
