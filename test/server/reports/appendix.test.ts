/**
 * The report's per-vendor appendix (issue 15 §1): a closed quarter's tier-1 scores, findings and
 * not-assessed entries read per vendor or page by page from its frozen snapshot. The pages add up
 * to the whole appendix; a large report's JSON answer carries the first entries and says the rest
 * is paged, and the web page puts the whole report back together from the pages; bad paging is a
 * 400 problem that writes nothing (not even the first freeze).
 */
import { describe, expect, it } from 'vitest';
import { reportAppendixPage, reportAppendixVendor } from '../../../server/http/schemas/report.ts';
import { INLINE_ENTRIES, withAppendix } from '../../../server/services/reports/report-appendix.ts';
import { withWholeAppendix, type AppendixItem, type Report } from '../../../web/report.ts';
import { expectNoWrite, expectProblem } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody } from '../../helpers/fixtures.ts';

const Q = '/api/v1/reports/quarterly/2023-Q4';

async function allPages(http: ReturnType<typeof demoApp>['http'], limit: number) {
  const items: AppendixItem[] = [];
  for (;;) {
    const res = await http.get(`${Q}/vendors?offset=${items.length}&limit=${limit}`);
    expect(res.status).toBe(200);
    expect(reportAppendixPage.safeParse(res.body).error).toBeUndefined();
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    if (res.body.items.length === 0) return { items, total: res.body.total as number };
    items.push(...res.body.items);
  }
}

describe('the quarterly report’s per-vendor appendix', () => {
  it('pages add up to the whole appendix, in the report’s order, from the snapshot in force', async () => {
    const { http } = demoApp();
    const whole = (await http.get(`${Q}?appendix=full`)).body as Report;
    expect(whole.appendix).toMatchObject({
      complete: true,
      vendors: whole.vendors.length,
      tier1Scores: whole.tier1Scores.length,
      findings: whole.findings.length,
    });
    const { items, total } = await allPages(http, 7);
    expect(total).toBe(whole.vendors.length);
    expect(items.map((i) => i.vendorId)).toEqual(whole.vendors.map((v) => v.vendorId));
    expect(items.flatMap((i) => (i.score ? [i.score] : []))).toEqual(whole.tier1Scores);
    expect(items.flatMap((i) => (i.notAssessed ? [i.notAssessed] : []))).toEqual(whole.notAssessed);
    expect(items.flatMap((i) => i.findings)).toEqual(expect.arrayContaining(whole.findings));
    expect(items.flatMap((i) => i.findings)).toHaveLength(whole.findings.length);
    // One vendor's entry, alone.
    const okta = items.find((i) => i.name === 'Okta')!;
    const one = (await http.get(`${Q}/vendors/${okta.vendorId}`)).body;
    expect(reportAppendixVendor.safeParse(one).error).toBeUndefined();
    expect(one).toMatchObject({ quarter: '2023-Q4', snapshotId: whole.snapshotId, item: okta });
  });

  it('a large report answers the first entries and the web page puts the whole back from the pages', async () => {
    const { http } = demoApp();
    const whole = (await http.get(`${Q}?appendix=full`)).body as Report;
    // As the answer of a report past the inline size (the demo has 34 vendors).
    const paged = withAppendix(whole, false, { vendors: 10, entries: 3 });
    expect(paged.appendix).toMatchObject({ complete: false, findings: whole.findings.length, tier1Scores: whole.tier1Scores.length });
    expect([paged.findings, paged.tier1Scores, paged.notAssessed].map((l) => l.length)).toEqual([3, 3, 3]);
    expect(whole.findings.length).toBeGreaterThan(3);
    expect(whole.tier1Scores.length).toBeGreaterThan(3);
    expect(whole.notAssessed.length).toBeGreaterThan(3);
    expect(withAppendix(whole, false).appendix.complete).toBe(true); // 34 vendors: inline
    expect(INLINE_ENTRIES).toBe(50);
    const { items } = await allPages(http, 5);
    expect(withWholeAppendix(paged, items)).toEqual(whole);
  });

  it('is in the JSON download whole, and the CSV and Markdown still hold every vendor', async () => {
    const { http } = demoApp();
    const full = (await http.get(`${Q}?appendix=full`)).body;
    const csv = (await http.get(`${Q}?format=csv`)).text;
    for (const v of full.vendors) expect(csv).toContain(v.name);
    expect(full.appendix.complete).toBe(true);
  });

  it('keeps a closed quarter’s answer without rescoring until a fact changes, then restates it', async () => {
    const { http, deps, idOf } = demoApp();
    const first = (await http.get(Q)).body;
    let reads = 0;
    const real = deps.store.incidents.all;
    deps.store.incidents.all = () => {
      reads++;
      return real();
    };
    expect((await http.get(Q)).body).toEqual(first);
    expect(reads).toBe(0);
    const res = await http.post(`/api/v1/vendors/${idOf('Okta')}/incidents`).send(
      incidentBody({
        ref: 'late',
        intrusionStartDate: '2023-11-01',
        detectedByVendorDate: '2023-11-02',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2023-11-15',
      }),
    );
    expect(res.status).toBe(201);
    const after = (await http.get(Q)).body;
    expect(reads).toBeGreaterThan(0);
    expect(after.snapshotId).toBe(first.snapshotId);
    expect(after.vendors).toEqual(first.vendors);
    expect(after.restatement.differs).toBe(true);
    expect(after.restatement.incidentChanges.map((c: { change: string }) => c.change)).toContain('appeared');
  });

  it.each([
    ['vendors?offset=-1', 'query.offset'],
    ['vendors?limit=0', 'query.limit'],
    ['vendors?limit=501', 'query.limit'],
    ['vendors?limit=ten', 'query.limit'],
    ['vendors?offset=1.5', 'query.offset'],
    ['vendors?page=2', 'query'],
    ['vendors/0', 'params.id'],
  ])('rejects %s with a 400 problem and writes nothing (not even the first freeze)', async (path, field) => {
    const { http, db } = demoApp();
    const res = await expectNoWrite(db, () => http.get(`${Q}/${path}`));
    expectProblem(res, 400, 'validation-failed');
    expect(JSON.stringify(res.body)).toContain(field.split('.').at(-1)!);
  });

  it('answers 409 for the live quarter, 404 for a vendor not in the report, 400 for a quarter not begun', async () => {
    const { http, db } = demoApp();
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2026-Q4/vendors')), 409, 'quarter-not-closed');
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2030-Q1/vendors')), 400, 'validation-failed');
    expectProblem(await http.get(`${Q}/vendors/999999`), 404, 'report-vendor-not-found');
  });

  it('is for signed-in users', async () => {
    const { anon } = demoApp();
    expect((await anon().get(`${Q}/vendors`)).status).toBe(401);
  });
});
