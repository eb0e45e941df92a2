/**
 * An MFA record accepted from a questionnaire names the answer as its `source` (issue 16). Edited by
 * hand: sent back unchanged it stays the vendor's word (self-attested, the same answer); a citation
 * in its place makes the record the analyst's (recorded); an answer the record does not come from
 * cannot be typed in, and is refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { fullAnswers, shippedTemplate, submittedRequest, templatesOf } from '../../helpers/questionnaire-review.ts';

type Rec = { population: string; source: unknown; confidence: string; knownFrom: string } & Record<string, unknown>;

async function accepted() {
  const t = testApp({ questionnaireTemplates: templatesOf(shippedTemplate()) });
  const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody())).body;
  const requestId = submittedRequest(t.deps.store, vendor.id);
  const res = await t.http
    .post(`/api/v1/questionnaire-requests/${requestId}/decisions`)
    .send({ decisions: Object.keys(fullAnswers()).map((questionId) => ({ questionId, decision: 'accepted' })) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const posture = (await t.http.get(`/api/v1/vendors/${vendor.id}/mfa`)).body as { items: Rec[]; version: number };
  return { ...t, vendorId: vendor.id as number, requestId, posture };
}

/** The record as the form sends it back: without confidence (the server keeps or sets it). */
const asInput = ({ confidence: _c, ...r }: Rec) => r;

describe('an MFA record whose source is a questionnaire answer', () => {
  it('answers the source as the answer itself, self-attested', async () => {
    const { posture, requestId } = await accepted();
    const support = posture.items.find((r) => r.population === 'support')!;
    expect(support).toMatchObject({ source: { kind: 'questionnaire', requestId, questionId: 'mfa-support-method' }, confidence: 'self-attested' });
    expect(support).not.toHaveProperty('origin');
  });

  it('stays self-attested, with the same answer and day, when the posture is sent back unchanged', async () => {
    const { http, vendorId, posture } = await accepted();
    const res = await http.put(`/api/v1/vendors/${vendorId}/mfa`).send({ items: posture.items.map(asInput) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toEqual(posture.items);
  });

  it('becomes the analyst’s (recorded) when a citation replaces the answer', async () => {
    const { http, vendorId, posture } = await accepted();
    const items = posture.items.map((r) => (r.population === 'support' ? { ...asInput(r), source: 'https://example.com/trust/mfa' } : asInput(r)));
    const res = await http.put(`/api/v1/vendors/${vendorId}/mfa`).send({ items });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const support = res.body.items.find((r: Rec) => r.population === 'support');
    expect(support).toMatchObject({ source: 'https://example.com/trust/mfa', confidence: 'recorded' });
    expect(res.body.items.filter((r: Rec) => r.population !== 'support')).toEqual(posture.items.filter((r) => r.population !== 'support'));
  });

  it.each([
    ['another request', (requestId: number) => ({ kind: 'questionnaire', requestId: requestId + 1, questionId: 'mfa-support-method' })],
    ['another question', (requestId: number) => ({ kind: 'questionnaire', requestId, questionId: 'mfa-admins-method' })],
    ['an import', () => ({ kind: 'questionnaire-import', importId: 1, questionId: 'IAM-14.1' })],
  ])('refuses an answer the record does not come from (%s) and writes nothing', async (_what, made) => {
    const { http, db, vendorId, posture, requestId } = await accepted();
    const i = posture.items.findIndex((r) => r.population === 'support');
    const items = posture.items.map((r, k) => (k === i ? { ...asInput(r), source: made(requestId) } : asInput(r)));
    const res = await expectNoWrite(db, () => http.put(`/api/v1/vendors/${vendorId}/mfa`).send({ items }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual([`body.items.${i}.source`]);
  });

  it('refuses an answer typed into a record an analyst recorded', async () => {
    const t = testApp();
    const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody())).body;
    const item = {
      population: 'admins',
      method: 'fido2',
      enforced: true,
      evidence: 'observed',
      source: { kind: 'questionnaire', requestId: 1, questionId: 'mfa-admins-method' },
      assessedOn: '2024-01-01',
      notes: null,
    };
    const res = await expectNoWrite(t.db, () => t.http.put(`/api/v1/vendors/${vendor.id}/mfa`).send({ items: [item] }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.items.0.source']);
  });

  it('refuses a source that is neither a citation nor an answer', async () => {
    const t = testApp();
    const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody())).body;
    const item = {
      population: 'admins',
      method: 'fido2',
      enforced: true,
      evidence: 'observed',
      source: { kind: 'hearsay', requestId: 1 },
      assessedOn: '2024-01-01',
      notes: null,
    };
    const res = await expectNoWrite(t.db, () => t.http.put(`/api/v1/vendors/${vendor.id}/mfa`).send({ items: [item] }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)[0]).toMatch(/^body\.items\.0\.source/);
  });
});
