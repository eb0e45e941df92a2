/** /me/watch-rules and /me/notifications: your own rules and bell, validated, nobody else's. */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { incidentAdded } from '../../helpers/changes.ts';

const rule = { kind: 'incident-added', tiers: [1, 2], minSeverity: 'medium', inApp: true, email: 'digest' };

describe('watch rules API', () => {
  it('lists the defaults, creates, replaces, deletes and resets rules', async () => {
    const { as } = testApp();
    const viewer = as('viewer');
    const listed = await viewer.get('/api/v1/me/watch-rules').expect(200);
    expect(listed.body.items).toHaveLength(5);
    const created = await viewer.post('/api/v1/me/watch-rules').send(rule).expect(201);
    expect(created.body).toMatchObject({ ...rule, mineOnly: false, bandRoseOnly: false, withinDays: null });
    const replaced = await viewer
      .put(`/api/v1/me/watch-rules/${created.body.id}`)
      .send({ ...created.body, id: undefined, createdAt: undefined, updatedAt: undefined, email: 'immediate', tiers: null })
      .expect(200);
    expect(replaced.body).toMatchObject({ id: created.body.id, email: 'immediate', tiers: null });
    await viewer.delete(`/api/v1/me/watch-rules/${listed.body.items[0].id}`).expect(204);
    expect((await viewer.get('/api/v1/me/watch-rules')).body.items.map((r: { id: number }) => r.id)).not.toContain(listed.body.items[0].id);
    const reset = await viewer.post('/api/v1/me/watch-rules/reset').expect(200);
    expect(reset.body.items.map((r: { kind: string }) => r.kind)).toEqual(listed.body.items.map((r: { kind: string }) => r.kind));
  });

  it.each([
    ['an unknown kind', { ...rule, kind: 'vendor-liked' }, 'body.kind'],
    ['a tier out of range', { ...rule, tiers: [0] }, 'body.tiers.0'],
    ['a repeated tier', { ...rule, tiers: [1, 1] }, 'body.tiers'],
    ['a severity on a kind without one', { kind: 'condition-overdue', minSeverity: 'high' }, 'body.minSeverity'],
    ['a band rise on another kind', { kind: 'incident-added', bandRoseOnly: true }, 'body.bandRoseOnly'],
    ['days on another kind', { kind: 'score-changed', withinDays: 10 }, 'body.withinDays'],
    ['an unknown e-mail mode', { ...rule, email: 'hourly' }, 'body.email'],
    ['an unknown field', { ...rule, colour: 'red' }, 'body'],
  ])('refuses %s with 400 and the field, writing nothing', async (_what, body, path) => {
    const { db, as } = testApp();
    const viewer = as('viewer');
    const res = await expectNoWrite(db, () => viewer.post('/api/v1/me/watch-rules').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res).join()).toContain(path);
  });

  it('refuses a replacement missing fields, and another user’s rule is not found', async () => {
    const { db, as } = testApp();
    const a = as('viewer');
    const b = as('viewer');
    const mine = (await a.post('/api/v1/me/watch-rules').send(rule)).body;
    const res = await expectNoWrite(db, () => a.put(`/api/v1/me/watch-rules/${mine.id}`).send({ kind: 'incident-added' }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain('body.inApp');
    expectProblem(await expectNoWrite(db, () => b.delete(`/api/v1/me/watch-rules/${mine.id}`)), 404, 'watch-rule-not-found');
    expectProblem(
      await expectNoWrite(db, () => b.put(`/api/v1/me/watch-rules/${mine.id}`).send({ ...rule, mineOnly: false, bandRoseOnly: false, withinDays: null })),
      404,
      'watch-rule-not-found',
    );
  });

  it('needs a signed-in user', async () => {
    const { anon } = testApp();
    expectProblem(await anon().get('/api/v1/me/watch-rules'), 401, 'authentication-required');
  });
});

describe('notifications API', () => {
  it('pages your notifications with the unread count, marks one and all read, and never shows another user’s', async () => {
    const { deps, http, as } = testApp();
    const vendor = (await http.post('/api/v1/vendors').send(vendorBody())).body;
    const viewer = as('viewer');
    deps.changes.record([incidentAdded(vendor, 'critical'), incidentAdded(vendor, 'high'), incidentAdded(vendor, 'high')]);
    expect((await viewer.get('/api/v1/me/notifications/unread-count').expect(200)).body).toEqual({ unread: 3 });
    const first = (await viewer.get('/api/v1/me/notifications?limit=2').expect(200)).body;
    expect(first.items).toHaveLength(2);
    expect(first.unread).toBe(3);
    expect(first.items[0]).toMatchObject({
      readAt: null,
      link: `/vendors/${vendor.id}#incident-1`,
      change: { kind: 'incident-added', detail: { severity: 'high' } },
    });
    const second = (await viewer.get(`/api/v1/me/notifications?limit=2&before=${first.nextBefore}`).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextBefore).toBeNull();
    expect((await viewer.post(`/api/v1/me/notifications/${first.items[0].id}/read`).expect(200)).body).toEqual({ unread: 2 });
    expect((await viewer.get('/api/v1/me/notifications?unread=true').expect(200)).body.items).toHaveLength(2);
    // Someone else's notification is not yours to read.
    const other = as('viewer');
    expectProblem(await other.post(`/api/v1/me/notifications/${first.items[1].id}/read`), 404, 'notification-not-found');
    expect((await viewer.post('/api/v1/me/notifications/read-all').expect(200)).body).toEqual({ unread: 0 });
    expect((await viewer.get('/api/v1/me/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('refuses a bad page size or cursor with 400', async () => {
    const { db, as } = testApp();
    const viewer = as('viewer');
    const res = await expectNoWrite(db, () => viewer.get('/api/v1/me/notifications?limit=0&before=x'));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res).sort()).toEqual(['query.before', 'query.limit']);
  });
});
