/** The analyst's side of questionnaire requests: templates, create (draft or sent), send, revoke, reopen, the link shown once, mail. */
import { afterEach, describe, expect, it } from 'vitest';
import { hashResponseToken } from '../../../server/services/questionnaires/response-token.ts';
import { DEFAULT_ALERTS } from '../../../server/deps.ts';
import { expectNoWrite, expectProblem, failingPaths, ORIGIN } from '../../helpers/app.ts';
import { DAY } from '../../helpers/clock.ts';
import { smtpReceiver, unQuotedPrintable } from '../../helpers/receivers.ts';
import { questionnaireApp, REQUIRED_ANSWERS, requestBody, TEMPLATE_ID, tokenOf } from '../../helpers/questionnaires.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe('questionnaire templates API', () => {
  it('lists the templates with their sections, and gives one whole', async () => {
    const { http } = await questionnaireApp();
    const list = await http.get('/api/v1/questionnaire-templates');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: TEMPLATE_ID, questionCount: 8 })]);
    const one = await http.get(`/api/v1/questionnaire-templates/${TEMPLATE_ID}`);
    expect(one.body.sections[0].questions[0]).toMatchObject({ id: 'support-mfa-enforced', type: 'yes-no', feeds: ['MFA · support staff'] });
    expectProblem(await http.get('/api/v1/questionnaire-templates/nope'), 404, 'questionnaire-template-not-found');
  });
});

describe('questionnaire requests', () => {
  it('creates a sent request: a 43-character token in the link, only its SHA-256 stored, expiry due + 30 days', async () => {
    const { http, db, vendor, send } = await questionnaireApp();
    const { id, token, body } = await send();
    expect(body.link).toBe(`${ORIGIN}/respond#token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.mailed).toBe(false);
    expect(body.request).toMatchObject({
      id,
      vendorId: vendor.id,
      state: 'sent',
      dueOn: '2026-12-15',
      linkExpiresOn: '2027-01-14',
      overdue: false,
      templateVersion: '1.0.0',
    });
    const row = db.prepare('SELECT token_hash FROM questionnaire_requests WHERE id = ?').get(id) as { token_hash: string };
    expect(row.token_hash).toBe(hashResponseToken(token));
    // The token is nowhere in the database, and never in a later answer.
    expect(JSON.stringify(db.prepare('SELECT * FROM questionnaire_requests').all())).not.toContain(token);
    expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(token);
    const again = await http.get(`/api/v1/questionnaire-requests/${id}`);
    expect(again.body).toMatchObject({ request: { id, state: 'sent' }, template: { id: TEMPLATE_ID }, answers: [], vendorName: 'Acme Identity' });
    expect(JSON.stringify(again.body)).not.toContain(token);
    expect((await http.get(`/api/v1/vendors/${vendor.id}/questionnaire-requests`)).body.items).toHaveLength(1);
  });

  it('keeps a draft without a link, then sends it with one; a resend makes a new link and the old one stops working', async () => {
    const { http, vendor, vendorCall } = await questionnaireApp();
    const draft = await http.post(`/api/v1/vendors/${vendor.id}/questionnaire-requests`).send(requestBody({ send: false, linkExpiresOn: '2027-02-01' }));
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ link: null, mailed: false, request: { state: 'draft', sentAt: null, linkExpiresOn: '2027-02-01' } });
    const id = draft.body.request.id;
    const sent = await http.post(`/api/v1/questionnaire-requests/${id}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body.request).toMatchObject({ state: 'sent', sentAt: expect.any(String) });
    const first = tokenOf(sent.body.link);
    expect((await vendorCall(first).get()).status).toBe(200);
    const resent = await http.post(`/api/v1/questionnaire-requests/${id}/send`);
    expect(resent.body.request.state).toBe('opened');
    const second = tokenOf(resent.body.link);
    expect(second).not.toBe(first);
    expectProblem(await vendorCall(first).get(), 401, 'response-token-invalid');
    expect((await vendorCall(second).get()).status).toBe(200);
  });

  it('revokes (the link answers 410), and refuses to send or revoke again', async () => {
    const { http, db, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send();
    const revoked = await http.post(`/api/v1/questionnaire-requests/${id}/revoke`);
    expect(revoked.body.request).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    expectProblem(await vendorCall(token).get(), 410, 'response-link-gone');
    expectProblem(await expectNoWrite(db, () => http.post(`/api/v1/questionnaire-requests/${id}/revoke`)), 409, 'request-state-conflict');
    expectProblem(await expectNoWrite(db, () => http.post(`/api/v1/questionnaire-requests/${id}/send`)), 409, 'request-state-conflict');
  });

  it('reopens a submitted request for the same link; refuses to reopen one still open', async () => {
    const { http, db, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send();
    expectProblem(await expectNoWrite(db, () => http.post(`/api/v1/questionnaire-requests/${id}/reopen`)), 409, 'request-state-conflict');
    const v = vendorCall(token);
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) expect((await v.put(q, value)).status).toBe(200);
    expect((await v.submit()).status).toBe(200);
    expectProblem(await v.put('support-provider', 'Other'), 409, 'request-read-only');
    const reopened = await http.post(`/api/v1/questionnaire-requests/${id}/reopen`);
    expect(reopened.body.request.state).toBe('in-progress');
    expect((await v.put('support-provider', 'Other Support GmbH')).status).toBe(200);
  });

  it('derives expired after the link day, renews it on a new send, and lists overdue requests', async () => {
    const { as, clock, send, vendorCall } = await questionnaireApp();
    const { id, token } = await send({ dueOn: '2026-12-01', linkExpiresOn: '2026-12-03' });
    clock.advance(3 * DAY); // 2026-12-02: overdue, link still works
    const http = as('analyst'); // the earlier session has ended
    let r = (await http.get(`/api/v1/questionnaire-requests/${id}`)).body.request;
    expect(r).toMatchObject({ state: 'sent', overdue: true });
    expect((await http.get('/api/v1/questionnaire-requests?overdue=true')).body.items).toEqual([expect.objectContaining({ id, vendorName: 'Acme Identity' })]);
    expect((await http.get('/api/v1/questionnaire-requests?overdue=false')).body.items).toEqual([]);
    clock.advance(2 * DAY); // 2026-12-04: expired
    const later = as('analyst');
    r = (await later.get(`/api/v1/questionnaire-requests/${id}`)).body.request;
    expect(r).toMatchObject({ state: 'expired', overdue: true });
    expect((await later.get('/api/v1/questionnaire-requests?state=expired')).body.items).toHaveLength(1);
    expectProblem(await vendorCall(token).get(), 410, 'response-link-gone');
    const resent = await later.post(`/api/v1/questionnaire-requests/${id}/send`);
    expect(resent.body.request).toMatchObject({ state: 'sent', linkExpiresOn: '2027-01-03' });
    expect((await vendorCall(tokenOf(resent.body.link)).get()).status).toBe(200);
  });

  it('audits each step under the analyst, and without the token', async () => {
    const { http, send } = await questionnaireApp();
    const { id, token } = await send();
    await http.post(`/api/v1/questionnaire-requests/${id}/revoke`);
    const audit = await http.get(`/api/v1/audit?entity=questionnaire-request&entityId=${id}`);
    expect(audit.body.items.map((e: { action: string; actor: string }) => `${e.action} by ${e.actor}`)).toEqual([
      'revoke by admin@example.com',
      'send by admin@example.com',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(token);
  });

  it('lets viewers read but not send', async () => {
    const { as, db, vendor } = await questionnaireApp();
    const viewer = as('viewer');
    expectProblem(await expectNoWrite(db, () => viewer.post(`/api/v1/vendors/${vendor.id}/questionnaire-requests`).send(requestBody())), 403, 'forbidden');
    expect((await viewer.get(`/api/v1/vendors/${vendor.id}/questionnaire-requests`)).status).toBe(200);
  });

  describe('refuses bad input and writes nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown template', { templateId: 'nope' }, 'body.templateId'],
      ['a due day in the past', { dueOn: '2026-11-28' }, 'body.dueOn'],
      ['a link expiring before the due day', { linkExpiresOn: '2026-12-14' }, 'body.linkExpiresOn'],
      ['an e-mail that is not one', { contactEmail: 'dana at vendor' }, 'body.contactEmail'],
      ['no contact name', { contactName: '  ' }, 'body.contactName'],
      ['no send flag', { send: undefined }, 'body.send'],
      ['an unknown field', { cc: 'x@y.z' }, 'body.cc'],
    ];
    it.each(cases)('%s', async (_what, over, path) => {
      const { http, db, vendor } = await questionnaireApp();
      const res = await expectNoWrite(db, () => http.post(`/api/v1/vendors/${vendor.id}/questionnaire-requests`).send(requestBody(over)));
      expectProblem(res, 400, 'validation-failed');
      expect(failingPaths(res)).toContain(path);
    });

    it('a vendor or request that is not there', async () => {
      const { http, db } = await questionnaireApp();
      expectProblem(await expectNoWrite(db, () => http.post('/api/v1/vendors/99/questionnaire-requests').send(requestBody())), 404, 'vendor-not-found');
      for (const action of ['send', 'revoke', 'reopen']) {
        expectProblem(await expectNoWrite(db, () => http.post(`/api/v1/questionnaire-requests/99/${action}`)), 404, 'questionnaire-request-not-found');
      }
      expectProblem(await http.get('/api/v1/questionnaire-requests/99'), 404, 'questionnaire-request-not-found');
    });
  });
});

describe('questionnaire links by e-mail', () => {
  it('mails the link to the contact through SMTP when e-mail is set up, and says so', async () => {
    const smtp = await smtpReceiver({ user: 'alerts', pass: 'smtp-password-not-to-leak' });
    closers.push(smtp.close);
    const { send } = await questionnaireApp({
      alerts: { ...DEFAULT_ALERTS, smtpUrl: smtp.url(), mailFrom: 'Vendorscope <alerts@example.com>', webhookTimeoutSeconds: 2 },
    });
    const { body, link } = await send({ message: 'Questions: <b>ask me</b>' });
    expect(body.mailed).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m).toMatchObject({ from: 'alerts@example.com', to: ['dana@vendor.example'], user: 'alerts' });
    const raw = unQuotedPrintable(m.raw).replace(/\r?\n /g, ' ');
    expect(raw).toContain('Subject: Security questionnaire for Acme Identity, due 2026-12-15');
    expect(raw).toContain(link);
    expect(raw).toContain('&#60;b&#62;ask me&#60;/b&#62;');
  });

  it('says not mailed when the SMTP server is not there, and still gives the link', async () => {
    const smtp = await smtpReceiver();
    await smtp.close();
    const { send } = await questionnaireApp({ alerts: { ...DEFAULT_ALERTS, smtpUrl: smtp.url(), mailFrom: 'alerts@example.com', webhookTimeoutSeconds: 1 } });
    const { body } = await send();
    expect(body).toMatchObject({ mailed: false, link: expect.stringContaining('/respond#token=') });
  });
});
