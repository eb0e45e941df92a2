/**
 * Okta's dossier on paper and as files, in a real browser: the print view (as of the day after
 * Okta's 2023 disclosure) printed to PDF by Chromium and read back (every section, no control);
 * the dossier's Markdown and JSON downloads; and the sticky section menu following the scroll,
 * marking the section read, and moving focus by keyboard.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../web/dossier-paper.ts';
import { AFTER_OKTA_2023, OKTA_2022, OKTA_2023, SUPPORT_MFA_FINDING, usePortfolioSession } from './demo.ts';
import { chromiumForTests, PROJECT_ROOT } from './harness.ts';
import { flat, pdfPageTexts } from './pdf-text.ts';
import { deepFocus } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)("Okta's dossier on paper in Chromium", () => {
  const { s, vendor } = usePortfolioSession(chromiumPath!);
  const okta = () => vendor('Okta').vendorId;
  const openPrint = async (query = '') => {
    await s.go(`/vendors/${okta()}/print${query}`);
    await s.page.locator('vr-dossier-print-page h1').waitFor();
  };
  const openDossier = async () => {
    await s.go(`/vendors/${okta()}`);
    await s.page.locator('vr-vendor-page vr-change-history').waitFor();
    await s.page.locator('vr-score-breakdown [data-factor]').first().waitFor();
  };

  it('prints the dossier as of a day to PDF: every section, the findings with their conditions, and no control', async () => {
    const d = await s.api<Dossier>(`/vendors/${okta()}/dossier?asOf=${AFTER_OKTA_2023}`);
    await openPrint(`?asOf=${AFTER_OKTA_2023}`);
    const finding = d.score.findings.find((f) => f.id === SUPPORT_MFA_FINDING)!;
    expect(finding).toBeDefined();
    await s.page.emulateMedia({ media: 'print' });
    // Nothing to press or fill in on paper: no visible control anywhere in the document (shadow roots included).
    expect(await s.page.locator('button, input, select, textarea, [role="button"]').filter({ visible: true }).count()).toBe(0);
    await s.page.emulateMedia({ media: null });
    // page.pdf prints with print media, as the browser's Print and "Save as PDF" do.
    const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(PROJECT_ROOT, 'test-results', 'dossier-okta.pdf'), pdf);
    const text = pdfPageTexts(pdf).map(flat).join('');
    for (const words of [
      'Vendor dossier',
      'Okta',
      `as of 31 Oct 2023`,
      'Relationship',
      'Score',
      'Findings',
      'Gaps in the evidence',
      'Review',
      'Decisions',
      'Conditions',
      'Incidents',
      'Support chain',
      'MFA',
      'Statements',
      'Sources',
    ]) {
      expect(text, words).toContain(flat(words));
    }
    expect(text).toContain(flat(finding.title));
    expect(text).toContain(flat(finding.suggestedCondition.slice(0, 60)));
    expect(text).toContain(flat(OKTA_2023.slice(0, 60)));
    expect(text).toContain(flat(OKTA_2022.slice(0, 60)));
    expect(text).toContain(flat(d.supportChain[0]!.name));
    expect(text).toContain(flat(`Residual risk ${d.score.risk.toFixed(1)}`));
    // The on-screen actions and the app's chrome are not printed.
    for (const words of ['Print / Save as PDF', 'Download Markdown', 'Back to the dossier', 'admin@e2e.example', 'API (OpenAPI)'])
      expect(text).not.toContain(flat(words));
    expect(pdf.toString('latin1')).not.toMatch(/\/AcroForm|\/Widget/);
  }, 60_000);

  it('the print view passes axe and links back to the dossier of the same day', async () => {
    await openPrint(`?asOf=${AFTER_OKTA_2023}`);
    await s.expectNoAxeViolations();
    await s.shoot('dossier-print.png', false);
    await s.page.getByRole('link', { name: '← Back to the dossier' }).click();
    await s.page.waitForURL(new RegExp(`/vendors/${okta()}\\?asOf=${AFTER_OKTA_2023}$`));
  });

  it('downloads the dossier as Markdown and JSON from the dossier, and opens the print view', async () => {
    await openDossier();
    await s.shoot('dossier-head.png', false);
    const today = (await s.api<Dossier>(`/vendors/${okta()}/dossier`)).asOf;
    const paper = s.page.locator('vr-vendor-page .paper');
    const [md] = await Promise.all([s.page.waitForEvent('download'), paper.getByRole('link', { name: 'Markdown' }).click()]);
    expect(md.suggestedFilename()).toBe(`vendorscope-dossier-okta-${today}.md`);
    const text = readFileSync((await md.path())!, 'utf8');
    expect(text).toMatch(/^# Okta: vendor dossier\n/);
    expect(text).toContain('\n## Support chain\n');
    const [json] = await Promise.all([s.page.waitForEvent('download'), paper.getByRole('link', { name: 'JSON' }).click()]);
    expect(json.suggestedFilename()).toBe(`vendorscope-dossier-okta-${today}.json`);
    const doc = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Dossier;
    expect(doc.vendor.name).toBe('Okta');
    expect(doc.incidents.map((i) => i.title)).toContain(OKTA_2023);
    await paper.getByRole('link', { name: 'Print / Save as PDF' }).click();
    await s.page.waitForURL(new RegExp(`/vendors/${okta()}/print$`));
    await s.page.locator('vr-dossier-print-page h1', { hasText: 'Okta' }).waitFor();
  });

  it('has a sticky section menu that follows the scroll and marks the section read', async () => {
    await openDossier();
    const menu = s.page.locator('vr-section-menu');
    const current = () => menu.locator('a[aria-current="location"]').textContent();
    expect(await menu.getByRole('navigation', { name: 'Dossier sections' }).getByRole('link').allTextContents()).toEqual([
      'Score',
      'Findings',
      'Review',
      'What-if',
      'Breakdown',
      'Incidents',
      'Support chain',
      'MFA',
      'Statements',
      'History',
    ]);
    expect(await current()).toBe('Score');
    // Scrolling the incidents to the top: the menu stays in view and marks them.
    await s.page.locator('vr-vendor-page #incidents').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(current).toBe('Incidents');
    await s.shoot('dossier-menu.png', false);
    const box = await menu.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(2);
    // At the very bottom the last section is the one read.
    await s.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(current).toBe('History');
    await s.expectNoAxeViolations();
  });

  it('is used by keyboard: Tab moves along the links, Enter shows the section and moves focus there', async () => {
    await openDossier();
    const link = (name: string) => s.page.locator('vr-section-menu').getByRole('link', { name, exact: true });
    await link('Findings').focus();
    await s.page.keyboard.press('Tab');
    expect((await deepFocus(s.page)).text).toBe('Review');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter');
    expect(await deepFocus(s.page)).toMatchObject({ tag: 'vr-what-if-panel', id: 'what-if' });
    await expect.poll(() => s.page.locator('vr-section-menu a[aria-current="location"]').textContent()).toBe('What-if');
    expect(new URL(s.page.url()).hash).toBe('#what-if');
    const panel = await s.page.locator('vr-vendor-page #what-if').boundingBox();
    const menu = await s.page.locator('vr-section-menu').boundingBox();
    // Below the sticky menu, not under it.
    expect(panel!.y).toBeGreaterThanOrEqual(menu!.y + menu!.height - 1);
    // A link to the section opens the dossier there.
    await s.page.reload();
    await expect.poll(() => deepFocus(s.page).then((f) => f.id)).toBe('what-if');
  });
});
