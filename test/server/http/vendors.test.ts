import { describe, expect, it } from 'vitest';
import { vendor as vendorSchema } from '../../../server/domain/vendor.ts';
import { expectNoWrite, expectProblem, failingPaths, NOW, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

async function withVendors(names: string[], extra: (n: string, i: number) => object = () => ({})) {
  const t = testApp();
  for (const [i, name] of names.entries()) {
    const r = await t.http.post('/api/v1/vendors').send(vendorBody({ name, ...extra(name, i) }));
    expect(r.status).toBe(201);
  }
  return t;
}

describe('POST /api/v1/vendors', () => {
  it('creates a vendor and answers 201 with the record', async () => {
    const { http } = testApp();
    const res = await http.post('/api/v1/vendors').send(vendorBody());
    expect(res.status).toBe(201);
    expect(vendorSchema.parse(res.body)).toMatchObject({
      id: 1,
      name: 'Acme Identity',
      domain: 'acme.example.com',
      tier: 1,
      status: 'proposed',
      incidentCount: 0,
      relationshipIsExample: false,
      createdAt: NOW,
    });
    expect((await http.get('/api/v1/vendors/1')).body).toEqual(res.body);
  });

  it('rejects an invalid body with every failing field and writes nothing', async () => {
    const { db, http } = testApp();
    const res = await expectNoWrite(db, () =>
      http.post('/api/v1/vendors').send({ name: ' ', tier: 5, dataAccess: 'secret', environmentAccess: 'user', website: 'ftp://x', color: 'red' }),
    );
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res).sort()).toEqual(['body.category', 'body.color', 'body.dataAccess', 'body.name', 'body.tier', 'body.website']);
  });

  it('rejects a duplicate name, ignoring case and spacing, with 409', async () => {
    const { db, http } = await withVendors(['Acme Identity']);
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors').send(vendorBody({ name: '  acme   IDENTITY ' })));
    expectProblem(res, 409, 'vendor-name-taken');
    expect(failingPaths(res)).toEqual(['body.name']);
  });

  it('rejects malformed JSON (400), a non-JSON body (415) and a body over 1 MB (413)', async () => {
    const { db, http } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(await http.post('/api/v1/vendors').set('content-type', 'application/json').send('{"name":'), 400, 'malformed-json');
      expectProblem(await http.post('/api/v1/vendors').set('content-type', 'text/plain').send('name=x'), 415, 'unsupported-media-type');
      const huge = JSON.stringify(vendorBody({ notes: 'x'.repeat(1_100_000) }));
      expectProblem(await http.post('/api/v1/vendors').set('content-type', 'application/json').send(huge), 413, 'payload-too-large');
    });
  });
});

describe('GET /api/v1/vendors', () => {
  it('filters by tier, category and text, pages, and counts all matches in total', async () => {
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'];
    const { http } = await withVendors(names, (_n, i) => ({ tier: (i % 2) + 1, category: i < 3 ? 'CI/CD' : 'identity provider' }));
    const all = await http.get('/api/v1/vendors');
    expect(all.body.total).toBe(5);
    expect(all.body.items.map((v: { name: string }) => v.name)).toEqual(names);

    const tier1 = await http.get('/api/v1/vendors?tier=1');
    expect(tier1.body.items.map((v: { name: string }) => v.name)).toEqual(['Alpha', 'Charlie', 'Echo']);

    const page = await http.get('/api/v1/vendors?limit=2&offset=1');
    expect(page.body).toMatchObject({ total: 5 });
    expect(page.body.items.map((v: { name: string }) => v.name)).toEqual(['Bravo', 'Charlie']);

    const cat = await http.get('/api/v1/vendors?category=ci%2Fcd&tier=1');
    expect(cat.body.items.map((v: { name: string }) => v.name)).toEqual(['Alpha', 'Charlie']);
    expect(cat.body.total).toBe(2);

    const q = await http.get('/api/v1/vendors?q=RAV');
    expect(q.body.items.map((v: { name: string }) => v.name)).toEqual(['Bravo']);
  });

  it('matches LIKE wildcards in q literally', async () => {
    const { http } = await withVendors(['100% Uptime', '100 Percent']);
    const res = await http.get('/api/v1/vendors?q=0%25');
    expect(res.body.items.map((v: { name: string }) => v.name)).toEqual(['100% Uptime']);
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=1001', 'query.limit'],
    ['offset=-1', 'query.offset'],
    ['tier=5', 'query.tier'],
    ['tier=one', 'query.tier'],
    ['tier=1&tier=2', 'query.tier'],
    ['sort=name', 'query.sort'],
  ])('rejects ?%s with 400 naming %s', async (qs, path) => {
    const { db, http } = await withVendors(['Alpha']);
    const res = await expectNoWrite(db, () => http.get(`/api/v1/vendors?${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('accepts a limit of 1000', async () => {
    const { http } = await withVendors(['Alpha']);
    expect((await http.get('/api/v1/vendors?limit=1000')).status).toBe(200);
  });
});

describe('GET /api/v1/vendors/:id', () => {
  it('answers 404 vendor-not-found for an unknown id and 400 for a malformed one', async () => {
    const { db, http } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/vendors/99'), 404, 'vendor-not-found');
      const bad = await http.get('/api/v1/vendors/abc');
      expectProblem(bad, 400, 'validation-failed');
      expect(failingPaths(bad)).toEqual(['params.id']);
      expectProblem(await http.get('/api/v1/vendors/0'), 400, 'validation-failed');
    });
  });
});

describe('PATCH /api/v1/vendors/:id', () => {
  it('changes only the fields sent and answers 200 with the record', async () => {
    const { http } = await withVendors(['Alpha']);
    const res = await http.patch('/api/v1/vendors/1').send({ tier: 3, status: 'approved', website: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Alpha', tier: 3, status: 'approved', website: null, domain: null, category: 'identity provider' });
  });

  it('rejects an empty patch, unknown fields, bad values, a taken name and an unknown id, writing nothing', async () => {
    const { db, http } = await withVendors(['Alpha', 'Bravo']);
    await expectNoWrite(db, async () => {
      expectProblem(await http.patch('/api/v1/vendors/1').send({}), 400, 'validation-failed');
      const unknown = await http.patch('/api/v1/vendors/1').send({ id: 7 });
      expectProblem(unknown, 400, 'validation-failed');
      expect(failingPaths(unknown)).toEqual(['body.id']);
      expectProblem(await http.patch('/api/v1/vendors/1').send({ tier: 0 }), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/vendors/1').send({ name: 'BRAVO' }), 409, 'vendor-name-taken');
      expectProblem(await http.patch('/api/v1/vendors/9').send({ tier: 2 }), 404, 'vendor-not-found');
    });
  });

  it('allows renaming a vendor to a new spelling of its own name', async () => {
    const { http } = await withVendors(['Alpha']);
    expect((await http.patch('/api/v1/vendors/1').send({ name: 'ALPHA' })).body.name).toBe('ALPHA');
  });
});

describe('DELETE /api/v1/vendors/:id', () => {
  it('deletes a vendor without incidents (204)', async () => {
    const { http } = await withVendors(['Alpha']);
    expect((await http.delete('/api/v1/vendors/1')).status).toBe(204);
    expectProblem(await http.get('/api/v1/vendors/1'), 404, 'vendor-not-found');
  });

  it('refuses a vendor with incidents (409) unless cascade=true, which removes them too', async () => {
    const { db, http } = await withVendors(['Alpha']);
    expect((await http.post('/api/v1/vendors/1/incidents').send(incidentBody())).status).toBe(201);
    const refused = await expectNoWrite(db, () => http.delete('/api/v1/vendors/1'));
    expectProblem(refused, 409, 'vendor-has-incidents');
    expectProblem(await expectNoWrite(db, () => http.delete('/api/v1/vendors/1?cascade=yes')), 400, 'validation-failed');
    expect((await http.delete('/api/v1/vendors/1?cascade=true')).status).toBe(204);
    expectProblem(await http.get('/api/v1/incidents/1'), 404, 'incident-not-found');
  });

  it('answers 404 for an unknown vendor and 400 for a bad id', async () => {
    const { db, http } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(await http.delete('/api/v1/vendors/5'), 404, 'vendor-not-found');
      expectProblem(await http.delete('/api/v1/vendors/-5'), 400, 'validation-failed');
    });
  });
});

describe('GET /api/v1/vendors/:id/posture-facts', () => {
  it('lists the facts (none for a new vendor) and 404s for an unknown vendor', async () => {
    const { db, http } = await withVendors(['Alpha']);
    expect((await http.get('/api/v1/vendors/1/posture-facts')).body).toEqual({ items: [] });
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/vendors/2/posture-facts'), 404, 'vendor-not-found');
      expectProblem(await http.get('/api/v1/vendors/x/posture-facts'), 400, 'validation-failed');
    });
  });
});
