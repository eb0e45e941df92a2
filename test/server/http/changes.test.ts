import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, NOW, testApp } from '../../helpers/app.ts';
import { incidentBody, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

/** A portfolio of two vendors with one incident each: per vendor, incident-added, its score change (kept scores) and review-needed: six events. */
async function twoVendors() {
  const t = testApp();
  const okta = (
    await t.http
      .post('/api/v1/vendors')
      .send(vendorBody({ name: 'Okta', tier: 1, businessOwner: 'Ana' }))
      .expect(201)
  ).body;
  const zoom = (
    await t.http
      .post('/api/v1/vendors')
      .send(vendorBody({ name: 'Zoom', tier: 3, businessOwner: 'Ben' }))
      .expect(201)
  ).body;
  const oi = (await t.http.post(`/api/v1/vendors/${okta.id}/incidents`).send(incidentBody()).expect(201)).body;
  const zi = (
    await t.http
      .post(`/api/v1/vendors/${zoom.id}/incidents`)
      .send(incidentBody({ severity: 'low', title: 'Phished intern' }))
      .expect(201)
  ).body;
  return { ...t, okta, zoom, oi, zi };
}

describe('GET /api/v1/changes', () => {
  it('lists a new incident on its vendor, newest first, in words, linked to the incident', async () => {
    const { http, okta, oi } = await twoVendors();
    const res = await http.get('/api/v1/changes?kind=incident-added').expect(200);
    expect(res.body.items.map((c: { vendorName: string }) => c.vendorName)).toEqual(['Zoom', 'Okta']);
    expect(res.body.items[1]).toMatchObject({
      vendorId: okta.id,
      kind: 'incident-added',
      day: '2023-10-20',
      at: NOW,
      title: 'New critical incident: Support system breach',
      ref: `incident:${oi.id}`,
      detail: { incidentId: oi.id, severity: 'critical' },
      oldRisk: null,
      causes: null,
    });
    expect(res.body.next).toBeNull();
  });

  it('filters by tier (repeated or a comma list), owner (case ignored) and kind (several)', async () => {
    const { http } = await twoVendors();
    const names = async (q: string) =>
      (await http.get(`/api/v1/changes?${q}`).expect(200)).body.items.map((c: { vendorName: string; kind: string }) => `${c.vendorName} ${c.kind}`);
    expect(await names('tier=1&kind=incident-added')).toEqual(['Okta incident-added']);
    expect(await names('tier=1,3&kind=incident-added')).toEqual(['Zoom incident-added', 'Okta incident-added']);
    expect(await names('tier=2&tier=3&kind=incident-added')).toEqual(['Zoom incident-added']);
    expect(await names('owner=ben&kind=incident-added')).toEqual(['Zoom incident-added']);
    expect(await names('tier=4')).toEqual([]);
    expect(await names('kind=review-needed,condition-overdue')).toEqual(['Zoom review-needed', 'Okta review-needed']);
    expect(await names('kind=review-needed&kind=incident-added&owner=Ana')).toEqual(['Okta review-needed', 'Okta incident-added']);
  });

  it('filters by since, a day or a timestamp', async () => {
    const { http } = await twoVendors();
    expect((await http.get('/api/v1/changes?since=2026-11-29').expect(200)).body.items).toHaveLength(6);
    expect((await http.get('/api/v1/changes?since=2026-11-30').expect(200)).body.items).toHaveLength(0);
    expect((await http.get(`/api/v1/changes?since=${encodeURIComponent('2026-11-29T12:00:00Z')}`).expect(200)).body.items).toHaveLength(6);
    expect((await http.get(`/api/v1/changes?since=${encodeURIComponent('2026-11-29T13:00:00+01:00')}`).expect(200)).body.items).toHaveLength(6);
    expect((await http.get(`/api/v1/changes?since=${encodeURIComponent('2026-11-29T12:00:01Z')}`).expect(200)).body.items).toHaveLength(0);
  });

  it('pages with limit and the `next` cursor, each event once', async () => {
    const { http } = await twoVendors();
    const seen: number[] = [];
    let before: number | null | undefined;
    let pages = 0;
    do {
      const res = await http.get(`/api/v1/changes?limit=3${before ? `&before=${before}` : ''}`).expect(200);
      seen.push(...res.body.items.map((c: { id: number }) => c.id));
      before = res.body.next;
      pages++;
    } while (before);
    expect(pages).toBe(2);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(new Set(seen).size).toBe(6);
    expect((await http.get('/api/v1/changes?limit=6').expect(200)).body.next).toBeNull();
  });

  it('answers viewers, not anonymous callers', async () => {
    const { as, anon } = await twoVendors();
    expect((await as('viewer').get('/api/v1/changes').expect(200)).body.items).toHaveLength(6);
    expectProblem(await anon().get('/api/v1/changes'), 401, 'authentication-required');
  });

  it.each([
    ['since=yesterday', 'query.since'],
    ['since=2026-02-30', 'query.since'],
    ['tier=5', 'query.tier.0'],
    ['tier=1,x', 'query.tier.1'],
    ['tier=', 'query.tier.0'],
    ['kind=score-changed,bogus', 'query.kind.1'],
    ['owner=', 'query.owner'],
    ['before=0', 'query.before'],
    ['before=abc', 'query.before'],
    ['limit=0', 'query.limit'],
    ['limit=201', 'query.limit'],
    ['vendor=1', 'query'],
  ])('refuses %s with a 400 naming %s, writing nothing', async (q, path) => {
    const { http, db } = await twoVendors();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/changes?${q}`));
    expectProblem(res, 400, 'validation-failed');
    expect(
      failingPaths(res).some((p) => p.startsWith(path)),
      JSON.stringify(res.body.errors),
    ).toBe(true);
  });
});

describe('incident-added from every path', () => {
  it('a subprocessor incident is recorded once, on the vendor it is filed on (the parent is not named again)', async () => {
    const { http } = testApp();
    const parent = (
      await http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: 'Okta' }))
        .expect(201)
    ).body;
    const sub = (
      await http
        .post(`/api/v1/vendors/${parent.id}/subprocessors`)
        .send(subprocessorBody({ name: 'Sitel' }))
        .expect(201)
    ).body;
    const made = (
      await http
        .post(`/api/v1/subprocessors/${sub.id}/incidents`)
        .send(incidentBody({ title: 'Lapsus$ at Sitel', ref: null }))
        .expect(201)
    ).body;
    const added = (await http.get('/api/v1/changes?kind=incident-added').expect(200)).body.items;
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ vendorName: 'Sitel', vendorId: made.vendor.id, ref: `incident:${made.incident.id}` });
  });

  it('a VERIS import records each new incident; importing it again (an update) records nothing more', async () => {
    const { http } = testApp();
    const record = {
      schema_version: '1.3.4',
      incident_id: '11111111-2222-3333-4444-555555555555',
      security_incident: 'Confirmed',
      victim: { victim_id: 'Acme Corp', industry: '51' },
      timeline: { incident: { year: 2021, month: 3 } },
      action: { hacking: { variety: ['Use of stolen creds'], vector: ['Web application'] } },
      actor: { external: { variety: ['Organized crime'], motive: ['Financial'] } },
      asset: { assets: [{ variety: 'S - Web application' }] },
      attribute: { confidentiality: { data_disclosure: 'Yes' } },
      discovery_method: { external: { variety: ['Customer'] } },
      reference: 'https://example.com/acme',
      summary: 'Stolen credentials used against the web app.',
      impact: { overall_rating: 'Damaging' },
    };
    const send = () => http.post('/api/v1/import/veris').set('Content-Type', 'application/json').send(JSON.stringify(record));
    const first = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.created).toBe(1);
    const added = (await http.get('/api/v1/changes?kind=incident-added').expect(200)).body.items;
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ vendorName: 'Acme Corp', kind: 'incident-added' });
    expect((await send()).body.updated).toBe(1);
    expect((await http.get('/api/v1/changes?kind=incident-added').expect(200)).body.items).toHaveLength(1);
  });

  it('a merge import records the incidents it adds, not those it updates; a restore into an empty database records none', async () => {
    const source = testApp();
    const v = (
      await source.http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: 'Okta' }))
        .expect(201)
    ).body;
    await source.http.post(`/api/v1/vendors/${v.id}/incidents`).send(incidentBody()).expect(201);
    const doc = JSON.stringify((await source.http.get('/api/v1/export').expect(200)).body);

    const { http } = testApp();
    await http
      .post('/api/v1/vendors')
      .send(vendorBody({ name: 'Zoom' }))
      .expect(201);
    const merge = () => http.post('/api/v1/import/full?mode=merge').set('Content-Type', 'application/json').send(doc).expect(200);
    await merge();
    const added = (await http.get('/api/v1/changes?kind=incident-added').expect(200)).body.items;
    expect(added).toMatchObject([{ vendorName: 'Okta', title: 'New critical incident: Support system breach' }]);
    await merge();
    expect((await http.get('/api/v1/changes?kind=incident-added').expect(200)).body.items).toHaveLength(1);

    const empty = testApp();
    await empty.http.post('/api/v1/import/full').set('Content-Type', 'application/json').send(doc).expect(200);
    expect((await empty.http.get('/api/v1/changes?kind=incident-added').expect(200)).body.items).toEqual([]);
  });

  it('an incident changed to one that reopens a review records review-needed, once', async () => {
    const { http } = testApp();
    const v = (
      await http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: 'Okta' }))
        .expect(201)
    ).body;
    await http.post(`/api/v1/vendors/${v.id}/reviews`).send({ decision: 'approved', rationale: 'Fine', decidedOn: '2026-11-01' }).expect(201);
    const inc = (
      await http
        .post(`/api/v1/vendors/${v.id}/incidents`)
        .send(
          incidentBody({
            severity: 'low',
            publicDisclosureDate: '2026-11-20',
            detectedByVendorDate: null,
            firstReportedByThirdPartyDate: null,
            firstReportedBy: null,
            intrusionStartDate: null,
          }),
        )
        .expect(201)
    ).body;
    expect((await http.get('/api/v1/changes?kind=review-needed').expect(200)).body.items).toEqual([]);
    await http.patch(`/api/v1/incidents/${inc.id}`).send({ severity: 'critical' }).expect(200);
    await http.patch(`/api/v1/incidents/${inc.id}`).send({ customersAffected: 10 }).expect(200);
    const needed = (await http.get('/api/v1/changes?kind=review-needed').expect(200)).body.items;
    expect(needed).toMatchObject([{ ref: `incident:${inc.id}`, detail: { state: 'review-needed' } }]);
  });

  it('a refused incident records nothing', async () => {
    const { http, db } = testApp();
    const v = (await http.post('/api/v1/vendors').send(vendorBody()).expect(201)).body;
    const res = await expectNoWrite(db, () => http.post(`/api/v1/vendors/${v.id}/incidents`).send(incidentBody({ severity: 'apocalyptic' as never })));
    expectProblem(res, 400, 'validation-failed');
    expect((await http.get('/api/v1/changes').expect(200)).body.items).toEqual([]);
  });
});

describe('/api/v1/me/changes-seen', () => {
  it('keeps each user their own last visit, which never moves back', async () => {
    const { as } = testApp();
    const ana = as('viewer', 'ana@example.com');
    const ben = as('viewer', 'ben@example.com');
    expect((await ana.get('/api/v1/me/changes-seen').expect(200)).body).toEqual({ seenAt: null });
    expect((await ana.put('/api/v1/me/changes-seen').send({}).expect(200)).body).toEqual({ seenAt: NOW });
    expect((await ana.get('/api/v1/me/changes-seen').expect(200)).body).toEqual({ seenAt: NOW });
    expect((await ben.get('/api/v1/me/changes-seen').expect(200)).body).toEqual({ seenAt: null });
    expect((await ben.put('/api/v1/me/changes-seen').send({ seenAt: '2026-11-01T08:00:00+01:00' }).expect(200)).body).toEqual({
      seenAt: '2026-11-01T07:00:00.000Z',
    });
    // An older mark (another browser, a stale tab) leaves the later one.
    expect((await ana.put('/api/v1/me/changes-seen').send({ seenAt: '2026-01-01T00:00:00Z' }).expect(200)).body).toEqual({ seenAt: NOW });
  });

  it.each([
    [{ seenAt: 'now' }, 'body.seenAt'],
    [{ seenAt: '2026-11-29T12:00:01Z' }, 'body.seenAt'],
    [{ seen: NOW }, 'body'],
  ])('refuses %j with a 400, writing nothing', async (body, path) => {
    const { as, db } = testApp();
    const viewer = as('viewer');
    const res = await expectNoWrite(db, () => viewer.put('/api/v1/me/changes-seen').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res).some((p) => p.startsWith(path))).toBe(true);
  });
});

describe('OpenAPI', () => {
  it('documents the feed parameters and its Change shape, generated from the route schemas', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json').expect(200)).body;
    const get = doc.paths['/api/v1/changes'].get;
    expect(get.parameters.map((p: { name: string }) => p.name)).toEqual(['since', 'tier', 'owner', 'kind', 'before', 'limit']);
    expect(get.parameters.every((p: { description?: string }) => !!p.description)).toBe(true);
    expect(Object.keys(doc.components.schemas.Change.properties)).toEqual(
      expect.arrayContaining(['vendorId', 'day', 'at', 'kind', 'oldBand', 'newBand', 'causes', 'ref']),
    );
    expect(Object.keys(doc.paths['/api/v1/me/changes-seen'])).toEqual(['get', 'put']);
  });
});
