import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageChange,
  currentQuarter,
  downloadHref,
  downloadName,
  incidentChangeText,
  keepVs,
  lagText,
  matrixLevel,
  matrixRows,
  moverCounts,
  PICKER_QUARTERS,
  quarterChoices,
  reportPath,
  reportState,
  restatedFigures,
  restLists,
  snapshotHref,
  summaryMovers,
  SUMMARY_INCIDENTS,
  SUMMARY_MOVERS,
  tier1Sections,
  vsChoices,
  viewOf,
  vsOf,
  type Report,
} from '../../web/report.ts';
import { quarterSpan } from '../../web/charts/trend.quarters.ts';

const q = (s: string) => new URLSearchParams(s);

describe('which quarter /reports means', () => {
  it('is the quarter running on the day, in UTC as the server counts days', () => {
    expect(currentQuarter(new Date('2026-11-29T17:00:00Z'))).toBe('2026-Q4');
    expect(currentQuarter(new Date('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
    expect(currentQuarter(new Date('2027-01-01T00:00:00Z'))).toBe('2027-Q1');
    expect(currentQuarter(new Date('2024-03-31T12:00:00Z'))).toBe('2024-Q1');
    expect(currentQuarter(new Date('2024-04-01T00:00:00Z'))).toBe('2024-Q2');
  });
});

describe('the report URL', () => {
  it('names the quarter, and the quarter compared with only when asked for', () => {
    expect(reportPath('2023-Q4')).toBe('/reports/2023-Q4');
    expect(reportPath('2023-Q4', '2022-Q4')).toBe('/reports/2023-Q4?vs=2022-Q4');
  });

  it('reads the quarter compared with when it is well formed and before the previous quarter', () => {
    expect(vsOf('2023-Q4', q('vs=2022-Q4'))).toBe('2022-Q4');
    expect(vsOf('2023-Q4', q('vs=2019-Q1'))).toBe('2019-Q1');
    // The previous quarter is the server's default: naming it changes nothing.
    expect(vsOf('2023-Q4', q('vs=2023-Q3'))).toBe('');
    expect(vsOf('2023-Q4', q('vs=2023-Q4'))).toBe('');
    expect(vsOf('2023-Q4', q('vs=2024-Q1'))).toBe('');
    expect(vsOf('2023-Q4', q('vs=last-year'))).toBe('');
    expect(vsOf('2023-Q4', q(''))).toBe('');
    // `/reports` alone: the quarter is not known yet, the comparison is kept for it.
    expect(vsOf('', q('vs=2022-Q4'))).toBe('2022-Q4');
  });

  it('keeps the comparison when another quarter is picked, while it is still earlier than the previous quarter', () => {
    expect(keepVs('2024-Q2', '2022-Q4')).toBe('2022-Q4');
    expect(keepVs('2023-Q1', '2022-Q4')).toBe('');
    expect(keepVs('2022-Q2', '2022-Q4')).toBe('');
    expect(keepVs('2024-Q2', '')).toBe('');
  });
});

describe('the pickers', () => {
  it('offer the current quarter and ten years before it, newest first, reaching back to an older report', () => {
    const c = quarterChoices('2026-Q4');
    expect(c).toHaveLength(PICKER_QUARTERS);
    expect(c[0]).toBe('2026-Q4');
    expect(c.at(-1)).toBe('2017-Q1');
    expect(quarterChoices('2026-Q4', '2012-Q3').at(-1)).toBe('2012-Q3');
  });

  it('offer, to compare with, only quarters before the report, the previous one first', () => {
    const v = vsChoices('2023-Q4');
    expect(v[0]).toBe('2023-Q3');
    expect(v).toHaveLength(PICKER_QUARTERS);
    expect(vsChoices('2023-Q4', '2010-Q1').at(-1)).toBe('2010-Q1');
  });

  it('never offer a comparison that is not earlier, whatever the quarter', () => {
    const quarter = fc.tuple(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 4 })).map(([y, n]) => `${y}-Q${n}`);
    fc.assert(
      fc.property(quarter, quarter, (report, vs) => {
        for (const c of vsChoices(report, vs)) expect(quarterSpan(c, report)).toBeGreaterThan(1);
        const kept = keepVs(report, vs);
        if (kept) expect(quarterSpan(kept, report)).toBeGreaterThan(2);
        const read = vsOf(report, new URLSearchParams({ vs }));
        expect(read === '' || quarterSpan(read, report) > 2).toBe(true);
      }),
    );
  });
});

describe('downloads', () => {
  it('link to the API in each format, with the comparison, named as the server names the file', () => {
    expect(downloadHref('/api/v1', '2023-Q4', 'csv')).toBe('/api/v1/reports/quarterly/2023-Q4?format=csv');
    expect(downloadHref('/api/v1', '2023-Q4', 'md', '2022-Q4')).toBe('/api/v1/reports/quarterly/2023-Q4?format=md&vs=2022-Q4');
    expect(downloadHref('/api/v1', '2023-Q4', 'json')).toBe('/api/v1/reports/quarterly/2023-Q4?format=json&appendix=full');
    expect(downloadName('2023-Q4', 'csv')).toBe('vendorscope-report-2023-Q4.csv');
    expect(downloadName('2023-Q4', 'md', '2022-Q4')).toBe('vendorscope-report-2023-Q4-vs-2022-Q4.md');
    expect(downloadName('2023-Q4', 'json')).toBe('vendorscope-report-2023-Q4.json');
  });

  it('ask for the restated view when the page shows it, and name the file so', () => {
    expect(downloadHref('/api/v1', '2023-Q4', 'md', '2022-Q4', 'restated')).toBe('/api/v1/reports/quarterly/2023-Q4?format=md&vs=2022-Q4&view=restated');
    expect(downloadName('2023-Q4', 'csv', '', 'restated')).toBe('vendorscope-report-2023-Q4-restated.csv');
    expect(downloadName('2023-Q4', 'md', '2022-Q4', 'restated')).toBe('vendorscope-report-2023-Q4-vs-2022-Q4-restated.md');
    expect(snapshotHref('/api/v1', '2023-Q4', 7)).toBe('/api/v1/reports/quarterly/2023-Q4/snapshots/7');
  });
});

describe('the restated view in the URL', () => {
  it('is asked for with ?view=restated, kept beside the comparison', () => {
    expect(viewOf(q('view=restated'))).toBe('restated');
    expect(viewOf(q('view=frozen'))).toBe('');
    expect(viewOf(q(''))).toBe('');
    expect(reportPath('2023-Q4', '', 'restated')).toBe('/reports/2023-Q4?view=restated');
    expect(reportPath('2023-Q4', '2022-Q4', 'restated')).toBe('/reports/2023-Q4?vs=2022-Q4&view=restated');
  });
});

const vendor = (over: Partial<Report['vendors'][number]>): Report['vendors'][number] => ({
  vendorId: 1,
  name: 'Okta',
  tier: 1,
  category: 'identity provider',
  likelihood: 68,
  impact: 91,
  risk: 61.9,
  band: 'critical',
  cell: { likelihood: 4, impact: 5 },
  previousRisk: 41,
  delta: 20.9,
  newSinceVs: false,
  findings: 8,
  confidence: 0.57,
  assessed: true,
  inherentRisk: 41,
  evidenceCoverage: 0.83,
  ...over,
});
const causes = { methodology: 0, decay: -0.6, incidents: 21.5, posture: 0 };
const mover = (vendorId: number, delta: number) => ({ vendorId, name: `V${vendorId}`, tier: 2, from: 10, to: 10 + delta, delta, causes });
const incident = (incidentId: number, vendorId = 1) => ({
  incidentId,
  vendorId,
  vendorName: 'Okta',
  title: `Incident ${incidentId}`,
  severity: 'critical' as const,
  publicDisclosureDate: '2023-10-20',
  lagDays: 21,
  lagApproximate: false,
  foundByOthersFirst: true,
  sources: [],
});
const finding = (vendorId: number, tier: number, id: string) => ({
  source: 'score' as const,
  vendorId,
  name: `V${vendorId}`,
  tier,
  id,
  rule: 'late-disclosure',
  severity: 'high' as const,
  title: id,
  suggestedCondition: '…',
  owner: null,
  dueOn: null,
});
const condition = (vendorId: number, id: string) => ({
  ...finding(vendorId, 1, id),
  source: 'condition' as const,
  rule: 'review-condition',
  owner: 'procurement',
  dueOn: '2024-03-31',
});

describe('the risk matrix of the report', () => {
  it('puts each vendor in the cell the report gives it', () => {
    const [row] = matrixRows([vendor({ cell: { likelihood: 2, impact: 3 } })]);
    expect(row).toMatchObject({ vendorId: 1, name: 'Okta', risk: 61.9, band: 'critical', cell: { likelihood: 2, impact: 3 } });
  });

  it('gives a vendor of a report frozen without cells the cell of its levels, as the engine does (fifths, 100 in the top one)', () => {
    expect([0, 19.9, 20, 39.9, 40, 60, 80, 99.9, 100].map(matrixLevel)).toEqual([1, 1, 2, 2, 3, 4, 5, 5, 5]);
    const { cell: _cell, ...old } = vendor({});
    const [row] = matrixRows([old as Report['vendors'][number]]);
    expect(row).toMatchObject({ cell: { likelihood: 4, impact: 5 } });
  });
});

describe('what the page derives from the report', () => {
  it('compares the average risk of the vendors in both reports; a vendor new since then has no risk then', () => {
    const vendors = [vendor({ risk: 61.9, previousRisk: 41 }), vendor({ vendorId: 2, risk: 20, previousRisk: 21 })];
    expect(averageChange({ vendors })).toEqual({ before: 31, after: 41, change: 10 });
    expect(averageChange({ vendors: [...vendors, vendor({ vendorId: 3, risk: 90, previousRisk: null, delta: null, newSinceVs: true })] })).toEqual({
      before: 31,
      after: 41,
      change: 10,
    });
    expect(averageChange({ vendors: [vendor({ previousRisk: null, delta: null, newSinceVs: true })] })).toBeNull();
    expect(averageChange({ vendors: [] })).toBeNull();
  });

  it('says frozen, restated or live, with the day scored', () => {
    const state = (view: Report['view']) => reportState({ view, asOf: '2023-12-31', quarter: '2023-Q4', snapshotId: 4 });
    expect(state('frozen')).toMatchObject({ label: 'Frozen' });
    expect(state('frozen').text).toContain('2023-12-31');
    expect(state('restated')).toMatchObject({ label: 'Restated' });
    expect(state('restated').text).toContain('snapshot 4');
    expect(reportState({ view: 'live', asOf: '2026-11-29', quarter: '2026-Q4', snapshotId: null })).toMatchObject({ label: 'Live' });
  });

  it('says lags in days, "≈" when a lag rests on a month or a year', () => {
    expect([lagText(21), lagText(1), lagText(0), lagText(null)]).toEqual(['21 days', '1 day', 'same day', 'unknown']);
    expect([lagText(15, true), lagText(0, true), lagText(null, true)]).toEqual(['≈ 15 days', '≈ same day', 'unknown']);
  });

  it('says what a restatement changed, in words', () => {
    expect(restatedFigures({ tier: 1, risk: 61.9, band: 'critical', findings: 8 })).toBe('61.9, critical, 8 findings');
    expect(restatedFigures(null)).toBe('not in the report');
    const change = { incidentId: 1, vendorId: 1, vendorName: 'Okta', title: 'x', fields: [] as string[], frozen: null, restated: null };
    const dates = {
      severity: 'high' as const,
      intrusionStartDate: null,
      detectedByVendorDate: null,
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2023-11-15',
    };
    expect(incidentChangeText({ ...change, change: 'appeared', restated: dates })).toBe('recorded since; disclosed 2023-11-15');
    expect(incidentChangeText({ ...change, change: 'changed', fields: ['detectedByVendorDate'], frozen: dates, restated: dates })).toBe(
      'corrected: detectedByVendorDate',
    );
    expect(incidentChangeText({ ...change, change: 'disappeared', frozen: dates })).toMatch(/^deleted/);
  });

  it('makes one section per tier-1 vendor, in the report order, with its move, findings, open conditions and incidents', () => {
    const r = {
      vendors: [vendor({ vendorId: 2, name: 'Microsoft' }), vendor({ vendorId: 15, tier: 2 }), vendor({ vendorId: 1 })],
      movers: [mover(1, 20.9)],
      findings: [finding(1, 1, 'a'), finding(2, 1, 'b'), finding(15, 2, 'c'), condition(1, 'condition:7'), finding(1, 1, 'd')],
      newIncidents: [incident(2, 1), incident(35, 15)],
    };
    const s = tier1Sections(r);
    expect(s.map((x) => x.vendor.vendorId)).toEqual([2, 1]);
    expect(s[0]!.mover).toBeUndefined();
    expect(s[1]!.mover?.delta).toBe(20.9);
    expect(s[1]!.findings.map((f) => f.id)).toEqual(['a', 'd']);
    expect(s[1]!.conditions.map((f) => f.id)).toEqual(['condition:7']);
    expect(s[0]!.conditions).toEqual([]);
    expect(s[1]!.incidents.map((i) => i.incidentId)).toEqual([2]);
  });

  it('keeps the summary to its two pages: the largest movers and the latest incidents, the rest after the vendor sections', () => {
    const movers = Array.from({ length: SUMMARY_MOVERS + 3 }, (_, i) => mover(i + 1, 20 - i));
    expect(summaryMovers(movers)).toMatchObject({ more: 3 });
    expect(summaryMovers(movers).shown).toHaveLength(SUMMARY_MOVERS);
    expect(summaryMovers(movers.slice(0, 2))).toMatchObject({ more: 0 });
    expect(moverCounts([{ delta: 2 }, { delta: -1 }, { delta: 3 }])).toEqual({ up: 2, down: 1 });

    const incidents = Array.from({ length: SUMMARY_INCIDENTS + 2 }, (_, i) => incident(i + 1));
    const rest = restLists({ movers, newIncidents: incidents, findings: [finding(1, 1, 'a'), finding(15, 2, 'c')] });
    expect(rest.movers).toHaveLength(SUMMARY_MOVERS + 3);
    expect(rest.incidents.map((i) => i.incidentId)).toEqual([SUMMARY_INCIDENTS + 1, SUMMARY_INCIDENTS + 2]);
    expect(rest.tier2.map((f) => f.id)).toEqual(['c']);
    expect(restLists({ movers: movers.slice(0, 2), newIncidents: [], findings: [] }).empty).toBe(true);
  });
});
