import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

async function richApp() {
  const t = demoApp();
  await t.http.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: '2.1.0' });
  await t.http.get('/api/v1/portfolio/trends?from=2023-Q1&to=2023-Q4'); // freezes snapshots
  // A VERIS incident too, so that sources and attributions travel.
  const veris = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb', '00204495-81A8-4D51-B4FE-896AA0F89DA2.json'), 'utf8');
  expect((await t.http.post('/api/v1/import/veris').set('Content-Type', 'application/json').send(veris)).status).toBe(200);
  // A procurement decision with conditions (one waived), and a changed review cadence.
  const finding = (await t.http.get('/api/v1/vendors/1/score?asOf=2023-11-30')).body.findings[0].id;
  const review = await t.http.post('/api/v1/vendors/1/reviews').send({
    decision: 'approved-with-conditions',
    rationale: 'Keep, with conditions.',
    decidedOn: '2023-11-30',
    conditions: [{ findingId: finding, owner: 'CISO' }, { text: 'Quarterly access review of support staff' }],
  });
  expect(review.status, JSON.stringify(review.body)).toBe(201);
  expect((await t.http.patch(`/api/v1/conditions/${review.body.conditions[1].id}`).send({ state: 'waived', waiverExpiresOn: '2024-06-30' })).status).toBe(200);
  expect((await t.http.put('/api/v1/reviews/cadence').send({ tier1: 3, tier2: 12, tier3: 24, tier4: null })).status).toBe(200);
  // What issue 12 added: aliases, a backfilled engagement, a backfilled fact's knownFrom, a frozen report and its history.
  expect((await t.http.patch(`/api/v1/vendors/${t.idOf('Microsoft')}`).send({ aliases: ['Microsoft Corp'], engagedSince: '2018-05-01' })).status).toBe(200);
  const sub = await t.http
    .post(`/api/v1/vendors/${t.idOf('Slack')}/subprocessors`)
    .send({ name: 'Support BPO', function: 'customer support', outsourced: true, accessLevel: 'customer-data', since: '2021', knownFrom: '2022-06-15' });
  expect(sub.status, JSON.stringify(sub.body)).toBe(201);
  expect((await t.http.get('/api/v1/reports/quarterly/2023-Q4')).status).toBe(200);
  expect((await t.http.post('/api/v1/reports/quarterly/2023-Q4/refreeze')).status).toBe(200);
  return t;
}

type Doc = { incidents: Array<Record<string, unknown>>; subprocessors: Array<Record<string, unknown>> } & Record<string, unknown>;
const withoutStamp = ({ exportedAt: _e, ...rest }: Record<string, unknown>) => rest;
const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));

describe('export and restore', () => {
  it('round-trips without loss: export, restore into a fresh database, export again', async () => {
    const a = await richApp();
    const first = await a.http.get('/api/v1/export');
    expect(first.headers['content-disposition']).toMatch(/attachment; filename="vendorscope-2026-11-29.json"/);
    const doc = first.body;
    expect(doc).toMatchObject({ format: 'vendorscope-export', version: 1 });
    expect(doc.vendors).toHaveLength(35);
    expect(doc.snapshots.length).toBeGreaterThan(100);
    expect(doc.methodologyVersions.map((m: { version: string }) => m.version)).toEqual(['2.0.0', '2.1.0']);
    // The demo's example decision on Okta (approved 2022-06-30) and the one recorded above.
    expect(doc.reviews.map((r: { decidedOn: string }) => r.decidedOn)).toEqual(['2022-06-30', '2023-11-30']);
    expect(doc.reviews[1].conditions.map((c: { state: string }) => c.state)).toEqual(['open', 'waived']);
    expect(doc.reviewCadence).toEqual({ tier1: 3, tier2: 12, tier3: 24, tier4: null });
    expect(doc.vendors.find((v: { name: string }) => v.name === 'Microsoft')).toMatchObject({ aliases: ['Microsoft Corp'], engagedSince: '2018-05-01' });
    expect(doc.subprocessors.find((x: { name: string }) => x.name === 'Support BPO')).toMatchObject({ since: '2021', knownFrom: '2022-06-15' });
    expect(doc.mfa.every((m: { knownFrom?: string }) => typeof m.knownFrom === 'string')).toBe(true);
    expect(doc.postureFacts.every((f: { knownFrom?: string }) => typeof f.knownFrom === 'string')).toBe(true);
    const q4 = doc.reportSnapshots.filter((r: { quarter: string }) => r.quarter === '2023-Q4');
    expect(q4.map((r: { origin: string; supersededAt: string | null }) => [r.origin, r.supersededAt === null])).toEqual([
      ['first-view', false],
      ['refreeze', true],
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/scrypt\$|"password(Hash)?"|token_?hash|vs_session|"email"/i);

    const b = testApp();
    const res = await restoreInto(b.http, doc);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body).toMatchObject({ mode: 'empty', vendors: 35, incidents: 36, reviews: 2 });
    const second = (await b.http.get('/api/v1/export')).body;
    expect(withoutStamp(second)).toEqual(withoutStamp(doc));
    // The restored database scores as the original did.
    const okta = doc.vendors.find((v: { name: string }) => v.name === 'Okta').id;
    expect((await b.http.get(`/api/v1/vendors/${okta}/score?asOf=2023-10-31`)).body).toEqual(
      (await a.http.get(`/api/v1/vendors/${okta}/score?asOf=2023-10-31`)).body,
    );
    // And its frozen report is the same text, snapshot id and generatedAt included.
    expect((await b.http.get('/api/v1/reports/quarterly/2023-Q4')).text).toBe((await a.http.get('/api/v1/reports/quarterly/2023-Q4')).text);
  });

  it.each([
    ['two incidents of a vendor share a ref', (d: Doc) => ({ ...d, incidents: [...d.incidents, { ...d.incidents[0]!, id: 99_001 }] }), 'body.incidents[35]'],
    [
      'a subprocessor serves a vendor the document does not have',
      (d: Doc) => ({ ...d, subprocessors: d.subprocessors.map((x, i) => (i === 2 ? { ...x, parentVendorId: 99_999 } : x)) }),
      'body.subprocessors[2]',
    ],
  ])('refuses a document in which %s, naming the record, and writes nothing', async (_what, change, path) => {
    const doc = change((await demoApp().http.get('/api/v1/export')).body as Doc);
    const b = testApp();
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, doc));
    expectProblem(res, 409, 'restore-conflict');
    expect(failingPaths(res)).toEqual([path]);
    expect(res.body.detail).not.toMatch(/at .*\.ts|SqliteError|constraint failed/i);
  });

  it('refuses to restore over a portfolio unless asked to merge or replace', async () => {
    const a = await richApp();
    const doc = (await a.http.get('/api/v1/export')).body;
    expectProblem(await expectNoWrite(a.db, () => restoreInto(a.http, doc)), 409, 'database-not-empty');
  });

  it('replaces everything with mode=replace', async () => {
    const a = testApp();
    await a.http.post('/api/v1/vendors').send(vendorBody({ name: 'Only here' }));
    const source = await richApp();
    const doc = (await source.http.get('/api/v1/export')).body;
    const res = await restoreInto(a.http, doc, '?mode=replace');
    expect(res.body.mode).toBe('replace');
    const names = (await a.http.get('/api/v1/vendors?limit=1000')).body.items.map((v: { name: string }) => v.name);
    expect(names).not.toContain('Only here');
    expect(names).toHaveLength(35);
  });

  it('merges with mode=merge: matching vendors and incidents are updated, the rest added', async () => {
    const a = testApp();
    await a.http.post('/api/v1/vendors').send(vendorBody({ name: 'okta', tier: 4 }));
    await a.http.post('/api/v1/vendors').send(vendorBody({ name: 'Only here' }));
    await a.http.post('/api/v1/vendors/1/incidents').send(incidentBody({ ref: 'okta-2022-01-sitel', title: 'placeholder' }));
    const doc = (await (await richApp()).http.get('/api/v1/export')).body;
    expect((await restoreInto(a.http, doc, '?mode=merge')).body.mode).toBe('merge');
    const vendors = (await a.http.get('/api/v1/vendors?limit=1000')).body.items;
    expect(vendors).toHaveLength(36);
    const okta = vendors.find((v: { name: string }) => v.name === 'Okta');
    expect(okta).toMatchObject({ id: 1, tier: 1 });
    const incidents = (await a.http.get('/api/v1/vendors/1/incidents')).body.items.map((i: { title: string }) => i.title);
    expect(incidents).toHaveLength(2);
    expect(incidents).not.toContain('placeholder');
    // The decisions (the demo's example and the one recorded) came along once; merging the same document again does not record them twice.
    expect((await a.http.get('/api/v1/vendors/1/reviews')).body.items).toHaveLength(2);
    await restoreInto(a.http, doc, '?mode=merge');
    expect((await a.http.get('/api/v1/vendors/1/reviews')).body.items).toHaveLength(2);
  });

  it.each([
    ['truncated JSON', (d: string) => d.slice(0, d.length / 2), 'body'],
    ['another format', (d: string) => d.replace('"vendorscope-export"', '"spreadsheet"'), 'body.format'],
    ['a wrong type', (d: string) => d.replace(/"tier":1/, '"tier":"one"'), 'body.vendors'],
    [
      'an impossible incident',
      (d: string) => d.replace('"publicDisclosureDate":"2023-10-20"', '"publicDisclosureDate":"2001-01-01"'),
      'body.publicDisclosureDate',
    ],
  ])('refuses %s and writes nothing', async (_what, spoil, path) => {
    const doc = JSON.stringify((await (await richApp()).http.get('/api/v1/export')).body);
    const b = testApp();
    const res = await expectNoWrite(b.db, () => b.http.post('/api/v1/import/full').set('Content-Type', 'application/json').send(spoil(doc)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res).some((p) => p.startsWith(path))).toBe(true);
  });

  it('restores a methodology version stored before issue 13 (no rationale, no review triggers) as it was, and reads it with the shipped ones', async () => {
    const a = testApp();
    const doc = (await a.http.get('/api/v1/export')).body;
    const { rationale: _r, reviewTriggers: _t, ...v1 } = doc.methodologyVersions[0].parameters;
    const old = { ...doc, methodologyVersions: [{ ...doc.methodologyVersions[0], parameters: v1 }] };
    const b = testApp();
    const res = await restoreInto(b.http, old);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const m = (await b.http.get('/api/v1/methodology')).body;
    expect(m.rationale).toEqual(DEFAULT_POLICY.rationale);
    expect(m.reviewTriggers).toEqual(DEFAULT_POLICY.reviewTriggers);
    // Stored as it came: the next export carries it unchanged.
    expect((await b.http.get('/api/v1/export')).body.methodologyVersions[0].parameters).toEqual(v1);
  });

  it('needs an admin to restore; a viewer may export', async () => {
    const { as, db } = testApp();
    const viewer = as('viewer');
    const analyst = as('analyst');
    expect((await viewer.get('/api/v1/export')).status).toBe(200);
    expectProblem(await expectNoWrite(db, () => analyst.post('/api/v1/import/full').set('Content-Type', 'application/json').send('{}')), 403, 'forbidden');
  });
});

describe('GET /api/v1/incidents', () => {
  it('lists across vendors with vendor, source and year filters, paged', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'A' }));
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'B' }));
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ ref: 'a1' }));
    await http.post('/api/v1/vendors/2/incidents').send(
      incidentBody({
        ref: 'b1',
        intrusionStartDate: '2022-05',
        detectedByVendorDate: '2022-06-01',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2022-07-01',
      }),
    );
    await http.post('/api/v1/vendors/2/incidents').send(incidentBody({ ref: 'b2' }));
    expect((await http.get('/api/v1/incidents')).body.total).toBe(3);
    expect((await http.get('/api/v1/incidents?vendorId=2')).body.items.map((i: { ref: string }) => i.ref)).toEqual(['b2', 'b1']);
    expect((await http.get('/api/v1/incidents?year=2022')).body.items.map((i: { ref: string }) => i.ref)).toEqual(['b1']);
    expect((await http.get('/api/v1/incidents?source=veris')).body.total).toBe(0);
    const page = (await http.get('/api/v1/incidents?limit=1&offset=1')).body;
    expect([page.items.length, page.total]).toEqual([1, 3]);
  });

  it.each(['year=22', 'source=csv', 'vendorId=x', 'limit=0', 'format=xml', 'sort=title'])('rejects ?%s', async (qs) => {
    const { http, db } = testApp();
    expectProblem(await expectNoWrite(db, () => http.get(`/api/v1/incidents?${qs}`)), 400, 'validation-failed');
  });
});
