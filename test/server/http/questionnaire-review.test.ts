/**
 * The review API (issue 16, part A): answers side by side with what is on record; decisions in one
 * transaction; accepted answers become self-attested facts (MFA posture, subprocessors,
 * commitments) that the score uses; rejections reopen the request; every bad input writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { fullAnswers, shippedTemplate, submittedRequest, templatesOf } from '../../helpers/questionnaire-review.ts';

async function setup(state: Parameters<typeof submittedRequest>[3] = 'submitted', answers = fullAnswers()) {
  const t = testApp({ questionnaireTemplates: templatesOf(shippedTemplate()) });
  const vendor = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity' }))).body;
  const requestId = submittedRequest(t.deps.store, vendor.id, answers, state);
  return { ...t, vendorId: vendor.id as number, requestId };
}

const decide = (http: ReturnType<typeof testApp>['http'], id: number, decisions: unknown[]) =>
  http.post(`/api/v1/questionnaire-requests/${id}/decisions`).send({ decisions });
const acceptAll = (ids: string[]) => ids.map((questionId) => ({ questionId, decision: 'accepted' }));
const ALL = Object.keys(fullAnswers());

describe('GET /questionnaire-requests/:id/review', () => {
  it('lists every question with its answer and, for mapped answers, the fact it would create or change', async () => {
    const { http, requestId } = await setup();
    const res = await http.get(`/api/v1/questionnaire-requests/${requestId}/review`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ request: { id: requestId, state: 'submitted', overdue: false }, vendorName: 'Acme Identity' });
    expect(res.body.items).toHaveLength(26);
    const item = (q: string) => res.body.items.find((i: { question: { id: string } }) => i.question.id === q);
    expect(item('mfa-support-method')).toMatchObject({
      section: { id: 'mfa', title: 'MFA for your people' },
      answer: { questionId: 'mfa-support-method', value: 'fido2', decision: null },
      proposal: { fact: 'mfa', label: 'Support staff MFA', changes: [{ field: 'method', old: null, new: 'FIDO2 / passkeys' }], feeds: ['MFA · support staff'] },
    });
    // Unmapped answers come back as they were given, as data (never as markup), with no proposal.
    expect(item('anything-else')).toMatchObject({ answer: { value: 'We rotate support credentials <b>weekly</b>.' }, proposal: null });
  });

  it('is for analysts: a viewer gets 403, an unknown request 404', async () => {
    const { as, http, requestId } = await setup();
    expectProblem(await as('viewer').get(`/api/v1/questionnaire-requests/${requestId}/review`), 403, 'forbidden');
    expectProblem(await http.get('/api/v1/questionnaire-requests/999/review'), 404, 'questionnaire-request-not-found');
  });
});

describe('POST /questionnaire-requests/:id/decisions', () => {
  it('accepting every answer writes self-attested facts known from the submission day, and the score uses them', async () => {
    const { http, vendorId, requestId, deps } = await setup();
    const before = (await http.get(`/api/v1/vendors/${vendorId}/score`)).body;
    const res = await decide(http, requestId, acceptAll(ALL));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.request).toMatchObject({ state: 'accepted', reviewedAt: '2026-11-29T12:00:00.000Z' });
    expect(res.body.applied).toEqual(
      expect.arrayContaining([
        { questionId: 'mfa-support-method', fact: 'mfa', ref: 'mfa:support' },
        { questionId: 'mfa-support-enforced', fact: 'mfa', ref: 'mfa:support' },
        { questionId: 'support-provider', fact: 'support', ref: expect.stringMatching(/^subprocessor:\d+$/) },
        { questionId: 'subprocessors-tenant-access', fact: 'subprocessors', ref: expect.stringMatching(/^subprocessor:\d+$/) },
        { questionId: 'notify-within-days', fact: 'commitment', ref: 'commitment:notifyWithinDays' },
      ]),
    );

    const mfa = (await http.get(`/api/v1/vendors/${vendorId}/mfa`)).body.items;
    expect(mfa).toHaveLength(5);
    expect(mfa.find((r: { population: string }) => r.population === 'support')).toEqual({
      population: 'support',
      method: 'fido2',
      enforced: true,
      evidence: 'attestation',
      source: { kind: 'questionnaire', requestId, questionId: 'mfa-support-method' },
      assessedOn: '2026-11-20',
      notes: null,
      knownFrom: '2026-11-20',
      confidence: 'self-attested',
    });
    const subs = (await http.get(`/api/v1/vendors/${vendorId}/subprocessors`)).body.items ?? (await http.get(`/api/v1/vendors/${vendorId}/subprocessors`)).body;
    const desk = subs.find((s: { name: string }) => s.name === 'Helpdesk Partners Ltd');
    expect(desk).toMatchObject({
      function: 'customer support',
      outsourced: true,
      accessLevel: 'session-artifacts',
      artifactsSanitized: true,
      retentionDays: 14,
      staffMfa: 'fido2',
      location: 'Ireland',
      knownFrom: '2026-11-20',
      confidence: 'self-attested',
      source: { kind: 'questionnaire', requestId, questionId: 'support-provider' },
    });
    expect(desk.evidence).toContain('Support-session controls: The customer approves each session; Access expires automatically');
    expect(subs.find((s: { name: string }) => s.name === 'CloudOps GmbH')).toMatchObject({
      accessLevel: 'admin',
      staffMfa: 'totp',
      confidence: 'self-attested',
    });
    expect((await http.get(`/api/v1/vendors/${vendorId}/commitments`)).body.items).toEqual([
      {
        vendorId,
        field: 'notifyWithinDays',
        value: 3,
        confidence: 'self-attested',
        source: { kind: 'questionnaire', requestId, questionId: 'notify-within-days' },
        knownFrom: '2026-11-20',
        updatedAt: expect.any(String),
      },
      expect.objectContaining({ field: 'securityContactName', value: 'Dana Reyes' }),
      expect.objectContaining({ field: 'securityContactEmail', value: 'security@example.com' }),
    ]);

    const after = (await http.get(`/api/v1/vendors/${vendorId}/score`)).body;
    expect(after.likelihood).not.toBe(before.likelihood);
    expect(after.evidenceCoverage).toBeGreaterThan(before.evidenceCoverage);
    expect(after.gaps.map((g: { text: string }) => g.text)).toContain(`Support staff MFA rests on the vendor's own word (questionnaire, request ${requestId})`);
    expect(after.gaps.map((g: { text: string }) => g.text)).toContain(
      `Helpdesk Partners Ltd rests on the vendor's own word (questionnaire, request ${requestId})`,
    );

    // The kept score followed in the same transaction, and What changed says so.
    const changes = (await http.get('/api/v1/changes?since=2026-11-01T00:00:00.000Z')).body.items;
    expect(changes.filter((c: { vendorId: number; kind: string }) => c.vendorId === vendorId).map((c: { kind: string }) => c.kind)).toContain('score-changed');

    // Audited, the decisions recorded on the answers.
    const audit = deps.store.audit.list({ limit: 100, offset: 0 }).items.map((e) => `${e.action} ${e.entity}`);
    expect(audit).toEqual(expect.arrayContaining(['review questionnaire-request', 'replace mfa', 'create subprocessor', 'create commitment']));
    expect(deps.store.questionnaires.answers(requestId).every((a) => a.decision === 'accepted')).toBe(true);

    // Re-proposed against the new record, nothing would change any more.
    const again = (await http.get(`/api/v1/questionnaire-requests/${requestId}/review`)).body;
    for (const i of again.items) if (i.proposal) expect(i.proposal.changes, i.question.id).toEqual([]);
  });

  it('a rejection with a comment reopens the request for that answer; the accepted ones become facts', async () => {
    const { http, vendorId, requestId, deps } = await setup();
    const res = await decide(http, requestId, [
      { questionId: 'mfa-admins-method', decision: 'accepted' },
      { questionId: 'mfa-admins-enforced', decision: 'accepted' },
      { questionId: 'support-staff-mfa', decision: 'rejected', comment: 'Your SOC 2 report says TOTP for the BPO staff.' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.request.state).toBe('in-progress');
    const rejected = deps.store.questionnaires.answers(requestId).find((a) => a.questionId === 'support-staff-mfa')!;
    expect(rejected).toMatchObject({ decision: 'rejected', decisionComment: 'Your SOC 2 report says TOTP for the BPO staff.', submittedAt: null });
    expect((await http.get(`/api/v1/vendors/${vendorId}/mfa`)).body.items.map((r: { population: string }) => r.population)).toEqual(['admins']);
    expect((await http.get(`/api/v1/vendors/${vendorId}/subprocessors`)).body).toSatisfy((b: unknown) => JSON.stringify(b).indexOf('Helpdesk') === -1);
  });

  it('a review that leaves some answers undecided and rejects none is partially accepted', async () => {
    const { http, requestId } = await setup();
    const res = await decide(http, requestId, acceptAll(['notify-within-days', 'security-contact-email']));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.request.state).toBe('partially-accepted');
  });

  describe('bad input: a clear error, nothing written', () => {
    it('409 request-not-submitted on a request still being answered, or already reviewed', async () => {
      const { db, http, requestId } = await setup('in-progress');
      const res = await expectNoWrite(db, () => decide(http, requestId, acceptAll(['mfa-admins-method'])));
      expectProblem(res, 409, 'request-not-submitted');
      const done = await setup('accepted');
      expectProblem(await expectNoWrite(done.db, () => decide(done.http, done.requestId, acceptAll(['mfa-admins-method']))), 409, 'request-not-submitted');
    });

    it('422 decision-invalid for a rejection without a comment', async () => {
      const { db, http, requestId } = await setup();
      const res = await expectNoWrite(db, () =>
        decide(http, requestId, [
          { questionId: 'mfa-admins-method', decision: 'accepted' },
          { questionId: 'support-staff-mfa', decision: 'rejected' },
        ]),
      );
      expectProblem(res, 422, 'decision-invalid');
      expect(failingPaths(res)).toEqual(['body.decisions.1.comment']);
      const blank = await expectNoWrite(db, () => decide(http, requestId, [{ questionId: 'support-staff-mfa', decision: 'rejected', comment: '   ' }]));
      expectProblem(blank, 422, 'decision-invalid');
    });

    it('422 decision-invalid for an unknown question, one without an answer, or one decided twice', async () => {
      const { db, http, requestId } = await setup('submitted', { 'mfa-admins-method': 'fido2' });
      const res = await expectNoWrite(db, () =>
        decide(http, requestId, [
          { questionId: 'no-such-question', decision: 'accepted' },
          { questionId: 'mfa-support-method', decision: 'accepted' },
          { questionId: 'mfa-admins-method', decision: 'accepted' },
          { questionId: 'mfa-admins-method', decision: 'accepted' },
        ]),
      );
      expectProblem(res, 422, 'decision-invalid');
      expect(failingPaths(res)).toEqual(['body.decisions.0.questionId', 'body.decisions.1.questionId', 'body.decisions.3.questionId']);
    });

    it('422 decision-invalid for an accepted answer that cannot become a fact alone (enforcement without a method)', async () => {
      const { db, http, requestId } = await setup();
      const res = await expectNoWrite(db, () => decide(http, requestId, acceptAll(['mfa-admins-enforced'])));
      expectProblem(res, 422, 'decision-invalid');
      expect(failingPaths(res)).toEqual(['body.decisions.0']);
    });

    it('422 decision-invalid for an accepted answer that does not fit the record it would write', async () => {
      const { db, http, requestId } = await setup('submitted', {
        ...fullAnswers(),
        'security-contact-email': 'call Dana',
        'support-provider': 'x'.repeat(300),
      });
      const res = await expectNoWrite(db, () => decide(http, requestId, acceptAll(['security-contact-email', 'support-provider', 'support-access-level'])));
      expectProblem(res, 422, 'decision-invalid');
      expect(failingPaths(res)).toEqual(['body.decisions.1', 'body.decisions.0']);
      expect(res.body.errors[1].message).toMatch(/does not fit securityContactEmail/);
    });

    it('403 for a viewer, 404 for an unknown request, 400 for a malformed body', async () => {
      const { db, as, http, requestId } = await setup();
      const viewer = as('viewer'); // signing the viewer in writes its session: before the check
      expectProblem(
        await expectNoWrite(db, () =>
          viewer.post(`/api/v1/questionnaire-requests/${requestId}/decisions`).send({ decisions: acceptAll(['mfa-admins-method']) }),
        ),
        403,
        'forbidden',
      );
      expectProblem(await expectNoWrite(db, () => decide(http, 999, acceptAll(['mfa-admins-method']))), 404, 'questionnaire-request-not-found');
      expectProblem(await expectNoWrite(db, () => decide(http, requestId, [])), 400, 'validation-failed');
      expectProblem(await expectNoWrite(db, () => decide(http, requestId, [{ questionId: 'mfa-admins-method', decision: 'maybe' }])), 400, 'validation-failed');
    });
  });
});
