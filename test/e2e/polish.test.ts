/**
 * The whole app's finish, page by page: at 400 px wide nothing scrolls the page sideways (charts
 * scroll in their own boxes) and axe finds nothing; the main navigation folds behind a Menu
 * button there; in the dark scheme (prefers-color-scheme) axe finds no serious or critical
 * violation, with a screenshot of each page (test-results/dark-*.png); at 200 % zoom (700 px at
 * device scale 2) the portfolio and a vendor still work by keyboard with a visible focus ring.
 *
 * Each test stands alone (issue 18): its own page, set up by its describe block (the width or
 * colour scheme in a beforeEach; the zoomed page, which needs a device scale of its own, made by the
 * test), its console checked after it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import { MAIN_NAV } from '../../web/app/routes.ts';
import { axeViolations, chromiumForTests, describeViolations, watchConsole } from './harness.ts';
import { shootPage, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

/** Each page: its name, its path (built from the demo portfolio's ids) and what shows once it is drawn. */
type PageSpec = readonly [name: string, path: string, ready: string];

describe.skipIf(!chromiumPath)('the app’s finish in Chromium', () => {
  let pages: PageSpec[];
  const s = useSession(chromiumPath!, {
    start: async () => {
      const heatmap = await s.api<Heatmap>('/portfolio/heatmap');
      const id = (name: string) => heatmap.rows.find((r) => r.name === name)!.vendorId;
      pages = [
        ['what changed', '/', 'vr-changes-page vr-change-groups section'],
        ['portfolio', '/portfolio', 'vr-heatmap tbody tr[data-vendor-id]'],
        ['matrix', '/matrix', 'vr-risk-matrix svg'],
        ['trends', '/trends', 'vr-trend-heatmap tbody tr'],
        ['compare', `/compare?ids=${id('Okta')},${id('Cloudflare')}`, 'vr-compare-table thead th[data-vendor-id]'],
        ['graph', '/graph', 'vr-graph-edge-table tbody tr'],
        ['methodology', '/methodology', 'vr-methodology-ranking table'],
        ['report', '/reports/2023-Q4', 'vr-report-vendor table.factors'],
        ['reviews', '/reviews', 'vr-due-table tbody tr'],
        ['data', '/data', 'vr-data-page section[data-section="transfer"]'],
        ['vendor', `/vendors/${id('Okta')}`, 'vr-incident-list article'],
        ['dossier print view', `/vendors/${id('Okta')}/print`, 'vr-dossier-print-page h1'],
        ['account', '/account', 'vr-session-list tbody tr'],
        ['users', '/admin/users', 'vr-user-table tbody tr'],
        ['audit', '/admin/audit', 'vr-audit-table tbody tr[data-audit-id]'],
      ];
    },
    quietConsole: true,
  });

  /** Every page of a signed-in admin; the sign-in page is opened anonymously on its own. */
  const open = async (page: Page, [, path, ready]: PageSpec) => {
    await page.goto(s.url(path));
    await page.locator(ready).first().waitFor();
  };
  const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const seriousOnly = (page: Page) => axeViolations(page).then((vs) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical'));

  describe('at 400 px wide', () => {
    beforeEach(async () => {
      await s.page.setViewportSize({ width: 400, height: 800 });
    });

    it('folds the main navigation behind a Menu button that opens by keyboard and closes with Escape', async () => {
      const page = s.page;
      await open(page, pages[0]!);
      const toggle = page.locator('vr-app button.nav-toggle');
      const nav = page.locator('vr-app nav#main-nav');
      expect(await toggle.isVisible()).toBe(true);
      expect(await nav.isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.locator('a').count()).toBe(MAIN_NAV.length);
      for (const a of await nav.locator('a').all()) expect(await a.isVisible()).toBe(true);
      // The unfolded links stay inside the dark bar: their bottom is above the page's first heading.
      const navBottom = await nav.evaluate((el) => el.getBoundingClientRect().bottom);
      const barBottom = await page.locator('vr-app header.bar').evaluate((el) => el.getBoundingClientRect().bottom);
      expect(navBottom).toBeLessThanOrEqual(barBottom);
      await nav.locator('a').first().focus();
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      // A link followed folds the menu again.
      await toggle.click();
      await nav.getByRole('link', { name: 'Trends' }).click();
      await page.waitForURL(s.url('/trends'));
      expect(await nav.isVisible()).toBe(false);
    });

    it('keeps every page inside the window, with no accessibility violations (axe)', { timeout: 180_000 }, async () => {
      for (const spec of pages) {
        await open(s.page, spec);
        expect(await pageOverflow(s.page), spec[0]).toBeLessThanOrEqual(0);
        const violations = await axeViolations(s.page);
        if (violations.length > 0) console.error(`${spec[0]} at 400 px:\n${describeViolations(violations)}`);
        expect(
          violations.map((v) => v.id),
          spec[0],
        ).toEqual([]);
      }
    });

    it('keeps the sign-in page inside the window too (axe)', async () => {
      const page = await (await s.browser.newContext({ viewport: { width: 400, height: 800 } })).newPage();
      await page.goto(s.url('/sign-in'));
      await page.locator('vr-sign-in-page form').waitFor();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      const violations = await axeViolations(page);
      if (violations.length > 0) console.error(describeViolations(violations));
      expect(violations.map((v) => v.id)).toEqual([]);
      await page.context().close();
    });
  });

  describe('in the dark colour scheme', () => {
    beforeEach(async () => {
      await s.page.emulateMedia({ colorScheme: 'dark' });
    });

    it('follows the system setting: dark canvas, light ink', async () => {
      await open(s.page, pages[0]!);
      const { canvas, ink } = await s.page.evaluate(() => ({
        canvas: getComputedStyle(document.documentElement).backgroundColor,
        ink: getComputedStyle(document.documentElement).color,
      }));
      const lightness = (rgb: string) =>
        rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map(Number)
          .reduce((a, b) => a + b, 0) / 3;
      expect(lightness(canvas)).toBeLessThan(60);
      expect(lightness(ink)).toBeGreaterThan(200);
    });

    it('has no serious or critical accessibility violations on any page (axe), each page shot', { timeout: 180_000 }, async () => {
      for (const spec of pages) {
        await open(s.page, spec);
        const violations = await seriousOnly(s.page);
        if (violations.length > 0) console.error(`${spec[0]} in dark mode:\n${describeViolations(violations)}`);
        expect(
          violations.map((v) => v.id),
          spec[0],
        ).toEqual([]);
        await s.shoot(`dark-${spec[0]}.png`);
      }
    });

    it('has none on the sign-in page either', async () => {
      const page = await (await s.browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: 'dark' })).newPage();
      await page.goto(s.url('/sign-in'));
      await page.locator('vr-sign-in-page form').waitFor();
      const violations = await seriousOnly(page);
      if (violations.length > 0) console.error(describeViolations(violations));
      expect(violations.map((v) => v.id)).toEqual([]);
      await shootPage(page, 'dark-sign-in.png');
      await page.context().close();
    });
  });

  describe('at 200 % zoom (700 px at device scale 2)', () => {
    /** The test's zoomed page (a context of its own: the device scale is fixed when it is made), signed in as the admin; closed after `check`, its console then checked. */
    const onZoomedPage = async (check: (zoomed: Page) => Promise<void>) => {
      const context = await s.browser.newContext({
        viewport: { width: 700, height: 800 },
        deviceScaleFactor: 2,
        storageState: await s.page.context().storageState(),
      });
      try {
        const zoomed = await context.newPage();
        zoomed.setDefaultTimeout(15_000);
        const problems = watchConsole(zoomed);
        await check(zoomed);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    };

    /** Tabs through the first `n` stops and says which had no visible focus indicator. */
    const unringed = (zoomed: Page, n: number) =>
      (async () => {
        const missing: string[] = [];
        for (let i = 0; i < n; i++) {
          await zoomed.keyboard.press('Tab');
          const f = await zoomed.evaluate(() => {
            let a = document.activeElement;
            while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
            // Focus on a part of the browser's own widget (a date input's calendar button) is the browser's to draw.
            if (!a || a === document.body || !a.matches(':focus')) return null;
            const st = getComputedStyle(a);
            const ring = (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || st.boxShadow !== 'none';
            return { ring, what: `${a.localName}${a.id ? `#${a.id}` : ''} ${(a.textContent ?? '').trim().slice(0, 30)}` };
          });
          if (f && !f.ring) missing.push(f.what);
        }
        return missing;
      })();

    it('shows the portfolio without sideways page scroll, and every focused control has a visible ring', async () => {
      await onZoomedPage(async (zoomed) => {
        await open(zoomed, pages[0]!);
        expect(await pageOverflow(zoomed)).toBeLessThanOrEqual(0);
        expect(await zoomed.locator('vr-app button.nav-toggle').isVisible()).toBe(true);
        expect(await unringed(zoomed, 14)).toEqual([]);
        await shootPage(zoomed, 'zoom-portfolio.png', false);
      });
    });

    it("shows a vendor's dossier the same way", async () => {
      await onZoomedPage(async (zoomed) => {
        await open(
          zoomed,
          pages.find((p) => p[0] === 'vendor')!,
        );
        expect(await pageOverflow(zoomed)).toBeLessThanOrEqual(0);
        expect(await zoomed.locator('vr-what-if-panel').isVisible()).toBe(true);
        expect(await unringed(zoomed, 20)).toEqual([]);
        await shootPage(zoomed, 'zoom-vendor.png', false);
      });
    });
  });
});
