import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { DAY, testClock } from '../../helpers/clock.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { listMigrations, migrate } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { loadConfig } from '../../../server/config.ts';

describe('a vendor’s engagedSince', () => {
  it('defaults to the day the vendor is recorded, and can be set for backfilled history', async () => {
    const { http } = testApp();
    const made = await http.post('/api/v1/vendors').send(vendorBody());
    expect(made.body.engagedSince).toBe('2026-11-29');
    const old = await http.post('/api/v1/vendors').send(vendorBody({ name: 'Old Friend', engagedSince: '2019-04-01' }));
    expect(old.body.engagedSince).toBe('2019-04-01');
    const moved = await http.patch(`/api/v1/vendors/${made.body.id}`).send({ engagedSince: '2021-01-15' });
    expect(moved.body.engagedSince).toBe('2021-01-15');
  });

  it('starts today when a vendor we did not do business with becomes engaged, unless the change says when', async () => {
    const clock = testClock('2026-03-01T09:00:00.000Z');
    const t = testApp({ clock });
    let http = t.http;
    const v = await http.post('/api/v1/vendors').send(vendorBody({ status: 'not-engaged' }));
    const other = await http.post('/api/v1/vendors').send(vendorBody({ name: 'Other', status: 'not-engaged' }));
    expect(v.body.engagedSince).toBe('2026-03-01');
    clock.advance(10 * DAY);
    http = t.as('analyst'); // sessions end when idle
    const engaged = await http.patch(`/api/v1/vendors/${v.body.id}`).send({ status: 'approved' });
    expect(engaged.status).toBe(200);
    expect(engaged.body.engagedSince).toBe('2026-03-11');
    const backdated = await http.patch(`/api/v1/vendors/${other.body.id}`).send({ status: 'approved', engagedSince: '2024-02-01' });
    expect(backdated.body.engagedSince).toBe('2024-02-01');
    // Already engaged: a status change leaves the date alone.
    clock.advance(DAY);
    http = t.as('analyst');
    expect((await http.patch(`/api/v1/vendors/${v.body.id}`).send({ status: 'under-review' })).body.engagedSince).toBe('2026-03-11');
  });

  it('rejects a date that is not a calendar day, writing nothing', async () => {
    const { db, http } = testApp();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors').send(vendorBody({ engagedSince: '2024-13' })));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.engagedSince']);
  });

  it('is given to existing vendors by the migration: the day each was recorded', () => {
    const db = openDb(':memory:');
    const all = listMigrations(loadConfig({}).migrationsDir);
    migrate(
      db,
      all.filter((m) => m.version < 7),
    );
    db.prepare(
      `INSERT INTO vendors (name, name_key, category, tier, data_access, environment_access, status, created_at, updated_at)
      VALUES ('Acme', 'acme', 'x', 1, 'none', 'none', 'approved', '2023-05-06T07:08:09.000Z', '2024-01-01T00:00:00.000Z')`,
    ).run();
    migrate(db, all);
    expect(db.prepare('SELECT engaged_since FROM vendors').get()).toEqual({ engaged_since: '2023-05-06' });
  });
});

describe('a vendor’s aliases', () => {
  it('are kept in order, returned with the vendor, and found by the text search', async () => {
    const { http } = testApp();
    const made = await http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', aliases: ['Microsoft Corp', 'MSFT'] }));
    expect(made.status).toBe(201);
    expect(made.body.aliases).toEqual(['Microsoft Corp', 'MSFT']);
    const found = await http.get('/api/v1/vendors').query({ q: 'corp' });
    expect(found.body.items.map((v: { name: string }) => v.name)).toEqual(['Microsoft']);
    const changed = await http.patch(`/api/v1/vendors/${made.body.id}`).send({ aliases: ['Microsoft Corporation'] });
    expect(changed.body.aliases).toEqual(['Microsoft Corporation']);
    expect((await http.get('/api/v1/vendors').query({ q: 'MSFT' })).body.total).toBe(0);
  });

  it('may not name another vendor, by its name or its alias (409), nor repeat, nor be the vendor’s own name (400)', async () => {
    const { db, http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', aliases: ['Microsoft Corp'] }));
    const other = await http.post('/api/v1/vendors').send(vendorBody({ name: 'Okta' }));
    await expectNoWrite(db, async () => {
      const clash = await http.post('/api/v1/vendors').send(vendorBody({ name: 'Msft Inc', aliases: ['x', ' microsoft  corp '] }));
      expectProblem(clash, 409, 'vendor-name-taken');
      expect(failingPaths(clash)).toEqual(['body.aliases.1']);
      const byName = await http.patch(`/api/v1/vendors/${other.body.id}`).send({ aliases: ['MICROSOFT'] });
      expectProblem(byName, 409, 'vendor-name-taken');
      const renamed = await http.patch(`/api/v1/vendors/${other.body.id}`).send({ name: 'Microsoft Corp' });
      expectProblem(renamed, 409, 'vendor-name-taken');
      expect(failingPaths(renamed)).toEqual(['body.name']);
      const twice = await http.post('/api/v1/vendors').send(vendorBody({ name: 'New', aliases: ['A b', 'a  B'] }));
      expectProblem(twice, 400, 'validation-failed');
      expect(failingPaths(twice)).toEqual(['body.aliases']);
      const own = await http.post('/api/v1/vendors').send(vendorBody({ name: 'New', aliases: ['new'] }));
      expectProblem(own, 400, 'validation-failed');
      expect(failingPaths(own)).toEqual(['body.aliases.0']);
    });
  });

  it('go with their vendor when it is deleted', async () => {
    const { db, http } = testApp();
    const made = await http.post('/api/v1/vendors').send(vendorBody({ aliases: ['Acme Corp'] }));
    expect((await http.delete(`/api/v1/vendors/${made.body.id}`)).status).toBe(204);
    expect(db.prepare('SELECT COUNT(*) AS n FROM vendor_aliases').get()).toEqual({ n: 0 });
    expect((await http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Corp' }))).status).toBe(201);
  });

  it('travel in the export and come back on restore, with engagedSince', async () => {
    const a = testApp();
    await a.http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', aliases: ['Microsoft Corp'], engagedSince: '2020-02-02' }));
    const doc = (await a.http.get('/api/v1/export')).body;
    expect(doc.vendors[0]).toMatchObject({ aliases: ['Microsoft Corp'], engagedSince: '2020-02-02' });
    const b = testApp();
    expect((await b.http.post('/api/v1/import/full').send(doc)).status).toBe(200);
    const back = (await b.http.get('/api/v1/export')).body;
    expect(back.vendors).toEqual(doc.vendors);
  });

  it('restores a document from before aliases and engagement dates: no aliases, engaged from the day recorded', async () => {
    const a = testApp();
    await a.http.post('/api/v1/vendors').send(vendorBody());
    const doc = (await a.http.get('/api/v1/export')).body;
    for (const v of doc.vendors) {
      delete v.aliases;
      delete v.engagedSince;
      v.createdAt = '2022-03-04T05:06:07.000Z';
    }
    const b = testApp();
    expect((await b.http.post('/api/v1/import/full').send(doc)).status).toBe(200);
    expect((await b.http.get('/api/v1/vendors/1')).body).toMatchObject({ aliases: [], engagedSince: '2022-03-04' });
  });
});
