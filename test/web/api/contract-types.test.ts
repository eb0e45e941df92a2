/**
 * The client's calls are typed by the contract, not restated: each call's answer is its route's
 * declared response, and its arguments are its route's body and query. These are checked by the
 * type checker (`npx tsc --noEmit`, run by `npm test`); the run-time part only keeps vitest honest.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiClient, CallInput } from '../../../web/api/client.ts';
import type { BodyOf, Heatmap, ResponseOf, VendorScore } from '../../../server/http/contract.ts';

type Answer<M extends keyof ApiClient> = ApiClient[M] extends (...args: never[]) => Promise<infer A> ? A : never;

describe('the API client is typed by the contract', () => {
  it("answers each call with its route's declared response", () => {
    expectTypeOf<Answer<'heatmap'>>().toEqualTypeOf<ResponseOf<'GET /portfolio/heatmap'>>();
    expectTypeOf<Answer<'vendor'>>().toEqualTypeOf<ResponseOf<'GET /vendors/:id'>>();
    expectTypeOf<Answer<'incidents'>>().toEqualTypeOf<ResponseOf<'GET /vendors/:id/incidents'>['items']>();
    expectTypeOf<Answer<'job'>>().toEqualTypeOf<ResponseOf<'GET /jobs/:id'>>();
    expectTypeOf<Answer<'score'>>().toMatchTypeOf<VendorScore>();
    expectTypeOf<Heatmap>().toEqualTypeOf<ResponseOf<'GET /portfolio/heatmap'>>();
    expect(true).toBe(true);
  });

  it("takes each route's own params and body, and refuses another's", () => {
    expectTypeOf<Parameters<ApiClient['createVendor']>[0]>().toEqualTypeOf<BodyOf<'POST /vendors'>>();
    // @ts-expect-error: a route with path params cannot be called without them
    const missing: CallInput<'GET /vendors/:id'> = {};
    // @ts-expect-error: a body another route takes is no body for this one
    const wrong: CallInput<'POST /vendors'> = { body: { email: 'a@example.com', password: 'x' } };
    expect([missing, wrong]).toHaveLength(2);
  });
});
