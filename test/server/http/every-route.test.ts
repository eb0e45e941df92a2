/**
 * Walks every route the app registers, so that a new route cannot ship without validation:
 * an unknown query parameter and a malformed id are rejected with 400 and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../server/app.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function populated() {
  const t = testApp();
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
    const url = `/api/v1${path.replace(':id', path.startsWith('/jobs') ? 'job_abc' : '1').replace(':quarter', '2023-Q4')}?zzz=1`;
    const res = await expectNoWrite(db, () => http[r.method](url).send(r.body ? {} : undefined));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain('query.zzz');
  });

  it.each(routes.filter((r) => r.path.includes('/:')).map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    '%s %s rejects a malformed path parameter',
    async (_m, path, r) => {
      const { db, http } = await populated();
      const res = await expectNoWrite(db, () => http[r.method](`/api/v1${path.replace(/:\w+/, 'abc')}`).send(r.body ? {} : undefined));
      expectProblem(res, 400, 'validation-failed');
      expect(failingPaths(res)).toContain(`params.${/:(\w+)/.exec(path)![1]}`);
    },
  );
});
