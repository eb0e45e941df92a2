/**
 * A closed quarter's report stays frozen, whatever it is compared with (issue 12, section 3): one
 * snapshot per quarter (the vendors engaged at its end), comparison columns from the other
 * quarter's own snapshot, a `generatedAt` that never moves, and what was recorded since shown
 * beside it as a restated view with a diff, never as a silent change.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, NOW, testApp } from '../../helpers/app.ts';
import { MINUTE, testClock } from '../../helpers/clock.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

type Http = ReturnType<typeof testApp>['http'];
type Row = { vendorId: number; name: string; previousRisk: number | null; delta: number | null; newSinceVs: boolean };

const report = async (http: Http, path: string) => {
  const res = await http.get(`/api/v1/reports/quarterly/${path}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res;
};

/** The report without what `vs` adds and without the restated notice: what must never change with either. */
const frozenPart = (r: Record<string, unknown> & { vendors: Row[]; method: Record<string, string> }) => {
  const { vs: _vs, vsAsOf: _a, movers: _m, comparison: _c, restatement: _r, method, vendors, ...rest } = r;
  const { movers: _mm, ...methodRest } = method;
  return { ...rest, method: methodRest, vendors: vendors.map(({ previousRisk: _p, delta: _d, newSinceVs: _n, ...v }) => v) };
};

/** The JSON text up to the restated notice (its last field): the frozen report, byte for byte. */
const frozenText = (text: string) => {
  const at = text.indexOf('"restatement":');
  expect(at).toBeGreaterThan(0);
  return text.slice(0, at);
};

/** Okta's backfilled incident: recorded today, disclosed inside 2023-Q4. */
const backfill = (http: Http, okta: number) =>
  http.post(`/api/v1/vendors/${okta}/incidents`).send(
    incidentBody({
      ref: 'okta-2023-11-backfill',
      title: 'Backfilled: support tool token theft',
      intrusionStartDate: '2023-11-01',
      detectedByVendorDate: '2023-11-02',
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2023-11-15',
    }),
  );

describe('one frozen snapshot per closed quarter', () => {
  it('gives 2023-Q4 the same headline, top risks, bands, vendors and appendix whatever it is compared with, after vendors were added', async () => {
    const { http } = demoApp();
    const first = (await report(http, '2023-Q4')).body;
    // 19.5 before support arrangements counted only from the day they became known (TaskUs, Okta's support system…);
    // 19.3 before root causes, campaigns and the incident cap (issue 13).
    expect(first.summary).toMatchObject({ vendors: 34, averageRisk: 19.1 });
    // Added after 2023-Q4 was frozen: one recorded today, one backfilled to 2022 (2022-Q4 is not frozen yet), one engaged in 2024.
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Created today' }));
    const backfilled = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Engaged in 2022', engagedSince: '2022-06-01' }))).body.id;
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Engaged in 2024', engagedSince: '2024-02-01' }));

    const vs2022 = (await report(http, '2023-Q4?vs=2022-Q4')).body;
    const vs2023 = (await report(http, '2023-Q4?vs=2023-Q3')).body;
    const none = (await report(http, '2023-Q4')).body;
    for (const r of [vs2022, vs2023, none]) {
      expect(frozenPart(r)).toEqual(frozenPart(first));
      expect(r).toMatchObject({ view: 'frozen', frozen: true, snapshotId: first.snapshotId, generatedAt: first.generatedAt });
      expect(r.vendors.map((v: Row) => v.name)).not.toContain('Created today');
    }
    expect(vs2022.vs).toBe('2022-Q4');
    expect(vs2023.vs).toBe('2023-Q3');
    // 2022-Q4 was frozen on this request, with the vendor backfilled to 2022: in that quarter, not in the frozen 2023-Q4.
    expect(vs2022.comparison.leftSinceVs).toEqual([expect.objectContaining({ vendorId: backfilled, name: 'Engaged in 2022' })]);
    expect(vs2022.comparison.summary.vendors).toBe(35);
    expect(vs2023.comparison.leftSinceVs).toEqual([]);
    // The restated view knows it belongs to 2023-Q4 now.
    expect(none.restatement).toMatchObject({ differs: true, vendors: 1 });
    expect(none.restatement.vendorChanges).toEqual([expect.objectContaining({ name: 'Engaged in 2022', change: 'added', frozen: null })]);
  });

  it('lists only the vendors engaged at the quarter’s end: not one engaged later, nor one recorded later without a backfilled date', async () => {
    const { http } = testApp();
    const make = async (name: string, o: Parameters<typeof vendorBody>[0] = {}) =>
      (await http.post('/api/v1/vendors').send(vendorBody({ name, ...o }))).body.id as number;
    const early = await make('Engaged in 2025', { engagedSince: '2025-01-01' });
    const august = await make('Engaged in August', { engagedSince: '2026-08-01' });
    const today = await make('Recorded today'); // engagedSince defaults to today, 2026-11-29
    await make('Never engaged', { status: 'not-engaged', engagedSince: '2025-01-01' });
    const ids = (r: { vendors: Row[] }) => r.vendors.map((v) => v.vendorId).sort();

    const q2 = (await report(http, '2026-Q2')).body;
    expect(ids(q2)).toEqual([early]);
    const q3 = (await report(http, '2026-Q3')).body;
    expect(ids(q3)).toEqual([early, august]);
    // Compared with 2026-Q2: the vendor engaged in August is new since then, without a previous risk or a change.
    expect(q3.vendors.find((v: Row) => v.vendorId === august)).toMatchObject({ previousRisk: null, delta: null, newSinceVs: true });
    expect(q3.vendors.find((v: Row) => v.vendorId === early)).toMatchObject({ newSinceVs: false, delta: 0 });
    expect(q3.comparison).toMatchObject({ newSinceVs: 1, leftSinceVs: [] });
    expect(q3.movers.map((m: Row) => m.vendorId)).not.toContain(august);
    // The live quarter has every engaged vendor, the one recorded today too.
    const q4 = (await report(http, '2026-Q4')).body;
    expect(q4).toMatchObject({ view: 'live', frozen: false, snapshotId: null, restatement: null });
    expect(ids(q4)).toEqual([early, august, today]);
    const csv = (await http.get('/api/v1/reports/quarterly/2026-Q3?format=csv')).text;
    expect(csv).toContain('Engaged in August');
    expect(csv.split('\r\n').find((l) => l.includes('Engaged in August'))).toMatch(/,yes,frozen,/);
    expect((await http.get('/api/v1/reports/quarterly/2026-Q3?format=md')).text).toContain(
      'New since 2026-Q2: Engaged in August. No longer in the report: none.',
    );
  });

  it('lists a vendor that was in the compared quarter and is no longer engaged as having left, not as a mover', async () => {
    const { http } = testApp();
    const stays = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Stays', engagedSince: '2025-01-01' }))).body.id;
    const leaves = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Leaves', engagedSince: '2025-01-01' }))).body.id;
    expect((await report(http, '2026-Q2')).body.summary.vendors).toBe(2); // frozen with both
    await http.patch(`/api/v1/vendors/${leaves}`).send({ status: 'not-engaged' });
    const q3 = (await report(http, '2026-Q3')).body;
    expect(q3.vendors.map((v: Row) => v.vendorId)).toEqual([stays]);
    expect(q3.comparison.leftSinceVs).toEqual([{ vendorId: leaves, name: 'Leaves', tier: 1, risk: expect.any(Number), band: expect.any(String) }]);
    expect(q3.comparison.summary.vendors).toBe(2);
    // The frozen 2026-Q2 still has it, and its restated view says it would be gone.
    const q2 = (await report(http, '2026-Q2')).body;
    expect(q2.summary.vendors).toBe(2);
    expect(q2.restatement.vendorChanges).toEqual([expect.objectContaining({ vendorId: leaves, change: 'removed', restated: null })]);
  });

  it('keeps generatedAt as the moment the snapshot was taken, in every view and download', async () => {
    const clock = testClock();
    const { http } = demoApp({ clock });
    const first = (await report(http, '2023-Q4')).body;
    expect(first.generatedAt).toBe(NOW);
    clock.advance(20 * MINUTE); // within the session's idle limit
    const later = await report(http, '2023-Q4?vs=2022-Q4');
    expect(later.body.generatedAt).toBe(NOW);
    // The compared quarter, frozen only now, says when it was.
    expect(later.body.comparison.generatedAt).toBe(clock.now());
    expect((await report(http, '2023-Q4?view=restated')).body.generatedAt).toBe(NOW);
    expect((await http.get('/api/v1/reports/quarterly/2023-Q4?format=md')).text).toContain(`taken ${NOW}`);
    expect((await http.get('/api/v1/reports/quarterly/2023-Q4?format=csv')).text.split('\r\n')[1]).toMatch(new RegExp(`,frozen,${NOW.replace(/\./g, '\\.')}$`));
    // The live quarter is generated now.
    expect((await report(http, '2026-Q4')).body.generatedAt).toBe(clock.now());
  });
});

describe('frozen and restated', () => {
  it('keeps the frozen 2023-Q4 byte-identical after a backfilled incident; the restated view and the diff show the incident', async () => {
    const { http, idOf } = demoApp();
    const okta = idOf('Okta');
    const before = await report(http, '2023-Q4');
    expect(before.body.restatement).toMatchObject({ differs: false, text: null, vendorChanges: [], incidentChanges: [] });
    const snapshot = await http.get(`/api/v1/reports/quarterly/2023-Q4/snapshots/${before.body.snapshotId}`);
    const csv = (await http.get('/api/v1/reports/quarterly/2023-Q4?format=csv')).text;
    const md = (await http.get('/api/v1/reports/quarterly/2023-Q4?format=md')).text;

    const added = await backfill(http, okta);
    expect(added.status).toBe(201);

    const after = await report(http, '2023-Q4');
    expect(frozenText(after.text)).toBe(frozenText(before.text));
    expect((await http.get(`/api/v1/reports/quarterly/2023-Q4/snapshots/${before.body.snapshotId}`)).text).toBe(snapshot.text);
    expect((await http.get('/api/v1/reports/quarterly/2023-Q4?format=csv')).text).toBe(csv);
    expect((await http.get('/api/v1/reports/quarterly/2023-Q4?format=md')).text).toBe(md);
    expect(after.body.newIncidents.map((n: { title: string }) => n.title)).not.toContain('Backfilled: support tool token theft');

    // Beside it: the notice, and the diff.
    const d = after.body.restatement;
    expect(d.differs).toBe(true);
    expect(d.incidentChanges).toEqual([
      {
        incidentId: added.body.id,
        vendorId: okta,
        vendorName: 'Okta',
        title: 'Backfilled: support tool token theft',
        change: 'appeared',
        fields: [],
        frozen: null,
        restated: expect.objectContaining({ publicDisclosureDate: '2023-11-15', severity: 'critical' }),
      },
    ]);
    const oktaChange = d.vendorChanges.find((v: { vendorId: number }) => v.vendorId === okta);
    expect(oktaChange).toMatchObject({ change: 'changed', frozen: { risk: before.body.vendors.find((v: Row) => v.vendorId === okta).risk } });
    expect(oktaChange.restated.risk).toBeGreaterThan(oktaChange.frozen.risk);
    expect(d.text).toBe(`Restated view available: ${d.vendors} vendor${d.vendors === 1 ? '' : 's'} and 1 incident differ`);

    // The restated view: the same quarter and day, as known today; reproducible.
    const restated = await report(http, '2023-Q4?view=restated');
    expect(restated.body).toMatchObject({
      quarter: '2023-Q4',
      asOf: '2023-12-31',
      view: 'restated',
      frozen: false,
      snapshotId: before.body.snapshotId,
      generatedAt: before.body.generatedAt,
    });
    expect(restated.body.newIncidents.map((n: { title: string }) => n.title)).toContain('Backfilled: support tool token theft');
    expect(restated.body.vendors.find((v: Row) => v.vendorId === okta).risk).toBe(oktaChange.restated.risk);
    expect(restated.body.restatement).toEqual(d);
    expect((await report(http, '2023-Q4?view=restated')).text).toBe(restated.text);
    const restatedMd = await http.get('/api/v1/reports/quarterly/2023-Q4?view=restated&format=md');
    expect(restatedMd.headers['content-disposition']).toContain('vendorscope-report-2023-Q4-restated.md');
    expect(restatedMd.text).toContain('# Vendor risk report, 2023-Q4 (restated)');
    expect(restatedMd.text).toMatch(/\| Okta \| Backfilled: support tool token theft \| appeared \|/);
  });

  it('shows a corrected date as a changed incident, and an incident moved out of the quarter as gone', async () => {
    const { http, idOf } = demoApp();
    await report(http, '2023-Q4');
    const incidents = (await http.get(`/api/v1/vendors/${idOf('Okta')}/incidents`)).body.items as Array<{
      id: number;
      publicDisclosureDate: string;
      detectedByVendorDate: string;
    }>;
    const breach = incidents.find((i) => i.publicDisclosureDate === '2023-10-20')!;
    expect((await http.patch(`/api/v1/incidents/${breach.id}`).send({ detectedByVendorDate: '2023-10-01' })).status).toBe(200);
    let d = (await report(http, '2023-Q4')).body.restatement;
    expect(d.incidentChanges).toEqual([expect.objectContaining({ incidentId: breach.id, change: 'changed', fields: ['detectedByVendorDate'] })]);
    expect(d.incidentChanges[0].frozen.detectedByVendorDate).toBe(breach.detectedByVendorDate);
    expect(d.incidentChanges[0].restated.detectedByVendorDate).toBe('2023-10-01');
    // Disclosed in 2024 after all: not known at the quarter's end.
    expect((await http.patch(`/api/v1/incidents/${breach.id}`).send({ publicDisclosureDate: '2024-01-10' })).status).toBe(200);
    d = (await report(http, '2023-Q4')).body.restatement;
    expect(d.incidentChanges).toEqual([expect.objectContaining({ incidentId: breach.id, change: 'disappeared', restated: null })]);
  });

  it('compares frozen snapshots the same way every time: a backfill into the compared quarter changes only the restated comparison', async () => {
    const { http, idOf } = demoApp();
    const okta = idOf('Okta');
    const first = (await report(http, '2023-Q4?vs=2022-Q4')).body;
    const oktaRow = first.vendors.find((v: Row) => v.vendorId === okta);
    await http.post(`/api/v1/vendors/${okta}/incidents`).send(
      incidentBody({
        ref: 'okta-2022-backfill',
        intrusionStartDate: '2022-06-01',
        detectedByVendorDate: '2022-06-02',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2022-06-20',
        severity: 'high',
      }),
    );
    const again = (await report(http, '2023-Q4?vs=2022-Q4')).body;
    for (const k of ['vendors', 'movers', 'comparison'] as const) expect(again[k]).toEqual(first[k]);
    // Restated, both quarters as known today: 2022-Q4 now has the incident, so Okta started higher.
    const restated = (await report(http, '2023-Q4?vs=2022-Q4&view=restated')).body;
    expect(restated.comparison.view).toBe('restated');
    expect(restated.vendors.find((v: Row) => v.vendorId === okta).previousRisk).toBeGreaterThan(oktaRow.previousRisk);
  });

  it('refuses a restated view of the live quarter, writing nothing', async () => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2026-Q4?view=restated'));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['query.view']);
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/reports/quarterly/2023-Q4?view=as-known')), 400, 'validation-failed');
  });
});
