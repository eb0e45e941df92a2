/**
 * Export and restore keep what issue 16 added to existing records: an MFA record's and a
 * subprocessor's confidence and source, and a vendor's commitments; a document from before them
 * restores as recorded, with no commitments.
 */
import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { fullAnswers, shippedTemplate, submittedRequest, templatesOf } from '../../helpers/questionnaire-review.ts';

type Doc = Record<string, unknown> & {
  mfa: Array<Record<string, unknown>>;
  subprocessors: Array<Record<string, unknown>>;
  commitments?: Array<Record<string, unknown>>;
};

async function reviewed() {
  const t = testApp({ questionnaireTemplates: templatesOf(shippedTemplate()) });
  const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody())).body;
  const requestId = submittedRequest(t.deps.store, vendor.id);
  const res = await t.http
    .post(`/api/v1/questionnaire-requests/${requestId}/decisions`)
    .send({ decisions: Object.keys(fullAnswers()).map((questionId) => ({ questionId, decision: 'accepted' })) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ...t, requestId };
}

const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));

describe('self-attested facts in export and restore', () => {
  it('round-trips confidence, source and commitments exactly', async () => {
    const { http, requestId } = await reviewed();
    const doc: Doc = (await http.get('/api/v1/export')).body;
    expect(doc.mfa.find((m) => m['population'] === 'support')).toMatchObject({
      confidence: 'self-attested',
      source: { kind: 'questionnaire', requestId, questionId: 'mfa-support-method' },
    });
    expect(doc.subprocessors.every((s) => s['confidence'] === 'self-attested')).toBe(true);
    expect(doc.commitments).toHaveLength(3);
    const b = testApp();
    const res = await restoreInto(b.http, doc);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body.commitments).toBe(3);
    const again: Doc = (await b.http.get('/api/v1/export')).body;
    const { exportedAt: _a, ...first } = doc;
    const { exportedAt: _b, ...second } = again;
    expect(second).toEqual(first);
  });

  it('merging keeps them too', async () => {
    const { http } = await reviewed();
    const doc: Doc = (await http.get('/api/v1/export')).body;
    const b = testApp();
    expect((await restoreInto(b.http, doc, '?mode=merge')).status).toBe(200);
    const back: Doc = (await b.http.get('/api/v1/export')).body;
    expect(back.subprocessors.map((s) => [s['name'], s['confidence'], s['source']])).toEqual(
      doc.subprocessors.map((s) => [s['name'], s['confidence'], s['source']]),
    );
    expect(back.commitments!.map((c) => c['value'])).toEqual(doc.commitments!.map((c) => c['value']));
  });

  it('restores a document from before them as recorded facts with no commitments', async () => {
    const { http } = await reviewed();
    const doc: Doc = (await http.get('/api/v1/export')).body;
    const old = {
      ...doc,
      // Before them an MFA record's source was a citation (or none), never an answer.
      mfa: doc.mfa.map(({ confidence: _c, source, ...m }) => ({ ...m, source: typeof source === 'string' ? source : null })),
      subprocessors: doc.subprocessors.map(({ confidence: _c, source: _s, ...s }) => s),
    };
    delete (old as Partial<Doc>).commitments;
    const b = testApp();
    expect((await restoreInto(b.http, old)).status).toBe(200);
    const back: Doc = (await b.http.get('/api/v1/export')).body;
    expect(new Set([...back.mfa, ...back.subprocessors].map((r) => `${r['confidence']} ${r['source']}`))).toEqual(new Set(['recorded null']));
    expect(back.commitments).toEqual([]);
  });
});
