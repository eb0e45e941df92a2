import { describe, expect, it } from 'vitest';
import { createApiClient, ApiError } from '../../../web/api/client.ts';
import { fieldErrors, isEditConflict } from '../../../web/api/api-error.ts';

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
    const api = createApiClient('/api/v1', f.impl);
    await api.heatmap('2023-10-31');
    await api.heatmap();
    await api.score(3, '');
    expect(f.calls).toEqual(['/api/v1/portfolio/heatmap?asOf=2023-10-31', '/api/v1/portfolio/heatmap', '/api/v1/vendors/3/score']);
  });

  it('unwraps item lists', async () => {
    const api = createApiClient('/api/v1', fakeFetch(200, { items: [{ id: 1 }] }).impl);
    expect(await api.incidents(1)).toEqual([{ id: 1 }]);
  });

  it('throws an ApiError with the status and code of a problem+json body', async () => {
    const problem = {
      type: 'urn:vendorscope:problem:vendor-not-found',
      title: 'Vendor not found',
      status: 404,
      detail: 'No vendor with id 9.',
      code: 'vendor-not-found',
    };
    const api = createApiClient('/api/v1', fakeFetch(404, problem, 'application/problem+json').impl);
    const e = await api.vendor(9).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 404, code: 'vendor-not-found', message: 'No vendor with id 9.' });
  });

  it('keeps the failing fields of a validation problem', async () => {
    const problem = { status: 400, code: 'validation-failed', detail: '1 field(s) failed validation.', errors: [{ path: 'query.asOf', message: 'bad' }] };
    const e = await createApiClient('/api/v1', fakeFetch(400, problem).impl)
      .heatmap('x')
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 400, code: 'validation-failed', fields: [{ path: 'query.asOf', message: 'bad' }] });
    // The server's count ("1 field(s) failed validation.") becomes a sentence.
    expect((e as Error).message).toBe('One value was not accepted.');
  });

  it('still throws an ApiError when the error body is not JSON', async () => {
    const e = await createApiClient('/api/v1', fakeFetch(502, '<html>Bad gateway</html>', 'text/html').impl)
      .about()
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 502, code: 'http-502' });
  });

  it('reports an unreachable server as status 0, and lets aborts through untouched', async () => {
    const down = createApiClient('/api/v1', async () => {
      throw new TypeError('fetch failed');
    });
    expect(await down.about().catch((x: unknown) => x)).toMatchObject({ status: 0, code: 'network-error' });
    const aborted = createApiClient('/api/v1', async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    expect(await aborted.about().catch((x: unknown) => x)).toMatchObject({ name: 'AbortError' });
  });
});

describe('ApiClient and the session', () => {
  function recorder(status: number, body: unknown, headers: Record<string, string> = {}) {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const impl = async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
    };
    return { calls, impl };
  }

  it('sends JSON bodies with their method, and nothing secret in the URL', async () => {
    const f = recorder(200, { user: { email: 'a@example.com' } });
    await createApiClient('/api/v1', f.impl).signIn('a@example.com', 'a long pass phrase');
    expect(f.calls[0]!.url).toBe('/api/v1/session');
    expect(f.calls[0]!.init).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(String(f.calls[0]!.init!.body))).toEqual({ email: 'a@example.com', password: 'a long pass phrase' });
  });

  it('sends the version a change was made against as If-Match, and keeps the current record of a 412', async () => {
    const f = recorder(200, { id: 3, version: 5 });
    const api = createApiClient('/api/v1', f.impl);
    await api.updateVendor(3, { tier: 2 }, 4);
    await api.deleteIncident(9, 2);
    expect(f.calls.map((c) => (c.init?.headers as Record<string, string>)['if-match'])).toEqual(['"v4"', '"v2"']);
    const refused = recorder(412, { code: 'edit-conflict', detail: 'changed by someone else since you opened it', current: { id: 3, version: 5 } });
    const e = await createApiClient('/api/v1', refused.impl)
      .updateVendor(3, { tier: 2 }, 4)
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 412, code: 'edit-conflict', current: { id: 3, version: 5 } });
    expect(isEditConflict(e)).toBe(true);
  });

  it("sends the vendor import its preview's expectVersions (never with the dry run itself)", async () => {
    const f = recorder(200, { dryRun: false });
    const api = createApiClient('/api/v1', f.impl);
    await api.importVendors('name\n', { dryRun: true, expectVersions: '2:1:3' });
    await api.importVendors('name\n', { dryRun: false, expectVersions: '2:1:3' });
    expect(f.calls.map((c) => c.url)).toEqual(['/api/v1/import/vendors?dryRun=true', '/api/v1/import/vendors?expectVersions=2%3A1%3A3']);
  });

  it("takes a call's method and path from its route key: params filled in and encoded, list values repeated, empty ones left out", async () => {
    const f = recorder(200, { items: [] });
    const api = createApiClient('/api/v1', f.impl);
    await api.questionnaireTemplate('a b/c');
    await api.refreezeReport('2023-Q4');
    await api.changes({ kind: ['incident-added', 'score-changed'], owner: '' });
    expect(f.calls.map((c) => `${c.init?.method} ${c.url}`)).toEqual([
      'GET /api/v1/questionnaire-templates/a%20b%2Fc',
      'POST /api/v1/reports/quarterly/2023-Q4/refreeze',
      'GET /api/v1/changes?kind=incident-added&kind=score-changed',
    ]);
    expect(api.documentUrl(5)).toBe('/api/v1/documents/5/content');
  });

  it('hands back a large import answered 202 as a job to poll, and a finished one as its result', async () => {
    const job = { id: 'job_1', kind: 'vendors-csv', state: 'running', done: 0, total: 2400 };
    const started = await createApiClient('/api/v1', recorder(202, job).impl).importVeris('{}', 'application/json');
    expect(started).toEqual({ kind: 'job', job });
    const done = await createApiClient('/api/v1', recorder(200, { dryRun: true }).impl).importVendors('name\n', { dryRun: true });
    expect(done).toEqual({ kind: 'done', result: { dryRun: true } });
  });

  it('answers undefined for 204 No Content', async () => {
    const f = recorder(204, null);
    expect(await createApiClient('/api/v1', f.impl).revokeToken(4)).toBeUndefined();
    expect(f.calls[0]).toMatchObject({ url: '/api/v1/tokens/4', init: { method: 'DELETE' } });
  });

  it('reports "signed out" for a missing or ended session, on any call', async () => {
    for (const code of ['authentication-required', 'session-expired']) {
      const api = createApiClient('/api/v1', recorder(401, { status: 401, code, detail: 'Sign in' }).impl);
      const seen: string[] = [];
      api.onSignedOut = (e) => seen.push(e.code);
      await expect(api.heatmap()).rejects.toMatchObject({ status: 401, code });
      expect(seen).toEqual([code]);
    }
  });

  it('does not report a failed sign-in attempt or a refusal as "signed out"', async () => {
    for (const [status, code] of [
      [401, 'invalid-credentials'],
      [401, 'passkey-not-verified'],
      [403, 'forbidden'],
      [403, 'passkey-required'],
    ] as const) {
      const api = createApiClient('/api/v1', recorder(status, { status, code }).impl);
      let called = false;
      api.onSignedOut = () => (called = true);
      await expect(api.users()).rejects.toMatchObject({ status, code });
      expect(called).toBe(false);
    }
  });

  it('keeps Retry-After of a throttled sign-in', async () => {
    const api = createApiClient('/api/v1', recorder(429, { status: 429, code: 'too-many-attempts', detail: 'Too many' }, { 'retry-after': '840' }).impl);
    await expect(api.signIn('a@example.com', 'x')).rejects.toMatchObject({ status: 429, code: 'too-many-attempts', retryAfter: 840 });
  });

  it('builds the audit query and the vendor history limit', async () => {
    const f = recorder(200, { items: [], total: 0 });
    const api = createApiClient('/api/v1', f.impl);
    await api.audit({ entity: 'user', actor: '', offset: '50', limit: '50' });
    await api.vendorChanges(3, 20);
    expect(f.calls.map((c) => c.url)).toEqual(['/api/v1/audit?entity=user&offset=50&limit=50', '/api/v1/vendors/3/changes?limit=20']);
  });
});

describe('fieldErrors', () => {
  it('gives each body field its messages, joined', () => {
    const e = new ApiError(400, 'validation-failed', 'x', [
      { path: 'body.password', message: 'at least 12 characters' },
      { path: 'body.password', message: 'is a commonly used password' },
      { path: 'body.email', message: 'expected an e-mail address' },
      { path: 'query.limit', message: 'too big' },
    ]);
    expect(fieldErrors(e)).toEqual({
      password: 'Password must be at least 12 characters. Password is a commonly used password.',
      email: 'E-mail address must be an e-mail address.',
    });
    // A form's own labels name its fields.
    expect(fieldErrors(e, 'body', { password: 'First password' }).password).toBe(
      'First password must be at least 12 characters. First password is a commonly used password.',
    );
    expect(fieldErrors(e, 'query')).toEqual({ limit: 'Limit is too big.' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
