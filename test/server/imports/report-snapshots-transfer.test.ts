/**
 * Frozen reports in the full export: every snapshot and its history travels, a restore brings
 * them back so that the restored reports read byte for byte as before, and a version-1 document's
 * per-comparison reports still restore, into the history.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody } from '../../helpers/fixtures.ts';

type Http = ReturnType<typeof testApp>['http'];
const restoreInto = (http: Http, doc: unknown) => http.post('/api/v1/import/full').set('Content-Type', 'application/json').send(JSON.stringify(doc));
const beforeNotice = (text: string) => text.slice(0, text.indexOf('"restatement":'));

/** A demo with 2023-Q3 frozen, 2023-Q4 frozen then refrozen after a backfill (so it has history). */
async function withHistory() {
  const t = demoApp();
  await t.http.get('/api/v1/reports/quarterly/2023-Q4');
  await t.http.post(`/api/v1/vendors/${t.idOf('Okta')}/incidents`).send(
    incidentBody({
      ref: 'backfill',
      intrusionStartDate: '2023-11-01',
      detectedByVendorDate: '2023-11-02',
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2023-11-15',
    }),
  );
  expect((await t.http.post('/api/v1/reports/quarterly/2023-Q4/refreeze')).status).toBe(200);
  return t;
}

describe('frozen reports in the export', () => {
  it('round-trips every snapshot and its history: export, restore into an empty database, export again', async () => {
    const a = await withHistory();
    const doc = (await a.http.get('/api/v1/export')).body;
    expect(doc.reports).toBeUndefined();
    expect(
      doc.reportSnapshots.map((s: { quarter: string; origin: string; supersededAt: string | null }) => [s.quarter, s.origin, s.supersededAt === null]),
    ).toEqual([
      ['2023-Q4', 'first-view', false],
      ['2023-Q3', 'first-view', true],
      ['2023-Q4', 'refreeze', true],
    ]);
    const b = testApp();
    const res = await restoreInto(b.http, doc);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body.reports).toBe(3);
    const again = (await b.http.get('/api/v1/export')).body;
    expect(again.reportSnapshots).toEqual(doc.reportSnapshots);
    // The restored quarter reads as the original, byte for byte, its history too.
    const [ra, rb] = [await a.http.get('/api/v1/reports/quarterly/2023-Q4'), await b.http.get('/api/v1/reports/quarterly/2023-Q4')];
    expect(beforeNotice(rb.text)).toBe(beforeNotice(ra.text));
    expect(rb.body.restatement).toEqual(ra.body.restatement);
    expect((await b.http.get('/api/v1/reports/quarterly/2023-Q4/snapshots')).text).toBe((await a.http.get('/api/v1/reports/quarterly/2023-Q4/snapshots')).text);
  });

  it('restores a version-1 document’s per-comparison reports into the history, and freezes the quarter anew when asked for', async () => {
    const a = demoApp();
    const doc = (await a.http.get('/api/v1/export')).body;
    const { reportSnapshots: _s, ...v1 } = doc;
    const legacy = {
      quarter: '2023-Q4',
      asOf: '2023-12-31',
      vs: '2022-Q4',
      summary: { vendors: 51, averageRisk: 17.2, critical: 2, byBand: { critical: 2, high: 3, moderate: 20, low: 26 } },
      methodologyVersion: '1.0.0',
    };
    const b = testApp();
    const res = await restoreInto(b.http, { ...v1, reports: [{ quarter: '2023-Q4', vs: '2022-Q4', body: legacy, frozenAt: '2026-03-01T09:00:00.000Z' }] });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const history = (await b.http.get('/api/v1/reports/quarterly/2023-Q4/snapshots')).body.items;
    expect(history).toEqual([
      expect.objectContaining({
        origin: 'per-comparison',
        comparedWith: '2022-Q4',
        generatedAt: '2026-03-01T09:00:00.000Z',
        inForce: false,
        supersededBy: 'restore of an export frozen per comparison',
        headline: expect.objectContaining({ vendors: 51 }),
      }),
    ]);
    const report = (await b.http.get('/api/v1/reports/quarterly/2023-Q4')).body;
    expect(report.summary.vendors).toBe(34);
    expect(report.snapshotId).not.toBe(history[0].id);
  });

  it.each([
    ['two snapshots in force for one quarter', (s: Record<string, unknown>[]) => [s[0], { ...s[0], id: 99 }], 'body.reportSnapshots.1.supersededAt'],
    ['a snapshot in force without its basis', (s: Record<string, unknown>[]) => [{ ...s[0], basis: null }], 'body.reportSnapshots.0.basis'],
    [
      'a body without its vendors',
      (s: Record<string, unknown>[]) => [{ ...s[0], body: { ...(s[0]!.body as object), vendors: undefined } }],
      'body.reportSnapshots.0.body.vendors',
    ],
  ])('refuses %s, restoring nothing', async (_what, edit, path) => {
    const a = demoApp();
    await a.http.get('/api/v1/reports/quarterly/2023-Q4');
    const doc = (await a.http.get('/api/v1/export')).body;
    const inForce = doc.reportSnapshots.filter((s: { supersededAt: string | null; quarter: string }) => s.supersededAt === null && s.quarter === '2023-Q4');
    const b = testApp();
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, { ...doc, reportSnapshots: edit(inForce) }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});
