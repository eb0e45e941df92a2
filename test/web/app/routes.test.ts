import { describe, expect, it } from 'vitest';
import { inAppTarget, isOutside, isPublic, MAIN_NAV, matchRoute, safeNext, signInUrl, type LinkClick } from '../../../web/app/routes.ts';

describe('matchRoute', () => {
  it.each(['/', ''])('lands on What changed at %j', (path) => {
    expect(matchRoute(path).name).toBe('changes');
  });

  it.each(['/portfolio', '/portfolio/'])('shows the portfolio at %j', (path) => {
    expect(matchRoute(path).name).toBe('portfolio');
  });

  it('keeps the query for the page', () => {
    const r = matchRoute('/portfolio', '?sort=name&asOf=2023-10-31');
    expect(r.name === 'portfolio' && r.query.get('sort')).toBe('name');
    const c = matchRoute('/', '?period=7&tier=1');
    expect(c.name === 'changes' && c.query.get('period')).toBe('7');
  });

  it('puts What changed first in the main navigation, the portfolio next', () => {
    expect(MAIN_NAV.slice(0, 2)).toEqual([
      { href: '/', label: 'What changed', route: 'changes' },
      { href: '/portfolio', label: 'Portfolio', route: 'portfolio' },
    ]);
  });

  it('shows a vendor at /vendors/:id', () => {
    expect(matchRoute('/vendors/3', '?asOf=2023-10-31')).toMatchObject({ name: 'vendor', vendorId: 3 });
    expect(matchRoute('/vendors/12/')).toMatchObject({ name: 'vendor', vendorId: 12 });
  });

  it('shows a quarterly report at /reports/:quarter, and the current quarter at /reports', () => {
    const r = matchRoute('/reports/2023-Q4', '?vs=2022-Q4');
    expect(r).toMatchObject({ name: 'report', quarter: '2023-Q4' });
    expect(r.name === 'report' && r.query.get('vs')).toBe('2022-Q4');
    expect(matchRoute('/reports')).toMatchObject({ name: 'report', quarter: '' });
  });

  it('shows the review due list at /reviews and data in and out at /data', () => {
    expect(matchRoute('/reviews', '?tier=1')).toMatchObject({ name: 'reviews' });
    expect(matchRoute('/data')).toEqual({ name: 'data' });
  });

  it.each(['/reports/2023-Q5', '/reports/23-Q1', '/reports/2023-Q4/x'])('knows no report at %j', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found', path });
  });

  it('shows a dossier on paper at /vendors/:id/print, keeping its day', () => {
    const r = matchRoute('/vendors/3/print', '?asOf=2023-10-31');
    expect(r).toMatchObject({ name: 'vendor-print', vendorId: 3 });
    expect(r.name === 'vendor-print' && r.query.get('asOf')).toBe('2023-10-31');
    for (const p of ['/vendors/0/print', '/vendors/3/print/x', '/vendors/x/print']) expect(matchRoute(p).name).toBe('not-found');
  });

  it('shows the review of a questionnaire at /vendors/:id/questionnaires/:requestId/review', () => {
    expect(matchRoute('/vendors/3/questionnaires/12/review')).toEqual({ name: 'questionnaire-review', vendorId: 3, requestId: 12 });
    expect(matchRoute('/vendors/3/questionnaires/12/review/')).toMatchObject({ name: 'questionnaire-review' });
    for (const p of ['/vendors/3/questionnaires/0/review', '/vendors/3/questionnaires/12', '/vendors/3/questionnaires/x/review'])
      expect(matchRoute(p).name).toBe('not-found');
  });

  it.each(['/vendors/0', '/vendors/abc', '/vendors/-1', '/vendors/3/extra', '/elsewhere'])('knows nothing at %j', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found', path });
  });
});

describe('inAppTarget', () => {
  const ORIGIN = 'http://127.0.0.1:3000';
  const click = (href: string, over: Partial<LinkClick> = {}): LinkClick => ({ href, target: '', download: false, button: 0, modified: false, ...over });

  it('handles same-origin app links itself, keeping the query', () => {
    expect(inAppTarget(click(`${ORIGIN}/vendors/1?asOf=2023-10-31`), ORIGIN)).toBe('/vendors/1?asOf=2023-10-31');
    expect(inAppTarget(click('/'), ORIGIN)).toBe('/');
    // A fragment on the page shown now is left to the browser; on another page it navigates.
    expect(inAppTarget(click('/vendors/1#incident-2'), ORIGIN, '/vendors/1')).toBeNull();
    expect(inAppTarget(click('/vendors/1#incident-2'), ORIGIN, '/')).toBe('/vendors/1#incident-2');
    expect(inAppTarget(click('/methodology#params-support'), ORIGIN, '/vendors/1')).toBe('/methodology#params-support');
  });

  it('leaves other origins, the API, new tabs, downloads and modified clicks to the browser', () => {
    expect(inAppTarget(click('https://www.okta.com/blog'), ORIGIN)).toBeNull();
    expect(inAppTarget(click(`${ORIGIN}/api/v1/openapi.json`), ORIGIN)).toBeNull();
    expect(inAppTarget(click('/vendors/1', { target: '_blank' }), ORIGIN)).toBeNull();
    expect(inAppTarget(click('/vendors/1', { download: true }), ORIGIN)).toBeNull();
    expect(inAppTarget(click('/vendors/1', { modified: true }), ORIGIN)).toBeNull();
    expect(inAppTarget(click('/vendors/1', { button: 1 }), ORIGIN)).toBeNull();
  });

  it('treats target=_self like no target', () => {
    expect(inAppTarget(click('/vendors/1', { target: '_self' }), ORIGIN)).toBe('/vendors/1');
  });
});

describe('account and admin routes', () => {
  it.each([
    ['/account', 'account'],
    ['/account/', 'account'],
    ['/admin/users', 'admin-users'],
    ['/admin/audit', 'admin-audit'],
    ['/admin/webhooks', 'admin-webhooks'],
    ['/setup', 'setup'],
    ['/sign-in', 'sign-in'],
    ['/respond', 'respond'],
  ])('shows %s as %s', (path, name) => {
    expect(matchRoute(path).name).toBe(name);
  });

  it('keeps the audit filters in the query', () => {
    const r = matchRoute('/admin/audit', '?entity=user&offset=50');
    expect(r.name === 'admin-audit' && [r.query.get('entity'), r.query.get('offset')]).toEqual(['user', '50']);
  });

  it('reads where to go after signing in, and only ever goes to a page of this app', () => {
    expect(matchRoute('/sign-in', '?next=%2Fvendors%2F3%3FasOf%3D2023-10-31')).toEqual({ name: 'sign-in', next: '/vendors/3?asOf=2023-10-31' });
    expect(matchRoute('/sign-in')).toEqual({ name: 'sign-in', next: '/' });
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/api/v1/me', '/sign-in?next=/x', ' /account']) {
      expect(matchRoute('/sign-in', `?next=${encodeURIComponent(evil)}`)).toEqual({ name: 'sign-in', next: '/' });
    }
  });

  it.each(['/admin', '/admin/users/3', '/accounts', '/sign-in/again'])('knows nothing at %j', (path) => {
    expect(matchRoute(path)).toEqual({ name: 'not-found', path });
  });

  it('lets anyone see only the sign-in, setup and response pages', () => {
    const open = ['/', '/vendors/1', '/sign-in', '/setup', '/respond', '/account', '/admin/users', '/admin/audit', '/nowhere'].filter((p) =>
      isPublic(matchRoute(p)),
    );
    expect(open).toEqual(['/sign-in', '/setup', '/respond']);
  });

  it('keeps the response page outside the app: no session asked, no navigation, never a place to go after signing in', () => {
    expect(['/respond', '/setup', '/sign-in', '/'].filter((p) => isOutside(matchRoute(p)))).toEqual(['/respond']);
    expect(safeNext('/respond')).toBe('/');
  });
});

describe('safeNext and signInUrl', () => {
  it('keeps in-app paths with their query', () => {
    expect(safeNext('/admin/audit?entity=user')).toBe('/admin/audit?entity=user');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it('remembers the page wanted, except the landing page itself', () => {
    expect(signInUrl('/vendors/3?asOf=2023-10-31')).toBe('/sign-in?next=%2Fvendors%2F3%3FasOf%3D2023-10-31');
    expect(signInUrl('/')).toBe('/sign-in');
    expect(signInUrl('/sign-in?next=/account')).toBe('/sign-in');
  });
});
