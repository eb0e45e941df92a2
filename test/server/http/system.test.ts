import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../../server/app.ts';
import type { Logger } from '../../../server/logger.ts';
import { expectNoWrite, expectProblem, HOST, testApp } from '../../helpers/app.ts';

describe('GET /api/v1/health', () => {
  it('reports ok, the version and the database', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', version: 'test', db: 'ok' });
  });

  it('reports a closed database as unavailable', async () => {
    const { db, http } = testApp();
    db.close();
    expect((await http.get('/api/v1/health')).body).toMatchObject({ status: 'degraded', db: 'unavailable' });
  });

  it('rejects query parameters it does not know', async () => {
    const { db, http } = testApp();
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/health?verbose=1')), 400, 'validation-failed');
  });
});

describe('GET /api/v1/about', () => {
  it('names the product and its data sources; no demo company on an unseeded database', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/about');
    expect(res.body).toMatchObject({ product: 'Vendorscope', version: 'test', demo: null });
    expect(res.body.dataSources.length).toBeGreaterThan(0);
  });

  it('rejects unknown query parameters', async () => {
    const { db, http } = testApp();
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/about?x=1')), 400, 'validation-failed');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('documents every route with its parameters, bodies and problem responses', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/vendors',
        '/api/v1/vendors/{id}',
        '/api/v1/vendors/{id}/incidents',
        '/api/v1/incidents/{id}',
        '/api/v1/vendors/{id}/subprocessors',
        '/api/v1/subprocessors/{id}',
        '/api/v1/vendors/{id}/mfa',
        '/api/v1/vendors/{id}/score',
        '/api/v1/portfolio/heatmap',
        '/api/v1/health',
        '/api/v1/openapi.json',
      ]),
    );
    const list = doc.paths['/api/v1/vendors'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(['tier', 'category', 'q', 'limit', 'offset', 'format']);
    expect(list.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ maximum: 1000 });
    const post = doc.paths['/api/v1/vendors'].post;
    const body = post.requestBody.content['application/json'].schema;
    const input = doc.components.schemas[body.$ref.split('/').at(-1)];
    expect(input.additionalProperties).toBe(false);
    expect(input.properties.dataAccess.enum).toEqual(['none', 'internal', 'confidential', 'restricted']);
    expect(post.responses['409'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.components.schemas[ref.split('/').at(-1)!], ref).toBeDefined();
  });

  it('is generated from the validating schemas: a documented enum is exactly what the API accepts', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const schema = doc.components.schemas.Subprocessor ?? doc.components.schemas.SubprocessorOutput;
    expect(schema.properties.accessLevel.enum).toEqual(['none', 'metadata', 'customer-data', 'session-artifacts', 'admin']);
  });

  it('documents a token in the URL for the calendar feed, and for no other route', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const withUrlToken = Object.entries(doc.paths as Record<string, Record<string, { security?: object[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security?.some((s) => 'tokenInUrl' in s))
        .map(([method]) => `${method} ${path}`),
    );
    expect(withUrlToken).toEqual(['get /api/v1/reviews/due.ics']);
    expect(doc.components.securitySchemes.tokenInUrl).toMatchObject({ type: 'apiKey', in: 'query', name: 'token' });
  });
});

describe('unknown endpoints and failures', () => {
  it('answers problem+json 404 under /api', async () => {
    const { http } = testApp();
    expectProblem(await http.get('/api/v1/nothing-here'), 404, 'no-such-endpoint');
    expectProblem(await http.post('/api/v2/vendors').send({}), 404, 'no-such-endpoint');
    expectProblem(await http.put('/api/v1/vendors'), 404, 'no-such-endpoint');
  });

  it('masks an unexpected error as 500 without its message or stack, and logs it', async () => {
    const t = testApp();
    const logged: string[] = [];
    const log: Logger = { info: () => {}, error: (m, e) => logged.push(`${m} ${String(e)}`) };
    const deps = {
      ...t.deps,
      log,
      vendors: {
        ...t.deps.vendors,
        get: () => {
          throw new Error('disk password=hunter2 exploded');
        },
      },
    };
    const res = await request(createApp(deps)).get('/api/v1/vendors/1').set('Host', HOST).set('Cookie', t.cookieFor('viewer'));
    expectProblem(res, 500, 'internal-error');
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(logged.join()).toContain('GET /api/v1/vendors/1 failed');
  });

  it('sets safe headers on every response', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
