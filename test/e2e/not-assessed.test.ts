/**
 * "Not assessed" in a real browser, against the API's own answers: the heatmap's band filter and
 * default sort (not-assessed vendors last, by inherent risk, their badge and legend in words), a
 * not-assessed vendor's dossier (inherent before residual, coverage, the points on unknowns, what
 * would assess it), an assessed one's (residual first, inherent beside it), and an incident
 * recorded at a subprocessor from the dossier, inherited by the vendor it serves; the breakdown's
 * rows that rest on priors, and a support chain's union formula. axe on each.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { HeatmapRow } from '../../server/services/scoring-service.ts';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import { usePortfolioSession } from './demo.ts';
import { chromiumForTests } from './harness.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('not assessed, in Chromium', () => {
  const { s, heatmap, vendor } = usePortfolioSession(chromiumPath!, { quietConsole: true });
  const rows = (): Locator => s.page.locator('vr-heatmap tbody tr[data-vendor-id]');
  const names = (): Promise<string[]> => rows().locator('th.vendor a').allTextContents();
  const summary = () => s.page.locator('vr-score-summary');
  const figure = (name: string) => summary().locator(`[data-figure="${name}"]`);
  const pct = (x: number) => `${Math.round(x * 100)}%`;

  describe('portfolio heatmap', () => {
    it('sorts every not-assessed vendor after the assessed ones by default, highest inherent risk first, and says so in the legend', async () => {
      await s.go('/portfolio');
      await rows().first().waitFor();
      const all = heatmap().rows;
      const assessed = all.filter((r) => r.assessed);
      const apart = all.filter((r) => !r.assessed);
      expect(assessed.length).toBeGreaterThan(0);
      expect(apart.length).toBeGreaterThan(0);
      // The grid is windowed: the rows on screen are the first of the order.
      const shown = await names();
      expect(shown).toEqual(all.slice(0, shown.length).map((r) => r.name));
      expect(all.slice(0, assessed.length).every((r) => r.assessed)).toBe(true);
      expect(apart.map((r) => r.inherentRisk)).toEqual([...apart.map((r) => r.inherentRisk)].sort((a, b) => b - a));
      const legend = s.page.locator('vr-heatmap-legend');
      expect(await legend.locator('vr-band-badge span').textContent()).toContain('Not assessed');
      expect(await legend.locator('figure').textContent()).toContain('sorted last, by inherent risk');
    });

    it('filters by the not-assessed band, keeping it in the URL; each row says "Not assessed" and shows its inherent risk', async () => {
      const apart = heatmap().rows.filter((r) => !r.assessed);
      await s.go('/portfolio');
      await rows().first().waitFor();
      await s.page.locator('vr-portfolio-filters #band').selectOption('not-assessed');
      await s.page.waitForURL(s.url('/portfolio?band=not-assessed'));
      // The grid is windowed: the rows on screen are the first of the not-assessed ones, in order.
      await expect.poll(async () => (await names())[0]).toBe(apart[0]!.name);
      const shown = await names();
      expect(shown).toEqual(apart.slice(0, shown.length).map((r) => r.name));
      const first = apart[0]!;
      const firstRow = rows().first();
      expect(await firstRow.locator('vr-band-badge span').textContent()).toContain('Not assessed');
      expect(await firstRow.locator('td.risk .inherent').textContent()).toBe(`inherent ${first.inherentRisk.toFixed(1)}`);
      expect(await s.page.locator('vr-portfolio-filters .count').textContent()).toContain(
        `Showing ${apart.length} of ${heatmap().rows.length} vendors · not assessed`,
      );
      await s.expectNoAxeViolations();
      await s.shoot('portfolio-not-assessed.png', false);
    });

    it('explains a not-assessed risk cell in its tooltip: coverage, inherent and residual risk, what would assess it', async () => {
      const first = heatmap().rows.filter((r) => !r.assessed)[0]!;
      await s.go('/portfolio?band=not-assessed');
      await expect.poll(async () => (await names())[0]).toBe(first.name);
      // By keyboard, as a reader would: the first row's vendor cell, then along to its risk (two before the last column).
      await rows().first().locator('th.vendor').focus();
      await s.page.keyboard.press('End');
      await s.page.keyboard.press('ArrowLeft');
      await s.page.keyboard.press('ArrowLeft');
      const tip = s.page.locator('vr-heatmap vr-heatmap-tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      await expect.poll(() => tip.textContent()).toContain(`Evidence covers ${pct(first.evidenceCoverage)} of the likelihood weight`);
      expect(await tip.textContent()).toContain(`Inherent risk ${first.inherentRisk.toFixed(1)}`);
      expect(await tip.textContent()).toContain(`To assess: ${first.toAssess.join('; ')}`);
    });
  });

  describe('the dossier', () => {
    it('of a not-assessed vendor leads with its inherent risk, then residual, coverage, the points on unknowns and what would assess it', async () => {
      const row: HeatmapRow = heatmap().rows.find((r) => !r.assessed && r.name === 'LastPass') ?? heatmap().rows.find((r) => !r.assessed)!;
      const score = await s.api<VendorScore>(`/vendors/${row.vendorId}/score`);
      expect(score.band).toBe('not-assessed');
      await s.go(`/vendors/${row.vendorId}`);
      await figure('headline').waitFor();
      expect(await figure('headline').locator('.value').textContent()).toBe(score.inherentRisk.toFixed(1));
      expect(await figure('headline').textContent()).toContain('inherent risk / 100');
      expect(await figure('headline').locator('vr-band-badge span').textContent()).toContain('Not assessed');
      expect(await figure('inherent').textContent()).toContain(score.inherentContributions[0]!.formula!);
      expect(await figure('residual').textContent()).toContain(score.risk.toFixed(1));
      expect(await figure('residual').textContent()).toContain('rests largely on priors');
      expect(await figure('coverage').textContent()).toContain(pct(score.evidenceCoverage));
      expect((await figure('unknowns').textContent())!.replace(/\s+/g, ' ')).toContain(
        `${score.unknownPoints.toFixed(1)} of ${score.likelihood.toFixed(1)} likelihood points rest on unknowns`,
      );
      const ask = figure('to-assess').locator('li');
      expect(await ask.count()).toBe(score.toAssess.length);
      expect(await ask.first().textContent()).toContain(score.toAssess[0]!.text);
      await s.expectNoAxeViolations();
      await s.shootElement(summary(), 'dossier-not-assessed.png');
    });

    it('of an assessed vendor leads with its residual risk, with the inherent risk beside it and nothing to assess', async () => {
      const okta = vendor('Okta');
      const score = await s.api<VendorScore>(`/vendors/${okta.vendorId}/score`);
      expect(score.assessed).toBe(true);
      await s.go(`/vendors/${okta.vendorId}`);
      await figure('headline').waitFor();
      expect(await figure('headline').locator('.value').textContent()).toBe(score.risk.toFixed(1));
      expect(await figure('headline').textContent()).toContain('residual risk / 100');
      expect(await figure('inherent').locator('dd').textContent()).toContain(score.inherentRisk.toFixed(1));
      expect(await figure('to-assess').count()).toBe(0);
    });

    it('marks in the breakdown the points that rest on priors, and shows how the support chain’s parts combine (Cloudflare)', async () => {
      const cloudflare = vendor('Cloudflare');
      const score = await s.api<VendorScore>(`/vendors/${cloudflare.vendorId}/score`);
      await s.go(`/vendors/${cloudflare.vendorId}`);
      const breakdown = s.page.locator('vr-score-breakdown');
      await breakdown.locator('[data-factor]').first().waitFor();
      const support = score.factors.find((f) => f.id === 'support')!;
      expect(support.formula).toMatch(/^100 × \(1 − /);
      expect(await breakdown.locator('[data-factor="support"] [data-factor-formula]').textContent()).toContain(support.formula!);
      const mfa = score.factors.find((f) => f.id === 'mfa')!;
      const priors = mfa.contributions.filter((c) => c.unknownShare !== undefined);
      expect(priors.length).toBeGreaterThan(0);
      const marked = breakdown.locator('[data-factor="mfa"] tr[data-prior]');
      expect(await marked.count()).toBe(priors.length);
      expect(await marked.first().locator('td.what').textContent()).toContain('prior, no evidence');
      const assumed = priors.reduce((a, c) => a + c.points, 0);
      expect(await breakdown.locator('[data-factor="mfa"] [data-assumed]').textContent()).toBe(
        `${assumed.toFixed(1)} of ${mfa.score.toFixed(1)} rest on priors`,
      );
      await s.expectNoAxeViolations();
    });

    it('records an incident at a subprocessor: filed on its own vendor record, and the vendor it serves inherits it', async () => {
      const coinbase = vendor('Coinbase');
      const [taskUs] = (await s.api<{ items: Subprocessor[] }>(`/vendors/${coinbase.vendorId}/subprocessors`)).items;
      expect(taskUs!.vendorId).toBeNull();
      const before = await s.api<VendorScore>(`/vendors/${coinbase.vendorId}/score`);
      await s.go(`/vendors/${coinbase.vendorId}`);
      const item = s.page.locator(`vr-subprocessor-list li[data-subprocessor-id="${taskUs!.id}"]`);
      await item.locator('button.record-incident').click();
      const dialog = s.page.locator('vr-edit-dialog dialog');
      const form = s.page.locator('vr-incident-form');
      expect(await dialog.locator('h2').textContent()).toBe(`Record an incident at ${taskUs!.name}`);
      await s.expectNoAxeViolations();
      await form.getByLabel('Title').fill('Bribed support agents leak customer records');
      await form.getByLabel('Severity').selectOption('high');
      await form.getByLabel('Publicly disclosed').fill('2025-05-14');
      await form.getByRole('button', { name: 'Add incident' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => s.page.locator('vr-subprocessor-list .saved').textContent()).toContain(`recorded at ${taskUs!.name}`);
      const linked = await s.api<Subprocessor>(`/subprocessors/${taskUs!.id}`);
      expect(linked.vendorId).not.toBeNull();
      const after = await s.api<VendorScore>(`/vendors/${coinbase.vendorId}/score`);
      const support = after.factors.find((f) => f.id === 'support')!;
      expect(support.contributions.map((c) => c.ref)).toContain(`subprocessor:${taskUs!.id}:incidents`);
      expect(after.likelihood).toBeGreaterThan(before.likelihood);
    });
  });
});
