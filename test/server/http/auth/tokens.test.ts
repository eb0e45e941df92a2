import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, HOST, testApp } from '../../../helpers/app.ts';
import { DAY, testClock } from '../../../helpers/clock.ts';
import { vendorBody } from '../../../helpers/fixtures.ts';

function withAnalyst() {
  const clock = testClock();
  const t = testApp({ clock });
  return { ...t, clock, analyst: t.as('analyst', 'ana@example.com') };
}

describe('API tokens', () => {
  it('are shown once, stored hashed, and work as Authorization: Bearer with their role', async () => {
    const { analyst, anon, db, clock } = withAnalyst();
    const created = await analyst.post('/api/v1/tokens').send({ name: 'nightly import', role: 'analyst', expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'nightly import', role: 'analyst', lastUsedAt: null });
    const token: string = created.body.token;
    expect(token).toMatch(/^vst_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(db.prepare('SELECT * FROM api_tokens').all())).not.toContain(token);
    expect(JSON.stringify((await analyst.get('/api/v1/tokens')).body)).not.toContain(token);

    clock.advance(5 * 60_000);
    const bearer = () => anon().set('Origin', 'https://anywhere.example').set('Authorization', `Bearer ${token}`);
    const me = await bearer().get('/api/v1/me');
    expect(me.body).toMatchObject({ via: 'token', role: 'analyst', user: { email: 'ana@example.com' } });
    // No cookie is involved, so no CSRF check: scripts may call from anywhere.
    expect((await bearer().post('/api/v1/vendors').send(vendorBody())).status).toBe(201);
    const listed = (await analyst.get('/api/v1/tokens')).body.items[0];
    expect(listed.lastUsedAt).toBe(clock.now());
  });

  it('carry at most their role, and never more than the user has', async () => {
    const { analyst, anon } = withAnalyst();
    const res = await analyst.post('/api/v1/tokens').send({ name: 'too much', role: 'admin', expiresInDays: 1 });
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.role']);
    const viewerToken = (await analyst.post('/api/v1/tokens').send({ name: 'read only', role: 'viewer', expiresInDays: 1 })).body.token;
    const res2 = await anon().set('Authorization', `Bearer ${viewerToken}`).post('/api/v1/vendors').send(vendorBody());
    expectProblem(res2, 403, 'forbidden');
  });

  it('expire', async () => {
    const { analyst, anon, clock } = withAnalyst();
    const token = (await analyst.post('/api/v1/tokens').send({ name: 'short', role: 'viewer', expiresInDays: 1 })).body.token;
    expect((await anon().set('Authorization', `Bearer ${token}`).get('/api/v1/vendors')).status).toBe(200);
    clock.advance(DAY);
    expectProblem(await anon().set('Authorization', `Bearer ${token}`).get('/api/v1/vendors'), 401, 'invalid-token');
  });

  it('are revoked by their owner, or by an admin, and not by another user', async () => {
    const { analyst, anon, as } = withAnalyst();
    const a = (await analyst.post('/api/v1/tokens').send({ name: 'a', role: 'viewer', expiresInDays: 7 })).body;
    const b = (await analyst.post('/api/v1/tokens').send({ name: 'b', role: 'viewer', expiresInDays: 7 })).body;
    expectProblem(await as('viewer').delete(`/api/v1/tokens/${a.id}`), 404, 'token-not-found');
    expect((await analyst.delete(`/api/v1/tokens/${a.id}`)).status).toBe(204);
    expectProblem(await anon().set('Authorization', `Bearer ${a.token}`).get('/api/v1/me'), 401, 'invalid-token');
    const admin = as('admin');
    expect((await admin.get('/api/v1/tokens?all=true')).body.items.map((t: { name: string }) => t.name).sort()).toEqual(['a', 'b']);
    expect((await admin.delete(`/api/v1/tokens/${b.id}`)).status).toBe(204);
    expectProblem(await anon().set('Authorization', `Bearer ${b.token}`).get('/api/v1/me'), 401, 'invalid-token');
    expectProblem(await as('viewer').get('/api/v1/tokens?all=true'), 403, 'forbidden');
  });

  it('reject malformed and unknown bearer credentials, even on a route that is public', async () => {
    const { anon } = withAnalyst();
    expectProblem(await anon().set('Authorization', 'Bearer vst_nope').get('/api/v1/vendors'), 401, 'invalid-token');
    expectProblem(await anon().set('Authorization', 'Basic YTpi').get('/api/v1/vendors'), 401, 'invalid-token');
    expect((await anon().set('Authorization', 'Bearer vst_nope').get('/api/v1/health')).status).toBe(200);
  });

  it.each([
    [{ name: '', role: 'viewer', expiresInDays: 1 }, 'body.name'],
    [{ name: 'x', role: 'root', expiresInDays: 1 }, 'body.role'],
    [{ name: 'x', role: 'viewer', expiresInDays: 0 }, 'body.expiresInDays'],
    [{ name: 'x', role: 'viewer', expiresInDays: 400 }, 'body.expiresInDays'],
    [{ name: 'x', role: 'viewer' }, 'body.expiresInDays'],
  ])('reject %j at %s and store nothing', async (body, path) => {
    const { analyst, db } = withAnalyst();
    const res = await expectNoWrite(db, () => analyst.post('/api/v1/tokens').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});

describe('Host header', () => {
  it('is what the app compares Origin with', () => expect(HOST).toBe('vendorscope.test'));
});
