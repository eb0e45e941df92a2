/**
 * The analyst's questionnaire pages in Chromium, against the real server with the questionnaire API
 * stood in by the test (page.route: parts A and B write that API on their own branches; once merged,
 * questionnaire-review.test.ts walks the same pages against the real one). Okta's dossier: the
 * Questionnaires section and its history, the send form with the server's field errors beside the
 * fields, the link shown once with Copy and the plain warning, revoke asked first; the review page:
 * every answer type as text (an HTML-looking answer stays text), on record → if accepted, a rejection
 * refused without a comment beside its field, the decisions sent and their result; the reviews page's
 * overdue questionnaires. Keyboard and axe throughout. Each test opens its own page on a fresh
 * stand-in (Okta's requests 12 and 13), so any one runs alone (issue 18).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { QuestionnaireRequest } from '../../server/domain/questionnaire.ts';
import { reviewDecisions, type DueQuestionnaire } from '../../server/domain/questionnaire-api.ts';
import { HOSTILE, request, review, SUMMARY } from '../web/questionnaire-fixture.ts';
import { chromiumForTests, signInThroughPage } from './harness.ts';
import { deepFocus, isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const LINK = (n: number) => `http://localhost/respond#token=test-token-${n}`;

/** A document as GET /vendors/:id/documents lists it (the dossier's documents section reads every field). */
const DOCUMENT = {
  id: 7,
  vendorId: 1,
  requestId: 30,
  kind: 'soc2',
  details: {
    type: 'type2',
    periodStart: '2025-07-01',
    periodEnd: '2026-06-30',
    auditor: 'Example Assurance LLP',
    exceptions: 0,
    bridgeLetter: false,
    title: null,
  },
  fileName: 'soc2-type2-2026.pdf',
  mediaType: 'application/pdf',
  size: 1024,
  sha256: '0'.repeat(64),
  uploadedAt: '2026-11-20T10:00:00.000Z',
  uploadedBy: 'vendor contact, request 30',
  knownFrom: '2026-11-20',
  expiresOn: '2027-06-30',
  expired: false,
};

/** The questionnaire API as the contract has it, in memory: what the pages asked is kept for the tests to check. */
class StandIn {
  requests: QuestionnaireRequest[] = [];
  calls: Array<{ method: string; path: string; body: unknown }> = [];
  links = 0;
  constructor(readonly vendorId: number) {}

  async handle(route: Route): Promise<void> {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = req.method();
    const body = req.postData() ? (JSON.parse(req.postData()!) as unknown) : undefined;
    const json = (status: number, b: unknown) =>
      route.fulfill({ status, contentType: status >= 400 ? 'application/problem+json' : 'application/json', body: JSON.stringify(b) });
    const problem = (status: number, code: string, errors: Array<{ path: string; message: string; rule?: string }> = []) =>
      json(status, { type: `urn:vendorscope:problem:${code}`, title: code, status, detail: errors.map((e) => e.message).join('; ') || code, code, errors });
    const find = (id: string) => this.requests.find((r) => r.id === Number(id));
    let m: RegExpExecArray | null;
    if (path === '/questionnaire-templates') return json(200, { items: [SUMMARY] });
    if (/^\/vendors\/\d+\/documents$/.test(path)) return json(200, { items: [DOCUMENT] });
    if (path === '/questionnaire-requests' && method === 'GET')
      return json(200, { items: this.requests.filter((r) => r.overdue).map((r) => ({ ...r, vendorName: 'Okta' })) });
    this.calls.push({ method, path, body });
    if (/^\/vendors\/(\d+)\/questionnaire-requests$/.test(path)) {
      if (method === 'GET') return json(200, { items: [...this.requests].reverse() });
      const b = body as { contactEmail: string; contactName: string; dueOn: string; send: boolean };
      if (!b.contactEmail.includes('@'))
        return problem(422, 'validation-failed', [{ path: 'body.contactEmail', message: 'must be an e-mail address', rule: 'format' }]);
      const r = request({
        id: 20 + this.requests.length,
        vendorId: this.vendorId,
        state: b.send ? 'sent' : 'draft',
        contactName: b.contactName,
        contactEmail: b.contactEmail,
        dueOn: b.dueOn,
        submittedAt: null,
        openedAt: null,
        sentAt: b.send ? new Date().toISOString() : null,
      });
      this.requests.push(r);
      return json(201, { request: r, link: b.send ? LINK(++this.links) : null, mailed: false });
    }
    if ((m = /^\/questionnaire-requests\/(\d+)\/(send|revoke|reopen)$/.exec(path))) {
      const r = find(m[1]!);
      if (!r) return problem(404, 'not-found');
      const state = m[2] === 'send' ? 'sent' : m[2] === 'revoke' ? 'revoked' : 'in-progress';
      Object.assign(r, { state, version: r.version + 1 });
      return json(200, m[2] === 'send' ? { request: r, link: LINK(++this.links), mailed: true } : { request: r });
    }
    if ((m = /^\/questionnaire-requests\/(\d+)\/review$/.exec(path))) {
      const r = find(m[1]!);
      return r ? json(200, review(r)) : problem(404, 'not-found');
    }
    if ((m = /^\/questionnaire-requests\/(\d+)\/decisions$/.exec(path))) {
      const r = find(m[1]!);
      if (!r) return problem(404, 'not-found');
      const parsed = reviewDecisions.safeParse(body);
      if (!parsed.success)
        return problem(
          422,
          'validation-failed',
          parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
        );
      const rejected = parsed.data.decisions.some((d) => d.decision === 'rejected');
      Object.assign(r, { state: rejected ? 'in-progress' : 'accepted', reviewedAt: new Date().toISOString() });
      return json(200, { request: r, applied: [{ questionId: 'support-mfa-enforced', fact: 'mfa', ref: 'mfa:support' }] });
    }
    return route.continue();
  }
}

describe.skipIf(!chromiumPath)("the analyst's questionnaire pages, in Chromium (the questionnaire API stood in)", () => {
  let okta: number;
  let api: StandIn;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
    },
  });
  // Each test's page talks to a stand-in of its own, holding Okta's two requests (12 submitted, 13 opened and overdue).
  beforeEach(async () => {
    api = new StandIn(okta);
    api.requests.push(
      request({ id: 12, vendorId: okta }),
      request({ id: 13, vendorId: okta, state: 'opened', dueOn: '2026-01-05', overdue: true, submittedAt: null }),
    );
    await s.page.route('**/api/v1/**', (route) => api.handle(route));
  });
  /** Okta's dossier, its questionnaire history shown. */
  const openDossier = async () => {
    await s.go(`/vendors/${okta}`);
    await s.page.locator('vr-questionnaire-list tr[data-request-id="12"]').waitFor();
  };
  const section = () => s.page.locator('vr-vendor-questionnaires');
  const form = () => s.page.locator('vr-questionnaire-send-form');

  it("lists the vendor's requests with their state, due day and what can be done", async () => {
    await openDossier();
    const list = s.page.locator('vr-questionnaire-list');
    await list.locator('tr[data-request-id="12"]').waitFor();
    const open = list.locator('tr[data-request-id="13"]');
    expect(await open.locator('td').nth(0).textContent()).toBe('Opened');
    expect(await open.locator('td').nth(1).textContent()).toMatch(/^2026-01-05 \(overdue by \d+ days\)$/);
    expect(await open.getByRole('button', { name: 'New link request 13' }).count()).toBe(1);
    const submitted = list.locator('tr[data-request-id="12"]');
    expect(await submitted.getByRole('link', { name: 'Review answers request 12' }).getAttribute('href')).toBe(`/vendors/${okta}/questionnaires/12/review`);
    await s.expectNoAxeViolations();
  });

  it("shows the server's refusal beside the field, then the link once, with Copy and the warning", async () => {
    await openDossier();
    const f = form();
    await f.getByLabel('Questionnaire').selectOption(SUMMARY.id);
    await f.getByLabel('Contact name').fill('Dana Vendor');
    // type="email" would stop the browser's own check first: the form is novalidate-free, so type what the browser lets through but the server refuses.
    await f.getByLabel('Contact e-mail').evaluate((el) => ((el as HTMLInputElement).type = 'text'));
    await f.getByLabel('Contact e-mail').fill('dana at vendor');
    await f.getByRole('button', { name: 'Send request' }).click();
    const error = f.locator('#qr-contactEmail-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Contact e-mail must be an e-mail address.');
    const email = f.locator('#qr-contactEmail');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toContain('qr-contactEmail-error');
    await expect.poll(() => isFocused(email)).toBe(true);
    expect(api.requests).toHaveLength(2);
    s.problems.splice(0); // the 422 Chromium logs
    await s.expectNoAxeViolations();

    await email.fill('dana@vendor.example');
    await f.getByRole('button', { name: 'Send request' }).click();
    const shown = s.page.locator('vr-questionnaire-link');
    await shown.locator('code.link').waitFor();
    expect(await shown.locator('code.link').textContent()).toBe(LINK(1));
    expect(await shown.locator('.box').textContent()).toContain('Copy it now: it will not be shown again.');
    expect(await shown.locator('.box').textContent()).toContain('It was not mailed');
    await expect.poll(() => deepFocus(s.page)).toMatchObject({ tag: 'code' });
    await shown.getByRole('button', { name: 'Copy link' }).click();
    await shown
      .locator('[role="status"]')
      .filter({ hasText: /Copied|Selected/ })
      .waitFor();
    await s.expectNoAxeViolations();
    await s.shootElement(section(), 'questionnaire-link-once.png');
    // The new request is in the history; the form is empty for the next one.
    await s.page.locator('vr-questionnaire-list tr[data-request-id="22"]').waitFor();
    expect(await f.getByLabel('Contact name').inputValue()).toBe('');

    await shown.getByRole('button', { name: 'Done, I have sent it' }).press('Enter');
    await expect.poll(() => shown.locator('code.link').count()).toBe(0);
    await expect.poll(() => deepFocus(s.page)).toMatchObject({ tag: 'h2', id: 'questionnaires-title' });
    // Nothing brings it back: not a reload, not the page's storage.
    await s.page.reload();
    await s.page.locator('vr-questionnaire-list tr[data-request-id="22"]').waitFor();
    expect(await s.page.locator('vr-questionnaire-link code.link').count()).toBe(0);
    expect(await s.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href)).not.toContain(
      'test-token-1',
    );
  });

  it('asks before revoking (Keep takes focus), and a new link is shown once again', async () => {
    await openDossier();
    const row = s.page.locator('vr-questionnaire-list tr[data-request-id="13"]');
    await row.getByRole('button', { name: 'Revoke request 13' }).click();
    await expect.poll(() => deepFocus(s.page)).toMatchObject({ tag: 'button', text: 'Keep' });
    await s.page.keyboard.press('Enter');
    await expect.poll(() => deepFocus(s.page)).toMatchObject({ text: 'Revoke request 13' });
    expect(api.calls.filter((c) => c.path.endsWith('/revoke'))).toHaveLength(0);

    await row.getByRole('button', { name: 'New link request 13' }).click();
    await s.page.locator('vr-questionnaire-link code.link', { hasText: LINK(1) }).waitFor();
    expect(await s.page.locator('vr-questionnaire-link .box').textContent()).toContain('It was also mailed to dana@vendor.example.');

    await row.getByRole('button', { name: 'Revoke request 13' }).click();
    await row.getByRole('button', { name: 'Revoke link' }).press('Enter');
    await expect.poll(() => row.locator('td').nth(0).textContent()).toBe('Revoked');
    await expect.poll(() => isFocused(row.locator('th'))).toBe(true);
    expect(api.calls.filter((c) => c.path === '/questionnaire-requests/13/revoke')).toHaveLength(1);
  });

  it('shows every answer as text beside the record, and refuses a rejection without a comment beside its field', async () => {
    await openDossier();
    await s.page.locator('vr-questionnaire-list').getByRole('link', { name: 'Review answers request 12' }).click();
    const page = s.page.locator('vr-questionnaire-review-page');
    const reviewForm = page.locator('vr-questionnaire-review-form');
    await reviewForm.locator('article').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Review answers of Okta');
    const answerOf = (id: string) => reviewForm.locator(`article[data-question-id="${id}"] vr-questionnaire-answer`);
    expect(await answerOf('support-mfa-enforced').locator('p').textContent()).toBe('Yes');
    expect(await answerOf('support-mfa-method').locator('p').textContent()).toBe('FIDO2 security key or passkey');
    expect(await answerOf('sso-protocols').locator('li').allTextContents()).toEqual(['SAML 2.0', 'OpenID Connect']);
    expect(await answerOf('session-controls').locator('p').textContent()).toBe(HOSTILE);
    expect(await answerOf('subprocessors').locator('tbody tr').first().locator('td').allTextContents()).toEqual([HOSTILE, 'Read only', 'Yes']);
    const doc = answerOf('soc2').getByRole('link', { name: 'soc2-type2-2026.pdf' });
    expect(await doc.getAttribute('href')).toBe('/api/v1/documents/7/content');
    expect(await answerOf('unanswered').locator('p').textContent()).toBe('Not answered');
    // No answer became markup anywhere on the page.
    expect(
      await s.page.evaluate(() => {
        const all: Element[] = [];
        const walk = (root: Document | ShadowRoot) => root.querySelectorAll('*').forEach((el) => (all.push(el), el.shadowRoot && walk(el.shadowRoot)));
        walk(document);
        return all.filter((el) => el.localName === 'img').length;
      }),
    ).toBe(0);
    const proposal = reviewForm.locator('article[data-question-id="support-mfa-method"] .proposal');
    expect(await proposal.locator('tbody td').allTextContents()).toEqual(['Unknown', 'FIDO2 security key or passkey']);
    expect(await proposal.textContent()).toContain('MFA · support staff');
    await s.expectNoAxeViolations();
    await s.shoot('questionnaire-review.png');

    // Nothing decided: every answered question asks for a decision, nothing is sent.
    await reviewForm.getByRole('button', { name: 'Submit decisions' }).click();
    await reviewForm.locator('#d-support-mfa-enforced-error').waitFor();
    expect(await reviewForm.locator('.field-error').count()).toBe(8);
    // The method rejected without a comment, everything else accepted: refused here, nothing sent.
    const method = reviewForm.locator('article[data-question-id="support-mfa-method"]');
    await method.getByRole('radio', { name: 'Reject' }).check();
    await reviewForm.getByRole('button', { name: 'Accept every undecided answer' }).click();
    expect(await method.getByRole('radio', { name: 'Reject' }).isChecked()).toBe(true);
    expect(await reviewForm.locator('article[data-question-id="retention-days"]').getByRole('radio', { name: 'Accept' }).isChecked()).toBe(true);
    await reviewForm.getByRole('button', { name: 'Submit decisions' }).click();
    const comment = method.locator('textarea');
    const error = method.locator('#c-support-mfa-method-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Say why it is rejected: the vendor sees this comment');
    expect(await comment.getAttribute('aria-describedby')).toBe('c-support-mfa-method-error');
    await expect.poll(() => isFocused(comment)).toBe(true);
    expect(api.calls.filter((c) => c.path.endsWith('/decisions'))).toHaveLength(0);
    await s.expectNoAxeViolations();

    await comment.fill('Name the security key model your support staff use.');
    await reviewForm.getByRole('button', { name: 'Submit decisions' }).click();
    const result = page.locator('.result');
    await result.waitFor();
    expect(await result.textContent()).toContain('7 accepted, 1 rejected');
    expect(await result.textContent()).toContain('the rejected answers are open to the vendor again');
    const sent = api.calls.find((c) => c.path.endsWith('/decisions'))!.body as { decisions: Array<{ questionId: string; decision: string; comment?: string }> };
    expect(sent.decisions.find((d) => d.questionId === 'support-mfa-method')).toEqual({
      questionId: 'support-mfa-method',
      decision: 'rejected',
      comment: 'Name the security key model your support staff use.',
    });
    expect(sent.decisions.map((d) => d.questionId)).not.toContain('unanswered');
    // The request is in progress again: the answers stay, without the controls.
    await expect.poll(() => reviewForm.getByRole('radio').count()).toBe(0);
    await s.expectNoAxeViolations();
  });

  it('shows a viewer the history without actions or the send form', async () => {
    const viewer = { email: 'q-viewer@e2e.example', password: 'amber lighthouse meadow 71' };
    expect((await s.call('/users', { method: 'POST', body: { ...viewer, role: 'viewer' } })).status).toBe(201);
    const context = await s.browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      await context.route('**/api/v1/**', (route) => api.handle(route));
      const page = await context.newPage();
      await page.goto(s.url(`/vendors/${okta}`));
      await signInThroughPage(page, viewer.email, viewer.password);
      const list = page.locator('vr-questionnaire-list');
      await list.locator('tr[data-request-id="12"]').waitFor();
      expect(await list.locator('button, a').count()).toBe(0);
      expect(await page.locator('vr-questionnaire-send-form').count()).toBe(0);
      expect(await page.locator('vr-vendor-questionnaires p.muted').textContent()).toBe('Analysts and admins send questionnaires and review the answers.');
    } finally {
      await context.close();
    }
  });

  it('lists overdue questionnaires on the reviews page', async () => {
    api.requests.push(request({ id: 30, vendorId: okta, state: 'sent', dueOn: '2026-02-01', overdue: true, submittedAt: null }));
    // The reviews page reads overdue requests from the due list (GET /reviews/due): it carries this one.
    const due: DueQuestionnaire = {
      kind: 'questionnaire',
      requestId: 30,
      vendorId: okta,
      vendorName: 'Okta',
      tier: 1,
      businessOwner: null,
      templateTitle: 'Support chain (test)',
      state: 'sent',
      dueOn: '2026-02-01',
      contactName: 'Dana Vendor',
      daysOverdue: 10,
    };
    await s.page.route('**/api/v1/reviews/due*', async (route) => {
      const real = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...real, questionnaires: [due] } });
    });
    try {
      await s.go('/reviews');
      const card = s.page.locator('vr-overdue-questionnaires');
      const row = card.locator('tr[data-request-id="30"]');
      await row.waitFor();
      expect(await row.getByRole('link', { name: 'Okta' }).getAttribute('href')).toBe(`/vendors/${okta}#questionnaires-title`);
      await expect.poll(() => row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['Support chain (test) (request 30)', 'Sent']));
      await s.expectNoAxeViolations();
      // The link lands on the dossier's Questionnaires section, focused.
      await row.getByRole('link', { name: 'Okta' }).click();
      await s.page.locator('vr-questionnaire-list tr[data-request-id="30"]').waitFor();
      await expect.poll(() => deepFocus(s.page)).toMatchObject({ tag: 'h2', id: 'questionnaires-title' });
    } finally {
      await s.page.unroute('**/api/v1/reviews/due*');
    }
  });

  it("refuses to show a request under another vendor's address", async () => {
    await s.go(`/vendors/${okta + 1}/questionnaires/12/review`);
    await s.page.locator('vr-questionnaire-review-page vr-error').waitFor();
    expect(await s.page.locator('vr-questionnaire-review-page vr-error h2').textContent()).toBe('This review could not be loaded');
    expect(await s.page.locator('vr-questionnaire-review-page vr-error').locator('p').first().textContent()).toContain(
      'Request 12 is not a request to this vendor.',
    );
    expect(await s.page.locator('vr-questionnaire-review-form').count()).toBe(0);
  });

  it('takes them from the due list when it carries them (filtered and dated as the list is)', async () => {
    const due: DueQuestionnaire = {
      kind: 'questionnaire',
      requestId: 31,
      vendorId: okta,
      vendorName: 'Okta',
      tier: 1,
      businessOwner: null,
      templateTitle: 'Support chain (test)',
      state: 'in-progress',
      dueOn: '2023-10-01',
      contactName: 'Dana Vendor',
      daysOverdue: 30,
    };
    await s.page.route('**/api/v1/reviews/due?*', async (route) => {
      const real = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...real, questionnaires: [due] } });
    });
    try {
      await s.go('/reviews?asOf=2023-10-31');
      const row = s.page.locator('vr-overdue-questionnaires tr[data-request-id="31"]');
      await row.waitFor();
      expect(await row.locator('td').allTextContents()).toEqual([
        'Support chain (test) (request 31)',
        'Dana Vendor',
        'In progress',
        '2023-10-01 (overdue by 30 days)',
      ]);
      expect(await s.page.locator('vr-overdue-questionnaires tr[data-request-id="30"]').count()).toBe(0);
    } finally {
      await s.page.unroute('**/api/v1/reviews/due?*');
    }
  });
});
