/**
 * Issue 14 §5: an import never reverts an edit it did not see. A dry run answers, per row that
 * matches an existing vendor, the version it was computed against (and all of them as
 * `expectVersions`); the import given those refuses a row whose vendor changed since. And whatever
 * it is given, a row whose vendor changed while the import ran (jobs yield between chunks) is
 * refused rather than written over the change.
 */
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../server/domain/account.ts';
import { importVendorsCsv } from '../../../server/services/imports/vendors-csv.ts';
import { parseExpectVersions } from '../../../server/services/imports/expected-versions.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
type Http = ReturnType<typeof testApp>['http'];
const upload = (http: Http, body: string, qs = '') => http.post(`/api/v1/import/vendors${qs}`).set('Content-Type', 'text/csv').send(body);

async function withTwoVendors() {
  const t = testApp();
  const acme = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity', website: 'https://acme.example.com' }))).body;
  const beta = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Beta Mail', website: 'https://beta.example.com', tier: 3 }))).body;
  return { ...t, acme, beta };
}

// Row 2 updates Acme (tier 1 → 2), row 3 leaves Beta as it is, row 4 creates a vendor.
const FILE = csv(
  'Acme Identity,identity provider,https://acme.example.com,2,confidential,identity-provider,proposed,,,',
  'Beta Mail,identity provider,https://beta.example.com,3,confidential,identity-provider,proposed,,,',
  'Gamma Files,storage,,4,internal,none,proposed,,,',
);

describe('a dry run', () => {
  it('answers the version each matching row was computed against, and all of them as expectVersions', async () => {
    const { http, acme, beta } = await withTwoVendors();
    await http.patch(`/api/v1/vendors/${acme.id}`).send({ notes: 'read twice' });
    const res = await upload(http, FILE, '?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({ row: 2, action: 'update', vendorId: acme.id, version: 2 }),
      expect.objectContaining({ row: 3, action: 'unchanged', vendorId: beta.id, version: 1 }),
      expect.not.objectContaining({ version: expect.anything() }),
    ]);
    expect(res.body.expectVersions).toBe(`2:${acme.id}:2,3:${beta.id}:1`);
  });
});

describe('an import given the versions its dry run saw', () => {
  it('goes through when nothing changed since', async () => {
    const { http, acme } = await withTwoVendors();
    const preview = (await upload(http, FILE, '?dryRun=true')).body;
    const res = await upload(http, FILE, `?expectVersions=${preview.expectVersions}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect((await http.get(`/api/v1/vendors/${acme.id}`)).body).toMatchObject({ tier: 2, version: 2 });
  });

  it('refuses a row whose vendor was edited after the preview (412, naming the row); nothing is written and the edit survives', async () => {
    const { db, http, acme } = await withTwoVendors();
    const preview = (await upload(http, FILE, '?dryRun=true')).body;
    // Acknowledged after the preview, before the import.
    expect((await http.patch(`/api/v1/vendors/${acme.id}`).send({ businessOwner: 'Dana' })).status).toBe(200);
    const res = await expectNoWrite(db, () => upload(http, FILE, `?expectVersions=${preview.expectVersions}`));
    expectProblem(res, 412, 'edit-conflict');
    expect(failingPaths(res)).toEqual(['rows.2']);
    expect(res.body.errors[0]).toMatchObject({ row: 2, changedSince: true });
    expect(res.body.errors[0].message).toMatch(/changed by someone else since the preview/);
    expect((await http.get(`/api/v1/vendors/${acme.id}`)).body).toMatchObject({ businessOwner: 'Dana', tier: 1 });
  });

  it('with onInvalid=skip imports the other rows and leaves that one out, listed', async () => {
    const { http, acme } = await withTwoVendors();
    const preview = (await upload(http, FILE, '?dryRun=true')).body;
    await http.patch(`/api/v1/vendors/${acme.id}`).send({ businessOwner: 'Dana' });
    const res = await upload(http, FILE, `?onInvalid=skip&expectVersions=${preview.expectVersions}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, unchanged: 1, invalid: 1 });
    expect(res.body.skipped).toEqual([expect.objectContaining({ row: 2, changedSince: true })]);
    expect((await http.get(`/api/v1/vendors/${acme.id}`)).body).toMatchObject({ businessOwner: 'Dana', tier: 1 });
  });

  it('refuses a row that now matches a vendor where the preview created one', async () => {
    const { db, http } = await withTwoVendors();
    const preview = (await upload(http, FILE, '?dryRun=true')).body;
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Gamma Files', website: null }));
    const res = await expectNoWrite(db, () => upload(http, FILE, `?expectVersions=${preview.expectVersions}`));
    expectProblem(res, 412, 'edit-conflict');
    expect(failingPaths(res)).toEqual(['rows.4']);
  });

  it('refuses a row whose vendor was deleted since the preview', async () => {
    const { db, http, beta } = await withTwoVendors();
    const preview = (await upload(http, FILE, '?dryRun=true')).body;
    await http.delete(`/api/v1/vendors/${beta.id}`);
    const res = await expectNoWrite(db, () => upload(http, FILE, `?expectVersions=${preview.expectVersions}`));
    expectProblem(res, 412, 'edit-conflict');
    expect(failingPaths(res)).toEqual(['rows.3']);
  });

  it('refuses an expectVersions that is not what a dry run answers, writing nothing', async () => {
    const { db, http } = await withTwoVendors();
    const res = await expectNoWrite(db, () => upload(http, FILE, '?expectVersions=2:1'));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['query.expectVersions']);
  });
});

describe('an import that runs while the vendor is edited', () => {
  // A large import plans its rows over several turns of the event loop (a job yields between
  // chunks): the edit lands at such a turn, after the row was computed and before it is written.
  const bigFile = (n: number) =>
    csv(
      'Acme Identity,identity provider,https://acme.example.com,2,confidential,identity-provider,proposed,,,',
      ...Array.from({ length: n }, (_, i) => `Vendor ${i},cat,,${(i % 4) + 1},internal,none,,,,`),
    );

  it('refuses the row rather than reverting the edit, and writes nothing else', async () => {
    const { deps, acme } = await withTwoVendors();
    let edited = false;
    const report = await importVendorsCsv(deps.store, deps.clock, SYSTEM, bigFile(1200), {
      dryRun: false,
      progress: (done) => {
        if (done >= 500 && !edited) {
          edited = true;
          deps.vendors.update(SYSTEM, acme.id, { businessOwner: 'Dana' });
        }
      },
    });
    expect(edited).toBe(true);
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, changedSince: true })]);
    expect(report.created).toBe(0);
    expect(deps.store.vendors.find(acme.id)).toMatchObject({ businessOwner: 'Dana', tier: 1, version: 2 });
    expect(deps.store.vendors.all()).toHaveLength(2);
  });

  it('with onInvalid=skip writes the other rows and leaves that one out', async () => {
    const { deps, acme } = await withTwoVendors();
    const report = await importVendorsCsv(deps.store, deps.clock, SYSTEM, bigFile(600), {
      dryRun: false,
      onInvalid: 'skip',
      progress: (done) => {
        if (done === 500) deps.vendors.update(SYSTEM, acme.id, { businessOwner: 'Dana' });
      },
    });
    expect(report).toMatchObject({ created: 600, updated: 0, invalid: 1, errors: [] });
    expect(report.skipped).toEqual([expect.objectContaining({ row: 2, changedSince: true })]);
    expect(deps.store.vendors.find(acme.id)).toMatchObject({ businessOwner: 'Dana', tier: 1 });
  });

  it('as a job over HTTP: a PATCH acknowledged while the job runs survives it', async () => {
    const { http, acme } = await withTwoVendors();
    const started = await upload(http, bigFile(3000));
    expect(started.status).toBe(202);
    const patched = await http.patch(`/api/v1/vendors/${acme.id}`).send({ businessOwner: 'Dana' });
    expect(patched.status).toBe(200);
    let job = started.body;
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await http.get(`/api/v1/jobs/${job.id}`)).body;
    }
    expect(job.state).not.toBe('running');
    // Whichever way the race went, the acknowledged edit is there; if the job read Acme before it, it refused the row.
    expect((await http.get(`/api/v1/vendors/${acme.id}`)).body.businessOwner).toBe('Dana');
    if (job.state === 'failed') expect(job.errors).toEqual([expect.objectContaining({ row: 2, changedSince: true })]);
  });
});

describe('parseExpectVersions', () => {
  it('reads what a dry run writes', () => {
    expect([...parseExpectVersions('2:7:3,9:1:1')]).toEqual([
      [2, { vendorId: 7, version: 3 }],
      [9, { vendorId: 1, version: 1 }],
    ]);
    expect(parseExpectVersions('').size).toBe(0);
  });
});
