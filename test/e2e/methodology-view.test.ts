/**
 * The methodology page in a real browser, against the API's own answers: the parameters in force,
 * the three decay policies plotted (the one in force marked, the Okta gap) and as a table, the
 * portfolio ranked under each policy with the biggest movers, re-ranked for another day.
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import { chromiumForTests } from './harness.ts';
import { useSession } from './session.ts';

const DEMO_VENDORS = 34;
const POLICIES = ['long-memory', 'short-penalty', 'peer-half-life'];

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('the methodology in Chromium', () => {
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    openAt: '/methodology',
  });

  describe('methodology', () => {
    const columns = () => s.page.locator('vr-methodology-ranking table[data-policy]');
    const order = (policy: string) =>
      s.page
        .locator(`vr-methodology-ranking table[data-policy="${policy}"] tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-vendor-id'))));
    const apiOrder = async (policy: string, asOf = '') => {
      const h = await s.api<Heatmap>(`/portfolio/heatmap?decay=${policy}${asOf ? `&asOf=${asOf}` : ''}`);
      return [...h.rows].sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name)).map((r) => r.vendorId);
    };

    it('shows the parameters in force', async () => {
      const m = await s.api<{ version: string; weights: Record<string, number> }>('/methodology');
      await s.go('/methodology');
      const params = s.page.locator('vr-methodology-parameters section');
      await params.waitFor();
      expect(await params.textContent()).toContain(`Version ${m.version}`);
      const bars = params.locator('ul.bars li');
      expect(await bars.count()).toBe(5);
      for (const [id, w] of Object.entries(m.weights))
        expect(await params.locator(`li[data-factor="${id}"] .share`).textContent()).toBe(`${Math.round(w * 100)}%`);
      expect(await s.page.locator('vr-methodology-points section').textContent()).toContain('FIDO2 / passkeys');
    });

    it('plots the three decay policies, the one in force marked, with the Okta gap', async () => {
      const curves = s.page.locator('vr-decay-plot path.curve');
      await curves.first().waitFor();
      expect(await curves.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-policy')))).toEqual(POLICIES);
      expect(await s.page.locator('vr-decay-plot path.curve[data-in-force]').getAttribute('data-policy')).toBe('long-memory');
      expect(new Set(await curves.evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray')))).size).toBe(3);
      expect(await s.page.locator('vr-decay-plot .legend li.in-force').textContent()).toContain('long-memory (in force)');
      expect(await s.page.locator('vr-decay-plot text.gap-label').textContent()).toBe('577 days: Okta 2022 → 2023');
      // The table equivalent, at 577 days.
      const at577 = (policy: string) => s.page.locator(`vr-methodology-decay-table tr[data-policy="${policy}"] td.gap`).textContent();
      expect([await at577('long-memory'), await at577('short-penalty'), await at577('peer-half-life')]).toEqual(['69%', '0%', '4%']);
      expect(await s.page.locator('vr-methodology-page .explain').textContent()).toContain('577 days');
    });

    it(`ranks the portfolio under each policy, ${DEMO_VENDORS} vendors a column, as the API does, the biggest movers marked`, async () => {
      await columns().nth(2).waitFor();
      expect(await columns().evaluateAll((ts) => ts.map((t) => t.getAttribute('data-policy')))).toEqual(POLICIES);
      for (const p of POLICIES) {
        expect(await s.page.locator(`vr-methodology-ranking table[data-policy="${p}"] tbody tr`).count()).toBe(DEMO_VENDORS);
        expect(await order(p)).toEqual(await apiOrder(p));
      }
      expect(await s.page.locator('vr-methodology-ranking table[data-in-force] caption').textContent()).toContain('long-memory');
      const movers = s.page.locator('vr-methodology-ranking table[data-policy="long-memory"] tr[data-mover]');
      expect(await movers.count()).toBeGreaterThan(0);
      expect(await movers.first().locator('.moves').textContent()).toMatch(/^moves \d+ places$/);
    });

    it('re-ranks when the date changes', async () => {
      await s.page.locator('vr-methodology-page vr-as-of input[type="date"]').fill('2023-10-31');
      await s.page.waitForURL(`${s.server.appUrl}/methodology?asOf=2023-10-31`);
      await s.page.locator('vr-methodology-page .card-head p', { hasText: 'as of 2023-10-31' }).waitFor();
      for (const p of POLICIES) expect(await order(p)).toEqual(await apiOrder(p, '2023-10-31'));
      expect(await order('long-memory')).not.toEqual(await apiOrder('long-memory'));
    });

    it('has no accessibility violations (axe)', async () => {
      await s.go('/methodology');
      await columns().nth(2).waitFor();
      await s.expectNoAxeViolations();
      await s.shoot('methodology.png');
    });
  });
});
