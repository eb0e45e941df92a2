/**
 * The whole questionnaire loop against the real server (issue 16, "Done when"): an analyst sends the
 * shipped "Support chain and identity" questionnaire from Okta's dossier and sees the link once; a
 * second browser context opens it as the vendor (the token leaves the address bar), answers every
 * question through the response page's controls (support staff on FIDO2, enforced), is refused an
 * HTML file named .pdf beside the file field, uploads a real PDF through the page and submits; the
 * analyst reviews the answers side by side with the record, is refused a rejection without a
 * comment, and accepts. Then Okta's score, confidence and gaps have changed, the facts are
 * self-attested with the answer as their source and the submission day as known-from, and on the
 * dossier the self-attested record links to the answer on the review page. axe on every page.
 *
 * Each test stands alone (issue 18): the steps before the one it checks (send, answer and submit,
 * accept) it makes itself over the API, on a request of its own. A test whose answers are accepted
 * (or reviewed) sends them to a vendor of its own, on no evidence yet, so its facts rest on its own
 * request; the send form and the vendor's page use Okta.
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { Question, QuestionnaireRequest, QuestionnaireTemplate } from '../../server/domain/questionnaire.ts';
import type { Page } from 'playwright-core';
import { chromiumForTests, watchConsole } from './harness.ts';
import { expectNoAxeViolationsOn, isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
type VendorScoreView = {
  risk: number;
  confidence: number;
  factors: Array<{ id: string; score: number }>;
  gaps: Array<{ factor: string; ref: string | null; text: string }>;
};
const TEMPLATE_ID = 'support-chain-identity';
const HOSTILE = '<img src=x onerror=alert(1)>';
/** The smallest file the upload takes as a PDF (checked by its first bytes). */
const PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

/** An answer that fits the question: phishing-resistant where a method is asked, every text HTML-looking. */
function answerFor(q: Question): unknown {
  const first = q.options?.[0]?.value;
  switch (q.type) {
    case 'yes-no':
      return true;
    case 'choice':
      return q.options?.some((o) => o.value === 'fido2') ? 'fido2' : first;
    case 'multi-choice':
      return first ? [first] : [];
    case 'number':
      return 30;
    case 'date':
      return '2026-11-01';
    case 'text':
      return q.maps?.fact === 'commitment' && q.maps.field === 'securityContactEmail' ? 'security@okta.example' : HOSTILE;
    case 'rows':
      return [
        Object.fromEntries(
          (q.columns ?? []).map((c) => [
            c.id,
            c.type === 'yes-no'
              ? true
              : c.type === 'number'
                ? 1
                : c.type === 'choice'
                  ? c.options?.[0]?.value
                  : c.field === 'name'
                    ? 'Acme Support Ltd'
                    : HOSTILE,
          ]),
        ),
      ];
    case 'document':
      return undefined;
  }
}

/** An HTML file, sent under a PDF's name: refused by its content. */
const HOSTILE_HTML = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>';

/** Answers one question through the response page's own controls, with the value answerFor gives it. */
async function answerOnPage(page: Page, q: Question): Promise<void> {
  const value = answerFor(q);
  const group = page.getByRole('group', { name: q.text });
  const labelOf = (v: unknown) => q.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (q.type) {
    case 'yes-no':
      return group.getByLabel(value ? 'Yes' : 'No', { exact: true }).check();
    case 'choice':
      return group.getByRole('radio', { name: labelOf(value), exact: true }).check();
    case 'multi-choice':
      for (const v of value as string[]) await group.getByRole('checkbox', { name: labelOf(v), exact: true }).check();
      return;
    case 'number':
    case 'date':
    case 'text':
      return page.locator(`vr-respond-question #q-${q.id}`).fill(String(value));
    case 'rows': {
      await group.getByRole('button', { name: 'Add a row' }).click();
      const row = (value as Array<Record<string, unknown>>)[0]!;
      for (const c of q.columns ?? []) {
        const cell = group.getByLabel(`${c.label}, row 1`, { exact: true });
        const v = row[c.id];
        if (c.type === 'yes-no' || c.type === 'choice') await cell.selectOption(String(v));
        else await cell.fill(String(v));
      }
      return;
    }
    case 'document':
      return; // uploaded below, through the question's own form
  }
}

describe.skipIf(!chromiumPath)('the questionnaire loop, in Chromium', () => {
  let okta: number;
  const s = useSession(chromiumPath!, {
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
    },
  });

  /** An API call that must succeed: its JSON answer. */
  async function ok<T>(res: Promise<Response>): Promise<T> {
    const r = await res;
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  }

  let vendors = 0;
  /**
   * A vendor of the test's own, on no evidence yet, for a test whose answers are accepted: accepting the same answers
   * again for one vendor changes no record, so facts resting on an earlier test's request would stay as they were.
   */
  async function ownVendor(): Promise<number> {
    const body = {
      name: `Questionnaire Vendor ${++vendors} ${Date.now()}`,
      category: 'identity provider',
      tier: 1,
      dataAccess: 'confidential',
      environmentAccess: 'identity-provider',
    };
    return (await ok<{ id: number }>(s.call('/vendors', { method: 'POST', body }))).id;
  }

  /** A request of the shipped questionnaire sent to the vendor over the API, as the send form does: its id and link. */
  async function sendRequest(vendorId: number): Promise<{ requestId: number; link: string; token: string }> {
    const body = { templateId: TEMPLATE_ID, dueOn: '2027-01-15', contactName: 'Dana Okta', contactEmail: 'dana@okta.example', send: true };
    const sent = await ok<{ request: QuestionnaireRequest; link: string }>(s.call(`/vendors/${vendorId}/questionnaire-requests`, { method: 'POST', body }));
    return { requestId: sent.request.id, link: sent.link, token: new URL(sent.link).hash.replace(/^#token=/, '') };
  }

  /** A request sent and answered by the vendor over the response API (every question but the document, as answerFor answers it), submitted. */
  async function submittedRequest(vendorId: number): Promise<{ requestId: number; submittedOn: string }> {
    const { requestId, token } = await sendRequest(vendorId);
    const respond = (path: string, method: string, body?: unknown) =>
      ok(
        fetch(`${s.server.url}/api/v1/respond${path}`, {
          method,
          headers: { 'X-Response-Token': token, origin: s.server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    const template = await s.api<QuestionnaireTemplate>(`/questionnaire-templates/${TEMPLATE_ID}`);
    for (const q of template.sections.flatMap((sec) => sec.questions)) {
      const value = answerFor(q);
      if (value !== undefined) await respond(`/answers/${q.id}`, 'PUT', { value });
    }
    await respond('/submit', 'POST');
    const r = await s.api<{ request: QuestionnaireRequest }>(`/questionnaire-requests/${requestId}`);
    expect(r.request.state).toBe('submitted');
    return { requestId, submittedOn: r.request.submittedAt!.slice(0, 10) };
  }

  /** A submitted request whose every answer the analyst accepted over the API: the vendor's facts now rest on it. */
  async function acceptedRequest(vendorId: number): Promise<{ requestId: number; submittedOn: string }> {
    const submitted = await submittedRequest(vendorId);
    const { answers } = await s.api<{ answers: Array<{ questionId: string }> }>(`/questionnaire-requests/${submitted.requestId}`);
    const decisions = answers.map((a) => ({ questionId: a.questionId, decision: 'accepted' }));
    await ok(s.call(`/questionnaire-requests/${submitted.requestId}/decisions`, { method: 'POST', body: { decisions } }));
    return submitted;
  }

  it('sends the questionnaire from the dossier and shows the link once, with whether it was mailed', async () => {
    await s.go(`/vendors/${okta}`);
    const form = s.page.locator('vr-questionnaire-send-form');
    await form.getByLabel('Questionnaire').selectOption(TEMPLATE_ID);
    await form.getByLabel('Contact name').fill('Dana Okta');
    await form.getByLabel('Contact e-mail').fill('dana@okta.example');
    await form.getByLabel('Due on').fill('2027-01-15');
    await form.getByLabel('Message to the contact (optional)').fill('Please answer by mid-January.');
    await form.getByRole('button', { name: 'Send request' }).press('Enter');
    const shown = s.page.locator('vr-questionnaire-link');
    await shown.locator('code.link').waitFor();
    const link = (await shown.locator('code.link').textContent()) ?? '';
    expect(link).toMatch(/^http:\/\/localhost:\d+\/respond#token=[A-Za-z0-9_-]{43}$/);
    expect(await shown.locator('.box').textContent()).toContain('it will not be shown again');
    // No SMTP_URL on the e2e server: not mailed, and the page says so.
    expect(await shown.locator('.box').textContent()).toContain('It was not mailed');
    // The request just sent: Okta's newest (other tests send their own).
    const r = (await s.api<{ items: QuestionnaireRequest[] }>(`/vendors/${okta}/questionnaire-requests`)).items.reduce((a, b) => (b.id > a.id ? b : a));
    expect(r).toMatchObject({ templateId: TEMPLATE_ID, state: 'sent', contactEmail: 'dana@okta.example', dueOn: '2027-01-15', linkExpiresOn: '2027-02-14' });
    const requestId = r.id;
    await s.page.locator(`vr-questionnaire-list tr[data-request-id="${requestId}"]`).waitFor();
    await s.expectNoAxeViolations();
    await shown.getByRole('button', { name: 'Done, I have sent it' }).click();
    await expect.poll(() => shown.locator('code.link').count()).toBe(0);
  });

  it('the vendor opens the link in a browser of their own (the token leaves the address bar), answers on the page, uploads a PDF and submits', async () => {
    const { requestId, link } = await sendRequest(okta);
    const context = await s.browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const problems = watchConsole(page);
      await page.goto(link);
      await expect.poll(() => page.url()).not.toContain('token=');
      await page.getByRole('heading', { level: 1, name: 'Support chain and identity' }).waitFor();
      // A scored question says what it feeds, to the vendor too.
      // (the support staff's method and its enforcement).
      expect(await page.locator('.feeds', { hasText: /^Feeds: MFA · support staff$/ }).count()).toBe(2);
      await expectNoAxeViolationsOn(page);

      const template = await s.api<QuestionnaireTemplate>(`/questionnaire-templates/${TEMPLATE_ID}`);
      for (const q of template.sections.flatMap((sec) => sec.questions)) await answerOnPage(page, q);

      // A document question: a file that is HTML whatever its name says is refused beside the file field, nothing attached.
      const docs = page.getByRole('group', { name: /Attach your latest SOC 2 report/ });
      const form = docs.locator('vr-document-form');
      await form.getByLabel('Kind').selectOption('other');
      await form.getByLabel('Title').fill('Support access policy');
      await form.getByLabel('File').setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from(HOSTILE_HTML) });
      await form.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => form.locator('#doc-file-error').textContent()).toContain('not a PDF');
      expect(await docs.getByRole('checkbox').count()).toBe(0);
      // Chromium logs the refused upload (415) it was asked to make: that one is expected.
      problems.splice(0, problems.length, ...problems.filter((p) => !/status of 415 .*\/api\/v1\/respond\/documents\)$/.test(p)));
      // Then a real PDF: listed by its name and chosen as the answer.
      await form.getByLabel('Title').fill('Support access policy');
      await form.getByLabel('File').setInputFiles({ name: 'support-policy.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF, 'latin1') });
      await form.getByRole('button', { name: 'Upload' }).click();
      const chosen = docs.getByRole('checkbox', { name: /support-policy\.pdf/ });
      await chosen.waitFor();
      expect(await chosen.isChecked()).toBe(true);
      expect(await form.getByRole('status').textContent()).toContain('Attached support-policy.pdf');
      await expectNoAxeViolationsOn(page);

      await page.getByRole('button', { name: 'Submit answers' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'submitted' }).count()).toBeGreaterThan(0);
      await page.getByText('support-policy.pdf (Other document)').waitFor();
      // Nothing the vendor typed became markup.
      expect(await page.locator('img').count()).toBe(0);
      await expectNoAxeViolationsOn(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    const r = await s.api<{ request: QuestionnaireRequest; answers: Array<{ questionId: string; value: unknown }> }>(`/questionnaire-requests/${requestId}`);
    expect(r.request.state).toBe('submitted');
    expect(r.answers.find((a) => a.questionId === 'mfa-support-method')?.value).toBe('fido2');
    expect(r.answers.find((a) => a.questionId === 'mfa-support-enforced')?.value).toBe(true);
    // The PDF is on Okta's record, with the request it came through and the vendor contact as its uploader.
    const documents = (
      await s.api<{ items: Array<{ id: number; requestId: number | null; fileName: string; mediaType: string; uploadedBy: string }> }>(
        `/vendors/${okta}/documents`,
      )
    ).items;
    const pdf = documents.find((d) => d.fileName === 'support-policy.pdf')!;
    expect(pdf).toMatchObject({ requestId, mediaType: 'application/pdf', uploadedBy: `vendor contact, request ${requestId}` });
    expect(r.answers.find((a) => a.questionId === 'assurance-report')?.value).toEqual([pdf.id]);
    expect(documents.some((d) => d.fileName === 'policy.pdf')).toBe(false);
  });

  it('the analyst reviews the answers as text beside the record, must explain a rejection, and accepts', async () => {
    const vendor = await ownVendor();
    const { requestId } = await submittedRequest(vendor);
    await s.go(`/vendors/${vendor}`);
    const row = s.page.locator(`vr-questionnaire-list tr[data-request-id="${requestId}"]`);
    await row.getByRole('link', { name: `Review answers request ${requestId}` }).click();
    const form = s.page.locator('vr-questionnaire-review-form');
    await form.locator('article').first().waitFor();
    // A free-text answer that looks like HTML is shown as its characters.
    const texts = await form.locator('vr-questionnaire-answer p.text').allTextContents();
    expect(texts).toContain(HOSTILE);
    expect(await form.locator('vr-questionnaire-answer img').count()).toBe(0);
    // At least one mapped answer says what it would change, old → new.
    expect(await form.locator('.proposal table tbody tr').count()).toBeGreaterThan(0);
    await s.expectNoAxeViolations();

    const first = form.locator('article:has(input[type="radio"])').first();
    await first.getByRole('radio', { name: 'Reject' }).check();
    await form.getByRole('button', { name: 'Accept every undecided answer' }).click();
    await form.getByRole('button', { name: 'Submit decisions' }).click();
    const comment = first.locator('textarea');
    await first.locator('.field-error').waitFor();
    await expect.poll(() => isFocused(comment)).toBe(true);
    await first.getByRole('radio', { name: 'Accept' }).check();
    await form.getByRole('button', { name: 'Submit decisions' }).click();
    const result = s.page.locator('vr-questionnaire-review-page .result');
    await result.waitFor();
    expect(await result.textContent()).toContain('0 rejected');
    expect(await result.textContent()).toContain('The request is now accepted');
    await s.expectNoAxeViolations();
    await s.shoot('questionnaire-review-merged.png');
  });

  it('accepted answers are self-attested facts whose source is the answer, known from the submission day', async () => {
    const vendor = await ownVendor();
    const { requestId, submittedOn } = await acceptedRequest(vendor);
    const posture = await s.api<{ items: Array<Record<string, unknown>> }>(`/vendors/${vendor}/mfa`);
    const support = posture.items.find((i) => i.population === 'support')!;
    expect(support).toMatchObject({ method: 'fido2', enforced: true, confidence: 'self-attested', knownFrom: submittedOn });
    // The source object, whatever the field is named: the questionnaire, this request, the answer.
    const json = JSON.stringify(support);
    expect(json).toContain(`"kind":"questionnaire","requestId":${requestId}`);
    expect(json).toMatch(/"questionId":"mfa-support-(method|enforced)"/);
    const r = await s.api<{ request: QuestionnaireRequest }>(`/questionnaire-requests/${requestId}`);
    expect(r.request.state).toBe('accepted');
    expect(r.request.reviewedAt).not.toBeNull();
  });

  it("the vendor's score, confidence and gaps change accordingly", async () => {
    const vendor = await ownVendor();
    const before = await s.api<VendorScoreView>(`/vendors/${vendor}/score`);
    const { requestId } = await acceptedRequest(vendor);
    const after = await s.api<VendorScoreView>(`/vendors/${vendor}/score`);
    const mfaPoints = (v: VendorScoreView) => v.factors.find((f) => f.id === 'mfa')!.score;
    // Support staff, admins, contractors and customers on FIDO2, enforced: the MFA factor and the risk fall.
    expect(mfaPoints(after)).toBeLessThan(mfaPoints(before));
    expect(after.risk).toBeLessThan(before.risk);
    // More of the score rests on evidence, but on the vendor's word: confidence moves, and the gaps say why.
    expect(after.confidence).not.toBe(before.confidence);
    const texts = (v: VendorScoreView) => v.gaps.map((g) => g.text);
    expect(texts(before)).toContain('No evidence about support staff MFA');
    expect(texts(after)).not.toContain('No evidence about support staff MFA');
    expect(texts(after)).toContain(`Support staff MFA rests on the vendor's own word (questionnaire, request ${requestId})`);
  });

  it('on the dossier the self-attested record links to the answer it came from, on the review page', async () => {
    const vendor = await ownVendor();
    const { requestId } = await acceptedRequest(vendor);
    await s.go(`/vendors/${vendor}`);
    const row = s.page.locator('vr-mfa-grid tr#mfa-support');
    await row.waitFor();
    const link = row.locator('.attested a');
    expect(await link.textContent()).toMatch(new RegExp(`Self-attested: questionnaire request ${requestId}, question mfa-support-(method|enforced)`));
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/vendors/${vendor}/questionnaires/${requestId}/review#answer-mfa-support-(method|enforced)$`));
    // The score panel says it too.
    await s.page.getByText(`Support staff MFA rests on the vendor's own word (questionnaire, request ${requestId})`).first().waitFor();
    // The commitments answered (days to notify, security contact) are on the dossier too, each linking to its answer.
    const notify = s.page.locator('vr-commitments dd[data-commitment="notifyWithinDays"]');
    expect(await notify.textContent()).toMatch(/\d+ days?/);
    expect(await notify.locator('a').getAttribute('href')).toBe(`/vendors/${vendor}/questionnaires/${requestId}/review#answer-notify-within-days`);
    await s.page.locator('vr-commitments dd[data-commitment="securityContactEmail"]').waitFor();
    await s.expectNoAxeViolations();
    await s.shoot('questionnaire-loop-dossier.png');

    await link.click();
    await expect.poll(() => new URL(s.page.url()).pathname).toBe(`/vendors/${vendor}/questionnaires/${requestId}/review`);
    const answer = s.page.locator(`vr-questionnaire-review-form article#${href.split('#')[1]}`);
    await answer.waitFor();
    await expect.poll(() => isFocused(answer)).toBe(true);
    expect(await answer.locator('h3').textContent()).toContain('support staff');
    await s.expectNoAxeViolations();
  });

  it('an accepted MFA record edited by hand shows its answer read only, keeps it when saved unchanged, and is the analyst’s once a citation replaces it', async () => {
    const vendor = await ownVendor();
    const { requestId } = await acceptedRequest(vendor);
    type Rec = { population: string; source: unknown; confidence: string };
    const posture = async () => (await s.api<{ items: Rec[] }>(`/vendors/${vendor}/mfa`)).items;
    const answered = (await posture()).find((x) => typeof x.source === 'object' && x.source !== null)!;
    const words = `Questionnaire request ${requestId}, question ${(answered.source as { questionId: string }).questionId}`;
    await s.go(`/vendors/${vendor}`);
    const gridRow = s.page.locator(`vr-mfa-grid tr[data-population="${answered.population}"]`);
    await gridRow.locator('td.source', { hasText: words }).waitFor();

    const save = async (citation: string | null) => {
      await s.page.locator('vr-mfa-grid button.add').click();
      const fieldset = s.page.locator(`vr-mfa-form fieldset[data-population="${answered.population}"]`);
      const source = fieldset.getByLabel('Source');
      expect(await source.inputValue()).toBe('');
      expect(await fieldset.locator(`#mfa-${answered.population}-source-hint`).textContent()).toContain(words);
      if (citation !== null) await source.fill(citation);
      await s.page.locator('vr-mfa-form').getByRole('button', { name: 'Save MFA posture' }).click();
      await s.page.locator('vr-mfa-grid .saved').waitFor();
    };
    await save(null);
    expect((await posture()).find((x) => x.population === answered.population)).toMatchObject({ source: answered.source, confidence: 'self-attested' });
    await s.expectNoAxeViolations();

    await s.go(`/vendors/${vendor}`);
    await save('https://example.com/trust/mfa');
    expect((await posture()).find((x) => x.population === answered.population)).toMatchObject({
      source: 'https://example.com/trust/mfa',
      confidence: 'recorded',
    });
    await gridRow.locator('td.source a', { hasText: 'example.com' }).waitFor();
  });
});
