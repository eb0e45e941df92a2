/**
 * POST /api/v1/subprocessors/:id/incidents: an incident at a support provider is inherited by the
 * vendors it serves whether or not the provider was a vendor on record.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function parentWithProvider(provider: Record<string, unknown> = {}) {
  const t = testApp();
  expect((await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity' }))).status).toBe(201);
  expect(
    (await t.http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ name: 'Callcentre Ltd', knownFrom: '2023-01-01', ...provider }))).status,
  ).toBe(201);
  return t;
}

const inherited = (score: { factors: Array<{ id: string; contributions: Array<{ ref: string | null; points: number }> }> }) =>
  score.factors.find((f) => f.id === 'support')!.contributions.filter((c) => c.ref?.endsWith(':incidents'));

describe('POST /api/v1/subprocessors/:id/incidents', () => {
  it('creates a not-engaged vendor record for a provider that has none, links it, files the incident there, and the parent inherits it', async () => {
    const { http } = await parentWithProvider();
    const before = (await http.get('/api/v1/vendors/1/score?asOf=2023-12-31')).body;
    expect(inherited(before)).toEqual([]);

    const res = await http.post('/api/v1/subprocessors/1/incidents').send(incidentBody({ ref: 'callcentre-2023' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.link).toBe('created');
    expect(res.body.vendor).toMatchObject({
      id: 2,
      name: 'Callcentre Ltd',
      category: 'customer support',
      status: 'not-engaged',
      tier: 4,
      dataAccess: 'none',
      environmentAccess: 'none',
    });
    expect(res.body.subprocessor).toMatchObject({ id: 1, parentVendorId: 1, vendorId: 2 });
    expect(res.body.incident).toMatchObject({ vendorId: 2, ref: 'callcentre-2023', severity: 'critical' });

    const after = (await http.get('/api/v1/vendors/1/score?asOf=2023-12-31')).body;
    expect(inherited(after)).toEqual([expect.objectContaining({ ref: 'subprocessor:1:incidents' })]);
    expect(after.risk).toBeGreaterThan(before.risk);
    // Not engaged: the heatmap of engaged vendors leaves it out; the supply-chain graph walks to it.
    expect((await http.get('/api/v1/portfolio/heatmap?asOf=2023-12-31')).body.rows.map((r: { name: string }) => r.name)).toEqual(['Acme Identity']);
    const graph = (await http.get('/api/v1/portfolio/supply-chain?asOf=2023-12-31')).body;
    expect(graph.nodes.find((n: { name: string }) => n.name === 'Callcentre Ltd')).toMatchObject({ vendorId: 2 });

    // Audited: the vendor created, the subprocessor linked, the incident recorded.
    const audit = (await http.get('/api/v1/audit?limit=10')).body.items.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`);
    expect(audit.slice(0, 3).sort()).toEqual(['create incident', 'create vendor', 'update subprocessor']);

    // A second incident goes to the same record.
    const second = await http.post('/api/v1/subprocessors/1/incidents').send(incidentBody({ ref: 'callcentre-2024', publicDisclosureDate: '2024-02-01' }));
    expect([second.status, second.body.link, second.body.vendor.id]).toEqual([201, 'linked', 2]);
  });

  it('links a vendor already on record under the provider’s name', async () => {
    const { http } = await parentWithProvider();
    expect((await http.post('/api/v1/vendors').send(vendorBody({ name: 'Other', aliases: ['Callcentre Ltd'] }))).status).toBe(201);
    const res = await http.post('/api/v1/subprocessors/1/incidents').send(incidentBody());
    expect([res.status, res.body.link, res.body.vendor.name, res.body.subprocessor.vendorId]).toEqual([201, 'matched-by-name', 'Other', 2]);
  });

  it.each([
    [{ severity: 'apocalyptic' }, 'body.severity'],
    [{ publicDisclosureDate: '2023-13-40' }, 'body.publicDisclosureDate'],
    [{ title: '' }, 'body.title'],
    [{ mood: 'bad' }, 'body.mood'],
  ])('rejects %j at %s and writes nothing (no vendor created, no link)', async (patch, path) => {
    const { db, http } = await parentWithProvider();
    const res = await expectNoWrite(db, () => http.post('/api/v1/subprocessors/1/incidents').send(incidentBody(patch as object)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('rolls everything back when the incident cannot be filed: a ref the record already has', async () => {
    const { db, http } = await parentWithProvider();
    expect((await http.post('/api/v1/vendors').send(vendorBody({ name: 'Callcentre Ltd', category: 'support outsourcing' }))).status).toBe(201);
    expect((await http.post('/api/v1/vendors/2/incidents').send(incidentBody({ ref: 'taken' }))).status).toBe(201);
    const res = await expectNoWrite(db, () => http.post('/api/v1/subprocessors/1/incidents').send(incidentBody({ ref: 'taken' })));
    expectProblem(res, 409, 'incident-ref-taken');
    expect((await http.get('/api/v1/subprocessors/1')).body.vendorId).toBeNull();
  });

  it('refuses a subprocessor that names its parent (the vendor’s own support): its incidents are the vendor’s', async () => {
    const { db, http } = await parentWithProvider({ name: 'Acme Identity', outsourced: false });
    const res = await expectNoWrite(db, () => http.post('/api/v1/subprocessors/1/incidents').send(incidentBody()));
    expectProblem(res, 409, 'subprocessor-is-parent');
  });

  it('404s for an unknown subprocessor; only analysts may record', async () => {
    const { db, http, as } = await parentWithProvider();
    expectProblem(await expectNoWrite(db, () => http.post('/api/v1/subprocessors/9/incidents').send(incidentBody())), 404, 'subprocessor-not-found');
    const viewer = as('viewer');
    expectProblem(await expectNoWrite(db, () => viewer.post('/api/v1/subprocessors/1/incidents').send(incidentBody())), 403, 'forbidden');
  });
});
