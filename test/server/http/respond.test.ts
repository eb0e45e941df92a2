/**
 * The response API: the vendor's contact answers with nothing but the token in X-Response-Token.
 * Each bad input gets its status and code, and writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_BYTES } from '../../../server/domain/questionnaire-requests.ts';
import { capturingLogger, expectNoWrite, expectProblem, failingPaths } from '../../helpers/app.ts';
import { DAY, MINUTE } from '../../helpers/clock.ts';
import { questionnaireApp, REQUIRED_ANSWERS } from '../../helpers/questionnaires.ts';

describe('the response API', () => {
  it('walks a request from sent to submitted: opened on first read, in progress on first save, read-only once submitted', async () => {
    const { http, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send();
    const v = vendorCall(token);
    const first = await v.get();
    expect(first.status).toBe(200);
    expect(first.body.request).toEqual({
      id,
      state: 'opened',
      dueOn: '2026-12-15',
      vendorName: 'Acme Identity',
      contactName: 'Dana Contact',
      templateTitle: 'Fixture: support and identity',
      message: 'Please answer by mid-December.',
      submittedAt: null,
      readOnly: false,
    });
    expect(first.body.template.id).toBe('fixture-support');
    expect(first.body).toMatchObject({ answers: [], documents: [] });
    // Nothing of the analyst's side: no contact e-mail, no creator, no link expiry internals.
    expect(JSON.stringify(first.body)).not.toContain('dana@vendor.example');

    const saved = await v.put('support-mfa-method', 'fido2');
    expect(saved.status).toBe(200);
    expect(saved.body.answer).toMatchObject({ requestId: id, questionId: 'support-mfa-method', value: 'fido2', submittedAt: null });
    expect((await v.get()).body.request.state).toBe('in-progress');
    const rows = [
      { name: 'Sitel', outsourced: true, access: 'admin', retention: 30 },
      { name: 'Zendesk', access: 'metadata' },
    ];
    expect((await v.put('subprocessors', rows)).status).toBe(200);
    expect((await v.put('session-controls', ['approval', 'recording'])).status).toBe(200);
    expect((await v.put('last-review', '2026-10-01')).status).toBe(200);
    expect((await v.del('session-controls')).status).toBe(204);
    expect((await v.del('session-controls')).status).toBe(204); // already gone: still done
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) expect((await v.put(q, value)).status).toBe(200);

    const submitted = await v.submit();
    expect(submitted.status).toBe(200);
    expect(submitted.body.request).toMatchObject({ id, state: 'submitted', readOnly: true, submittedAt: '2026-11-29T12:00:00.000Z' });
    const after = await v.get();
    expect(after.body.request).toMatchObject({ state: 'submitted', readOnly: true });
    expect(after.body.answers.map((a: { questionId: string }) => a.questionId).sort()).toEqual(
      [...Object.keys(REQUIRED_ANSWERS), 'last-review', 'subprocessors'].sort(),
    );

    const detail = await http.get(`/api/v1/questionnaire-requests/${id}`);
    expect(detail.body.request).toMatchObject({ state: 'submitted', submittedAt: '2026-11-29T12:00:00.000Z', openedAt: expect.any(String) });
    expect(detail.body.answers.every((a: { submittedAt: string | null }) => a.submittedAt === '2026-11-29T12:00:00.000Z')).toBe(true);
  });

  it('audits the vendor contact’s steps as "vendor contact, request <id>"', async () => {
    const { http, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send();
    const v = vendorCall(token);
    await v.get();
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await v.put(q, value);
    await v.submit();
    const audit = (await http.get('/api/v1/audit?actor=vendor contact, request ' + id + '&limit=100')).body.items as Array<{
      action: string;
      entity: string;
      actor: string;
      via: string;
    }>;
    // All at the one fixed instant of the test clock, so compared as a set of steps with their counts.
    expect(audit.map((e) => `${e.action} ${e.entity}`).sort()).toEqual([
      'create questionnaire-answer',
      'create questionnaire-answer',
      'create questionnaire-answer',
      'create questionnaire-answer',
      'open questionnaire-request',
      'start questionnaire-request',
      'submit questionnaire-request',
    ]);
    expect(new Set(audit.map((e) => `${e.actor} via ${e.via}`))).toEqual(new Set([`vendor contact, request ${id} via response-link`]));
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('never writes the token into the access log or the audit, even for refused calls', async () => {
    const logger = capturingLogger();
    const { db, send, vendorCall, anon } = await questionnaireApp({ log: logger.log });
    const { token } = await send();
    const v = vendorCall(token);
    await v.get();
    await v.put('support-provider', 'Acme Support Ltd');
    await v.put('retention-days', 'thirty');
    await v.submit();
    // A token put in the query string is refused (an unknown parameter), and the query never logged.
    expectProblem(await anon().get(`/api/v1/respond?token=${token}`), 400, 'validation-failed');
    expect(logger.lines.length).toBeGreaterThan(4);
    expect(logger.lines.join('\n')).not.toContain(token);
    expect(logger.lines.join('\n')).toContain('GET /api/v1/respond 200');
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(token);
  });

  it('keeps an accepted answer locked when the request is reopened, and lets the others change', async () => {
    const { http, db, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send();
    const v = vendorCall(token);
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await v.put(q, value);
    await v.submit();
    // As part A's review would leave it: one answer accepted, one rejected with a comment.
    db.prepare("UPDATE questionnaire_answers SET decision = 'accepted' WHERE request_id = ? AND question_id = 'support-mfa-method'").run(id);
    db.prepare(
      "UPDATE questionnaire_answers SET decision = 'rejected', decision_comment = 'Name the company' WHERE request_id = ? AND question_id = 'support-provider'",
    ).run(id);
    await http.post(`/api/v1/questionnaire-requests/${id}/reopen`);
    const seen = (await v.get()).body.answers.find((a: { questionId: string }) => a.questionId === 'support-provider');
    expect(seen).toMatchObject({ decision: 'rejected', decisionComment: 'Name the company' });
    expectProblem(await expectNoWrite(db, () => v.put('support-mfa-method', 'totp')), 409, 'answer-locked');
    expectProblem(await expectNoWrite(db, () => v.del('support-mfa-method')), 409, 'answer-locked');
    expect((await v.put('support-provider', 'Acme Support Ltd (UK)')).status).toBe(200);
    expect((await v.get()).body.answers.find((a: { questionId: string }) => a.questionId === 'support-provider')).toMatchObject({ decision: null });
  });
});

describe('the response API refuses, and writes nothing', () => {
  it('a wrong token, a malformed one, and none: 401', async () => {
    const { db, send, vendorCall, anon } = await questionnaireApp();
    const { token } = await send();
    const wrong = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const call of [
      () => vendorCall(wrong).get(),
      () => vendorCall(wrong).put('support-provider', 'x'),
      () => vendorCall(wrong).submit(),
      () => vendorCall('short').get(),
      () => anon().get('/api/v1/respond'),
    ]) {
      expectProblem(await expectNoWrite(db, call), 401, 'response-token-invalid');
    }
    // A session is no way in either: the response API takes only the token.
    const { http } = await questionnaireApp();
    expectProblem(await http.get('/api/v1/respond'), 401, 'response-token-invalid');
  });

  it('an expired token: 410, answers untouched', async () => {
    const { db, clock, send, vendorCall } = await questionnaireApp();
    const { token } = await send({ dueOn: '2026-12-01', linkExpiresOn: '2026-12-01' });
    await vendorCall(token).put('support-provider', 'Acme Support Ltd');
    clock.advance(3 * DAY);
    const v = vendorCall(token);
    for (const call of [() => v.get(), () => v.put('support-provider', 'Changed'), () => v.del('support-provider'), () => v.submit()]) {
      const res = await expectNoWrite(db, call);
      expectProblem(res, 410, 'response-link-gone');
      expect(res.body.detail).toContain('expired on 2026-12-01');
    }
  });

  it('a revoked token: 410', async () => {
    const { http, db, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send();
    await http.post(`/api/v1/questionnaire-requests/${id}/revoke`);
    const v = vendorCall(token);
    for (const call of [() => v.get(), () => v.put('support-provider', 'x'), () => v.submit()]) {
      const res = await expectNoWrite(db, call);
      expectProblem(res, 410, 'response-link-gone');
      expect(res.body.detail).toContain('withdrawn');
    }
  });

  it("another request's data: one token never reads or writes the other request", async () => {
    const { db, send, vendorCall } = await questionnaireApp();
    const a = await send();
    const b = await send({ contactName: 'Bo Other', contactEmail: 'bo@other.example' });
    await vendorCall(b.token).put('support-provider', 'B Support');
    const seen = await vendorCall(a.token).get();
    expect(seen.body.request.id).toBe(a.id);
    expect(JSON.stringify(seen.body)).not.toContain('B Support');
    expect(JSON.stringify(seen.body)).not.toContain('Bo Other');
    await vendorCall(a.token).put('support-provider', 'A Support');
    expect(db.prepare('SELECT request_id, value FROM questionnaire_answers ORDER BY request_id').all()).toEqual([
      { request_id: a.id, value: '"A Support"' },
      { request_id: b.id, value: '"B Support"' },
    ]);
  });

  it('an oversized answer: 413', async () => {
    const { db, send, vendorCall } = await questionnaireApp();
    const { token } = await send();
    const rows = Array.from({ length: 200 }, (_, i) => ({ name: `Subprocessor ${i} ${'x'.repeat(480)}` }));
    expect(JSON.stringify(rows).length).toBeGreaterThan(MAX_ANSWER_BYTES);
    const res = await expectNoWrite(db, () => vendorCall(token).put('subprocessors', rows));
    expectProblem(res, 413, 'answer-too-large');
    // Over the JSON limit of every route: refused by the body parser, nothing read into a value.
    expectProblem(await expectNoWrite(db, () => vendorCall(token).put('support-provider', 'x'.repeat(1_100_000))), 413, 'payload-too-large');
  });

  const wrongTypes: Array<[string, unknown, string]> = [
    ['support-mfa-enforced', 'yes', 'body.value'],
    ['support-mfa-method', 'carrier-pigeon', 'body.value'],
    ['session-controls', ['approval', 'approval'], 'body.value'],
    ['retention-days', -1, 'body.value'],
    ['last-review', '2026-02-30', 'body.value'],
    ['support-provider', '   ', 'body.value'],
    ['support-provider', 'x'.repeat(4001), 'body.value'],
    ['subprocessors', [{ outsourced: true }], 'body.value.0.name'],
    ['subprocessors', [{ name: 'A', colour: 'red' }], 'body.value.0.colour'],
    ['subprocessors', [{ name: 'A', access: 'everything' }], 'body.value.0.access'],
    ['soc2-report', [], 'body.value'],
    // Only documents uploaded through this request may be named (none here): never another vendor's.
    ['soc2-report', [1], 'body.value.0'],
  ];
  it.each(wrongTypes)('an answer of the wrong type (%s = %j): 422 naming the field', async (q, value, path) => {
    const { db, send, vendorCall } = await questionnaireApp();
    const { token } = await send();
    await vendorCall(token).get();
    const res = await expectNoWrite(db, () => vendorCall(token).put(q, value));
    expectProblem(res, 422, 'answer-invalid');
    expect(failingPaths(res)).toContain(path);
  });

  it('a question the questionnaire does not have: 404; a body without a value: 400', async () => {
    const { db, send, vendorCall, anon } = await questionnaireApp();
    const { token } = await send();
    expectProblem(await expectNoWrite(db, () => vendorCall(token).put('no-such-question', true)), 404, 'question-not-found');
    expectProblem(await expectNoWrite(db, () => vendorCall(token).del('no-such-question')), 404, 'question-not-found');
    const res = await expectNoWrite(db, () => anon().put('/api/v1/respond/answers/support-provider').set('X-Response-Token', token).send({}));
    expectProblem(res, 400, 'validation-failed');
  });

  it('a submission with required questions unanswered: 422 naming each', async () => {
    const { db, send, vendorCall } = await questionnaireApp();
    const { token } = await send();
    await vendorCall(token).put('support-mfa-enforced', true);
    await vendorCall(token).put('support-provider', 'Acme Support Ltd');
    const res = await expectNoWrite(db, () => vendorCall(token).submit());
    expectProblem(res, 422, 'answers-missing');
    expect(failingPaths(res)).toEqual(['answers.support-mfa-method', 'answers.retention-days']);
    expect(res.body.errors[0].message).toContain('Which MFA method do support staff use?');
  });

  it('a change after submission: 409 read-only', async () => {
    const { db, send, vendorCall } = await questionnaireApp();
    const { token } = await send();
    const v = vendorCall(token);
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await v.put(q, value);
    await v.submit();
    for (const call of [() => v.put('support-provider', 'Other'), () => v.del('support-provider'), () => v.submit()]) {
      expectProblem(await expectNoWrite(db, call), 409, 'request-read-only');
    }
  });
});

describe('the response API throttle', () => {
  it('slows one token past its calls a minute, and one address past its wrong tokens', async () => {
    const { db, clock, send, vendorCall } = await questionnaireApp({
      respondLimits: { perTokenPerMinute: 3, perAddressPerMinute: 100, badTokensPerAddress: 2, badTokenWindowSeconds: 900 },
    });
    const { token } = await send();
    const other = await send();
    for (let i = 0; i < 3; i++) expect((await vendorCall(token).get()).status).toBe(200);
    const slowed = await expectNoWrite(db, () => vendorCall(token).put('support-provider', 'x'));
    expectProblem(slowed, 429, 'too-many-attempts');
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    // Another request's token is counted apart.
    expect((await vendorCall(other.token).get()).status).toBe(200);
    clock.advance(MINUTE);
    expect((await vendorCall(token).get()).status).toBe(200);

    const bad = 'A'.repeat(43);
    expectProblem(await vendorCall(bad).get(), 401, 'response-token-invalid');
    expectProblem(await vendorCall(bad).get(), 401, 'response-token-invalid');
    // The address has used its wrong tokens: even a good one waits now.
    expectProblem(await vendorCall(other.token).get(), 429, 'too-many-attempts');
    clock.advance(15 * MINUTE);
    expect((await vendorCall(other.token).get()).status).toBe(200);
  });
});

describe('the response API in the OpenAPI document', () => {
  it('documents the X-Response-Token header for the respond routes, and for no other', async () => {
    const { http } = await questionnaireApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const withResponseToken = Object.entries(doc.paths as Record<string, Record<string, { security?: object[] }>>)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([, op]) => op.security?.some((s) => 'responseToken' in s))
          .map(([method]) => `${method} ${path}`),
      )
      .sort();
    expect(withResponseToken).toEqual([
      'delete /api/v1/respond/answers/{questionId}',
      'get /api/v1/respond',
      'post /api/v1/respond/documents',
      'post /api/v1/respond/submit',
      'put /api/v1/respond/answers/{questionId}',
    ]);
    expect(doc.components.securitySchemes.responseToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Response-Token' });
    expect(Object.keys(doc.paths['/api/v1/respond'].get.responses)).toEqual(expect.arrayContaining(['401', '410', '429']));
  });
});
