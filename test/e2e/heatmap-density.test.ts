/**
 * The portfolio heatmap on the screens people have: at 1366 × 768 the compact density shows more
 * rows than the comfortable one (counted: rows wholly inside both the heatmap's box and the
 * window), and the choice is remembered across a reload; at 390 px wide the vendor, Risk and Band
 * columns stay in view while the factor columns scroll sideways in their box, never the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumForTests } from './harness.ts';
import { expectNoAxeViolationsOn, shootPage, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const ROWS = 'vr-heatmap tbody tr[data-vendor-id]';

/** Rows wholly visible: inside the heatmap's scrolling box and inside the window. */
const visibleRows = (page: Page) =>
  page.locator('vr-heatmap').evaluate((hm) => {
    const box = hm.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
    const head = hm.shadowRoot!.querySelector('thead')!.getBoundingClientRect();
    const top = Math.max(box.top, head.bottom, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    return [...hm.shadowRoot!.querySelectorAll('tbody tr[data-vendor-id]')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= top - 0.5 && r.bottom <= bottom + 0.5;
    }).length;
  });

/** Scrolls the page so the heatmap's box starts at the top of the window, as a reader does to see the most rows. */
const boxToTop = (page: Page) => page.locator('vr-heatmap').evaluate((hm) => hm.shadowRoot!.querySelector('.scroller')!.scrollIntoView({ block: 'start' }));

describe.skipIf(!chromiumPath)('the heatmap’s density and narrow layout in Chromium', () => {
  const s = useSession(chromiumPath!, { viewport: { width: 1366, height: 768 }, quietConsole: true });
  const toggle = () => s.page.getByRole('button', { name: 'Compact rows' });

  it('shows more rows at 1366 × 768 in the compact density, and remembers it', async () => {
    await s.go('/portfolio');
    await s.page.locator(ROWS).first().waitFor();
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    const comfortable = { first: await visibleRows(s.page), scrolled: (await boxToTop(s.page), await visibleRows(s.page)) };

    await s.page.evaluate(() => window.scrollTo(0, 0));
    await toggle().click();
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => s.page.locator('vr-heatmap').getAttribute('density')).toBe('compact');
    const compact = { first: await visibleRows(s.page), scrolled: (await boxToTop(s.page), await visibleRows(s.page)) };
    console.info(`heatmap rows visible at 1366x768: comfortable ${JSON.stringify(comfortable)}, compact ${JSON.stringify(compact)}`);
    expect(compact.first).toBeGreaterThan(comfortable.first);
    // A screenful of the box: at least 40 % more rows.
    expect(compact.scrolled).toBeGreaterThanOrEqual(Math.ceil(comfortable.scrolled * 1.4));
    await s.shoot('heatmap-compact-1366.png', false);
    await s.expectNoAxeViolations();

    await s.page.reload();
    await s.page.locator(ROWS).first().waitFor();
    expect(await s.page.locator('vr-heatmap').getAttribute('density')).toBe('compact');
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    await toggle().click();
    expect(await s.page.locator('vr-heatmap').getAttribute('density')).toBe('comfortable');
    expect(await s.page.evaluate(() => localStorage.getItem('vendorscope.heatmap.density'))).toBe('comfortable');
  });

  it('keeps the keyboard grid working in the compact density (arrows, then Enter opens the vendor)', async () => {
    await s.go('/portfolio');
    await s.page.evaluate(() => localStorage.setItem('vendorscope.heatmap.density', 'compact'));
    await s.page.reload();
    const first = s.page.locator(ROWS).first();
    await first.waitFor();
    const id = await s.page.locator(ROWS).nth(1).getAttribute('data-vendor-id');
    await first.locator('th.vendor').focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(new RegExp(`/vendors/${id}$`));
  });

  it('keeps the vendor, Risk and Band in view at 390 px while the factors scroll sideways', async () => {
    const page = await (await s.browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await s.page.context().storageState() })).newPage();
    try {
      await page.goto(s.url('/portfolio'));
      await page.locator(ROWS).first().waitFor();
      const layout = () =>
        page.locator('vr-heatmap').evaluate((hm) => {
          const scroller = hm.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
          const box = scroller.getBoundingClientRect();
          const row = hm.shadowRoot!.querySelector('tbody tr[data-vendor-id]')!;
          const inBox = (sel: string) => {
            const r = row.querySelector(sel)!.getBoundingClientRect();
            return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.width > 20;
          };
          const heat = row.querySelector('td.heat')!.getBoundingClientRect().left;
          return { vendor: inBox('th.vendor'), risk: inBox('td.risk'), band: inBox('td.band'), heat, scrollable: scroller.scrollWidth > scroller.clientWidth };
        });
      const before = await layout();
      expect(before).toMatchObject({ vendor: true, risk: true, band: true, scrollable: true });
      // Scroll the box sideways: the factors move, the vendor, Risk and Band stay.
      await page.locator('vr-heatmap').evaluate((hm) => hm.shadowRoot!.querySelector('.scroller')!.scrollBy(300, 0));
      const after = await layout();
      expect(after).toMatchObject({ vendor: true, risk: true, band: true });
      expect(after.heat).toBeLessThan(before.heat - 100);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      // The Risk and Band headers stay over their columns.
      const heads = await page
        .locator('vr-heatmap')
        .evaluate((hm) =>
          ['risk', 'band'].map((c) =>
            Math.round(
              hm.shadowRoot!.querySelector(`thead th.${c}`)!.getBoundingClientRect().left -
                hm.shadowRoot!.querySelector(`tbody td.${c}`)!.getBoundingClientRect().left,
            ),
          ),
        );
      expect(heads).toEqual([0, 0]);
      await boxToTop(page);
      await shootPage(page, 'heatmap-390.png', false);
      await expectNoAxeViolationsOn(page);
    } finally {
      await page.context().close();
    }
  });
});
