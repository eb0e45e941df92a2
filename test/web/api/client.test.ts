import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from '../../../web/api/client.ts';

function fakeFetch(status: number, body: unknown, type = 'application/json') {
  const calls: string[] = [];
  const impl = async (url: string) => {
    calls.push(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });
  };
  return { calls, impl };
}

describe('ApiClient', () => {
  it('builds URLs under /api/v1 and leaves out empty query values', async () => {
    const f = fakeFetch(200, { asOf: '2023-10-31', rows: [] });
    const api = new ApiClient('/api/v1', f.impl);
    await api.heatmap('2023-10-31');
    await api.heatmap();
    await api.score(3, '');
    expect(f.calls).toEqual(['/api/v1/portfolio/heatmap?asOf=2023-10-31', '/api/v1/portfolio/heatmap', '/api/v1/vendors/3/score']);
  });

  it('unwraps item lists', async () => {
    const api = new ApiClient('/api/v1', fakeFetch(200, { items: [{ id: 1 }] }).impl);
    expect(await api.incidents(1)).toEqual([{ id: 1 }]);
  });

  it('throws an ApiError with the status and code of a problem+json body', async () => {
    const problem = { type: 'urn:vendorscope:problem:vendor-not-found', title: 'Vendor not found', status: 404, detail: 'No vendor with id 9.', code: 'vendor-not-found' };
    const api = new ApiClient('/api/v1', fakeFetch(404, problem, 'application/problem+json').impl);
    const e = await api.vendor(9).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 404, code: 'vendor-not-found', message: 'No vendor with id 9.' });
  });

  it('keeps the failing fields of a validation problem', async () => {
    const problem = { status: 400, code: 'validation-failed', detail: '1 field(s) failed validation.', errors: [{ path: 'query.asOf', message: 'bad' }] };
    const e = await new ApiClient('/api/v1', fakeFetch(400, problem).impl).heatmap('x').catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 400, code: 'validation-failed', fields: [{ path: 'query.asOf', message: 'bad' }] });
  });

  it('still throws an ApiError when the error body is not JSON', async () => {
    const e = await new ApiClient('/api/v1', fakeFetch(502, '<html>Bad gateway</html>', 'text/html').impl).about().catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 502, code: 'http-502' });
  });

  it('reports an unreachable server as status 0, and lets aborts through untouched', async () => {
    const down = new ApiClient('/api/v1', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await down.about().catch((x: unknown) => x)).toMatchObject({ status: 0, code: 'network-error' });
    const aborted = new ApiClient('/api/v1', async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    expect(await aborted.about().catch((x: unknown) => x)).toMatchObject({ name: 'AbortError' });
  });
});
