/** An incident's root cause and entry path (set or derived) and its campaign link, through the API. */
import { describe, expect, it } from 'vitest';
import { incident as incidentSchema } from '../../../server/domain/incident.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

async function withIncidents() {
  const t = testApp();
  expect((await t.http.post('/api/v1/vendors').send(vendorBody())).status).toBe(201);
  expect((await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Other Co', website: 'https://other.example.com' }))).status).toBe(201);
  const post = async (vendor: number, body: object) => {
    const res = await t.http.post(`/api/v1/vendors/${vendor}/incidents`).send(body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number };
  };
  // 1: August (known 2022-08-25); 2: another vendor's; 3: November (known 2022-11-30).
  await post(
    1,
    incidentBody({
      ref: 'aug',
      title: 'August',
      intrusionStartDate: '2022-08',
      detectedByVendorDate: '2022-08',
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2022-08-25',
    }),
  );
  await post(2, incidentBody({ ref: 'other', title: 'Elsewhere' }));
  await post(
    1,
    incidentBody({
      ref: 'nov',
      title: 'November',
      intrusionStartDate: '2022-08-12',
      detectedByVendorDate: null,
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2022-11-30',
    }),
  );
  return t;
}

describe('root cause and entry path', () => {
  it('are derived when not set, and the response says both what is set and what the record implies', async () => {
    const { http } = await withIncidents();
    const res = await http.get('/api/v1/incidents/1');
    expect(incidentSchema.parse(res.body)).toMatchObject({
      rootCause: null,
      entryPath: null,
      derivedRootCause: 'support-credential-theft',
      derivedEntryPath: 'support-channel',
      continuationOf: null,
    });
  });

  it('can be set, changed and cleared (null = derived), and are audited', async () => {
    const { http } = await withIncidents();
    const set = await http.patch('/api/v1/incidents/1').send({ rootCause: 'insider', entryPath: 'employee' });
    expect(set.status).toBe(200);
    // The derived root cause follows the entry path in force.
    expect(set.body).toMatchObject({
      rootCause: 'insider',
      entryPath: 'employee',
      derivedRootCause: 'stolen-credentials',
      derivedEntryPath: 'support-channel',
    });
    const cleared = await http.patch('/api/v1/incidents/1').send({ rootCause: null, entryPath: null });
    expect(cleared.body).toMatchObject({ rootCause: null, entryPath: null, derivedRootCause: 'support-credential-theft' });
    const audit = await http.get('/api/v1/audit?entity=incident');
    expect(JSON.stringify(audit.body)).toContain('"rootCause":"insider"');
  });

  it.each([
    [{ rootCause: 'bad-luck' }, 'body.rootCause'],
    [{ entryPath: 'window' }, 'body.entryPath'],
    [{ derivedRootCause: 'insider' }, 'body.derivedRootCause'],
  ])('refuses %j and writes nothing', async (patch, path) => {
    const { db, http } = await withIncidents();
    const res = await expectNoWrite(db, () => http.patch('/api/v1/incidents/1').send(patch));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('are in the OpenAPI document with their vocabularies', async () => {
    const { http } = await withIncidents();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const text = JSON.stringify(doc.components.schemas.Incident);
    for (const word of ['rootCause', 'entryPath', 'continuationOf', 'derivedRootCause', 'support-credential-theft', 'support-channel'])
      expect(text).toContain(word);
  });
});

describe('campaign links (continuationOf)', () => {
  it('link a later incident to the earlier one it continues; the score counts them once', async () => {
    const { http } = await withIncidents();
    const before = (await http.get('/api/v1/vendors/1/score?asOf=2023-01-31')).body;
    const res = await http.patch('/api/v1/incidents/3').send({ continuationOf: 1 });
    expect(res.status).toBe(200);
    expect(res.body.continuationOf).toBe(1);
    const after = (await http.get('/api/v1/vendors/1/score?asOf=2023-01-31')).body;
    const refs = (s: { factors: Array<{ id: string; contributions: Array<{ ref: string }> }> }) =>
      s.factors.find((f) => f.id === 'incidents')!.contributions.map((c) => c.ref);
    expect(refs(before)).toEqual(['incident:3', 'incident:1']);
    expect(refs(after)).toEqual(['incident:1']);
  });

  it('can be given when an incident is recorded', async () => {
    const { http } = await withIncidents();
    const res = await http.post('/api/v1/vendors/1/incidents').send(
      incidentBody({
        ref: 'dec',
        title: 'December',
        continuationOf: 3,
        publicDisclosureDate: '2022-12-22',
        intrusionStartDate: null,
        detectedByVendorDate: null,
        firstReportedByThirdPartyDate: null,
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.continuationOf).toBe(3);
  });

  it.each([
    [3, { continuationOf: 99 }, 'body.continuationOf', /no incident 99/],
    [3, { continuationOf: 2 }, 'body.continuationOf', /another vendor/],
    [3, { continuationOf: 3 }, 'body.continuationOf', /cannot continue itself/],
    [1, { continuationOf: 3 }, 'body.continuationOf', /became known \(2022-11-30\) after this one \(2022-08-25\)/],
    [3, { continuationOf: 0 }, 'body.continuationOf', /./],
  ])('refuses incident %s with %j and writes nothing', async (id, patch, path, message) => {
    const { db, http } = await withIncidents();
    const res = await expectNoWrite(db, () => http.patch(`/api/v1/incidents/${id}`).send(patch));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual([path]);
    expect(res.body.errors[0].message).toMatch(message);
  });

  it('refuses a cycle of links on one day', async () => {
    const { db, http } = await withIncidents();
    const sameDay = await http.post('/api/v1/vendors/1/incidents').send(
      incidentBody({
        ref: 'twin',
        title: 'Twin',
        continuationOf: 3,
        intrusionStartDate: '2022-08-12',
        detectedByVendorDate: null,
        firstReportedByThirdPartyDate: null,
        publicDisclosureDate: '2022-11-30',
      }),
    );
    expect(sameDay.status).toBe(201);
    const res = await expectNoWrite(db, () => http.patch('/api/v1/incidents/3').send({ continuationOf: sameDay.body.id }));
    expectProblem(res, 400, 'validation-failed');
    expect(res.body.errors[0].message).toMatch(/already continues this one/);
  });

  it('refuses new dates that would put an incident after one that continues it', async () => {
    const { db, http } = await withIncidents();
    await http.patch('/api/v1/incidents/3').send({ continuationOf: 1 });
    const res = await expectNoWrite(db, () => http.patch('/api/v1/incidents/1').send({ publicDisclosureDate: '2022-12-05' }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.publicDisclosureDate']);
    expect(res.body.errors[0].message).toMatch(/incident 3 \("November"\) continues this one/);
  });

  it('refuses to delete an incident another continues (409), and deletes it once unlinked', async () => {
    const { db, http } = await withIncidents();
    await http.patch('/api/v1/incidents/3').send({ continuationOf: 1 });
    const res = await expectNoWrite(db, () => http.delete('/api/v1/incidents/1'));
    expectProblem(res, 409, 'incident-continued');
    expect(res.body.detail).toMatch(/continued by 3 \("November"\)/);
    await http.patch('/api/v1/incidents/3').send({ continuationOf: null });
    expect((await http.delete('/api/v1/incidents/1')).status).toBe(204);
  });

  it('go with their vendor when the vendor is deleted', async () => {
    const { http } = await withIncidents();
    await http.patch('/api/v1/incidents/3').send({ continuationOf: 1 });
    expect((await http.delete('/api/v1/vendors/1?cascade=true')).status).toBe(204);
    expect((await http.get('/api/v1/incidents/3')).status).toBe(404);
  });
});
