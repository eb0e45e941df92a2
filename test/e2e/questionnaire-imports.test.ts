/**
 * Standard questionnaires on the dossier, in a real browser: a CAIQ sheet with an unknown column
 * refused with the column named beside the file (nothing imported), then the CAIQ v4 workbook
 * imported: the sheet listed, every answer shown as text (markup in an answer stays text), what
 * the mapped answers became, and the MFA posture changed; keyboard only for the form; axe clean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredMfaPosture } from '../../server/domain/mfa.ts';
import { chromiumForTests, PROJECT_ROOT } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'questionnaires');
const CAIQ_CSV = readFileSync(join(FIXTURES, 'caiq-v4.csv'), 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.skipIf(!chromiumPath)('standard questionnaires on the dossier, in Chromium', () => {
  let vendorId = 0;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      const res = await s.call('/vendors', {
        method: 'POST',
        body: { name: 'Northwind Support Cloud', category: 'customer service', tier: 2, dataAccess: 'confidential', environmentAccess: 'user' },
      });
      vendorId = ((await res.json()) as { id: number }).id;
    },
  });
  const section = () => s.page.locator('vr-questionnaire-imports');
  const form = () => s.page.locator('vr-questionnaire-import-form');

  it('refuses a sheet with an unknown column beside the file, then imports the CAIQ workbook and shows its answers as text', async () => {
    await s.go(`/vendors/${vendorId}`);
    await section().locator('h2', { hasText: 'Standard questionnaires' }).waitFor();
    expect(await section().locator('p.muted', { hasText: 'No answer sheet imported.' }).count()).toBe(1);

    const file = form().locator('#q-file');
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(CAIQ_CSV.replace('CCM Domain Title', 'Risk Rating')) });
    await file.focus();
    await s.page.keyboard.press('Tab'); // the format
    await s.page.keyboard.press('Tab'); // the day
    await s.page.keyboard.press('Tab'); // Import sheet
    await s.page.keyboard.press('Enter');
    const error = form().locator('#q-file-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Column I: unknown column “Risk Rating” in a CAIQ v4 sheet');
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    expect((await s.api<{ items: unknown[] }>(`/vendors/${vendorId}/questionnaire-imports`)).items).toEqual([]);
    await s.expectNoAxeViolations();
    // The refusal's 422, which Chromium logs: caused on purpose.
    s.problems.length = 0;

    // A description with markup in it: shown as the text it is.
    const marked = CAIQ_CSV.replace('Annual vendor risk reviews.', '<img src=x onerror=window.__pwned=1> <b>bold</b>');
    const { xlsxOf, csvRows } = await import('../helpers/xlsx.ts');
    await file.setInputFiles({
      name: 'northwind-caiq.xlsx',
      mimeType: XLSX,
      buffer: xlsxOf([
        { name: 'Intro', rows: [['CAIQ']] },
        { name: 'CAIQv4.0.2', rows: csvRows(marked) },
      ]),
    });
    await form().locator('button[type=submit]').click();
    await form().locator('p.outcome.ok', { hasText: 'Imported: CAIQ v4 · northwind-caiq.xlsx · 14 answers, 3 mapped' }).waitFor();
    expect(await form().locator('#q-file-error').count()).toBe(0);

    const row = (id: string) => section().locator(`tr[data-question-id="${id}"]`);
    await row('IAM-14.1').waitFor();
    expect(await section().locator('tbody tr').count()).toBe(14);
    expect(await row('IAM-14.1').textContent()).toContain(
      'MFA · admins: push with number matching (also names FIDO2 / passkeys; the weakest counts), enforced. Written as a fact (self-attested)',
    );
    expect(await row('SEF-07.2').textContent()).toContain('within 3 day(s). Written as a fact (self-attested)');
    expect(await row('STA-08.1').locator('td').nth(1).textContent()).toBe('<img src=x onerror=window.__pwned=1> <b>bold</b>');
    expect(await section().locator('img, b').count()).toBe(0);
    expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    const mfa = await s.api<StoredMfaPosture>(`/vendors/${vendorId}/mfa`);
    expect(mfa.items).toEqual([
      expect.objectContaining({
        population: 'admins',
        method: 'push-number-matching',
        evidence: 'attestation',
        confidence: 'self-attested',
        source: { kind: 'questionnaire-import', importId: expect.any(Number), questionId: 'IAM-14.1' },
      }),
    ]);
    // The MFA grid on the page reloaded with it, the answer named as its source.
    await s.page.locator('vr-mfa-grid', { hasText: 'push with number matching' }).first().waitFor();
    await s.page.locator('vr-mfa-grid', { hasText: 'question IAM-14.1' }).first().waitFor();

    // Hide and show the answers by keyboard.
    const toggle = section().locator('li button', { hasText: 'Hide answers' });
    await toggle.focus();
    await s.page.keyboard.press('Enter');
    await section().locator('li button[aria-expanded="false"]', { hasText: 'Show answers' }).waitFor();
    expect(await section().locator('tbody tr').count()).toBe(0);
    await s.expectNoAxeViolations();
  });
});
