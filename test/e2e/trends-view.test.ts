/**
 * The trend heatmap in a real browser, against the API's own answers: quarters live or frozen,
 * the movers (and "movers only"), sorting by change, the range from the URL and the controls, and
 * a range the server refuses. Its own server on the demo portfolio; Chromium signs in first.
 */
import { describe, expect, it } from 'vitest';
import type { Trends } from '../../web/api/client.ts';
import { sortTrendRows } from '../../web/charts/trend.layout.ts';
import { chromiumForTests } from './harness.ts';
import { isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('the trend heatmap in Chromium', () => {
  let trends: Trends;
  const s = useSession(chromiumPath!, {
    start: async () => {
      trends = await s.api<Trends>('/portfolio/trends');
    },
    quietConsole: true,
  });

  describe('trend heatmap', () => {
    const trows = () => s.page.locator('vr-trend-heatmap tbody tr[data-vendor-id]');
    const movers = () => trends.rows.filter((r) => r.mover);

    it('shows eight quarters, the current one live and the closed ones frozen, and marks the movers', async () => {
      await s.page.goto(s.url('/trends'));
      await trows().first().waitFor();
      expect(trends.quarters).toHaveLength(8);
      const heads = s.page.locator('vr-trend-heatmap thead th.q');
      expect(await heads.count()).toBe(8);
      expect(await heads.locator('.qname').allTextContents()).toEqual(trends.quarters.map((q) => q.replace('-', ' ')));
      expect(await heads.locator('.state').allTextContents()).toEqual([...Array(7).fill('frozen'), 'live']);
      expect(await trows().count()).toBe(trends.rows.length);

      expect(movers().length).toBeGreaterThan(0);
      const marked = await s.page
        .locator('vr-trend-heatmap tbody tr:has(.mover-badge)')
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-vendor-id'))));
      expect(marked.sort((a, b) => a - b)).toEqual(
        movers()
          .map((r) => r.vendorId)
          .sort((a, b) => a - b),
      );
      for (const m of movers()) {
        const change = await s.page.locator(`vr-trend-heatmap tr[data-vendor-id="${m.vendorId}"] td.delta`).textContent();
        // The direction as an arrow and in words, and the size as a number: never colour alone.
        expect(change).toContain(m.delta > 0 ? '▲' : '▼');
        expect(change).toContain(Math.abs(m.delta).toFixed(1));
        expect(change).toContain(m.delta > 0 ? 'riskier' : 'less risky');
        expect(change).toContain('Mover');
      }
      const first = trends.rows[0]!;
      const cells = await s.page.locator(`vr-trend-heatmap tr[data-vendor-id="${first.vendorId}"] td.heat .sr-only`).allTextContents();
      expect(cells.map((t) => Number(t.split(',')[0]))).toEqual(first.risks);
      await s.expectNoAxeViolations();
    });

    it('shows movers only on request, sorts by change, and keeps both in the URL across a vendor visit', async () => {
      await s.go('/trends');
      await trows().first().waitFor();
      await s.page.locator('vr-trend-controls input[type="checkbox"]').check();
      await s.page.waitForURL(s.url('/trends?movers=1'));
      await expect.poll(() => trows().count()).toBe(movers().length);
      await s.page.locator('vr-trend-controls #sort').selectOption('delta');
      await s.page.waitForURL(s.url('/trends?movers=1&sort=delta'));
      const expected = sortTrendRows(movers(), 'delta').map((r) => r.name);
      await expect.poll(() => trows().locator('th.vendor a').allTextContents()).toEqual(expected);
      expect(await s.page.locator('vr-trend-heatmap thead th.delta').getAttribute('aria-sort')).toBe('descending');
      await s.shoot('trends-movers.png');

      await trows().first().locator('td.heat').first().click();
      await s.page.waitForURL(s.url(`/vendors/${sortTrendRows(movers(), 'delta')[0]!.vendorId}`));
      await s.page.goBack();
      await s.page.waitForURL(s.url('/trends?movers=1&sort=delta'));
      await expect.poll(() => trows().count()).toBe(movers().length);
      expect(await s.page.locator('vr-trend-controls input[type="checkbox"]').isChecked()).toBe(true);

      // Keyboard: a row takes focus, ArrowDown moves, Enter opens.
      await trows().first().focus();
      await s.page.keyboard.press('ArrowDown');
      await expect.poll(() => isFocused(trows().nth(1))).toBe(true);
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(s.url(`/vendors/${sortTrendRows(movers(), 'delta')[1]!.vendorId}`));
    });

    it('changes the quarter range from the URL and from the controls', async () => {
      const last = trends.quarters.at(-1)!;
      const from = trends.quarters[4]!;
      const shorter = await s.api<Trends>(`/portfolio/trends?from=${from}&to=${last}`);
      await s.page.goto(s.url('/trends'));
      await trows().first().waitFor();
      await s.page.locator('vr-trend-controls #from').selectOption(from);
      await s.page.waitForURL(s.url(`/trends?from=${from}&to=${last}`));
      await expect.poll(() => s.page.locator('vr-trend-heatmap thead th.q').count()).toBe(shorter.quarters.length);
      expect(await s.page.locator('vr-trend-controls').getByRole('button', { name: 'Last 8 quarters' }).count()).toBe(1);
      await s.page.locator('vr-trend-controls').getByRole('button', { name: 'Last 8 quarters' }).click();
      await s.page.waitForURL(s.url('/trends'));
      await expect.poll(() => s.page.locator('vr-trend-heatmap thead th.q').count()).toBe(8);
      await s.expectNoAxeViolations();
      await s.shoot('trends.png');
    });

    it('explains a range the server refuses', async () => {
      // A page of its own: the 400 is expected here, and Chromium logs every failed fetch to the console.
      const other = await s.page.context().newPage();
      await other.goto(s.url(`/trends?from=${trends.quarters.at(-1)}&to=${trends.quarters[0]}`));
      const error = other.locator('vr-trends-page vr-error [role="alert"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('could not be loaded');
      // The way on is slotted into the error element (light DOM), not inside its alert box.
      expect(await other.locator('vr-trends-page vr-error a').getAttribute('href')).toBe('/trends');
      await other.close();
    });
  });
});
