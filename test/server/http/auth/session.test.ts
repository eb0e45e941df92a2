import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../../server/http/request-context.ts';
import { expectNoWrite, expectProblem, HOST, ORIGIN, testApp } from '../../../helpers/app.ts';
import { MINUTE, testClock } from '../../../helpers/clock.ts';
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from '../../../helpers/passwords.ts';

function withUser(role: 'viewer' | 'analyst' | 'admin' = 'analyst', over = {}) {
  const clock = testClock();
  const t = testApp({ clock, ...over });
  t.deps.store.users.create('ana@example.com', TEST_PASSWORD_HASH, role, clock.now());
  return { ...t, clock };
}

const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const set = res.headers['set-cookie'] as string[] | undefined;
  return set?.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
};

describe('POST /api/v1/session (sign-in)', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    const { anon } = withUser();
    const res = await anon().post('/api/v1/session').send({ email: 'ANA@example.com', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email: 'ana@example.com', role: 'analyst' }, role: 'analyst', via: 'session' });
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    // 256 random bits, base64url.
    expect(cookie.split(';')[0]!.split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('marks the cookie Secure behind a trusted TLS-terminating proxy, and not for an untrusted one', async () => {
    const trusted = withUser('analyst', { trustProxy: 'loopback' });
    const viaProxy = await trusted
      .anon()
      .post('/api/v1/session')
      .set('X-Forwarded-Proto', 'https')
      .set('Origin', `https://${HOST}`)
      .send({ email: 'ana@example.com', password: TEST_PASSWORD });
    expect(cookieOf(viaProxy)).toMatch(/Secure/);
    const untrusted = withUser();
    const spoofed = await untrusted
      .anon()
      .post('/api/v1/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'ana@example.com', password: TEST_PASSWORD });
    expect(cookieOf(spoofed)).not.toMatch(/Secure/);
  });

  it('stores only a hash of the session id', async () => {
    const { anon, db } = withUser();
    const res = await anon().post('/api/v1/session').send({ email: 'ana@example.com', password: TEST_PASSWORD });
    const secret = cookieOf(res)!.split(';')[0]!.split('=')[1]!;
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(secret);
  });

  it('gives a new session id at every sign-in and ends the one presented', async () => {
    const { anon } = withUser();
    const first = cookieOf(await anon().post('/api/v1/session').send({ email: 'ana@example.com', password: TEST_PASSWORD }))!.split(';')[0]!;
    const second = await anon().post('/api/v1/session').set('Cookie', first).send({ email: 'ana@example.com', password: TEST_PASSWORD });
    expect(cookieOf(second)!.split(';')[0]).not.toBe(first);
    expectProblem(await anon().get('/api/v1/me').set('Cookie', first), 401, 'session-expired');
  });

  it('fails alike for a wrong password and an unknown account, and records the failure', async () => {
    const { anon, deps } = withUser();
    const wrong = await anon().post('/api/v1/session').send({ email: 'ana@example.com', password: 'not the password at all' });
    const nobody = await anon().post('/api/v1/session').send({ email: 'nobody@example.com', password: 'not the password at all' });
    for (const res of [wrong, nobody]) expectProblem(res, 401, 'invalid-credentials');
    expect(wrong.body.detail).toBe(nobody.body.detail);
    expect(cookieOf(wrong)).toBeUndefined();
    const failures = deps.store.audit.list({ entity: 'session', limit: 10, offset: 0 }).items.filter((e) => e.action === 'sign-in-failed');
    expect(failures.map((e) => e.actor)).toEqual(['anonymous', 'ana@example.com']);
    expect(JSON.stringify(failures)).not.toContain('not the password at all');
    // What was typed for no account (often a password in the wrong field) is kept only as a hash;
    // the account that exists is named.
    expect(failures[0]!.after).toEqual({ emailHash: expect.stringMatching(/^sha256:[0-9a-f]{16}$/), ip: expect.any(String) });
    expect(JSON.stringify(failures)).not.toContain('nobody@example.com');
    expect(failures[1]!.after).toMatchObject({ email: 'ana@example.com' });
    await anon().post('/api/v1/session').send({ email: 'NOBODY@example.com', password: 'again' });
    const again = deps.store.audit.list({ entity: 'session', limit: 1, offset: 0 }).items[0]!;
    expect((again.after as { emailHash: string }).emailHash).toBe((failures[0]!.after as { emailHash: string }).emailHash);
  });

  it('throttles failed sign-ins per account from an address, with Retry-After, whether or not the account exists', async () => {
    const { anon, clock } = withUser();
    for (const email of ['ana@example.com', 'ghost@example.com']) {
      for (let i = 0; i < 5; i++)
        expectProblem(await anon().post('/api/v1/session').send({ email, password: 'wrong wrong wrong' }), 401, 'invalid-credentials');
      const blocked = await anon()
        .post('/api/v1/session')
        .send({ email, password: email === 'ana@example.com' ? TEST_PASSWORD : 'x' });
      expectProblem(blocked, 429, 'too-many-attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    }
    clock.advance(16 * MINUTE);
    expect((await anon().post('/api/v1/session').send({ email: 'ana@example.com', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('slows failed sign-ins per address across accounts', async () => {
    const { anon } = withUser();
    for (let i = 0; i < 20; i++)
      await anon()
        .post('/api/v1/session')
        .send({ email: `user${i}@example.com`, password: 'wrong wrong wrong' });
    expectProblem(await anon().post('/api/v1/session').send({ email: 'ana@example.com', password: TEST_PASSWORD }), 429, 'too-many-attempts');
  });

  it('rejects a sign-in posted from another site (login CSRF)', async () => {
    const { anon } = withUser();
    const res = await anon().post('/api/v1/session').set('Origin', 'https://evil.example').send({ email: 'ana@example.com', password: TEST_PASSWORD });
    expectProblem(res, 403, 'csrf-rejected');
  });
});

describe('sessions', () => {
  const signIn = async (t: ReturnType<typeof withUser>) =>
    cookieOf(await t.anon().post('/api/v1/session').send({ email: 'ana@example.com', password: TEST_PASSWORD }))!.split(';')[0]!;

  it('end after 30 idle minutes', async () => {
    const t = withUser();
    const cookie = await signIn(t);
    t.clock.advance(29 * MINUTE);
    expect((await t.anon().get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
    t.clock.advance(29 * MINUTE); // active a moment ago: still alive
    expect((await t.anon().get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    expectProblem(await t.anon().get('/api/v1/me').set('Cookie', cookie), 401, 'session-expired');
  });

  it('end after 12 hours however active', async () => {
    const t = withUser();
    const cookie = await signIn(t);
    // Active every 20 minutes, so never idle for long.
    for (let m = 20; m < 12 * 60; m += 20) {
      t.clock.advance(20 * MINUTE);
      expect((await t.anon().get('/api/v1/me').set('Cookie', cookie)).status).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expectProblem(await t.anon().get('/api/v1/me').set('Cookie', cookie), 401, 'session-expired');
  });

  it('end at sign-out, and the cookie is cleared', async () => {
    const t = withUser();
    const cookie = await signIn(t);
    const out = await t.anon().delete('/api/v1/session').set('Cookie', cookie);
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expectProblem(await t.anon().get('/api/v1/me').set('Cookie', cookie), 401, 'session-expired');
  });

  it('can be listed and revoked by their user; an admin can revoke anyone’s', async () => {
    const t = withUser();
    const a = await signIn(t);
    const b = await signIn(t);
    const list = (await t.anon().get('/api/v1/sessions').set('Cookie', b)).body.items as Array<{ id: number; current: boolean; userId: number }>;
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await t.anon().delete(`/api/v1/sessions/${other.id}`).set('Cookie', b)).status).toBe(204);
    expectProblem(await t.anon().get('/api/v1/me').set('Cookie', a), 401, 'session-expired');
    expect((await t.anon().get('/api/v1/me').set('Cookie', b)).status).toBe(200);

    const admin = t.as('admin');
    const [remaining] = (await admin.get(`/api/v1/sessions?userId=${other.userId}`)).body.items;
    expect((await admin.delete(`/api/v1/sessions/${remaining.id}`)).status).toBe(204);
    expectProblem(await t.anon().get('/api/v1/me').set('Cookie', b), 401, 'session-expired');
  });

  it('cannot be listed or revoked by another non-admin user', async () => {
    const t = withUser();
    await signIn(t);
    const viewer = t.as('viewer');
    expectProblem(await viewer.get('/api/v1/sessions?userId=2'), 403, 'forbidden');
    const ana = t.deps.store.sessions.live(2, t.clock.now())[0]!;
    expectProblem(await viewer.delete(`/api/v1/sessions/${ana.id}`), 404, 'session-not-found');
  });

  it('end when an admin changes the user’s role', async () => {
    const t = withUser();
    const cookie = await signIn(t);
    const admin = t.as('admin');
    const res = await admin.patch('/api/v1/users/2').send({ role: 'viewer' });
    expect(res.body.role).toBe('viewer');
    expectProblem(await t.anon().get('/api/v1/me').set('Cookie', cookie), 401, 'session-expired');
    const again = await signIn(t);
    expect((await t.anon().get('/api/v1/me').set('Cookie', again)).body.role).toBe('viewer');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated change from another origin, or with no origin at all', async () => {
    const { db, as } = testApp();
    const agent = as('analyst');
    await expectNoWrite(db, async () => {
      expectProblem(await agent.post('/api/v1/vendors').set('Origin', 'https://evil.example').send({ name: 'X' }), 403, 'csrf-rejected');
      const bare = await agent.post('/api/v1/vendors').unset('Origin').send({ name: 'X' });
      expectProblem(bare, 403, 'csrf-rejected');
    });
    // Reading is fine from anywhere (SameSite=Strict keeps the cookie home anyway).
    expect((await agent.get('/api/v1/vendors').set('Origin', 'https://evil.example')).status).toBe(200);
  });

  it('accepts a change from the app’s own origin', async () => {
    const { as } = testApp();
    expect(
      (
        await as('analyst')
          .post('/api/v1/vendors')
          .set('Origin', ORIGIN)
          .send({ name: 'X', category: 'c', tier: 2, dataAccess: 'none', environmentAccess: 'none' })
      ).status,
    ).toBe(201);
  });
});
