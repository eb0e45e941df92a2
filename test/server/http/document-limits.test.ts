/**
 * A document upload cannot take the server's memory: a body declared over the limit is refused
 * before it is sent, and a chunked body (no declared length) is stopped at 20 MB, never read further
 * or held beyond the limit. Each refusal writes nothing.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_BYTES } from '../../../server/domain/document.ts';
import { expectNoWrite, expectProblem, HOST, ORIGIN, testApp } from '../../helpers/app.ts';
import { soc2Meta, uploadDocument } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { listening } from '../../helpers/raw-http.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const MB = 1024 * 1024;
const BOUNDARY = 'vendorscope-test-boundary';

async function served() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody()).expect(201);
  const { port, close } = await listening(t.app);
  closers.push(close);
  return { ...t, port, cookie: t.cookieFor('analyst') };
}

/** The multipart body up to the file's bytes: the meta field, then the file part's headers. */
const preamble = () =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n${JSON.stringify(soc2Meta())}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );

interface Answer {
  status: number;
  body: { code?: string };
}

/**
 * Streams a multipart upload of `total` file bytes (chunked unless `declared` is given), with
 * backpressure, until the server answers; resolves with the answer and how many bytes were sent.
 */
function stream(port: number, cookie: string, total: number, declared?: number): Promise<{ answer: Answer; sent: number }> {
  const headers: http.OutgoingHttpHeaders = { Host: HOST, Origin: ORIGIN, Cookie: cookie, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };
  if (declared !== undefined) headers['Content-Length'] = declared;
  const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/api/v1/vendors/1/documents', headers });
  let sent = 0;
  let answered = false;
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ answer: { status: res.statusCode!, body: JSON.parse(text || '{}') }, sent }));
    });
    // The server closes the connection once it has answered: writing on is expected to fail.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    if (declared !== undefined && total === 0) {
      req.flushHeaders();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      if (sent === 0) sent += req.write(preamble()) ? 0 : 0;
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end(`\r\n--${BOUNDARY}--\r\n`);
    };
    pump();
  });
}

describe('document upload limits', () => {
  it('refuses a body declared over the limit with 413 before any of it is sent', async () => {
    const { port, cookie, db } = await served();
    await expectNoWrite(db, async () => {
      const { answer, sent } = await stream(port, cookie, 0, 50 * MB);
      expect(answer.status).toBe(413);
      expect(answer.body.code).toBe('payload-too-large');
      expect(sent).toBe(0);
    });
  });

  it('stops a chunked 50 MB upload at the limit: 413, most of it never sent, memory not grown by the file', async () => {
    const { port, cookie, db } = await served();
    global.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - (before.heapUsed + before.arrayBuffers));
    }, 5);
    const { answer, sent } = await expectNoWrite(db, () => stream(port, cookie, 50 * MB));
    clearInterval(sample);
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('payload-too-large');
    // The server stopped reading a little past 20 MB: the client could not send the rest (socket buffers hold a few MB).
    expect(sent).toBeLessThan(30 * MB);
    expect(sent).toBeGreaterThan(DOCUMENT_MAX_BYTES - MB);
    // What the server held was at most the limit, never the 50 MB file.
    expect(peak).toBeLessThan(40 * MB);
  });

  it('takes a file of exactly 20 MB and refuses one byte more', async () => {
    const { http, db } = await served();
    const exact = Buffer.alloc(DOCUMENT_MAX_BYTES, 0x20);
    exact.write('%PDF-1.7\n');
    const res = await uploadDocument(http, 1, soc2Meta(), exact, 'exact.pdf').expect(201);
    expect(res.body.document.size).toBe(DOCUMENT_MAX_BYTES);
    const over = Buffer.concat([exact, Buffer.from('x')]);
    expectProblem(await expectNoWrite(db, () => uploadDocument(http, 1, soc2Meta(), over, 'over.pdf')), 413, 'payload-too-large');
  });
});

describe('document uploads at once', () => {
  it('take the import slots: a user with two uploads under way gets 429 for a third, at once', async () => {
    const { port, cookie, db } = await served();
    const held = [0, 1].map(() => {
      const req = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/v1/vendors/1/documents',
        headers: { Host: HOST, Origin: ORIGIN, Cookie: cookie, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
      });
      req.on('error', () => {});
      req.write(preamble());
      return req;
    });
    await new Promise((r) => setTimeout(r, 200));
    await expectNoWrite(db, async () => {
      const { answer } = await stream(port, cookie, 10);
      expect(answer.status).toBe(429);
      expect(answer.body.code).toBe('too-many-imports');
    });
    for (const req of held) req.destroy();
  });
});
