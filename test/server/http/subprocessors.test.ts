import { describe, expect, it } from 'vitest';
import { subprocessor as subprocessorSchema } from '../../../server/domain/subprocessor.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function withVendors() {
  const t = testApp();
  expect((await t.http.post('/api/v1/vendors').send(vendorBody())).status).toBe(201);
  expect((await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Callcentre Ltd', category: 'support outsourcing' }))).status).toBe(201);
  return t;
}

describe('POST /api/v1/vendors/:id/subprocessors', () => {
  it('records a support arrangement, linked to the subprocessor’s own vendor record', async () => {
    const { http } = await withVendors();
    const res = await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ vendorId: 2, since: '2019', until: '2022-03' }));
    expect(res.status).toBe(201);
    expect(subprocessorSchema.parse(res.body)).toMatchObject({
      id: 1,
      parentVendorId: 1,
      vendorId: 2,
      accessLevel: 'session-artifacts',
      outsourced: true,
      since: '2019',
      until: '2022-03',
    });
    expect((await http.get('/api/v1/vendors/1/subprocessors')).body.items).toHaveLength(1);
    expect((await http.get('/api/v1/subprocessors/1')).body).toEqual(res.body);
  });

  it('keeps unknowns as null', async () => {
    const { http } = await withVendors();
    const res = await http.post('/api/v1/vendors/1/subprocessors').send({ name: 'X', function: 'hosting', outsourced: false, accessLevel: 'none' });
    expect(res.body).toMatchObject({ artifactsSanitized: null, retentionDays: null, staffMfa: null, vendorId: null });
  });

  it.each([
    [{ accessLevel: 'root' }, 'body.accessLevel'],
    [{ staffMfa: 'email' }, 'body.staffMfa'],
    [{ retentionDays: -3 }, 'body.retentionDays'],
    [{ outsourced: 'yes' }, 'body.outsourced'],
    [{ since: '2023', until: '2022' }, 'body.until'],
    [{ vendorId: 99 }, 'body.vendorId'],
    [{ vendorId: 1 }, 'body.vendorId'],
    [{ tenant: 'all' }, 'body.tenant'],
  ])('rejects %j at %s and writes nothing', async (patch, path) => {
    const { db, http } = await withVendors();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody(patch as object)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('404s for an unknown vendor', async () => {
    const { db, http } = await withVendors();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors/7/subprocessors').send(subprocessorBody()));
    expectProblem(res, 404, 'vendor-not-found');
  });
});

describe('GET /api/v1/vendors/:id/subprocessors', () => {
  it('404s for an unknown vendor, 400s for a bad id', async () => {
    const { db, http } = await withVendors();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/vendors/7/subprocessors'), 404, 'vendor-not-found');
      expectProblem(await http.get('/api/v1/vendors/seven/subprocessors'), 400, 'validation-failed');
    });
  });
});

describe('PATCH|DELETE /api/v1/subprocessors/:id', () => {
  it('patches and deletes', async () => {
    const { http } = await withVendors();
    await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody());
    const res = await http.patch('/api/v1/subprocessors/1').send({ staffMfa: 'fido2', artifactsSanitized: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ staffMfa: 'fido2', artifactsSanitized: true, name: 'Callcentre Ltd' });
    expect((await http.delete('/api/v1/subprocessors/1')).status).toBe(204);
    expectProblem(await http.get('/api/v1/subprocessors/1'), 404, 'subprocessor-not-found');
  });

  it('rejects bad patches and unknown ids, writing nothing', async () => {
    const { db, http } = await withVendors();
    await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ since: '2020' }));
    await expectNoWrite(db, async () => {
      const before = await http.patch('/api/v1/subprocessors/1').send({ until: '2019-12' });
      expectProblem(before, 400, 'validation-failed');
      expect(failingPaths(before)).toEqual(['body.until']);
      expectProblem(await http.patch('/api/v1/subprocessors/1').send({ vendorId: 1 }), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/subprocessors/1').send({ parentVendorId: 2 }), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/subprocessors/2').send({ staffMfa: 'sms' }), 404, 'subprocessor-not-found');
      expectProblem(await http.delete('/api/v1/subprocessors/2'), 404, 'subprocessor-not-found');
      expectProblem(await http.delete('/api/v1/subprocessors/b'), 400, 'validation-failed');
      expectProblem(await http.get('/api/v1/subprocessors/2'), 404, 'subprocessor-not-found');
    });
  });

  it('unlinks a subprocessor when its own vendor record is deleted', async () => {
    const { http } = await withVendors();
    await http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ vendorId: 2 }));
    expect((await http.delete('/api/v1/vendors/2')).status).toBe(204);
    expect((await http.get('/api/v1/subprocessors/1')).body.vendorId).toBeNull();
  });
});
