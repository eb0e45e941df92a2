/**
 * One quarter end of the backtest: the engine's own score with only what was known then, the
 * baselines from the same known facts, and the event: an incident of the vendor's own becoming
 * known in (quarter end, quarter end + horizon], however many.
 */
import { describe, expect, it } from 'vitest';
import { replayQuarter } from '../../../../server/scoring/backtest/replay.ts';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../../server/scoring/score-vendor.ts';
import { facts, incidentFacts, subprocessorFacts } from '../../../helpers/fixtures.ts';

const disclosed = (day: string, severity: 'low' | 'critical' = 'critical') =>
  incidentFacts({ severity, intrusionStartDate: null, detectedByVendorDate: null, publicDisclosureDate: day });

describe('replayQuarter', () => {
  it('counts an incident as an event from the day after the quarter end to the last day of the horizon, both included', () => {
    // 2023-Q3 ends 2023-09-30; 365 days on is 2024-09-29.
    const cases: Array<[string, number]> = [
      ['2023-09-30', 0], // known at the quarter end: a prior incident, not a surprise
      ['2023-10-01', 1],
      ['2024-09-29', 1],
      ['2024-09-30', 0],
    ];
    for (const [day, event] of cases) {
      const r = replayQuarter([facts({ incidents: [disclosed(day)] })], DEFAULT_POLICY, '2023-Q3', 365);
      expect([day, r.event[0]]).toEqual([day, event]);
    }
  });

  it('counts a vendor-quarter once however many incidents follow, and names each of them', () => {
    const a = disclosed('2024-01-10');
    const b = disclosed('2024-05-10');
    const r = replayQuarter([facts({ incidents: [a, b] })], DEFAULT_POLICY, '2023-Q4', 365);
    expect(r.event[0]).toBe(1);
    expect(r.eventIncidents).toEqual([`1:${a.id}`, `1:${b.id}`]);
  });

  it('reads a partial date from its last possible day, as the engine does', () => {
    // "2023-10" is known from 31 October: after the end of Q3, by the end of Q4.
    const f = facts({ incidents: [incidentFacts({ intrusionStartDate: null, detectedByVendorDate: null, publicDisclosureDate: '2023-10' })] });
    expect(replayQuarter([f], DEFAULT_POLICY, '2023-Q3', 365).event[0]).toBe(1);
    expect(replayQuarter([f], DEFAULT_POLICY, '2023-Q4', 365).priorIncidents[0]).toBe(1);
  });

  it("does not count a subprocessor's own incident as the vendor's event", () => {
    const f = facts({ subprocessors: [subprocessorFacts({ ownIncidents: [disclosed('2024-01-10')] })] });
    expect(replayQuarter([f], DEFAULT_POLICY, '2023-Q4', 365).event[0]).toBe(0);
  });

  it('gives the baselines from what was known: the number of incidents and the days since the latest', () => {
    const f = facts({ incidents: [disclosed('2021-03-01'), disclosed('2023-06-30'), disclosed('2024-02-01')] });
    const r = replayQuarter([f, facts({ vendor: { ...f.vendor, id: 2 } })], DEFAULT_POLICY, '2023-Q3', 365);
    expect([...r.priorIncidents]).toEqual([2, 0]);
    expect([...r.daysSinceLast]).toEqual([92, Number.POSITIVE_INFINITY]);
  });

  it('scores with the engine as it is, as of the quarter end, blind to what came later', () => {
    const later = disclosed('2023-11-15');
    const f = facts({ incidents: [disclosed('2022-05-01'), later] });
    const r = replayQuarter([f], DEFAULT_POLICY, '2023-Q3', 365);
    const s = scoreVendor(f, DEFAULT_POLICY, '2023-09-30');
    expect([r.asOf, r.likelihood[0], r.risk[0], r.band[0], r.likelihoodRow[0]]).toEqual(['2023-09-30', s.likelihood, s.risk, s.band, s.cell.likelihood]);
    const without = scoreVendor({ ...f, incidents: f.incidents.filter((i) => i !== later) }, DEFAULT_POLICY, '2023-09-30');
    expect(r.likelihood[0]).toBe(without.likelihood);
  });
});
