import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { demoApp } from '../../helpers/demo.ts';

describe('response compression', () => {
  const { http, as } = demoApp();

  it('compresses an answer over 1 kB when the client accepts gzip', async () => {
    const res = await http.get('/api/v1/portfolio/heatmap').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    // supertest decodes it: the body is the same JSON as uncompressed.
    const plain = await http.get('/api/v1/portfolio/heatmap').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Buffer.byteLength(plain.text)).toBeGreaterThan(1024);
    expect(res.body).toEqual(plain.body);
  });

  it('uses brotli for a client that accepts only it', async () => {
    const res = await http
      .get('/api/v1/openapi.json')
      .set('Accept-Encoding', 'br')
      .buffer(true)
      .parse((r, done) => {
        r.on('data', () => undefined);
        r.on('end', () => done(null, null));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('leaves an answer under 1 kB alone', async () => {
    const res = await http.get('/api/v1/health').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('sends a large answer uncompressed to a client that does not accept compression', async () => {
    const res = await as('viewer').get('/api/v1/openapi.json').set('Accept-Encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Buffer.byteLength(res.text)).toBeGreaterThan(1024);
  });

  it('compresses a CSV download and keeps it a download', async () => {
    const res = await http.get('/api/v1/vendors?format=csv').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
    expect(res.text.split('\n')[0]).toMatch(/name/i);
  });
});

describe('compression of the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vs-compress-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Vendorscope</title>${'<p>padding</p>'.repeat(200)}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const app = () => request(createApp({ ...demoApp().deps, staticDir: dir }));

  it('compresses a large page', async () => {
    const res = await app().get('/').set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('<title>Vendorscope</title>');
  });

  it('leaves a partial answer (Range) uncompressed, so that its byte range stays true', async () => {
    const res = await app().get('/index.html').set('Accept-Encoding', 'gzip').set('Range', 'bytes=0-1499');
    expect(res.status).toBe(206);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-range']).toMatch(/^bytes 0-1499\//);
    expect(Buffer.byteLength(res.text)).toBe(1500);
  });
});
