import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../../server/app.ts';
import type { Logger } from '../../../../server/logger.ts';
import { ORIGIN, HOST, testApp } from '../../../helpers/app.ts';
import { vendorBody } from '../../../helpers/fixtures.ts';

function capturing() {
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), error: (m, e) => lines.push(`${m} ${e instanceof Error ? `${e.message}\n${e.stack}` : String(e)}`) };
  return { log, lines };
}

describe('no secrets in logs', () => {
  it('keeps passwords, tokens, cookies and session ids out of the log, on success and failure', async () => {
    const { log, lines } = capturing();
    const t = testApp({ log });
    const password = 'quiet violet harbour 9';
    await t.http.post('/api/v1/users').send({ email: 'viv@example.com', password, role: 'analyst' });
    const signIn = await t.anon().post('/api/v1/session').send({ email: 'viv@example.com', password });
    const cookie = (signIn.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const failed = await t
      .anon()
      .post('/api/v1/session')
      .send({ email: 'viv@example.com', password: `${password}x` });
    expect(failed.status).toBe(401);
    const viv = t.anon().set('Cookie', cookie);
    const token = (await viv.post('/api/v1/tokens').send({ name: 'ci', role: 'analyst', expiresInDays: 1 })).body.token as string;
    await t.anon().set('Authorization', `Bearer ${token}`).post('/api/v1/vendors').send(vendorBody());
    await t.anon().set('Authorization', `Bearer ${token}`).get(`/api/v1/vendors?q=${token}`);
    await t.anon().set('Authorization', 'Bearer vst_wrong').get('/api/v1/vendors');
    // An unexpected failure while a token is in use: logged with its stack, still without secrets.
    const broken = {
      ...t.deps,
      log,
      vendors: {
        ...t.deps.vendors,
        get: () => {
          throw new Error('boom');
        },
      },
    };
    const res500 = await request(createApp(broken)).get('/api/v1/vendors/1').set('Host', HOST).set('Origin', ORIGIN).set('Authorization', `Bearer ${token}`);
    expect(res500.status).toBe(500);

    const logged = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(logged).toContain('POST /api/v1/session 200');
    expect(logged).toContain('GET /api/v1/vendors/1 failed');
    for (const secret of [password, `${password}x`, token, cookie, cookie.split('=')[1]!, 'vst_wrong']) expect(logged).not.toContain(secret);
    for (const secret of [password, token]) expect(JSON.stringify(res500.body)).not.toContain(secret);
  });
});

describe('security headers', () => {
  it('send a strict CSP without inline scripts or eval, no framing, no referrer, no X-Powered-By', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/health');
    const csp = res.headers['content-security-policy'] as string;
    const scripts = /(?:^|;\s*)(?:script-src|default-src) ([^;]+)/.exec(csp)![1]!;
    expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('keep API answers, refusals and errors included, out of every cache', async () => {
    const { http, anon } = testApp();
    for (const path of ['/api/v1/health', '/api/v1/vendors', '/api/v1/no-such-thing'])
      expect((await http.get(path)).headers['cache-control'], path).toMatch(/no-store/);
    expect((await anon().get('/api/v1/vendors')).headers['cache-control']).toMatch(/no-store/); // a 401 as well
  });

  it('send HSTS only over HTTPS: behind a trusted proxy that says so, never on plain HTTP or from an untrusted X-Forwarded-Proto', async () => {
    const trusted = testApp({ trustProxy: 1 });
    const viaTls = await trusted.http.get('/api/v1/health').set('X-Forwarded-Proto', 'https');
    expect(viaTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await trusted.http.get('/api/v1/health')).headers['strict-transport-security']).toBeUndefined();
    const untrusted = testApp();
    expect((await untrusted.http.get('/api/v1/health').set('X-Forwarded-Proto', 'https')).headers['strict-transport-security']).toBeUndefined();
  });
});
