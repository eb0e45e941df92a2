/**
 * The sign-in throttle under a burst (issue 14 §3): every attempt is reserved before its password
 * is hashed, hashes run a few at a time behind a short queue, and no lockout keeps the real user
 * out for long. The verifier is wrapped to count (and, where a test needs it, hold) the hashes.
 */
import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../../server/services/passwords.ts';
import { DEFAULT_THROTTLE, type ThrottleLimits } from '../../../../server/services/sign-in-throttle.ts';
import { expectNoWrite, expectProblem, HOST, ORIGIN, testApp } from '../../../helpers/app.ts';
import { testClock } from '../../../helpers/clock.ts';
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from '../../../helpers/passwords.ts';
import { softwarePasskey } from '../../../helpers/passkey.ts';

const ANA = 'ana@example.com';
const WRONG = 'wrong wrong wrong';

/** A verifier that counts its calls and, while `held`, keeps each one waiting until `release()`. */
function countingVerifier(held = false) {
  const waiting: Array<() => void> = [];
  const v = {
    calls: 0,
    get pending() {
      return waiting.length;
    },
    held,
    verify: async (...args: Parameters<typeof verifyPassword>) => {
      v.calls++;
      if (v.held) await new Promise<void>((resolve) => waiting.push(resolve));
      return verifyPassword(...args);
    },
    release: () => {
      v.held = false;
      for (const go of waiting.splice(0)) go();
    },
  };
  return v;
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function setup(throttle: Partial<ThrottleLimits> = {}, held = false) {
  const clock = testClock();
  const verifier = countingVerifier(held);
  // Behind a trusted proxy, so that each test can say which address a request comes from.
  const t = testApp({ clock, trustProxy: true, throttle: { ...DEFAULT_THROTTLE, ...throttle }, verifyPassword: verifier.verify });
  const anaId = t.deps.store.users.create(ANA, TEST_PASSWORD_HASH, 'analyst', clock.now());
  // One server for the whole burst (supertest would otherwise start one per request).
  const server = createServer(t.app).listen(0);
  servers.push(server);
  const signIn = (email: string, password: string, ip = '203.0.113.1') =>
    request(server).post('/api/v1/session').set('Host', HOST).set('Origin', ORIGIN).set('X-Forwarded-For', ip).send({ email, password });
  const sessions = () => t.deps.store.sessions.live(anaId, clock.now()).length;
  const failuresLogged = () => t.deps.store.audit.list({ entity: 'session', limit: 1000, offset: 0 }).items.filter((e) => e.action === 'sign-in-failed').length;
  return { ...t, clock, verifier, anaId, signIn, sessions, failuresLogged };
}

/**
 * Sends a burst at once and holds every hash until each request is either hashing or answered,
 * so that no request can see an earlier one's result: only reservations can stop them.
 */
async function burst(t: ReturnType<typeof setup>, requests: Array<() => request.Test>) {
  let answered = 0;
  const all = requests.map((r) => r().then((res) => (answered++, res)));
  for (let n = 0; answered + t.verifier.pending < requests.length; n++) {
    if (n > 2000) throw new Error(`burst stuck: ${answered} answered, ${t.verifier.pending} hashing`);
    await new Promise((r) => setTimeout(r, 5));
  }
  t.verifier.release();
  return Promise.all(all);
}

describe('a burst of sign-ins', () => {
  it('from one address: 100 guesses at once evaluate 5, and the right password among them (51st) does not sign in', async () => {
    const t = setup({ hashConcurrency: 100, hashQueue: 0 }, true);
    const answers = await burst(
      t,
      Array.from({ length: 100 }, (_, i) => () => t.signIn(ANA, i === 50 ? TEST_PASSWORD : WRONG)),
    );
    expect(t.verifier.calls).toBe(DEFAULT_THROTTLE.perAccountAddress);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(5);
    for (const r of answers.filter((r) => r.status !== 401)) {
      expectProblem(r, 429, 'too-many-attempts');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expectProblem(answers[50]!, 429, 'too-many-attempts');
    expect(t.sessions()).toBe(0);
    // Each evaluated guess is in the audit log; the refusals wrote nothing.
    expect(t.failuresLogged()).toBe(5);
  });

  it('from 100 addresses: 100 guesses at once evaluate 10 (the account’s allowance), and the 51st, right, does not sign in', async () => {
    const t = setup({ hashConcurrency: 100, hashQueue: 0 }, true);
    const answers = await burst(
      t,
      Array.from({ length: 100 }, (_, i) => () => t.signIn(ANA, i === 50 ? TEST_PASSWORD : WRONG, `198.51.100.${i}`)),
    );
    expect(t.verifier.calls).toBe(DEFAULT_THROTTLE.accountFreeFailures);
    expectProblem(answers[50]!, 429, 'too-many-attempts');
    expect(t.sessions()).toBe(0);
  });

  it('with the default queue (2 hashing, 8 waiting): a burst over many accounts hashes at most 10 at a time and refuses the rest at once', async () => {
    const t = setup({}, true);
    // Different accounts and addresses: no throttle key is hit, only the queue.
    let answered = 0;
    const all = Array.from({ length: 30 }, (_, i) => t.signIn(`user${i}@example.com`, WRONG, `192.0.2.${i}`).then((r) => (answered++, r)));
    // Twenty refusals arrive while the hashes are still held: refused at once, not after the queue.
    for (let n = 0; answered < 20; n++) {
      if (n > 2000) throw new Error(`only ${answered} answered`);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(t.verifier.pending).toBe(2);
    t.verifier.release();
    const answers = await Promise.all(all);
    expect(t.verifier.calls).toBe(10);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(10);
    for (const r of answers.filter((r) => r.status === 429)) {
      expectProblem(r, 429, 'too-many-attempts');
      expect(r.headers['retry-after']).toBe('1');
    }
  });

  it('a refusal because the queue is full answers 429 with Retry-After at once and writes nothing', async () => {
    // One hash at a time and no queue: while one is held, the next sign-in has nowhere to wait.
    const t = setup({ hashConcurrency: 1, hashQueue: 0 }, true);
    const first = t.signIn('someone@example.com', WRONG, '192.0.2.1').then((r) => r);
    for (let n = 0; t.verifier.pending < 1; n++) {
      if (n > 2000) throw new Error('the first sign-in never reached its hash');
      await new Promise((r) => setTimeout(r, 5));
    }
    const refused = await expectNoWrite(t.db, () => t.signIn(ANA, TEST_PASSWORD, '192.0.2.3'));
    expectProblem(refused, 429, 'too-many-attempts');
    expect(refused.headers['retry-after']).toBe('1');
    // It answered while the first hash was still held: nothing waited for the queue.
    expect(t.verifier.calls).toBe(1);
    t.verifier.release();
    expect((await first).status).toBe(401);
    expect((await t.signIn(ANA, TEST_PASSWORD, '192.0.2.3')).status).toBe(200);
  });
});

describe('lockout is no denial of service', () => {
  it('the right password from another address signs in within the backoff while the account is under attack', async () => {
    const t = setup();
    // A sustained attack from many addresses: every guess is made the moment the backoff allows it.
    let waited = 0;
    for (let i = 0; i < 40; i++) {
      const res = await t.signIn(ANA, WRONG, `198.51.100.${i}`);
      if (res.status === 429) {
        const wait = Number(res.headers['retry-after']);
        expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE.backoffMaxSeconds);
        t.clock.advance(wait * 1000);
        waited += wait;
      }
    }
    expect(t.verifier.calls).toBeLessThan(40);
    // The user, elsewhere: refused for at most the cap, told how long, and then let in.
    const refused = await expectNoWrite(t.db, () => t.signIn(ANA, TEST_PASSWORD, '203.0.113.77'));
    expectProblem(refused, 429, 'too-many-attempts');
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE.backoffMaxSeconds);
    t.clock.advance(wait * 1000);
    const ok = await t.signIn(ANA, TEST_PASSWORD, '203.0.113.77');
    expect(ok.status).toBe(200);
    expect(t.sessions()).toBe(1);
    expect(waited).toBeGreaterThan(0);
  });

  it('five failures lock only the address that made them, for that account', async () => {
    const t = setup();
    for (let i = 0; i < 5; i++) expectProblem(await t.signIn(ANA, WRONG, '198.51.100.1'), 401, 'invalid-credentials');
    const locked = await expectNoWrite(t.db, () => t.signIn(ANA, TEST_PASSWORD, '198.51.100.1'));
    expectProblem(locked, 429, 'too-many-attempts');
    expect(Number(locked.headers['retry-after'])).toBe(900);
    expect((await t.signIn(ANA, TEST_PASSWORD, '203.0.113.9')).status).toBe(200);
  });

  it('an address failing across many accounts is slowed, not locked: its own users get in after the backoff, others at once', async () => {
    const t = setup();
    for (let i = 0; i < 30; i++) {
      const res = await t.signIn(`victim${i}@example.com`, WRONG, '198.51.100.200');
      if (res.status === 429) {
        const wait = Number(res.headers['retry-after']);
        expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE.backoffMaxSeconds);
        t.clock.advance(wait * 1000);
      }
    }
    expect((await t.signIn(ANA, TEST_PASSWORD, '203.0.113.5')).status).toBe(200);
    const slowed = await t.signIn(ANA, TEST_PASSWORD, '198.51.100.200');
    expectProblem(slowed, 429, 'too-many-attempts');
    const wait = Number(slowed.headers['retry-after']);
    expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE.backoffMaxSeconds);
    t.clock.advance(wait * 1000);
    expect((await t.signIn(ANA, TEST_PASSWORD, '198.51.100.200')).status).toBe(200);
  });

  it('a passkey sign-in goes through while password sign-ins for the account are throttled', async () => {
    const t = setup();
    const key = softwarePasskey(t.deps.store, t.anaId, t.clock.now());
    for (let i = 0; i < 12; i++) await t.signIn(ANA, WRONG, `198.51.100.${i}`);
    expectProblem(await t.signIn(ANA, TEST_PASSWORD, '198.51.100.1'), 429, 'too-many-attempts');
    const start = await request(t.app).post('/api/v1/session/passkey-options').set('Host', HOST).set('Origin', ORIGIN).set('X-Forwarded-For', '198.51.100.1');
    expect(start.status).toBe(200);
    const res = await request(t.app)
      .post('/api/v1/session/passkey')
      .set('Host', HOST)
      .set('Origin', ORIGIN)
      .set('X-Forwarded-For', '198.51.100.1')
      .send({ challengeId: start.body.challengeId, response: key.answer(start.body.options.challenge, ORIGIN) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ user: { email: ANA }, passkeyVerified: true });
    expect(t.sessions()).toBe(1);
  });
});
