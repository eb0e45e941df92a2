/**
 * The response schemas are the contract: the type check holds each handler to its route's declared
 * response, and in the API tests every answer is also checked against it at run time (testApp turns
 * the check on), so a value a cast or an `unknown` let through cannot reach a client unnoticed.
 */
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRoutes } from '../../../server/app.ts';
import { errorHandler } from '../../../server/http/problem.ts';
import { mountRoutes, PreparedJson, Reply, route } from '../../../server/http/route.ts';
import { silentLogger } from '../../../server/logger.ts';
import { expectProblem, testApp } from '../../helpers/app.ts';

const score = z.object({ risk: z.number().min(0).max(100) });

/** A route whose handler answers what the test hands it: the type check is bypassed on purpose, as a cast in a service would. */
function appAnswering(answer: unknown, checkResponses: boolean) {
  const app = express();
  const r = route({ method: 'get', path: '/risk', access: 'public', tag: 't', summary: 's', status: 200, response: score, handle: () => answer as never });
  app.use(mountRoutes([r], { authenticate: () => null, publicUrl: null, checkResponses }));
  app.use(errorHandler(silentLogger));
  return app;
}

describe('response schemas', () => {
  it('let an answer inside the schema through', async () => {
    const res = await request(appAnswering({ risk: 42 }, true)).get('/risk');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ risk: 42 });
  });

  it('turn an answer outside the schema into a 500 response-contract, naming the field', async () => {
    for (const answer of [{ risk: 142 }, { risk: '42' }, {}, new PreparedJson(Buffer.from('{"risk":-1}'), '"e"'), new Reply(200, { risk: null })]) {
      const res = await request(appAnswering(answer, true)).get('/risk');
      expectProblem(res, 500, 'response-contract');
      expect(res.body.detail).toMatch(/GET \/risk answered outside its response schema: risk: /);
    }
  });

  it('leave another status of a Reply (a 202 job) alone, and cost production nothing (off unless asked)', async () => {
    expect((await request(appAnswering(new Reply(202, { job: 1 }), true)).get('/risk')).status).toBe(202);
    expect((await request(appAnswering({ risk: 142 }, false)).get('/risk')).status).toBe(200);
  });

  it('type each handler: one returning another shape fails the type check (tsc runs in npm test)', () => {
    const base = { method: 'get', path: '/risk', access: 'public', tag: 't', summary: 's', status: 200, response: score } as const;
    // @ts-expect-error risk is a number in the schema
    route({ ...base, handle: () => ({ risk: 'high' }) });
    // @ts-expect-error risk is missing
    route({ ...base, handle: async () => ({ band: 'high' }) });
    const fits = [route({ ...base, handle: async () => ({ risk: 42 }) }), route({ ...base, handle: () => new Reply(202, { job: 1 }) })];
    expect(fits.map((r) => r.path)).toEqual(['/risk', '/risk']);
  });

  it('are checked in every API test: testApp turns the check on', () => {
    expect(testApp().deps.checkResponses).toBe(true);
  });

  it('exist for every route that answers JSON', () => {
    const undeclared = apiRoutes(testApp().deps)
      .filter((r) => r.status !== 204 && !r.produces && !r.response)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(undeclared).toEqual([]);
  });
});
