/**
 * Walks every route the app registers, so that a new route cannot ship without validation:
 * an unknown query parameter and a malformed id are rejected with 400 and write nothing; a
 * malformed cookie, charset, Content-Encoding or UTF-8 body answers 4xx, never 5xx (issue 14 §4).
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../server/app.ts';
import type { AnyRoute } from '../../../server/http/route.ts';
import { SESSION_COOKIE } from '../../../server/http/request-context.ts';
import { capturingLogger, expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';
import { requestBody, tokenOf } from '../../helpers/questionnaires.ts';

async function populated(log = capturingLogger().log) {
  const t = testApp({ log });
  await t.http.post('/api/v1/vendors').send(vendorBody());
  await t.http.post('/api/v1/vendors/1/incidents').send(incidentBody());
  await t.http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody());
  return t;
}

const routes = apiRoutes(testApp().deps);

describe('every API route', () => {
  it('is listed (guards the walk itself)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(routes.map((r) => [r.method.toUpperCase(), r.path, r] as const))('%s %s rejects an unknown query parameter', async (_m, path, r) => {
    const { db, http } = await populated();
    const url = `/api/v1${path
      .replace(':id', path.startsWith('/jobs') ? 'job_abc' : '1')
      .replace(':quarter', '2023-Q4')
      .replace(':questionId', 'q1')}?zzz=1`;
    const res = await expectNoWrite(db, () => http[r.method](url).send(r.body ? {} : undefined));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain('query.zzz');
  });

  it.each(routes.filter((r) => r.path.includes('/:')).map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    '%s %s rejects a malformed path parameter',
    async (_m, path, r) => {
      const { db, http } = await populated();
      const res = await expectNoWrite(db, () => http[r.method](`/api/v1${path.replace(/:\w+/, 'ABC')}`).send(r.body ? {} : undefined));
      expectProblem(res, 400, 'validation-failed');
      expect(failingPaths(res)).toContain(`params.${/:(\w+)/.exec(path)![1]}`);
    },
  );

  /** A real path for the route: ids of the populated records, a closed quarter. */
  const urlOf = (r: AnyRoute) =>
    `/api/v1${r.path
      .replace(':id', r.path.startsWith('/jobs') ? 'job_abc' : '1')
      .replace(':quarter', '2023-Q4')
      .replace(':questionId', 'q1')}`;
  /** The body type the route reads: JSON, or the first type of a raw body (CSV, NDJSON). */
  const typeOf = (r: AnyRoute) => (r.multipart ? 'multipart/form-data; boundary=x' : (r.rawBody?.types[0] ?? 'application/json'));
  const each = routes.map((r) => [r.method.toUpperCase(), r.path, r] as const);

  /** Runs one malformed request as the admin; asserts it wrote nothing and logged no failure. */
  async function malformed(r: AnyRoute, setUp: (req: ReturnType<ReturnType<typeof testApp>['http']['post']>) => unknown) {
    const logger = capturingLogger();
    const { db, http } = await populated(logger.log);
    // A respond route that streams its body reads it only for a valid response token: give it one.
    const token = r.responseToken ? tokenOf((await http.post('/api/v1/vendors/1/questionnaire-requests').send(requestBody())).body.link) : null;
    const res = await expectNoWrite(db, async () => {
      const req = http[r.method](urlOf(r));
      if (token) req.set('X-Response-Token', token);
      setUp(req);
      return req;
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    expect(logger.errors).toEqual([]);
    return res;
  }

  it.each(each)('%s %s treats a session cookie that does not decode as absent', async (_m, _p, r) => {
    const logger = capturingLogger();
    const { db, anon } = await populated(logger.log);
    const res = await expectNoWrite(db, () => anon()[r.method](urlOf(r)).set('Cookie', `${SESSION_COOKIE}=%E0%A4%A`));
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    if (r.access !== 'public') expectProblem(res, 401, 'authentication-required');
    expect(logger.errors).toEqual([]);
  });

  it.each(each)('%s %s refuses a body in a charset other than UTF-8', async (_m, _p, r) => {
    const res = await malformed(r, (req) => req.set('Content-Type', `${typeOf(r)}; charset=latin-9000`).send('{}'));
    expectProblem(res, 415, 'unsupported-charset');
  });

  it.each(each)('%s %s refuses a Content-Encoding it cannot undo, and a body that is not what its encoding says', async (_m, _p, r) => {
    expectProblem(
      await malformed(r, (req) => req.set('Content-Type', typeOf(r)).set('Content-Encoding', 'foo').send('{}')),
      415,
      'unsupported-content-encoding',
    );
    expectProblem(await malformed(r, (req) => req.set('Content-Type', typeOf(r)).set('Content-Encoding', 'gzip').send('not gzip')), 400, 'malformed-request');
  });

  it.each(each)('%s %s refuses invalid UTF-8 in its body', async (_m, _p, r) => {
    const bytes = Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]); // {"name":"\xC3("}
    // A multipart form carries the bytes in a text field.
    const body = r.multipart
      ? Buffer.concat([Buffer.from('--x\r\nContent-Disposition: form-data; name="meta"\r\n\r\n'), bytes, Buffer.from('\r\n--x--\r\n')])
      : bytes;
    const res = await malformed(r, (req) =>
      req
        .set('Content-Type', typeOf(r))
        .serialize((b: Buffer) => b as never)
        .send(body as never),
    );
    expectProblem(res, 400, 'bad-encoding');
  });
});
