import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../../helpers/app.ts';
import { DAY, testClock } from '../../../helpers/clock.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../../helpers/fixtures.ts';

describe('the audit log', () => {
  it('records every change with actor, time, entity and before and after', async () => {
    const clock = testClock();
    const { http, as } = testApp({ clock });
    const analyst = as('analyst', 'ana@example.com');
    await analyst.post('/api/v1/vendors').send(vendorBody());
    clock.advance(1000);
    await analyst.patch('/api/v1/vendors/1').send({ tier: 2 });
    await analyst.post('/api/v1/vendors/1/incidents').send(incidentBody());
    await analyst.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody());
    await analyst.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem()] });
    await http.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: '2.1.0' });
    await http.delete('/api/v1/vendors/1?cascade=true'); // admins only

    const { items } = (await http.get('/api/v1/audit?limit=20')).body;
    const summary = items.map((e: { actor: string; action: string; entity: string }) => `${e.actor} ${e.action} ${e.entity}`);
    expect(summary.slice(0, 7)).toEqual([
      'admin@example.com delete vendor',
      'admin@example.com create methodology',
      'ana@example.com replace mfa',
      'ana@example.com create subprocessor',
      'ana@example.com create incident',
      'ana@example.com update vendor',
      'ana@example.com create vendor',
    ]);
    const update = items.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({ entity: 'vendor', entityId: 1, via: 'session', at: clock.now() });
    expect(update.before).toMatchObject({ tier: 1, name: 'Acme Identity' });
    expect(update.after).toMatchObject({ tier: 2, name: 'Acme Identity' });
    expect(items.find((e: { entity: string }) => e.entity === 'methodology')).toMatchObject({
      entityId: '2.1.0',
      before: { version: '2.0.0' },
      after: { version: '2.1.0' },
    });
  });

  it('filters by entity, actor and time', async () => {
    const clock = testClock('2026-11-01T08:00:00.000Z');
    const { as } = testApp({ clock });
    const analyst = as('analyst', 'ana@example.com');
    await analyst.post('/api/v1/vendors').send(vendorBody({ name: 'A' }));
    clock.advance(3 * DAY);
    const http = as('admin', 'root@example.com'); // a fresh session: the first one has idled out
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'B' }));
    await http.post('/api/v1/vendors/2/incidents').send(incidentBody());
    const get = async (qs: string) => (await http.get(`/api/v1/audit?${qs}`)).body;
    expect((await get('entity=vendor')).items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['B', 'A']);
    expect((await get('actor=ANA@example.com')).items.map((e: { action: string }) => e.action)).toEqual(['create', 'sign-in']);
    expect((await get('entity=vendor&from=2026-11-02')).items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['B']);
    expect((await get('entity=vendor&to=2026-11-01')).items.map((e: { after: { name: string } }) => e.after.name)).toEqual(['A']);
    expect((await get('entity=incident&entityId=1')).total).toBe(1);
    const bad = await http.get('/api/v1/audit?from=yesterday&limit=5000');
    expectProblem(bad, 400, 'validation-failed');
    expect(failingPaths(bad).sort()).toEqual(['query.from', 'query.limit']);
  });

  it('is append-only: there is no route to change it, and the database refuses', async () => {
    const { http, db, deps } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody());
    expect(deps.store.audit.list({ limit: 1, offset: 0 }).total).toBeGreaterThan(0);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expectProblem(await http.delete('/api/v1/audit'), 404, 'no-such-endpoint');
    expectProblem(await http.patch('/api/v1/audit'), 404, 'no-such-endpoint');
  });

  it('gives each vendor its change history, for viewers too', async () => {
    const { http, as, db } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody());
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Other' }));
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody());
    await http.patch('/api/v1/incidents/1').send({ severity: 'high' });
    const viewer = as('viewer');
    const history = (await viewer.get('/api/v1/vendors/1/changes')).body;
    expect(history.items.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`)).toEqual([
      'update incident',
      'create incident',
      'create vendor',
    ]);
    await expectNoWrite(db, async () => {
      expectProblem(await viewer.get('/api/v1/vendors/9/changes'), 404, 'vendor-not-found');
      expectProblem(await viewer.get('/api/v1/audit'), 403, 'forbidden');
    });
  });

  it('records sign-ins, sign-outs and token changes, never their secrets', async () => {
    const { http, as, anon } = testApp();
    await http.post('/api/v1/users').send({ email: 'viv@example.com', password: 'quiet violet harbour 9', role: 'viewer' });
    const signIn = await anon().post('/api/v1/session').send({ email: 'viv@example.com', password: 'quiet violet harbour 9' });
    const token = (await as('analyst').post('/api/v1/tokens').send({ name: 'ci', role: 'viewer', expiresInDays: 1 })).body.token;
    const { items } = (await http.get('/api/v1/audit?limit=50')).body;
    const text = JSON.stringify(items);
    expect(items.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`)).toEqual(
      expect.arrayContaining(['create user', 'sign-in session', 'create token']),
    );
    const sessionId = (signIn.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!.split('=')[1]!;
    for (const secret of ['quiet violet harbour 9', token, sessionId]) expect(text).not.toContain(secret);
  });
});
