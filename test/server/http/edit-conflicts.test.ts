/**
 * Issue 14 §5: concurrent edits never overwrite in silence. Every versioned record answers with an
 * ETag; a PUT, PATCH or DELETE sent with a stale If-Match answers 412 edit-conflict with the current
 * record and changes nothing, and of many edits made against the same version exactly one wins.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function withVendor() {
  const t = testApp();
  const created = await t.http.post('/api/v1/vendors').send(vendorBody());
  expect(created.status).toBe(201);
  return { ...t, vendor: created.body as { id: number; version: number } };
}

describe('ETag and version', () => {
  it('a vendor answers with its version and a strong ETag made from it, and every write adds one', async () => {
    const { http, vendor } = await withVendor();
    expect(vendor.version).toBe(1);
    const got = await http.get(`/api/v1/vendors/${vendor.id}`);
    expect(got.headers.etag).toBe('"v1"');
    const patched = await http.patch(`/api/v1/vendors/${vendor.id}`).send({ tier: 2 });
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(2);
    expect(patched.headers.etag).toBe('"v2"');
    expect((await http.get('/api/v1/vendors')).body.items[0].version).toBe(2);
  });

  it('without If-Match a change applies as before (API clients and the CLI)', async () => {
    const { http, vendor } = await withVendor();
    await http.patch(`/api/v1/vendors/${vendor.id}`).send({ tier: 2 });
    const res = await http.patch(`/api/v1/vendors/${vendor.id}`).send({ tier: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tier: 3, version: 3 });
  });

  it('If-Match * matches any current version', async () => {
    const { http, vendor } = await withVendor();
    const res = await http.patch(`/api/v1/vendors/${vendor.id}`).set('If-Match', '*').send({ tier: 2 });
    expect(res.status).toBe(200);
  });

  it('refuses an If-Match that is not one of our ETags, naming the header, and writes nothing', async () => {
    const { db, http, vendor } = await withVendor();
    for (const bad of ['v1', 'W/"v1"', '"v1", "v2"', '"1"', '"v0"']) {
      const res = await expectNoWrite(db, () => http.patch(`/api/v1/vendors/${vendor.id}`).set('If-Match', bad).send({ tier: 2 }));
      expectProblem(res, 400, 'validation-failed');
      expect(failingPaths(res)).toEqual(['headers.if-match']);
    }
  });
});

describe('two edits made against the same version', () => {
  it('the first wins; the second answers 412 edit-conflict with the current record and its ETag, and writes nothing', async () => {
    const { db, http, vendor } = await withVendor();
    const first = await http.patch(`/api/v1/vendors/${vendor.id}`).set('If-Match', '"v1"').send({ businessOwner: 'Alice' });
    expect(first.status).toBe(200);
    const second = await expectNoWrite(db, () => http.patch(`/api/v1/vendors/${vendor.id}`).set('If-Match', '"v1"').send({ businessOwner: 'Bob' }));
    expectProblem(second, 412, 'edit-conflict');
    expect(second.body.detail).toMatch(/changed by someone else since you opened it/);
    expect(second.body.current).toMatchObject({ id: vendor.id, businessOwner: 'Alice', version: 2 });
    expect(second.headers.etag).toBe('"v2"');
    expect((await http.get(`/api/v1/vendors/${vendor.id}`)).body.businessOwner).toBe('Alice');
  });

  it('sent at the same time, exactly one of two wins', async () => {
    const { http, vendor } = await withVendor();
    const send = (owner: string) => http.patch(`/api/v1/vendors/${vendor.id}`).set('If-Match', '"v1"').send({ businessOwner: owner });
    const answers = await Promise.all([send('Alice'), send('Bob')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.status === 200)!;
    const loser = answers.find((a) => a.status === 412)!;
    expect(loser.body.current.businessOwner).toBe(winner.body.businessOwner);
    expect((await http.get(`/api/v1/vendors/${vendor.id}`)).body).toMatchObject({ businessOwner: winner.body.businessOwner, version: 2 });
  });

  it('of 100 concurrent PATCHes with the same If-Match exactly one answers 200', async () => {
    const { http, vendor } = await withVendor();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        http
          .patch(`/api/v1/vendors/${vendor.id}`)
          .set('If-Match', '"v1"')
          .send({ notes: `edit ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(99);
    const winner = answers.find((a) => a.status === 200)!;
    expect((await http.get(`/api/v1/vendors/${vendor.id}`)).body).toMatchObject({ notes: winner.body.notes, version: 2 });
  });
});

describe('a stale DELETE', () => {
  it('answers 412 and deletes nothing', async () => {
    const { db, http, vendor } = await withVendor();
    await http.patch(`/api/v1/vendors/${vendor.id}`).send({ tier: 2 });
    const res = await expectNoWrite(db, () => http.delete(`/api/v1/vendors/${vendor.id}`).set('If-Match', '"v1"'));
    expectProblem(res, 412, 'edit-conflict');
    expect(res.body.current).toMatchObject({ id: vendor.id, tier: 2, version: 2 });
    expect((await http.get(`/api/v1/vendors/${vendor.id}`)).status).toBe(200);
    expect((await http.delete(`/api/v1/vendors/${vendor.id}`).set('If-Match', '"v2"')).status).toBe(204);
  });

  it('of an incident answers 412 and deletes nothing', async () => {
    const { db, http, vendor } = await withVendor();
    const inc = (await http.post(`/api/v1/vendors/${vendor.id}/incidents`).send(incidentBody())).body;
    await http.patch(`/api/v1/incidents/${inc.id}`).send({ title: 'Renamed' });
    const res = await expectNoWrite(db, () => http.delete(`/api/v1/incidents/${inc.id}`).set('If-Match', '"v1"'));
    expectProblem(res, 412, 'edit-conflict');
    expect(res.body.current).toMatchObject({ id: inc.id, title: 'Renamed', version: 2 });
  });
});

describe('every editable record', () => {
  it('incidents: ETag on create and read; a stale PATCH is refused', async () => {
    const { db, http, vendor } = await withVendor();
    const created = await http.post(`/api/v1/vendors/${vendor.id}/incidents`).send(incidentBody());
    expect(created.headers.etag).toBe('"v1"');
    expect((await http.get(`/api/v1/incidents/${created.body.id}`)).headers.etag).toBe('"v1"');
    expect((await http.patch(`/api/v1/incidents/${created.body.id}`).set('If-Match', '"v1"').send({ title: 'A' })).status).toBe(200);
    const stale = await expectNoWrite(db, () => http.patch(`/api/v1/incidents/${created.body.id}`).set('If-Match', '"v1"').send({ title: 'B' }));
    expectProblem(stale, 412, 'edit-conflict');
    expect(stale.body.current.title).toBe('A');
  });

  it('subprocessors: a stale PATCH and a stale DELETE are refused', async () => {
    const { db, http, vendor } = await withVendor();
    const s = (await http.post(`/api/v1/vendors/${vendor.id}/subprocessors`).send(subprocessorBody())).body;
    expect(s.version).toBe(1);
    expect((await http.patch(`/api/v1/subprocessors/${s.id}`).set('If-Match', '"v1"').send({ location: 'Manila' })).status).toBe(200);
    expectProblem(
      await expectNoWrite(db, () => http.patch(`/api/v1/subprocessors/${s.id}`).set('If-Match', '"v1"').send({ location: 'Lisbon' })),
      412,
      'edit-conflict',
    );
    const del = await expectNoWrite(db, () => http.delete(`/api/v1/subprocessors/${s.id}`).set('If-Match', '"v1"'));
    expectProblem(del, 412, 'edit-conflict');
    expect(del.body.current.location).toBe('Manila');
  });

  it('the MFA posture: versioned as a whole, apart from the vendor', async () => {
    const { db, http, vendor } = await withVendor();
    const got = await http.get(`/api/v1/vendors/${vendor.id}/mfa`);
    expect(got.body.version).toBe(1);
    expect(got.headers.etag).toBe('"v1"');
    const put = await http
      .put(`/api/v1/vendors/${vendor.id}/mfa`)
      .set('If-Match', '"v1"')
      .send({ items: [mfaItem()] });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(2);
    const stale = await expectNoWrite(db, () => http.put(`/api/v1/vendors/${vendor.id}/mfa`).set('If-Match', '"v1"').send({ items: [] }));
    expectProblem(stale, 412, 'edit-conflict');
    expect(stale.body.current.items).toHaveLength(1);
    // The vendor's own version did not move.
    expect((await http.get(`/api/v1/vendors/${vendor.id}`)).body.version).toBe(1);
  });

  it('review conditions: a stale PATCH is refused', async () => {
    const { db, http, vendor } = await withVendor();
    const review = (
      await http
        .post(`/api/v1/vendors/${vendor.id}/reviews`)
        .send({ decision: 'approved-with-conditions', rationale: 'ok', conditions: [{ text: 'FIDO2 for support', owner: 'IT' }] })
    ).body;
    const c = review.conditions[0];
    expect(c.version).toBe(1);
    const ok = await http.patch(`/api/v1/conditions/${c.id}`).set('If-Match', '"v1"').send({ owner: 'Security' });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"v2"');
    const stale = await expectNoWrite(db, () => http.patch(`/api/v1/conditions/${c.id}`).set('If-Match', '"v1"').send({ owner: 'Finance' }));
    expectProblem(stale, 412, 'edit-conflict');
    expect(stale.body.current.owner).toBe('Security');
  });

  it('users: a stale PATCH is refused', async () => {
    const { db, http } = testApp();
    const u = (await http.post('/api/v1/users').send({ email: 'ana@example.com', password: 'a long enough passphrase 42', role: 'viewer' })).body;
    expect(u.version).toBe(1);
    expect((await http.patch(`/api/v1/users/${u.id}`).set('If-Match', '"v1"').send({ role: 'analyst' })).status).toBe(200);
    const stale = await expectNoWrite(db, () => http.patch(`/api/v1/users/${u.id}`).set('If-Match', '"v1"').send({ disabled: true }));
    expectProblem(stale, 412, 'edit-conflict');
    expect(stale.body.current).toMatchObject({ role: 'analyst', disabled: false, version: 2 });
  });

  it('a record that is gone answers 404, whatever the If-Match', async () => {
    const { http } = testApp();
    expectProblem(await http.patch('/api/v1/vendors/99').set('If-Match', '"v1"').send({ tier: 2 }), 404, 'vendor-not-found');
  });
});

describe('the OpenAPI document', () => {
  it('lists If-Match and 412 on the versioned changes', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const patch = doc.paths['/api/v1/vendors/{id}'].patch;
    expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
    expect(Object.keys(patch.responses)).toContain('412');
    expect(Object.keys(doc.paths['/api/v1/vendors/{id}'].get.responses)).not.toContain('412');
    expect(doc.paths['/api/v1/vendors/{id}'].get.responses['200'].headers.ETag).toBeDefined();
  });
});

describe('the review cadence', () => {
  it('has a version (the export’s shape unchanged); a stale PUT is refused', async () => {
    const { db, http } = testApp();
    const got = await http.get('/api/v1/reviews/cadence');
    expect(got.body.version).toBe(1);
    expect(got.headers.etag).toBe('"v1"');
    const body = { tier1: 3, tier2: 12, tier3: 24, tier4: null };
    const put = await http.put('/api/v1/reviews/cadence').set('If-Match', '"v1"').send(body);
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...body, version: 2 });
    const stale = await expectNoWrite(db, () =>
      http
        .put('/api/v1/reviews/cadence')
        .set('If-Match', '"v1"')
        .send({ ...body, tier1: 1 }),
    );
    expectProblem(stale, 412, 'edit-conflict');
    expect(stale.body.current).toEqual({ ...body, version: 2 });
    expect((await http.get('/api/v1/export')).body.reviewCadence).toEqual(body);
    // Later saves move it on, with or without If-Match.
    expect((await http.put('/api/v1/reviews/cadence').set('If-Match', '"v2"').send(body)).body.version).toBe(3);
    expect((await http.put('/api/v1/reviews/cadence').send(body)).body.version).toBe(4);
  });
});
