/**
 * A response token opens its own request and nothing else: every route of the app, called with a
 * valid X-Response-Token and no session, with ids naming ANOTHER vendor's request. Only the respond
 * routes answer with data, and only about the token's own request; every other route refuses (or,
 * for the few public ones, answers as to anyone) and nothing is written but the token's own answers.
 */
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../../server/app.ts';
import type { AnyRoute } from '../../../server/http/route.ts';
import { fingerprint } from '../../helpers/db.ts';
import { expectProblem } from '../../helpers/app.ts';
import { otherMeta, PDF } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { questionnaireApp, REQUIRED_ANSWERS } from '../../helpers/questionnaires.ts';

async function twoRequests() {
  const t = await questionnaireApp();
  const other = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Other Vendor Inc' }))).body as { id: number };
  const mine = await t.send({ contactName: 'Mina Mine', contactEmail: 'mina@acme.example' });
  const theirs = await t.send({ contactName: 'Theo Theirs', contactEmail: 'theo@other.example' }, other.id);
  await t.vendorCall(theirs.token).put('support-provider', 'Their secret provider');
  // Mine is complete, so that its submit goes through.
  for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await t.vendorCall(mine.token).put(q, value);
  return { ...t, mine, theirs, other };
}

const routes = apiRoutes((await questionnaireApp()).deps);
const isRespond = (r: AnyRoute) => r.path === '/respond' || r.path.startsWith('/respond/');

describe('a response token against every route', () => {
  it('covers the respond routes and many others (guards the walk itself)', () => {
    expect(routes.filter(isRespond)).toHaveLength(5);
    expect(routes.length).toBeGreaterThan(100);
  });

  it.each(routes.map((r) => [r.method.toUpperCase(), r.path, r] as const))('%s %s', async (_m, path, r) => {
    const t = await twoRequests();
    // Every id names the other request, its vendor, its job…; the question id is a real one.
    const url = `/api/v1${path
      .replace(':id', path.startsWith('/jobs') ? 'job_abc' : String(path.includes('vendors') ? t.other.id : t.theirs.id))
      .replace(':quarter', '2023-Q4')
      .replace(':questionId', 'support-provider')}`;
    const before = fingerprint(t.db);
    const req = t.anon()[r.method](url).set('X-Response-Token', t.mine.token);
    // The upload takes a form (meta, then a small PDF), like the response page sends.
    const res = await (r.multipart && isRespond(r)
      ? req.field('meta', JSON.stringify(otherMeta())).attach('file', PDF, 'mine.pdf')
      : r.body
        ? req.send(isRespond(r) ? { value: 'My provider' } : {})
        : req);
    const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
    // Nothing of the other request, ever.
    expect(text).not.toContain('Their secret provider');
    expect(text).not.toContain('theo@other.example');
    expect(text).not.toContain('Theo Theirs');
    expect(res.status).toBeLessThan(500);
    if (!isRespond(r)) {
      if (r.access !== 'public') expectProblem(res, 401, 'authentication-required');
      expect(text).not.toContain('Mina Mine');
      expect(fingerprint(t.db)).toBe(before);
      return;
    }
    // The respond routes answer about the token's own request only.
    expect(res.status, text).toBeLessThan(400);
    if (r.method === 'get') expect(res.body.request).toMatchObject({ id: t.mine.id, contactName: 'Mina Mine' });
    const answers = t.db.prepare('SELECT request_id, value FROM questionnaire_answers ORDER BY request_id').all() as Array<{
      request_id: number;
      value: string;
    }>;
    expect(answers.filter((a) => a.request_id === t.theirs.id)).toEqual([{ request_id: t.theirs.id, value: '"Their secret provider"' }]);
    expect(answers.every((a) => a.request_id === t.mine.id || a.request_id === t.theirs.id)).toBe(true);
    const theirState = t.db.prepare('SELECT state, version FROM questionnaire_requests WHERE id = ?').get(t.theirs.id);
    expect(theirState).toEqual({ state: 'in-progress', version: 2 });
    // A document sent with the token lands on the token's request and vendor only.
    const docs = t.db.prepare('SELECT vendor_id AS vendorId, request_id AS requestId FROM documents').all();
    expect(docs).toEqual(r.path === '/respond/documents' ? [{ vendorId: t.vendor.id, requestId: t.mine.id }] : []);
  });
});
