import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));

/** Two vendors, the first with an incident and deleted with it (by an admin). */
async function withDeletion() {
  const t = testApp();
  const acme = (await t.http.post('/api/v1/vendors').send(vendorBody({ aliases: ['Acme Corp'] }))).body;
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Beta Mail', website: null }));
  expect((await t.http.post(`/api/v1/vendors/${acme.id}/incidents`).send(incidentBody())).status).toBe(201);
  expect((await t.http.delete(`/api/v1/vendors/${acme.id}?cascade=true`)).status).toBe(204);
  return { ...t, acme };
}

describe('deleting a vendor', () => {
  it('is for admins: an analyst is refused and nothing is deleted', async () => {
    const t = testApp();
    const made = await t.http.post('/api/v1/vendors').send(vendorBody());
    const analyst = t.as('analyst');
    const viewer = t.as('viewer');
    expectProblem(await expectNoWrite(t.db, () => analyst.delete(`/api/v1/vendors/${made.body.id}`)), 403, 'forbidden');
    expectProblem(await expectNoWrite(t.db, () => viewer.delete(`/api/v1/vendors/${made.body.id}`)), 403, 'forbidden');
    expect((await t.http.get(`/api/v1/vendors/${made.body.id}`)).status).toBe(200);
  });

  it('is audited with the vendor as it was', async () => {
    const { http, acme } = await withDeletion();
    const { items } = (await http.get(`/api/v1/audit?entity=vendor&entityId=${acme.id}`)).body;
    expect(items[0]).toMatchObject({
      action: 'delete',
      actor: 'admin@example.com',
      before: { name: 'Acme Identity', aliases: ['Acme Corp'] },
      after: { cascade: true },
    });
  });

  it('stays findable in the full export: a record of the deletion, with the vendor as it was', async () => {
    const { http, acme } = await withDeletion();
    const doc = (await http.get('/api/v1/export')).body;
    expect(doc.vendors.map((v: { name: string }) => v.name)).toEqual(['Beta Mail']);
    expect(doc.incidents).toEqual([]);
    expect(doc.deletedVendors).toEqual([
      {
        id: acme.id,
        name: 'Acme Identity',
        deletedAt: expect.any(String),
        deletedBy: 'admin@example.com',
        cascade: true,
        vendor: expect.objectContaining({ name: 'Acme Identity', category: 'identity provider', aliases: ['Acme Corp'], tier: 1 }),
      },
    ]);
    // Derived fields and write counters are not part of the record.
    expect(doc.deletedVendors[0].vendor).not.toHaveProperty('version');
    expect(doc.deletedVendors[0].vendor).not.toHaveProperty('incidentCount');
  });

  it('is carried through a restore: the restored database exports the same record', async () => {
    const a = await withDeletion();
    const doc = (await a.http.get('/api/v1/export')).body;
    const b = testApp();
    expect((await restoreInto(b.http, doc)).status).toBe(200);
    const again = (await b.http.get('/api/v1/export')).body;
    expect(again.deletedVendors).toEqual(doc.deletedVendors);
    // A deletion in the restored database joins the record, oldest first, and a merge of the same document repeats nothing.
    const beta = again.vendors[0].id;
    expect((await b.http.delete(`/api/v1/vendors/${beta}`)).status).toBe(204);
    expect((await restoreInto(b.http, doc, '?mode=merge')).status).toBe(200);
    const third = (await b.http.get('/api/v1/export')).body;
    expect(third.deletedVendors.map((d: { name: string; cascade: boolean }) => [d.name, d.cascade])).toEqual([
      ['Acme Identity', true],
      ['Beta Mail', false],
    ]);
  });

  it('restores a document from before deletions were exported (no deletedVendors) as having none', async () => {
    const a = testApp();
    await a.http.post('/api/v1/vendors').send(vendorBody());
    const { deletedVendors, ...older } = (await a.http.get('/api/v1/export')).body;
    expect(deletedVendors).toEqual([]);
    const b = testApp();
    expect((await restoreInto(b.http, older)).status).toBe(200);
    expect((await b.http.get('/api/v1/export')).body.deletedVendors).toEqual([]);
  });

  it('refuses a document whose record of a deletion is malformed, writing nothing', async () => {
    const a = await withDeletion();
    const doc = (await a.http.get('/api/v1/export')).body;
    const b = testApp();
    const bad = { ...doc, deletedVendors: [{ ...doc.deletedVendors[0], id: -1, extra: true }] };
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, bad));
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.deletedVendors.0.id']));
  });
});
