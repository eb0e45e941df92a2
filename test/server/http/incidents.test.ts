import { describe, expect, it } from 'vitest';
import { incident as incidentSchema } from '../../../server/domain/incident.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

async function withVendor() {
  const t = testApp();
  expect((await t.http.post('/api/v1/vendors').send(vendorBody())).status).toBe(201);
  return t;
}

describe('POST /api/v1/vendors/:id/incidents', () => {
  it('records an incident with the reference field names and derived precision', async () => {
    const { http } = await withVendor();
    const res = await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ intrusionStartDate: '2023-09' }));
    expect(res.status).toBe(201);
    const body = incidentSchema.parse(res.body);
    expect(body).toMatchObject({
      id: 1,
      vendorId: 1,
      ref: 'acme-2023-support',
      intrusionStartPrecision: 'month',
      severity: 'critical',
      customersAffected: 134,
    });
    expect(body.sources).toEqual(['https://example.com/advisory']);
    expect((await http.get('/api/v1/vendors/1')).body.incidentCount).toBe(1);
  });

  it('fills defaults for the optional fields', async () => {
    const { http } = await withVendor();
    const res = await http.post('/api/v1/vendors/1/incidents').send({ title: 'Minimal', severity: 'low' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ref: null,
      mfaRelevance: 'unknown',
      supportInvolvementType: 'none',
      confidence: 'medium',
      sources: [],
      intrusionStartPrecision: null,
    });
  });

  it.each([
    [{ publicDisclosureDate: '2023-09-01' }, 'body.publicDisclosureDate', 'disclosed before the intrusion began'],
    [{ detectedByVendorDate: '2023-09-27' }, 'body.detectedByVendorDate', 'detected before the intrusion'],
    [{ firstReportedByThirdPartyDate: '2022' }, 'body.firstReportedByThirdPartyDate', 'reported a year before'],
    [{ publicDisclosureDate: '2023-02-30' }, 'body.publicDisclosureDate', 'not a real day'],
    [{ publicDisclosureDate: '20-10-2023' }, 'body.publicDisclosureDate', 'not ISO'],
    [{ intrusionStartPrecision: 'month' }, 'body.intrusionStartPrecision', 'precision disagrees with the date'],
    [{ severity: 'catastrophic' }, 'body.severity', 'unknown severity'],
    [{ initialAccessVectors: ['magic'] }, 'body.initialAccessVectors.0', 'unknown vector'],
    [{ sources: ['javascript:alert(1)'] }, 'body.sources.0', 'not an http(s) URL'],
    [{ customersAffected: -1 }, 'body.customersAffected', 'negative count'],
    [{ vendorName: 'Okta' }, 'body.vendorName', 'unknown field'],
  ])('rejects %j at %s (%s) and writes nothing', async (patch, path, _why) => {
    const { db, http } = await withVendor();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/incidents').send(incidentBody(patch as object)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('accepts month precision that overlaps (disclosure "2023-10" after a report on 2023-10-15)', async () => {
    const { http } = await withVendor();
    const res = await http
      .post('/api/v1/vendors/1/incidents')
      .send(incidentBody({ firstReportedByThirdPartyDate: '2023-10-15', detectedByVendorDate: null, publicDisclosureDate: '2023-10' }));
    expect(res.status).toBe(201);
  });

  it('rejects a disclosure before anyone knew of the incident', async () => {
    const { db, http } = await withVendor();
    const res = await expectNoWrite(db, () =>
      http
        .post('/api/v1/vendors/1/incidents')
        .send(incidentBody({ intrusionStartDate: null, detectedByVendorDate: '2023-11-01', firstReportedByThirdPartyDate: '2023-10-25' })),
    );
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.publicDisclosureDate']);
  });

  it('answers 409 for a ref already used by the vendor, 404 for an unknown vendor, 400 for a bad id', async () => {
    const { db, http } = await withVendor();
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody());
    await expectNoWrite(db, async () => {
      expectProblem(await http.post('/api/v1/vendors/1/incidents').send(incidentBody()), 409, 'incident-ref-taken');
      expectProblem(await http.post('/api/v1/vendors/2/incidents').send(incidentBody({ ref: 'other' })), 404, 'vendor-not-found');
      expectProblem(await http.post('/api/v1/vendors/x/incidents').send(incidentBody()), 400, 'validation-failed');
    });
  });
});

describe('GET /api/v1/vendors/:id/incidents', () => {
  it('lists newest disclosure first', async () => {
    const { http } = await withVendor();
    await http.post('/api/v1/vendors/1/incidents').send(
      incidentBody({
        ref: 'old',
        title: 'Old',
        intrusionStartDate: '2022-01-16',
        detectedByVendorDate: '2022-01-20',
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2022-03-22',
      }),
    );
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ ref: 'new', title: 'New' }));
    await http.post('/api/v1/vendors/1/incidents').send(
      incidentBody({
        ref: 'mid',
        title: 'Mid',
        intrusionStartDate: '2023',
        detectedByVendorDate: null,
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2023-05',
      }),
    );
    const res = await http.get('/api/v1/vendors/1/incidents');
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['New', 'Mid', 'Old']);
  });

  it('404s for an unknown vendor and 400s for a bad id or unknown query', async () => {
    const { db, http } = await withVendor();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/vendors/3/incidents'), 404, 'vendor-not-found');
      expectProblem(await http.get('/api/v1/vendors/1.5/incidents'), 400, 'validation-failed');
      expectProblem(await http.get('/api/v1/vendors/1/incidents?page=2'), 400, 'validation-failed');
    });
  });
});

describe('GET|PATCH|DELETE /api/v1/incidents/:id', () => {
  it('reads, patches (checking the merged record) and deletes', async () => {
    const { http } = await withVendor();
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody());
    expect((await http.get('/api/v1/incidents/1')).body.title).toBe('Support system breach');
    const patched = await http.patch('/api/v1/incidents/1').send({ severity: 'high', intrusionStartDate: '2023' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ severity: 'high', intrusionStartDate: '2023', intrusionStartPrecision: 'year', title: 'Support system breach' });
    expect((await http.delete('/api/v1/incidents/1')).status).toBe(204);
    expectProblem(await http.get('/api/v1/incidents/1'), 404, 'incident-not-found');
  });

  it('rejects a patch that makes the record impossible, or reuses a ref, and writes nothing', async () => {
    const { db, http } = await withVendor();
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody());
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ ref: 'second' }));
    await expectNoWrite(db, async () => {
      const late = await http.patch('/api/v1/incidents/1').send({ intrusionStartDate: '2023-11-01' });
      expectProblem(late, 400, 'validation-failed');
      expect(failingPaths(late)).toContain('body.publicDisclosureDate');
      expectProblem(await http.patch('/api/v1/incidents/2').send({ ref: 'acme-2023-support' }), 409, 'incident-ref-taken');
      expectProblem(await http.patch('/api/v1/incidents/1').send({}), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/incidents/1').send({ vendorId: 2 }), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/incidents/9').send({ severity: 'low' }), 404, 'incident-not-found');
    });
  });

  it('answers 404 and 400 for unknown and malformed ids on GET and DELETE', async () => {
    const { db, http } = await withVendor();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/incidents/4'), 404, 'incident-not-found');
      expectProblem(await http.get('/api/v1/incidents/four'), 400, 'validation-failed');
      expectProblem(await http.delete('/api/v1/incidents/4'), 404, 'incident-not-found');
      expectProblem(await http.delete('/api/v1/incidents/0x4'), 400, 'validation-failed');
    });
  });
});
