import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { expectProblem, testApp } from '../../helpers/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-static-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Vendorscope</title>');
writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = () => {
  const t = testApp();
  return request(createApp({ ...t.deps, staticDir: dir }));
};

describe('the web app', () => {
  it('is served at / and at deep links, never cached', async () => {
    for (const path of ['/', '/vendors/3', '/portfolio?sort=risk']) {
      const res = await app().get(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Vendorscope</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable, and 404s a missing one', async () => {
    const res = await app().get('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await app().get('/assets/missing.js')).status).toBe(404);
  });

  it('does not answer unknown API paths with the page', async () => {
    expectProblem(await app().get('/api/v1/unknown'), 404, 'no-such-endpoint');
  });
});
