/**
 * Imports cannot take the server down: a body over its route's limit is refused before it is read,
 * only so many imports are read or run at once, and a body of junk keeps only its first problems.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, HOST, ORIGIN, testApp } from '../../helpers/app.ts';
import { listening } from '../../helpers/raw-http.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function served(app: Parameters<typeof listening>[0]) {
  const { port, close } = await listening(app);
  closers.push(close);
  return port;
}

/** Starts an upload and sends only `sent` bytes of its body; resolves with the answer if one comes. */
function upload(port: number, cookie: string, path: string, declared: number, sent = 0) {
  const req = http.request({
    port,
    host: '127.0.0.1',
    method: 'POST',
    path,
    headers: { Host: HOST, Origin: ORIGIN, Cookie: cookie, 'Content-Type': 'application/x-ndjson', 'Content-Length': declared },
  });
  const answer = new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
  });
  answer.catch(() => {});
  req.flushHeaders();
  if (sent > 0) req.write('x'.repeat(sent));
  return { answer, abort: () => req.destroy() };
}

const soon = <T>(p: Promise<T>, ms = 5000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

describe('import limits', () => {
  it('refuses a body declared over the route limit with 413 before a byte of it is sent', async () => {
    const { app, db, cookieFor } = testApp();
    const port = await served(app);
    const cookie = cookieFor('analyst');
    await expectNoWrite(db, async () => {
      const { answer } = upload(port, cookie, '/api/v1/import/veris', 64 * 1024 * 1024 + 1);
      const res = await soon(answer);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'payload-too-large' });
      const csv = await soon(upload(port, cookie, '/api/v1/import/vendors', 20 * 1024 * 1024 + 1).answer);
      expect(csv.status).toBe(413);
    });
  });

  it('lets one user upload two imports at once; a third answers 429 with Retry-After at once, and a slot frees when an upload ends', async () => {
    const { app, http: admin, cookieFor } = testApp();
    const port = await served(app);
    const cookie = cookieFor('analyst', 'ana@example.com');
    const first = upload(port, cookie, '/api/v1/import/veris', 1000, 10);
    const second = upload(port, cookie, '/api/v1/import/veris', 1000, 10);
    await new Promise((r) => setTimeout(r, 200));
    const third = await soon(upload(port, cookie, '/api/v1/import/veris', 1000, 10).answer);
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('30');
    expect(third.body).toMatchObject({ code: 'too-many-imports' });
    // Another user is not held up by ana's uploads.
    const other = await admin.post('/api/v1/import/veris').set('Content-Type', 'application/x-ndjson').send('{"incident_id":"x"}\n{"incident_id":"y"}\n');
    expect(other.status).toBe(400);
    first.abort();
    await new Promise((r) => setTimeout(r, 200));
    const fourth = await soon(upload(port, cookie, '/api/v1/import/veris', 4, 4).answer);
    expect(fourth.status).toBe(400);
    second.abort();
  });

  it('holds at most four uploads in all', async () => {
    const { app, cookieFor } = testApp();
    const port = await served(app);
    const held = ['a', 'b', 'c', 'd'].map((n) => upload(port, cookieFor('analyst', `${n}@example.com`), '/api/v1/import/veris', 1000, 10));
    await new Promise((r) => setTimeout(r, 200));
    const res = await soon(upload(port, cookieFor('analyst', 'e@example.com'), '/api/v1/import/veris', 1000, 10).answer);
    expect(res.status).toBe(429);
    expect(res.body.detail).toMatch(/server/);
    for (const h of held) h.abort();
  });

  it('keeps the first 1,000 problems of a junk upload run as a job, with their total, and writes nothing', async () => {
    const { http: admin, db } = testApp();
    const junk = Array.from({ length: 3000 }, (_, i) => `junk line ${i}`).join('\n');
    await expectNoWrite(db, async () => {
      const started = await admin.post('/api/v1/import/veris').set('Content-Type', 'application/x-ndjson').send(junk);
      expect(started.status).toBe(202);
      let job = started.body;
      for (let i = 0; i < 100 && job.state === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = (await admin.get(`/api/v1/jobs/${job.id}`)).body;
      }
      expect(job).toMatchObject({ state: 'failed', errorsTotal: 3000 });
      expect(job.errors).toHaveLength(1000);
      expect(job.result.errors).toBeUndefined();
    });
  });

  it('counts every problem of an inline CSV import, in the report and in the refusal', async () => {
    const { http: admin } = testApp();
    const csv = ['name,category,tier,dataAccess,environmentAccess', ...Array.from({ length: 900 }, (_, i) => `V${i},saas,9,none,none`)].join('\n');
    const res = await admin.post('/api/v1/import/vendors?dryRun=true').set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ errorsTotal: 900 });
    const real = await admin.post('/api/v1/import/vendors').set('Content-Type', 'text/csv').send(csv);
    expectProblem(real, 400, 'import-invalid');
    expect(real.body.detail).toMatch(/^900 problem/);
  });
});
