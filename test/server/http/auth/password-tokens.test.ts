/**
 * A password change offers to revoke the user's API tokens; an admin's password reset ends every
 * session and revokes every token of that user (issue 14 §7). Both are audited.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../../helpers/app.ts';
import { testClock } from '../../../helpers/clock.ts';
import { TEST_PASSWORD } from '../../../helpers/passwords.ts';

const NEW_PASSWORD = 'a brand new passphrase';

function withViewer() {
  const clock = testClock();
  const t = testApp({ clock });
  const vic = t.as('viewer', 'vic@example.com');
  const userId = t.deps.store.users.findByEmail('vic@example.com')!.id;
  const token = async (name: string) => (await vic.post('/api/v1/tokens').send({ name, role: 'viewer', expiresInDays: 30 })).body.token as string;
  const works = async (secret: string) => (await t.anon().set('Authorization', `Bearer ${secret}`).get('/api/v1/me')).status === 200;
  const lastAudit = () => t.deps.store.audit.list({ entity: 'user', limit: 1, offset: 0 }).items[0]!;
  return { ...t, clock, vic, userId, token, works, lastAudit };
}

describe('PUT /api/v1/me/password with revokeTokens', () => {
  it('revokes every live token of the user when asked, and says how many', async () => {
    const t = withViewer();
    const [a, b] = [await t.token('nightly'), await t.token('calendar')];
    // An expired token is not counted: it does nothing already.
    const old = await t.token('old');
    t.deps.store.db.prepare("UPDATE api_tokens SET expires_at = '2026-01-01T00:00:00.000Z' WHERE name = 'old'").run();
    expect([await t.works(a), await t.works(b)]).toEqual([true, true]);
    const res = await t.vic.put('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeTokens: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionsEnded: 0, tokensRevoked: 2 });
    expect([await t.works(a), await t.works(b), await t.works(old)]).toEqual([false, false, false]);
    // The session that made the change goes on.
    expect((await t.vic.get('/api/v1/me')).status).toBe(200);
    expect(t.lastAudit()).toMatchObject({
      action: 'change-password',
      entityId: t.userId,
      actor: 'vic@example.com',
      after: { sessionsEnded: 0, tokensRevoked: 2, revokeTokens: true },
    });
  });

  it('leaves the tokens working when not asked (the default)', async () => {
    const t = withViewer();
    const a = await t.token('nightly');
    const res = await t.vic.put('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.body).toEqual({ sessionsEnded: 0, tokensRevoked: 0 });
    expect(await t.works(a)).toBe(true);
    const again = await t.vic.put('/api/v1/me/password').send({ currentPassword: NEW_PASSWORD, newPassword: 'yet another passphrase', revokeTokens: false });
    expect(again.body.tokensRevoked).toBe(0);
    expect(await t.works(a)).toBe(true);
    expect(t.lastAudit().after).toMatchObject({ revokeTokens: false, tokensRevoked: 0 });
  });

  it('refuses a revokeTokens that is not a boolean, and a wrong current password, changing nothing', async () => {
    const t = withViewer();
    const a = await t.token('nightly');
    await expectNoWrite(t.db, async () => {
      const bad = await t.vic.put('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, revokeTokens: 'yes' });
      expectProblem(bad, 400, 'validation-failed');
      expect(failingPaths(bad)).toEqual(['body.revokeTokens']);
      const wrong = await t.vic.put('/api/v1/me/password').send({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD, revokeTokens: true });
      expectProblem(wrong, 400, 'validation-failed');
      expect(failingPaths(wrong)).toEqual(['body.currentPassword']);
    });
    expect(await t.works(a)).toBe(true);
  });

  it('throttles guesses of the current password like sign-ins (a stolen session cannot guess freely)', async () => {
    const t = withViewer();
    for (let i = 0; i < 5; i++) {
      const wrong = await t.vic.put('/api/v1/me/password').send({ currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD });
      expect(failingPaths(wrong)).toEqual(['body.currentPassword']);
    }
    const refused = await expectNoWrite(t.db, () => t.vic.put('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }));
    expectProblem(refused, 429, 'too-many-attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(15 * 60_000);
    expect((await t.vic.put('/api/v1/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it('is in the OpenAPI document with its description', async () => {
    const t = withViewer();
    const doc = (await t.vic.get('/api/v1/openapi.json')).body;
    const change = JSON.stringify(doc.paths['/api/v1/me/password'].put) + JSON.stringify(doc.components?.schemas ?? {});
    expect(change).toContain('revokeTokens');
    expect(change).toContain('Also revoke every API token of yours');
    expect(doc.paths['/api/v1/users/{id}/password']?.put).toBeDefined();
  });
});

describe('PUT /api/v1/users/:id/password (admin reset)', () => {
  it('sets the password, ends every session of the user and revokes every token, audited', async () => {
    const t = withViewer();
    const a = await t.token('nightly');
    const res = await t.http.put(`/api/v1/users/${t.userId}/password`).send({ newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expectProblem(await t.vic.get('/api/v1/me'), 401, 'session-expired');
    expect(await t.works(a)).toBe(false);
    expectProblem(await t.anon().post('/api/v1/session').send({ email: 'vic@example.com', password: TEST_PASSWORD }), 401, 'invalid-credentials');
    expect((await t.anon().post('/api/v1/session').send({ email: 'vic@example.com', password: NEW_PASSWORD })).status).toBe(200);
    expect(t.lastAudit()).toMatchObject({
      action: 'reset-password',
      entity: 'user',
      entityId: t.userId,
      actor: 'admin@example.com',
      after: { sessionsEnded: 1, tokensRevoked: 1 },
    });
    expect(JSON.stringify(t.lastAudit())).not.toContain(NEW_PASSWORD);
  });

  it('is for admins only, not for one’s own password, and refuses a weak password or an unknown user, writing nothing', async () => {
    const t = withViewer();
    const a = await t.token('nightly');
    const adminId = t.deps.store.users.findByEmail('admin@example.com')!.id;
    const analyst = t.as('analyst');
    await expectNoWrite(t.db, async () => {
      expectProblem(await analyst.put(`/api/v1/users/${t.userId}/password`).send({ newPassword: NEW_PASSWORD }), 403, 'forbidden');
      const self = await t.http.put(`/api/v1/users/${adminId}/password`).send({ newPassword: NEW_PASSWORD });
      expectProblem(self, 400, 'validation-failed');
      expect(failingPaths(self)).toEqual(['params.id']);
      const weak = await t.http.put(`/api/v1/users/${t.userId}/password`).send({ newPassword: 'password1234' });
      expectProblem(weak, 400, 'validation-failed');
      expect(failingPaths(weak)).toEqual(['body.newPassword']);
      expectProblem(await t.http.put(`/api/v1/users/${t.userId}/password`).send({ newPassword: NEW_PASSWORD, revokeTokens: false }), 400, 'validation-failed');
      expectProblem(await t.http.put('/api/v1/users/999/password').send({ newPassword: NEW_PASSWORD }), 404, 'user-not-found');
    });
    expect(await t.works(a)).toBe(true);
  });
});
