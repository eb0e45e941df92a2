/**
 * The skip link: on every page of the app shell (signed in, on the sign-in page, on the vendor
 * contact's response page) the first Tab lands on "Skip to main content", shown on screen, and
 * Enter moves focus to <main>, so the next Tab reaches the page's own first control instead of the
 * header's links, menu and bell.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import { chromiumForTests } from './harness.ts';
import { deepFocus, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

/** Where focus is, as "tag#id" or "tag", looking into shadow roots. */
const focused = async (page: Page) => {
  const f = await deepFocus(page);
  return f.id ? `${f.tag}#${f.id}` : f.tag;
};

/** Whether any part of the focused element is inside the viewport. */
const focusedOnScreen = (page: Page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    const r = a!.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.width > 0 && r.height > 0;
  });

/** Opens `path`, waits for `ready`, then Tab once, Enter: the skip link, then <main>. */
async function skipOn(page: Page, url: string, ready: string): Promise<void> {
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  await page.keyboard.press('Tab');
  expect((await deepFocus(page)).text).toBe('Skip to main content');
  expect(await focusedOnScreen(page)).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('main#main-content');
  expect(new URL(page.url()).hash).toBe('');
}

describe.skipIf(!chromiumPath)('the skip link in Chromium', () => {
  let okta = 0;
  const s = useSession(chromiumPath!, {
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
    },
    quietConsole: true,
  });

  it('is the first Tab stop of the portfolio, and Enter skips the header: the next Tab is inside the page', async () => {
    await skipOn(s.page, s.url('/portfolio'), 'vr-heatmap tbody tr[data-vendor-id]');
    await s.page.keyboard.press('Tab');
    // Past the header: the focused element is inside the portfolio page, not the bar's links, menu or bell.
    const inPage = await s.page.evaluate(() => {
      const app = document.querySelector('vr-app')!.shadowRoot!;
      const active = app.activeElement;
      return active !== null && app.querySelector('main')!.contains(active);
    });
    expect(inPage).toBe(true);
  });

  it('works on a vendor dossier, the audit log, the data page and the matrix', async () => {
    await skipOn(s.page, s.url(`/vendors/${okta}`), 'vr-incident-list article');
    await skipOn(s.page, s.url('/admin/audit'), 'vr-audit-table tbody tr[data-audit-id]');
    await skipOn(s.page, s.url('/data'), 'vr-data-page section[data-section="transfer"]');
    await skipOn(s.page, s.url('/matrix'), 'vr-risk-matrix svg');
  });

  it('is there for a vendor contact on the response page too (no account)', async () => {
    const ctx = await s.browser.newContext({ viewport: { width: 1000, height: 800 } });
    try {
      const page = await ctx.newPage();
      await skipOn(page, s.url('/respond'), 'vr-respond-page');
    } finally {
      await ctx.close();
    }
  });

  it('stays out of sight until focused, and axe finds nothing on the page', async () => {
    await s.page.goto(s.url('/portfolio'));
    await s.page.locator('vr-heatmap tbody tr[data-vendor-id]').first().waitFor();
    const link = s.page.locator('vr-app .skip-link');
    expect(await link.evaluate((a) => a.getBoundingClientRect().bottom)).toBeLessThanOrEqual(0);
    await s.expectNoAxeViolations();
  });
});
