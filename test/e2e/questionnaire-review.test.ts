/**
 * The questionnaire loop against the REAL questionnaire API: NEEDS THE MERGED SERVER (parts A, B and
 * C of issue 16: templates and requests, the response API, the review API, documents). On the `qweb`
 * branch alone these routes do not exist and this file fails; questionnaire-pages.test.ts covers the
 * same pages with the API stood in. The lead completes the loop after merging (the vendor's side in
 * the response page's own browser steps, the score's confidence and gaps).
 *
 * An analyst sends the shipped "Support chain and identity" questionnaire from Okta's dossier and sees
 * the link once; a second browser context opens it as the vendor (the token leaves the address bar);
 * the vendor's answers go in through the response API (X-Response-Token) and are submitted; the
 * analyst reviews them side by side with the record, is refused a rejection without a comment,
 * accepts, and the accepted answers are self-attested facts whose source is the answer.
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { Question, QuestionnaireRequest, QuestionnaireTemplate } from '../../server/domain/questionnaire.ts';
import { chromiumForTests, watchConsole } from './harness.ts';
import { expectNoAxeViolationsOn, isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
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
          (q.columns ?? []).map((c) => [c.id, c.type === 'yes-no' ? true : c.type === 'number' ? 1 : c.type === 'choice' ? c.options?.[0]?.value : c.field === 'name' ? 'Acme Support Ltd' : HOSTILE]),
        ),
      ];
    case 'document':
      return undefined;
  }
}

describe.skipIf(!chromiumPath)('the questionnaire loop, in Chromium (needs the merged server)', () => {
  let okta: number;
  let link = '';
  let requestId = 0;
  const s = useSession(chromiumPath!, {
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
      await s.go(`/vendors/${okta}`);
      await s.signIn();
    },
  });
  /** The response API as the vendor's contact calls it: the token in its header, no session. */
  const respond = (path: string, init: { method?: string; body?: unknown; form?: FormData } = {}) =>
    fetch(`${s.server.url}/api/v1/respond${path}`, {
      method: init.method ?? 'GET',
      headers: { 'x-response-token': new URL(link).hash.replace(/^#token=/, ''), origin: s.server.url, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });

  it('sends the questionnaire from the dossier and shows the link once, with whether it was mailed', async () => {
    const form = s.page.locator('vr-questionnaire-send-form');
    await form.getByLabel('Questionnaire').selectOption(TEMPLATE_ID);
    await form.getByLabel('Contact name').fill('Dana Okta');
    await form.getByLabel('Contact e-mail').fill('dana@okta.example');
    await form.getByLabel('Due on').fill('2027-01-15');
    await form.getByLabel('Message to the contact (optional)').fill('Please answer by mid-January.');
    await form.getByRole('button', { name: 'Send request' }).press('Enter');
    const shown = s.page.locator('vr-questionnaire-link');
    await shown.locator('code.link').waitFor();
    link = (await shown.locator('code.link').textContent()) ?? '';
    expect(link).toMatch(/^http:\/\/localhost:\d+\/respond#token=[A-Za-z0-9_-]{43}$/);
    expect(await shown.locator('.box').textContent()).toContain('it will not be shown again');
    // No SMTP_URL on the e2e server: not mailed, and the page says so.
    expect(await shown.locator('.box').textContent()).toContain('It was not mailed');
    const [r] = (await s.api<{ items: QuestionnaireRequest[] }>(`/vendors/${okta}/questionnaire-requests`)).items;
    expect(r).toMatchObject({ templateId: TEMPLATE_ID, state: 'sent', contactEmail: 'dana@okta.example', dueOn: '2027-01-15', linkExpiresOn: '2027-02-14' });
    requestId = r!.id;
    await s.page.locator(`vr-questionnaire-list tr[data-request-id="${requestId}"]`).waitFor();
    await s.expectNoAxeViolations();
    await shown.getByRole('button', { name: 'Done, I have sent it' }).click();
    await expect.poll(() => shown.locator('code.link').count()).toBe(0);
  });

  it('the vendor opens the link in a browser of their own (the token leaves the address bar), answers and submits', async () => {
    const context = await s.browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(link);
      await expect.poll(() => page.url()).not.toContain('token=');
      await page.getByText('Support chain and identity').first().waitFor();
      await expectNoAxeViolationsOn(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    const opened = (await (await respond('')).json()) as { template: QuestionnaireTemplate };
    for (const q of opened.template.sections.flatMap((sec) => sec.questions)) {
      let value = answerFor(q);
      if (q.type === 'document') {
        if (!q.required) continue;
        const form = new FormData();
        form.append('meta', JSON.stringify({ kind: 'other', title: 'Support policy', date: '2026-11-01' }));
        form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'support-policy.pdf');
        const up = await respond('/documents', { method: 'POST', form });
        expect(up.status).toBe(201);
        value = [((await up.json()) as { document: { id: number } }).document.id];
      }
      const put = await respond(`/answers/${q.id}`, { method: 'PUT', body: { value } });
      expect(put.status, `${q.id}: ${await put.clone().text()}`).toBe(200);
    }
    const submitted = await respond('/submit', { method: 'POST' });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
  });

  it('the analyst reviews the answers as text beside the record, must explain a rejection, and accepts', async () => {
    await s.go(`/vendors/${okta}`);
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

  it('accepted answers are self-attested facts whose source is the answer', async () => {
    const mfa = JSON.stringify(await s.api<unknown>(`/vendors/${okta}/mfa`));
    expect(mfa).toContain(`"kind":"questionnaire","requestId":${requestId}`);
    expect(mfa).toContain('self-attested');
    const r = await s.api<{ request: QuestionnaireRequest }>(`/questionnaire-requests/${requestId}`);
    expect(r.request.state).toBe('accepted');
    expect(r.request.reviewedAt).not.toBeNull();
  });

  it('an accepted MFA record edited by hand shows its answer read only, keeps it when saved unchanged, and is the analyst’s once a citation replaces it', async () => {
    type Rec = { population: string; source: unknown; confidence: string };
    const posture = async () => (await s.api<{ items: Rec[] }>(`/vendors/${okta}/mfa`)).items;
    const answered = (await posture()).find((x) => typeof x.source === 'object' && x.source !== null)!;
    const words = `Questionnaire request ${requestId}, question ${(answered.source as { questionId: string }).questionId}`;
    await s.go(`/vendors/${okta}`);
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

    await s.go(`/vendors/${okta}`);
    await save('https://example.com/trust/mfa');
    expect((await posture()).find((x) => x.population === answered.population)).toMatchObject({ source: 'https://example.com/trust/mfa', confidence: 'recorded' });
    await gridRow.locator('td.source a', { hasText: 'example.com' }).waitFor();
  });
});
