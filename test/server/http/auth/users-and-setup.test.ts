import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../../helpers/app.ts';
import { HOUR, testClock } from '../../../helpers/clock.ts';

describe('POST /api/v1/users (admin)', () => {
  it('creates a user who can sign in', async () => {
    const { http, anon } = testApp();
    const res = await http.post('/api/v1/users').send({ email: 'Viv@Example.com', password: 'quiet violet harbour 9', role: 'viewer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'viv@example.com', role: 'viewer', disabled: false, hasPassword: true });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|hash/i);
    expect((await anon().post('/api/v1/session').send({ email: 'viv@example.com', password: 'quiet violet harbour 9' })).status).toBe(200);
    expect((await http.get('/api/v1/users')).body.items.map((u: { email: string }) => u.email)).toContain('viv@example.com');
  });

  it.each([
    ['short1!', 'at least 12 characters'],
    ['password1234', 'is a commonly used password'],
    ['Password2024!', 'is a commonly used password'],
    ['1q2w3e4r5t6y', 'is a commonly used password'],
    ['aaaaaaaaaaaaaaa', 'is one character repeated'],
  ])('refuses the password %j (%s) and stores nothing', async (password, message) => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => http.post('/api/v1/users').send({ email: 'viv@example.com', password, role: 'viewer' }));
    expectProblem(res, 400, 'validation-failed');
    // A rule the schema states also carries its rule and limit (additive): match on path and words.
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: 'body.password', message }));
  });

  it('refuses a taken e-mail (409), a bad role and unknown fields', async () => {
    const { http, db } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(
        await http.post('/api/v1/users').send({ email: 'ADMIN@example.com', password: 'quiet violet harbour 9', role: 'viewer' }),
        409,
        'user-exists',
      );
      const bad = await http.post('/api/v1/users').send({ email: 'not-an-email', password: 'quiet violet harbour 9', role: 'owner', extra: 1 });
      expectProblem(bad, 400, 'validation-failed');
      expect(failingPaths(bad).sort()).toEqual(['body.email', 'body.extra', 'body.role']);
    });
  });
});

describe('PATCH /api/v1/users/:id (admin)', () => {
  it('disables a user, whose sessions end', async () => {
    const { http, as } = testApp();
    const viewer = as('viewer');
    expect((await viewer.get('/api/v1/me')).status).toBe(200);
    expect((await http.patch('/api/v1/users/2').send({ disabled: true })).body.disabled).toBe(true);
    expectProblem(await viewer.get('/api/v1/me'), 401, 'session-expired');
  });

  it('does not let admins demote or disable themselves, and 404s an unknown user', async () => {
    const { http, db } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(await http.patch('/api/v1/users/1').send({ role: 'viewer' }), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/users/1').send({ disabled: true }), 400, 'validation-failed');
      expectProblem(await http.patch('/api/v1/users/9').send({ role: 'viewer' }), 404, 'user-not-found');
      expectProblem(await http.patch('/api/v1/users/1').send({}), 400, 'validation-failed');
    });
  });
});

describe('PUT /api/v1/me/password', () => {
  it('changes the password when the current one is right, ending the user’s other sessions', async () => {
    const { as, anon } = testApp();
    const me = as('viewer', 'vic@example.com');
    const elsewhere = await anon().post('/api/v1/session').send({ email: 'vic@example.com', password: 'correct horse battery staple' });
    const otherCookie = String(elsewhere.headers['set-cookie']).split(';')[0]!;
    const wrong = await me.put('/api/v1/me/password').send({ currentPassword: 'nope', newPassword: 'a brand new passphrase' });
    expectProblem(wrong, 400, 'validation-failed');
    const changed = await me.put('/api/v1/me/password').send({ currentPassword: 'correct horse battery staple', newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
    expect((await anon().post('/api/v1/session').send({ email: 'vic@example.com', password: 'a brand new passphrase' })).status).toBe(200);
    expect((await me.get('/api/v1/me')).status).toBe(200);
    expectProblem(await anon().get('/api/v1/me').set('Cookie', otherCookie), 401, 'session-expired');
  });
});

describe('first admin: setup token', () => {
  function fresh() {
    const clock = testClock();
    const t = testApp({ clock });
    // testApp signs in an admin; a fresh install has no users.
    t.db.exec('DELETE FROM sessions; DELETE FROM users');
    return { ...t, clock };
  }

  it('creates the first admin once, signs them in, and is spent', async () => {
    const { deps, anon } = fresh();
    const { token } = deps.accounts.issueSetupToken();
    const res = await anon().post('/api/v1/setup').send({ token, email: 'first@example.com', password: 'the very first admin' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'admin', user: { email: 'first@example.com' } });
    expect(String(res.headers['set-cookie'])).toMatch(/^vs_session=/);
    expectProblem(await anon().post('/api/v1/setup').send({ token, email: 'second@example.com', password: 'the very second admin' }), 409, 'setup-complete');
    expect(() => deps.accounts.issueSetupToken()).toThrow(/Setup is complete/);
  });

  it('refuses a wrong or expired token', async () => {
    const { deps, anon, clock, db } = fresh();
    const { token } = deps.accounts.issueSetupToken();
    await expectNoWrite(db, async () => {
      expectProblem(
        await anon()
          .post('/api/v1/setup')
          .send({ token: `${token}x`, email: 'first@example.com', password: 'the very first admin' }),
        403,
        'setup-token-invalid',
      );
      clock.advance(HOUR + 1);
      expectProblem(
        await anon().post('/api/v1/setup').send({ token, email: 'first@example.com', password: 'the very first admin' }),
        403,
        'setup-token-invalid',
      );
    });
  });

  it('creates the first admin from the environment only while there are no users', async () => {
    const { deps } = fresh();
    expect((await deps.accounts.createFirstAdmin('Boot@Example.com', 'an unattended install'))?.role).toBe('admin');
    expect(await deps.accounts.createFirstAdmin('other@example.com', 'an unattended install')).toBeNull();
    await expect(fresh().deps.accounts.createFirstAdmin('boot@example.com', 'password1234')).rejects.toThrow(/not acceptable/);
  });
});
