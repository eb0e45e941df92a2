/**
 * The portfolio views in a real browser, against the API's own answers: the heatmap's filters in
 * the URL (and Back/Forward), sorting by a factor, moving across cells by keyboard with the
 * tooltip's largest contribution, the risk matrix (counts per cell, a cell's vendors, `cell=` in
 * the URL), and all three at 400 px. The trend heatmap's own behaviour is trends-view.test.ts.
 * The real server on a temp database with the demo portfolio; Chromium signs in through the
 * sign-in page. axe runs on every page, and screenshots go to test-results/.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Heatmap, HeatmapRow } from '../../server/services/scoring-service.ts';
import { sortRows } from '../../web/charts/heatmap.sort.ts';
import { ADMIN, chromiumForTests, signInThroughPage } from './harness.ts';
import { isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('portfolio views in Chromium', () => {
  let heatmap: Heatmap;
  // Signs in in its first test, through a shared link.
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      heatmap = await s.api<Heatmap>('/portfolio/heatmap');
    },
  });

  const rows = (): Locator => s.page.locator('vr-heatmap tbody tr[data-vendor-id]');
  const names = (): Promise<string[]> => rows().locator('th.vendor a').allTextContents();
  /** Row `r`, column `c` of the heatmap grid (column 0 is the vendor). */
  const cell = (r: number, c: number): Locator => s.page.locator(`vr-heatmap tbody tr[data-index="${r}"] > :nth-child(${c + 1})`);
  const status = () => s.page.locator('vr-portfolio-filters .count').textContent();
  const tooltip = () => s.page.locator('vr-heatmap vr-heatmap-tooltip');
  const where = (f: (r: HeatmapRow) => boolean) => heatmap.rows.filter(f);

  describe('portfolio heatmap', () => {
    it('opens a shared filtered link after signing in, and shows the same view when opened directly', async () => {
      const expected = where((r) => r.tier === 1 && r.band === 'critical');
      expect(expected.length).toBeGreaterThan(0);
      await s.page.context().clearCookies(); // a stranger's browser
      await s.go('/portfolio?tier=1&band=critical');
      await s.page.waitForURL(/\/sign-in\?next=/);
      await signInThroughPage(s.page, ADMIN.email, ADMIN.password);
      await s.page.waitForURL(s.url('/portfolio?tier=1&band=critical'));
      await rows().first().waitFor();
      expect((await names()).sort()).toEqual(expected.map((r) => r.name).sort());
      // Only the 401 of GET /me before signing in (Chromium logs every failed fetch).
      expect(s.problems).toEqual([expect.stringMatching(/401.*\/api\/v1\/me\)$/)]);
      s.problems.length = 0;

      await s.go('/portfolio?tier=1&band=critical');
      await rows().first().waitFor();
      expect(await rows().count()).toBe(expected.length);
      expect(await s.page.locator('vr-portfolio-filters #tier').inputValue()).toBe('1');
      expect(await s.page.locator('vr-portfolio-filters #band').inputValue()).toBe('critical');
      expect(await status()).toContain(`Showing ${expected.length} of ${heatmap.rows.length} vendors`);
    });

    it('filters by tier, band and text, keeping them in the URL, and clears them', async () => {
      await s.go('/portfolio');
      await rows().first().waitFor();
      expect(await rows().count()).toBe(heatmap.rows.length);

      await s.page.locator('vr-portfolio-filters #tier').selectOption('1');
      await s.page.waitForURL(s.url('/portfolio?tier=1'));
      await expect.poll(() => rows().count()).toBe(where((r) => r.tier === 1).length);

      await s.page.locator('vr-portfolio-filters #band').selectOption('moderate');
      await s.page.waitForURL(s.url('/portfolio?tier=1&band=moderate'));
      const tierBand = where((r) => r.tier === 1 && r.band === 'moderate');
      await expect.poll(() => rows().count()).toBe(tierBand.length);
      expect(tierBand.length).toBeLessThan(where((r) => r.tier === 1).length);
      expect(await status()).toContain(`Showing ${tierBand.length} of ${heatmap.rows.length} vendors · tier 1, band moderate`);

      await s.page.locator('vr-portfolio-filters #q').fill('cl');
      await s.page.waitForURL(s.url('/portfolio?tier=1&band=moderate&q=cl'));
      const text = tierBand.filter((r) => `${r.name} ${r.category}`.toLowerCase().includes('cl'));
      await expect.poll(() => names().then((n) => n.sort())).toEqual(text.map((r) => r.name).sort());

      await s.page.locator('vr-portfolio-filters').getByRole('button', { name: 'Clear filters' }).click();
      await s.page.waitForURL(s.url('/portfolio'));
      await expect.poll(() => rows().count()).toBe(heatmap.rows.length);
      expect(await s.page.locator('vr-portfolio-filters #q').inputValue()).toBe('');
      expect(await s.page.locator('vr-portfolio-filters #tier').inputValue()).toBe('');
    });

    it('says so when no vendor matches, and clears from there', async () => {
      await s.go('/portfolio?q=no-such-vendor-anywhere');
      const empty = s.page.locator('vr-portfolio-page .empty');
      await empty.waitFor();
      expect(await empty.textContent()).toContain('No vendor matches these filters');
      expect(await rows().count()).toBe(0);
      expect(await status()).toContain(`Showing 0 of ${heatmap.rows.length} vendors`);
      await s.expectNoAxeViolations();
      await empty.getByRole('button', { name: 'Clear filters' }).click();
      await s.page.waitForURL(s.url('/portfolio'));
      await rows().first().waitFor();
    });

    it('restores the filters with Back and Forward', async () => {
      await s.go('/portfolio?tier=2&band=moderate');
      await rows().first().waitFor();
      const shown = await rows().count();
      expect(shown).toBe(where((r) => r.tier === 2 && r.band === 'moderate').length);
      const id = await rows().first().getAttribute('data-vendor-id');
      await rows().first().locator('td.risk').click();
      await s.page.waitForURL(s.url(`/vendors/${id}`));
      await s.page.locator('vr-vendor-page h1').waitFor();

      await s.page.goBack();
      await s.page.waitForURL(s.url('/portfolio?tier=2&band=moderate'));
      await expect.poll(() => rows().count()).toBe(shown);
      expect(await s.page.locator('vr-portfolio-filters #tier').inputValue()).toBe('2');
      expect(await s.page.locator('vr-portfolio-filters #band').inputValue()).toBe('moderate');

      await s.page.goForward();
      await s.page.waitForURL(s.url(`/vendors/${id}`));
      await s.page.locator('vr-vendor-page h1').waitFor();
      await s.page.goBack();
      await s.page.waitForURL(s.url('/portfolio?tier=2&band=moderate'));
      await expect.poll(() => rows().count()).toBe(shown);
      // The vendor page's "back to portfolio" returns to the filtered view too.
      await rows().first().locator('th.vendor a').click();
      await s.page.locator('vr-vendor-page a.back').click();
      await s.page.waitForURL(s.url('/portfolio?tier=2&band=moderate'));
    });

    it('sorts by a factor column, keeping the filters, with unknowns last', async () => {
      await s.go('/portfolio?tier=1');
      await rows().first().waitFor();
      await s.page.locator('vr-heatmap button[data-sort="support"]').click();
      await s.page.waitForURL(s.url('/portfolio?tier=1&sort=support'));
      const expected = sortRows(
        where((r) => r.tier === 1),
        { key: 'support', dir: 'desc' },
      ).map((r) => r.name);
      await expect.poll(() => names()).toEqual(expected);
      expect(await s.page.locator('vr-heatmap th:has(button[data-sort="support"])').getAttribute('aria-sort')).toBe('descending');
      const support = await rows().locator('td[data-factor="support"] .sr-only').allTextContents();
      const known = support.filter((t) => t !== 'unknown').map(Number);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      expect(support.slice(known.length).every((t) => t === 'unknown')).toBe(true);
    });

    it('moves across cells by keyboard, shows the largest contribution, and opens the vendor with Enter', async () => {
      await s.go('/portfolio?sort=risk');
      await rows().first().waitFor();
      const byRisk = sortRows(heatmap.rows, { key: 'risk', dir: 'desc' });
      const factors = heatmap.factors.map((f) => f.id);
      const last = heatmap.rows.length - 1;
      const cols = factors.length + 7;

      await cell(0, 0).focus();
      expect(await cell(0, 0).getAttribute('tabindex')).toBe('0');
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(cell(0, 1))).toBe(true);
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(cell(0, 2))).toBe(true);
      await s.page.keyboard.press('ArrowDown');
      await expect.poll(() => isFocused(cell(1, 2))).toBe(true);
      // One tab stop in the whole grid: the focused cell.
      expect(await s.page.locator('vr-heatmap tbody [tabindex="0"]').count()).toBe(1);
      await s.page.keyboard.press('End');
      await expect.poll(() => isFocused(cell(1, cols - 1))).toBe(true);
      await s.page.keyboard.press('Home');
      await expect.poll(() => isFocused(cell(1, 0))).toBe(true);
      await s.page.keyboard.press('Control+End');
      await expect.poll(() => isFocused(cell(last, cols - 1))).toBe(true);
      await s.page.keyboard.press('Control+Home');
      await expect.poll(() => isFocused(cell(0, 0))).toBe(true);

      // To a factor cell whose largest contribution the API names: the tooltip says it, and describes the cell.
      const r = byRisk.findIndex((row) => factors.some((f) => row.top[f]));
      const f = factors.findIndex((id) => byRisk[r]!.top[id]);
      const top = byRisk[r]!.top[factors[f]!]!;
      for (let i = 0; i < r; i++) await s.page.keyboard.press('ArrowDown');
      for (let i = 0; i < f + 2; i++) await s.page.keyboard.press('ArrowRight');
      const target = cell(r, f + 2);
      await expect.poll(() => isFocused(target)).toBe(true);
      await expect.poll(() => tooltip().isVisible()).toBe(true);
      const tip = await tooltip().textContent();
      expect(tip).toContain(`${byRisk[r]!.name} · ${heatmap.factors[f]!.label}: ${byRisk[r]!.cells[factors[f]!]!.toFixed(1)} of 100`);
      expect(tip).toContain(`Largest contribution: ${top.label} (+${top.points.toFixed(1)} points)`);
      expect(await target.getAttribute('aria-describedby')).toBe('tip');
      expect(await tooltip().getAttribute('role')).toBe('tooltip');
      expect(await tooltip().getAttribute('id')).toBe('tip');
      await s.shoot('portfolio-keyboard.png', false);

      // Escape hides it; hovering another cell shows that one's.
      await s.page.keyboard.press('Escape');
      await expect.poll(() => tooltip().isVisible()).toBe(false);
      await cell(0, 2).hover();
      await expect.poll(() => tooltip().textContent()).toContain(`${byRisk[0]!.name} · ${heatmap.factors[0]!.label}`);

      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(s.url(`/vendors/${byRisk[r]!.vendorId}`));
      expect(await s.page.locator('vr-vendor-page h1').textContent()).toBe(byRisk[r]!.name);
    });

    it('has no accessibility violations when filtered (axe)', async () => {
      await s.go('/portfolio?tier=1&band=moderate');
      await rows().first().waitFor();
      await s.expectNoAxeViolations();
      // A known factor cell, so the picture shows a largest contribution.
      await cell(1, 2).focus();
      await tooltip().waitFor();
      await s.shoot('portfolio-filtered.png', false);
    });
  });

  describe('risk matrix', () => {
    // A not-assessed vendor is in no cell: it is listed apart, beside the matrix.
    const countOf = (l: number, i: number, rs: readonly HeatmapRow[] = heatmap.rows) =>
      rs.filter((r) => r.assessed && r.cell.likelihood === l && r.cell.impact === i).length;
    const mcell = (key: string) => s.page.locator(`vr-risk-matrix g.cell[data-cell="${key}"]`);
    const listed = () => s.page.locator('vr-matrix-vendors tbody tr');

    it("shows each cell's count as the API places the vendors, in the picture and in its table", async () => {
      await s.go('/matrix');
      await s.page.locator('vr-risk-matrix g.cell').first().waitFor();
      expect(await s.page.locator('vr-risk-matrix g.cell').count()).toBe(25);
      for (let l = 1; l <= 5; l++)
        for (let i = 1; i <= 5; i++) {
          expect(await mcell(`${l}-${i}`).locator('text.count').textContent(), `${l}-${i}`).toBe(String(countOf(l, i)));
          expect(await mcell(`${l}-${i}`).getAttribute('aria-label')).toContain(`likelihood ${l}`);
        }
      // Likelihood 5 is the top row; the screen-reader table says the same counts.
      expect(await s.page.locator('vr-risk-matrix g[role="row"]').first().locator('g.cell').first().getAttribute('data-cell')).toBe('5-1');
      const table = await s.page.locator('vr-risk-matrix table tbody tr').first().locator('td').allTextContents();
      expect(table.map((t) => Number(t.split(',')[0]))).toEqual([1, 2, 3, 4, 5].map((i) => countOf(5, i)));
      // The vendors not assessed, apart: highest inherent risk first, each with what would assess it.
      const apart = where((r) => !r.assessed).sort((a, b) => b.inherentRisk - a.inherentRisk || b.risk - a.risk || a.name.localeCompare(b.name));
      expect(apart.length).toBeGreaterThan(0);
      const naRows = s.page.locator('vr-matrix-not-assessed tbody tr');
      expect(await naRows.count()).toBe(apart.length);
      expect(await naRows.locator('th a').allTextContents()).toEqual(apart.map((r) => r.name));
      expect(await naRows.first().locator('td.ask').textContent()).toBe(apart[0]!.toAssess.join('; '));
      expect(await s.page.locator('vr-matrix-not-assessed h3').textContent()).toContain(`${apart.length} vendors not in the matrix`);
      expect(await s.page.locator('vr-risk-matrix svg[role="grid"]').getAttribute('aria-label')).toContain(`${apart.length} not assessed, listed apart`);
      await s.expectNoAxeViolations();
    });

    it("lists a clicked cell's vendors, riskiest first, with the cell in the URL", async () => {
      const busiest = where((r) => r.assessed).reduce((best, r) =>
        countOf(r.cell.likelihood, r.cell.impact) > countOf(best.cell.likelihood, best.cell.impact) ? r : best,
      );
      const key = `${busiest.cell.likelihood}-${busiest.cell.impact}`;
      await s.go('/matrix');
      await mcell(key).click();
      await s.page.waitForURL(s.url(`/matrix?cell=${key}`));
      const expected = heatmap.rows
        .filter((r) => r.assessed && `${r.cell.likelihood}-${r.cell.impact}` === key)
        .sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name));
      await expect.poll(() => listed().count()).toBe(expected.length);
      expect(await listed().locator('th a').allTextContents()).toEqual(expected.map((r) => r.name));
      expect(await listed().first().locator('a').getAttribute('href')).toBe(`/vendors/${expected[0]!.vendorId}`);
      expect(await mcell(key).getAttribute('aria-selected')).toBe('true');
      expect(await s.page.locator('vr-matrix-vendors .status').textContent()).toContain(`${expected.length} vendors`);

      // A reload keeps the choice; a vendor link opens the vendor.
      await s.page.reload();
      await expect.poll(() => listed().count()).toBe(expected.length);
      await listed().first().locator('a').click();
      await s.page.waitForURL(s.url(`/vendors/${expected[0]!.vendorId}`));
      await s.page.goBack();
      await s.page.waitForURL(s.url(`/matrix?cell=${key}`));
    });

    it('is operable by keyboard: arrows move between cells, Enter selects', async () => {
      await s.go('/matrix?cell=2-3');
      await mcell('2-3').waitFor();
      expect(await mcell('2-3').getAttribute('tabindex')).toBe('0');
      await mcell('2-3').focus();
      await s.page.keyboard.press('ArrowUp');
      await expect.poll(() => isFocused(mcell('3-3'))).toBe(true);
      await s.page.keyboard.press('ArrowRight');
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(mcell('3-5'))).toBe(true);
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(s.url('/matrix?cell=3-5'));
      await expect.poll(() => listed().count()).toBe(countOf(3, 5));
      await s.page.keyboard.press('Control+Home');
      await expect.poll(() => isFocused(mcell('5-1'))).toBe(true);
      await s.page.keyboard.press(' ');
      await s.page.waitForURL(s.url('/matrix?cell=5-1'));
      await expect.poll(() => listed().count()).toBe(countOf(5, 1));
      if (countOf(5, 1) === 0) expect(await s.page.locator('vr-matrix-vendors .hint').textContent()).toBe('No vendor sits in this cell.');
    });

    it('filters by tier, counting only that tier', async () => {
      await s.go('/matrix?cell=2-3');
      await mcell('2-3').waitFor();
      await s.page.locator('vr-portfolio-filters #tier').selectOption('2');
      await s.page.waitForURL(s.url('/matrix?tier=2&cell=2-3'));
      const tier2 = where((r) => r.tier === 2);
      await expect.poll(() => mcell('2-3').locator('text.count').textContent()).toBe(String(countOf(2, 3, tier2)));
      expect(await listed().count()).toBe(countOf(2, 3, tier2));
      // The not-assessed list beside it is filtered the same way.
      await expect.poll(() => s.page.locator('vr-matrix-not-assessed tbody tr').count()).toBe(tier2.filter((r) => !r.assessed).length);
      expect(await s.page.locator('vr-portfolio-filters #band').count()).toBe(0);
      await s.expectNoAxeViolations();
      await s.shoot('matrix.png');
    });
  });

  describe('a narrow window (400 px)', () => {
    it('keeps every view inside the window, the charts scrolling sideways in their own boxes', async () => {
      await s.page.setViewportSize({ width: 400, height: 800 });
      try {
        for (const [path, el, box] of [
          ['/portfolio?band=moderate', 'vr-portfolio-page', 'vr-heatmap .scroller'],
          ['/matrix?cell=2-3', 'vr-matrix-page', 'vr-risk-matrix'],
          ['/trends', 'vr-trends-page', 'vr-trend-heatmap .scroller'],
        ] as const) {
          await s.go(path);
          await s.page.locator(box).waitFor();
          expect(await s.page.locator(el).evaluate((e) => e.getBoundingClientRect().right), path).toBeLessThanOrEqual(400);
          const { scroll, client } = await s.page.locator(box).evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
          expect(client, path).toBeLessThanOrEqual(400);
          expect(scroll, path).toBeGreaterThanOrEqual(client);
        }
        // The sticky vendor column stays put while the grid scrolls sideways to a focused cell.
        await s.go('/portfolio?band=moderate');
        await cell(0, 0).focus();
        await s.page.keyboard.press('End');
        await expect.poll(() => isFocused(cell(0, heatmap.factors.length + 6))).toBe(true);
        expect(await s.page.locator('vr-heatmap .scroller').evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
        const left = await cell(0, 0).evaluate((e) => e.getBoundingClientRect().left);
        const boxLeft = await s.page.locator('vr-heatmap .scroller').evaluate((e) => e.getBoundingClientRect().left);
        expect(Math.abs(left - boxLeft)).toBeLessThan(2);
        // The whole page, the app's header included: its navigation folds behind a Menu button at this width.
        await s.expectNoAxeViolations();
        expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      } finally {
        await s.page.setViewportSize({ width: 1400, height: 900 });
      }
    });
  });
});
