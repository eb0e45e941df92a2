import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/services/imports/csv.ts';
import { CAUSES } from '../../../server/scoring/attribution.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, NOW, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;

describe('GET /api/v1/reports/quarterly/:quarter', () => {
  it('2023-Q4: Okta’s support-system breach among the new incidents with its lag, Okta a mover through incidents', async () => {
    const { http } = demoApp();
    const r = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    expect(r).toMatchObject({ quarter: '2023-Q4', asOf: '2023-12-31', vs: '2023-Q3', methodologyVersion: '2.0.0', frozen: true });
    expect(r.summary.vendors).toBe(34);
    expect(sum(Object.values<number>(r.summary.byBand))).toBe(34);
    const breach = r.newIncidents.find((n: { title: string }) => n.title.startsWith('Stolen service-account credentials'));
    expect(breach).toMatchObject({ vendorName: 'Okta', publicDisclosureDate: '2023-10-20', lagDays: 21, foundByOthersFirst: true, severity: 'critical' });
    const okta = r.movers.find((m: { name: string }) => m.name === 'Okta');
    expect(okta.delta).toBeGreaterThan(0);
    expect(sum(CAUSES.map((c) => okta.causes[c]))).toBe(okta.delta);
    // The breach itself, and what it made known about Okta's own support channel (a support arrangement known from 20 October 2023: posture).
    expect(okta.causes.incidents).toBeGreaterThan(okta.delta * 0.5);
    expect(okta.causes.posture).toBeGreaterThan(0);
    expect(r.findings.every((f: { tier: number }) => f.tier <= 2)).toBe(true);
    expect(r.findings.map((f: { rule: string; name: string }) => `${f.name} ${f.rule}`)).toContain('Okta repeat-root-cause');
    expect(r.topRisks[0].risk).toBeGreaterThanOrEqual(r.topRisks[1].risk);
    expect(r.disclosureLags).toMatchObject({ incidents: 2, known: 2, maxDays: 21, overFourteenDays: 1 });
    // The appendix's material: each tier-1 vendor's score as the report used it, its cell, the bands in force.
    const tier1 = r.vendors.filter((v: { tier: number }) => v.tier === 1);
    expect(r.tier1Scores.map((s: { vendorId: number; risk: number }) => [s.vendorId, s.risk])).toEqual(
      tier1.map((v: { vendorId: number; risk: number }) => [v.vendorId, v.risk]),
    );
    expect(r.tier1Scores.every((s: { asOf: string; factors: unknown[] }) => s.asOf === '2023-12-31' && s.factors.length === 5)).toBe(true);
    expect(r.vendors.every((v: { cell: { likelihood: number; impact: number } }) => v.cell.likelihood >= 1 && v.cell.impact <= 5)).toBe(true);
    expect(r.bands).toEqual(DEFAULT_POLICY.bands);
  });

  it('every mover’s causes add up to its change', async () => {
    const { http } = demoApp();
    for (const q of ['2022-Q1', '2022-Q2', '2023-Q4', '2024-Q1']) {
      for (const m of (await http.get(`/api/v1/reports/quarterly/${q}`)).body.movers) {
        expect(sum(CAUSES.map((c) => m.causes[c])), `${q} ${m.name}`).toBe(m.delta);
      }
    }
  });

  it('gives a closed quarter the same body every time, even after the data changed', async () => {
    const { http } = demoApp();
    const first = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    const okta = first.movers.find((m: { name: string }) => m.name === 'Okta').vendorId;
    await http.post(`/api/v1/vendors/${okta}/incidents`).send(
      incidentBody({
        ref: 'late-entry',
        publicDisclosureDate: '2023-11-15',
        intrusionStartDate: '2023-11-01',
        detectedByVendorDate: '2023-11-02',
        firstReportedByThirdPartyDate: null,
      }),
    );
    await http.patch(`/api/v1/vendors/${okta}`).send({ tier: 4 });
    const second = (await http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    // Only the restated notice beside it says that something changed since (frozen.test.ts).
    const strip = ({ restatement: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(second)).toEqual(strip(first));
    expect(second.generatedAt).toBe(first.generatedAt);
    expect(second.restatement.differs).toBe(true);
    // The Markdown and CSV of that quarter come from the same frozen body.
    expect((await http.get('/api/v1/reports/quarterly/2023-Q4?format=md')).text).not.toContain('late-entry');
  });

  it('compares with any earlier quarter with ?vs=', async () => {
    const { http } = demoApp();
    const r = (await http.get('/api/v1/reports/quarterly/2023-Q4?vs=2021-Q4')).body;
    expect(r).toMatchObject({ vs: '2021-Q4', vsAsOf: '2021-12-31' });
    const okta = r.movers.find((m: { name: string }) => m.name === 'Okta');
    expect(sum(CAUSES.map((c) => okta.causes[c]))).toBe(okta.delta);
  });

  it('is live for the current quarter', async () => {
    const { http } = demoApp();
    const r = (await http.get('/api/v1/reports/quarterly/2026-Q4')).body;
    expect(r).toMatchObject({ asOf: '2026-11-29', frozen: false });
  });

  it('exports CSV (one row per vendor, formulas neutralized) and Markdown', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: '=HYPERLINK("http://example.invalid","x")', engagedSince: '2026-01-01' }));
    const csv = await http.get('/api/v1/reports/quarterly/2026-Q3?format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('vendorscope-report-2026-Q3.csv');
    const rows = parseCsv(csv.text).map((r) => r.cells);
    expect(rows).toHaveLength(2);
    expect(rows[1]![4]).toBe('\'=HYPERLINK("http://example.invalid","x")');
    const md = await http.get('/api/v1/reports/quarterly/2026-Q3?format=md');
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toMatch(/^# Vendor risk report, 2026-Q3/);
    expect(md.text).toContain('Methodology 2.0.0');
    // Each download says which view it is and when the snapshot was taken.
    expect(rows[0]!.slice(-3)).toEqual(['newSinceVs', 'view', 'generatedAt']);
    expect(rows[1]!.slice(-2)).toEqual(['frozen', NOW]);
    expect(md.text).toContain(`snapshot 1 was taken ${NOW}`);
  });

  it.each([
    ['2023-Q5', '', 'params.quarter'],
    ['2027-Q1', '', 'params.quarter'],
    ['2023-Q4', '?vs=2024-Q1', 'query.vs'],
    ['2023-Q4', '?format=pdf', 'query.format'],
  ])('rejects %s%s', async (q, qs, path) => {
    const { http, db } = demoApp();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/reports/quarterly/${q}${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});
