/**
 * The vendor's response page in a real browser: an analyst creates a request through the API; a
 * second browser context (no session, as a vendor's contact would be) opens the link, answers,
 * saves a draft, is told which required questions are missing, submits, and sees the answers read
 * only. A withdrawn link and a wrong one get plain pages. axe runs on each state.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FIXTURE_QUESTIONNAIRES } from '../helpers/app.ts';
import { chromiumForTests, watchConsole } from './harness.ts';
import { expectNoAxeViolationsOn, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('the response page in Chromium', () => {
  let requestId = 0;
  let token = '';
  const s = useSession(chromiumPath!, {
    server: { env: { VENDORSCOPE_DEMO: 'off', QUESTIONNAIRE_DIR: FIXTURE_QUESTIONNAIRES } },
    start: async () => {
      const vendor = (await (
        await s.call('/vendors', {
          method: 'POST',
          body: { name: 'Acme Identity', category: 'identity provider', tier: 1, dataAccess: 'confidential', environmentAccess: 'identity-provider' },
        })
      ).json()) as { id: number };
      const today = new Date().toISOString().slice(0, 10);
      const res = await s.call(`/vendors/${vendor.id}/questionnaire-requests`, {
        method: 'POST',
        body: {
          templateId: 'fixture-support',
          dueOn: today,
          contactName: 'Dana Contact',
          contactEmail: 'dana@vendor.example',
          message: 'Thanks <b>in advance</b>.',
          send: true,
        },
      });
      const body = (await res.json()) as { request: { id: number }; link: string };
      requestId = body.request.id;
      token = new URL(body.link).hash.replace('#token=', '');
    },
  });

  /** A browser context of its own: no cookie of the analyst's. */
  async function vendorPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await s.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page, problems: watchConsole(page) };
  }

  it('opens from the link without an account, answers, saves, names the missing questions, submits, and turns read-only', async () => {
    const { context, page, problems } = await vendorPage();
    await page.goto(s.url(`/respond#token=${token}`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fixture: support and identity');
    // The token left the address bar; the page has no app navigation and asked nobody's session.
    expect(page.url()).toBe(s.url('/respond'));
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // The analyst's message is text, not markup.
    expect(await page.getByText('Thanks <b>in advance</b>.').count()).toBe(1);
    await expect.poll(() => page.getByRole('navigation', { name: 'Sections' }).textContent()).toContain('0 of 8');
    await expectNoAxeViolationsOn(page);

    await page
      .getByRole('group', { name: /Is MFA enforced for your support staff/ })
      .getByLabel('Yes')
      .check();
    await page.getByLabel(/Who provides your customer support/).fill('Acme Support Ltd');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft saved' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('navigation', { name: 'Sections' }).textContent()).toContain('2 of 8');

    await page.getByRole('button', { name: 'Submit answers' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not submitted' });
    await expect.poll(() => alert.textContent()).toContain('Which MFA method do support staff use?');
    expect(await alert.textContent()).toContain('How many days do you keep uploaded support artefacts?');
    expect(await page.getByText('This question needs an answer.').count()).toBe(2);
    await expectNoAxeViolationsOn(page);

    await page
      .getByRole('group', { name: /Which MFA method/ })
      .getByLabel('Security keys or passkeys (FIDO2)')
      .check();
    await page.getByLabel(/How many days do you keep/).fill('30');
    const rows = page.getByRole('group', { name: /List the subprocessors/ });
    await rows.getByRole('button', { name: 'Add a row' }).click();
    await rows.getByLabel('Name, row 1').fill('Sitel');
    await rows.getByLabel('Access level, row 1').selectOption('admin');
    await expectNoAxeViolationsOn(page);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Submitted' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Submit answers' }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'Sitel' }).count()).toBe(1);
    await expectNoAxeViolationsOn(page);

    const detail = (await (await s.call(`/questionnaire-requests/${requestId}`)).json()) as {
      request: { state: string };
      answers: Array<{ questionId: string; value: unknown }>;
    };
    expect(detail.request.state).toBe('submitted');
    expect(Object.fromEntries(detail.answers.map((a) => [a.questionId, a.value]))).toEqual({
      'support-mfa-enforced': true,
      'support-provider': 'Acme Support Ltd',
      'support-mfa-method': 'fido2',
      'retention-days': 30,
      subprocessors: [{ name: 'Sitel', access: 'admin' }],
    });

    // Withdrawn: a reload (the tab kept the token) shows the plain page.
    await s.call(`/questionnaire-requests/${requestId}/revoke`, { method: 'POST' });
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This link no longer works');
    await expectNoAxeViolationsOn(page);
    // The browser logs the API calls refused on purpose (the early submit's 422, the withdrawn link's 410); nothing else may have gone wrong.
    expect(problems.filter((p) => !/status of (410|422)/.test(p))).toEqual([]);
    await context.close();
  });

  it('shows a plain page for a link that is not valid', async () => {
    const { context, page, problems } = await vendorPage();
    await page.goto(s.url(`/respond#token=${'x'.repeat(43)}`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This link is not valid');
    expect(page.url()).toBe(s.url('/respond'));
    await expectNoAxeViolationsOn(page);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });
});
