/**
 * The server's refusals in words beside the fields, in a real browser: two admin forms (a new
 * user's password, a webhook's secret and URL) and one import (a questionnaire sheet's day), each
 * naming the field by the label the form shows, never zod's phrasing, and nothing written.
 * Every refusal here is caused on purpose, so the console's 4xx lines are cleared after each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumForTests, PROJECT_ROOT } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const CAIQ_CSV = readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'questionnaires', 'caiq-v4.csv'), 'utf8');
/** zod's own phrasing, which no one should read. */
const ZOD_WORDS = /Invalid (input|option|string)|Too (big|small)|expected (one of|string|number)|received|<=|>=|validation-failed/;

describe.skipIf(!chromiumPath)("the server's refusals in words beside the fields, in Chromium", () => {
  const s = useSession(chromiumPath!, { quietConsole: true });

  it('names the new user’s password by its label and says what it needs', async () => {
    await s.go('/admin/users');
    const form = s.page.locator('vr-user-form');
    await form.getByLabel('E-mail address').fill('new.viewer@e2e.example');
    await form.getByLabel('First password').fill('short1!');
    await form.getByRole('button', { name: /Add user/ }).click();
    const error = form.locator('#user-password-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('First password must be at least 12 characters.');
    expect(await form.locator('#user-password').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.field-error').allTextContents()).not.toContainEqual(expect.stringMatching(ZOD_WORDS));
    const users = await s.api<Array<{ email: string }> | { items: Array<{ email: string }> }>('/users');
    expect(JSON.stringify(users)).not.toContain('new.viewer@e2e.example');
    await s.expectNoAxeViolations();
    s.problems.length = 0;
  });

  it('says a webhook’s short secret and its URL’s scheme in words beside each', async () => {
    await s.go('/admin/webhooks');
    const form = s.page.locator('vr-webhook-form');
    await form.getByLabel('Name').fill('Team channel');
    await form.getByLabel('URL').fill('ftp://hooks.example.com/x');
    await form.getByLabel('Secret (optional)').fill('too-short');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secret = form.locator('#wh-secret-error');
    await secret.waitFor();
    expect((await secret.textContent())?.trim()).toBe('Secret must be at least 16 characters.');
    expect((await form.locator('#wh-url-error').textContent())?.trim()).toBe('URL: only http and https URLs.');
    for (const text of await form.locator('.field-error').allTextContents()) expect(text).not.toMatch(ZOD_WORDS);
    expect(JSON.stringify(await s.api('/webhooks'))).not.toContain('Team channel');
    await s.expectNoAxeViolations();
    s.problems.length = 0;
  });

  it('names the import’s day by its label when the answers would be known in the future', async () => {
    const res = await s.call('/vendors', {
      method: 'POST',
      body: { name: 'Errorwords Support Cloud', category: 'customer service', tier: 2, dataAccess: 'confidential', environmentAccess: 'user' },
    });
    const vendorId = ((await res.json()) as { id: number }).id;
    await s.go(`/vendors/${vendorId}`);
    const form = s.page.locator('vr-questionnaire-import-form');
    await form.locator('#q-file').setInputFiles({ name: 'caiq.csv', mimeType: 'text/csv', buffer: Buffer.from(CAIQ_CSV) });
    await form.locator('#q-known-from').fill('2099-01-01');
    await form.locator('button[type=submit]').click();
    const error = form.locator('#q-known-from-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^\s*Answers known from is after today \(\d{4}-\d{2}-\d{2}\): evidence cannot be known in the future\.\s*$/);
    expect(await form.locator('#q-known-from').getAttribute('aria-invalid')).toBe('true');
    expect((await s.api<{ items: unknown[] }>(`/vendors/${vendorId}/questionnaire-imports`)).items).toEqual([]);
    await s.expectNoAxeViolations();
    s.problems.length = 0;
  });

  it('lists a refused restore’s problems in words in the error box, the code only as small print', async () => {
    await s.go('/data');
    const doc = JSON.parse(await (await s.call('/export')).text()) as { vendors: Array<Record<string, unknown>> };
    doc.vendors[0]!.tier = 9;
    const form = s.page.locator('vr-restore-form');
    await form.locator('input[type="file"]').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await form.locator('input[name="mode"][value="empty"]').check();
    await form.getByRole('button', { name: 'Restore' }).click();
    const box = s.page.locator('vr-import-failure vr-error [role="alert"]');
    await box.waitFor();
    expect((await box.locator('h2').textContent())?.trim()).toBe('Nothing was restored from export.json');
    expect(await box.locator('p').first().textContent()).toBe('The document is not a Vendorscope export of this version.');
    expect(await box.locator('ul.fields li').allTextContents()).toEqual(['Vendors #1: Tier must be at most 4.']);
    expect((await box.locator('.meta').textContent())?.trim()).toBe('Error code validation-failed (HTTP 400)');
    const words = (await box.locator('h2, p:not(.meta), li').allTextContents()).join(' ');
    expect(words).not.toMatch(ZOD_WORDS);
    await s.expectNoAxeViolations();
    s.problems.length = 0;
  });
});
