/**
 * Issue 17's consistency items in a real browser, against the API's own answers: one review status
 * per vendor (the relationship card says where its status came from; the demo's example decision on
 * Okta), the risk matrix (each vendor's marker in its own band, a cell in the worst band of its
 * vendors, the legend saying so), and "Scores as of" applied on Enter or blur, never per keystroke.
 * Each test sets up what it needs (a vendor of its own, or the page it opens).
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import { AFTER_OKTA_2023 } from './demo.ts';
import { chromiumForTests } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const BAND_WORD = { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' } as const;
const RANK = ['low', 'moderate', 'high', 'critical'];

describe.skipIf(!chromiumPath)('one review status, the matrix, "Scores as of" in Chromium', () => {
  let heatmap: Heatmap;
  const s = useSession(chromiumPath!, {
    context: { locale: 'en-US' },
    start: async () => {
      heatmap = await s.api<Heatmap>('/portfolio/heatmap');
    },
  });
  const idOf = (name: string) => heatmap.rows.find((r) => r.name === name)!.vendorId;
  const statusCell = () => s.page.locator('vr-relationship dd[data-field="status"]');

  describe('one review status per vendor', () => {
    it("shows Okta's status as its example decision's, the decision tagged as an example, reopened as of 2023-10-31", async () => {
      const okta = idOf('Okta');
      await s.go(`/vendors/${okta}?asOf=${AFTER_OKTA_2023}`);
      await statusCell().waitFor();
      await expect.poll(() => statusCell().getAttribute('data-from')).toBe('decision');
      expect((await statusCell().textContent())!.replace(/\s+/g, ' ').trim()).toBe('Approved, from the review decision of 30 Jun 2022');
      const decision = s.page.locator('vr-review-history li[data-decision="approved"]');
      await decision.first().waitFor();
      expect(await decision.first().locator('.tag.example').textContent()).toContain('Example setting');
      const panel = s.page.locator('vr-review-status');
      await panel.locator('.head[data-state="review-needed"]').waitFor();
      expect(await panel.locator('dl').textContent()).toContain('Approved on 30 Jun 2022');
      await s.expectNoAxeViolations();
    });

    it('says a status was set on the relationship when no decision is recorded, and follows a decision once one is', async () => {
      const res = await s.call('/vendors', {
        method: 'POST',
        body: {
          name: 'Status Check Co',
          category: 'ticketing',
          tier: 2,
          dataAccess: 'internal',
          environmentAccess: 'user',
          status: 'approved-with-conditions',
        },
      });
      expect(res.status).toBe(201);
      const id = ((await res.json()) as { id: number }).id;
      await s.go(`/vendors/${id}`);
      await statusCell().waitFor();
      expect((await statusCell().textContent())!.replace(/\s+/g, ' ').trim()).toBe(
        'Approved with conditions, set on the relationship (no review decision recorded)',
      );
      expect(await statusCell().getAttribute('data-from')).toBe('relationship');
      const panel = s.page.locator('vr-review-status');
      await panel.locator('vr-review-badge').waitFor();
      expect(await panel.locator('vr-review-badge span.badge').textContent()).toContain('Never reviewed');
      expect(await panel.locator('[data-field="status-source"]').textContent()).toContain('Approved with conditions, was set by hand, not by a decision');

      // A decision through the form moves the stored status, and the card says it came from it.
      await s.page.locator('vr-decision-form summary').click();
      await s.page.locator('vr-decision-form').getByRole('radio', { name: 'Needs information' }).check();
      await s.page.locator('vr-decision-form').getByLabel('Rationale').fill('Waiting for the SOC 2 report.');
      await s.page.locator('vr-decision-form').getByRole('button', { name: 'Record decision' }).click();
      await expect.poll(() => statusCell().getAttribute('data-from')).toBe('decision');
      expect(await statusCell().textContent()).toContain('Under review, from the review decision of');
      expect(((await (await s.call(`/vendors/${id}`)).json()) as { status: string }).status).toBe('under-review');
    });
  });

  describe('the risk matrix', () => {
    it("colours each vendor's marker by its own band and each cell by the worst band in it, as the legend says", async () => {
      const now = await s.api<Heatmap>('/portfolio/heatmap');
      await s.go('/matrix');
      await s.page.locator('vr-risk-matrix g.cell').first().waitFor();
      expect(await s.page.locator('vr-matrix-page figure.legend figcaption').textContent()).toContain('A cell takes the worst band among its vendors');
      const assessed = now.rows.filter((r) => r.assessed && r.status !== 'not-engaged');
      let checked = 0;
      for (let l = 1; l <= 5; l++)
        for (let i = 1; i <= 5; i++) {
          const inCell = assessed.filter((r) => r.cell.likelihood === l && r.cell.impact === i);
          if (inCell.length === 0) continue;
          const cell = s.page.locator(`vr-risk-matrix g.cell[data-cell="${l}-${i}"]`);
          const worst = inCell.map((r) => r.band).sort((a, b) => RANK.indexOf(b) - RANK.indexOf(a))[0] as keyof typeof BAND_WORD;
          expect(await cell.locator('text.level').textContent(), `${l}-${i}`).toBe(BAND_WORD[worst]);
          expect(await cell.getAttribute('aria-label')).toContain(`worst band ${BAND_WORD[worst]}`);
          // Every marker drawn is a vendor of the cell, in that vendor's band (and fill).
          const markers = await cell
            .locator('circle.marker')
            .evaluateAll((cs) =>
              cs.map((c) => ({ id: Number(c.getAttribute('data-vendor-id')), band: c.getAttribute('data-band'), fill: c.getAttribute('fill') })),
            );
          const more = Number(((await cell.locator('text.more').count()) ? await cell.locator('text.more').textContent() : '+0')!.slice(1));
          expect(markers.length + more, `${l}-${i}`).toBe(inCell.length);
          for (const m of markers) expect(m.band).toBe(inCell.find((r) => r.vendorId === m.id)!.band);
          // One fill per band: a marker's colour is its band's.
          const fillOf = new Map<string, string>();
          for (const m of markers) expect(fillOf.get(m.band!) ?? fillOf.set(m.band!, m.fill!).get(m.band!)).toBe(m.fill);
          checked++;
        }
      expect(checked).toBeGreaterThan(3);
      await s.expectNoAxeViolations();
      await s.shootElement(s.page.locator('vr-matrix-page section.card'), 'matrix-markers.png');
    });
  });

  describe('"Scores as of"', () => {
    it('applies a typed date on Enter, never per keystroke, and keeps the last good view while a date is incomplete', async () => {
      const okta = idOf('Okta');
      await s.go(`/vendors/${okta}`);
      await s.page.locator('vr-score-summary').waitFor();
      const asked: string[] = [];
      s.page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/api/') && u.searchParams.has('asOf')) asked.push(u.searchParams.get('asOf')!);
      });
      const input = s.page.locator('vr-as-of input[type="date"]');
      await input.focus();
      // en-US: month, day, then the year digit by digit (0002, 0020, 0202, 2023: each a complete value for the field).
      for (const key of ['1', '0', '3', '1', '2', '0', '2', '3']) {
        await s.page.keyboard.press(key);
        await s.page.waitForTimeout(60);
      }
      expect(await input.inputValue()).toBe('2023-10-31');
      expect(asked).toEqual([]);
      expect(s.page.url()).not.toContain('asOf=');
      expect(await s.page.locator('vr-vendor-page vr-error').count()).toBe(0);

      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(/asOf=2023-10-31/);
      await s.page.locator('vr-score-summary').waitFor();
      expect(new Set(asked)).toEqual(new Set(['2023-10-31']));

      // An incomplete date (the year cleared), then leaving the field: the view stays, the field says what it needs.
      asked.length = 0;
      await input.focus();
      await input.press('ArrowRight');
      await input.press('ArrowRight');
      await input.press('Backspace');
      expect(await input.inputValue()).toBe('');
      // Leaving the field (Tab moves between the field's own parts in Chromium, so blur it).
      await input.blur();
      await expect.poll(() => s.page.locator('vr-as-of .hint').textContent()).toContain('Enter a full date');
      expect(s.page.url()).toContain('asOf=2023-10-31');
      expect(asked).toEqual([]);
      expect(await s.page.locator('vr-vendor-page vr-error').count()).toBe(0);
      expect(await s.page.locator('vr-score-summary').count()).toBe(1);
      await s.expectNoAxeViolations();
    });
  });
});
