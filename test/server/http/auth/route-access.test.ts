/**
 * Walks every route the app registers: anonymous callers get 401, callers below the route's role
 * 403, so a new route cannot ship unprotected. Only health, sign-in and setup are public, and the
 * response API, which takes no session but a response token (test/server/http/respond-every-route.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../../server/app.ts';
import { ROLES, type Role } from '../../../../server/domain/account.ts';
import { expectNoWrite, expectProblem, testApp } from '../../../helpers/app.ts';

const routes = apiRoutes(testApp().deps);
const url = (path: string) => `/api/v1${path.replace(':id', path.startsWith('/jobs') ? 'job_abc' : '1').replace(':quarter', '2023-Q4')}`;
const below = (role: Role): Role | undefined => ROLES[ROLES.indexOf(role) - 1];

describe('access to every route', () => {
  it('is public only for health, sign-in, setup and the response API', () => {
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map((r) => `${r.method.toUpperCase()} ${r.path}`)
        .sort(),
    ).toEqual([
      'DELETE /respond/answers/:questionId',
      'GET /health',
      'GET /respond',
      'POST /respond/documents',
      'POST /respond/submit',
      'POST /session',
      'POST /session/passkey',
      'POST /session/passkey-options',
      'POST /setup',
      'PUT /respond/answers/:questionId',
    ]);
  });

  it.each(routes.filter((r) => r.access !== 'public').map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    '%s %s answers 401 to an anonymous caller',
    async (_m, path, r) => {
      const { db, anon } = testApp();
      const res = await expectNoWrite(db, () =>
        anon()
          [r.method](url(path))
          .send(r.body ? {} : undefined),
      );
      expectProblem(res, 401, 'authentication-required');
    },
  );

  it.each(routes.filter((r) => r.access !== 'public' && below(r.access)).map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    '%s %s answers 403 to a role below its own',
    async (_m, path, r) => {
      const { db, as } = testApp();
      const agent = as(below(r.access as Role)!);
      const res = await expectNoWrite(db, () => agent[r.method](url(path)).send(r.body ? {} : undefined));
      expectProblem(res, 403, 'forbidden');
    },
  );

  it('lets viewers read, analysts edit, and only admins manage', () => {
    const access = (m: string, p: string) => routes.find((r) => r.method === m && r.path === p)?.access;
    expect(access('get', '/vendors')).toBe('viewer');
    expect(access('post', '/vendors')).toBe('analyst');
    expect(access('put', '/vendors/:id/mfa')).toBe('analyst');
    expect(access('put', '/methodology')).toBe('admin');
    expect(access('post', '/users')).toBe('admin');
    expect(access('get', '/audit')).toBe('admin');
    // Deleting a vendor takes its whole history with it: admins only (issue 17).
    expect(access('patch', '/vendors/:id')).toBe('analyst');
    expect(access('delete', '/vendors/:id')).toBe('admin');
  });
});
