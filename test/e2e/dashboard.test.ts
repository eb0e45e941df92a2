/**
 * The dashboard in a real browser: the built app served by the real server (one process, a temp
 * database seeded with the demo portfolio, a first admin), driven by headless Chromium opened at
 * http://localhost:PORT. The browser signs in through the sign-in page first, as a user does; then
 * the portfolio heatmap (rows, colours, sorting, keys, "as of") and a portfolio of thousands.
 * A vendor's page is vendor-page.test.ts and vendor-evidence.test.ts. Each test opens its own page
 * (signed in unless it clears its cookies); the portfolio of thousands has a server of its own.
 * Without Chromium the suite is skipped with one loud line, except on CI, where a missing browser is a failure.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import { ADMIN, chromiumForTests, signInThroughPage } from './harness.ts';
import { isFocused, useSession } from './session.ts';

const DEMO_VENDORS = 34;

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('dashboard in Chromium', () => {
  let heatmap: Heatmap;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      heatmap = await s.api<Heatmap>('/portfolio/heatmap');
    },
  });

  // Text is read from an element inside each component's shadow root: a host's own textContent has none of it.
  const rows = (): Locator => s.page.locator('vr-heatmap tbody tr[data-vendor-id]');
  const firstRowName = () => rows().first().locator('th.vendor a').textContent();

  /** Opens the portfolio at `path` and waits for its rows. */
  const openPortfolio = async (path = '/portfolio') => {
    await s.go(path);
    await rows().first().waitFor();
  };

  describe('signing in', () => {
    it('asks an anonymous visitor to sign in, then lands on What changed, with the portfolio one link away', async () => {
      await s.page.context().clearCookies(); // a stranger's browser
      await s.go('/');
      await s.page.waitForURL(s.url('/sign-in'));
      await signInThroughPage(s.page, ADMIN.email, ADMIN.password);
      await s.page.waitForURL(s.url('/'));
      await s.page.locator('vr-changes-page h1', { hasText: 'What changed' }).waitFor();
      await s.page.locator('vr-app nav a', { hasText: /^Portfolio$/ }).click();
      await s.page.waitForURL(s.url('/portfolio'));
      await rows().first().waitFor();
      // Asking GET /me is how the app learns nobody is signed in; Chromium logs that 401 as a console
      // error (it does so for every failed fetch). Exactly that one, and nothing else, before signing in.
      expect(s.problems).toEqual([expect.stringMatching(/^console\.error: Failed to load resource: .*401.*\/api\/v1\/me\)$/)]);
      s.problems.length = 0;
    });
  });

  describe('portfolio page', () => {
    it('shows exactly one heatmap row per vendor of the demo portfolio', async () => {
      await openPortfolio();
      expect(heatmap.rows.length).toBe(DEMO_VENDORS);
      expect(await rows().count()).toBe(heatmap.rows.length);
      expect(await rows().count()).toBe(DEMO_VENDORS);
      const ids = await rows().evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-vendor-id'))));
      expect(ids.sort((a, b) => a - b)).toEqual(heatmap.rows.map((r) => r.vendorId).sort((a, b) => a - b));
      const names = await rows().locator('th.vendor a').allTextContents();
      expect(names.sort()).toEqual(heatmap.rows.map((r) => r.name).sort());
    });

    it('colours known cells from the scale and marks unknown cells', async () => {
      const cells = heatmap.rows.flatMap((r) => heatmap.factors.map((f) => ({ vendorId: r.vendorId, factor: f.id, value: r.cells[f.id] ?? null })));
      const unknown = cells.filter((c) => c.value === null).length;
      expect(unknown).toBeGreaterThan(0);
      await openPortfolio();

      const fills = await s.page
        .locator('vr-heatmap td.heat:not([data-unknown]) rect.swatch')
        .evaluateAll((els) => els.map((e) => e.getAttribute('fill') ?? ''));
      expect(fills).toHaveLength(cells.length - unknown);
      for (const fill of fills) expect(fill).toMatch(/^(#[0-9a-f]{6}|rgb\(\d+, ?\d+, ?\d+\))$/i);
      expect(new Set(fills).size).toBeGreaterThan(5);

      const known = cells.filter((c) => c.value !== null).sort((a, b) => a.value! - b.value!);
      const fillOf = (c: (typeof cells)[number]) =>
        s.page.locator(`vr-heatmap tr[data-vendor-id="${c.vendorId}"] td[data-factor="${c.factor}"] rect.swatch`).getAttribute('fill');
      expect(await fillOf(known[0]!)).not.toBe(await fillOf(known.at(-1)!));

      const marked = s.page.locator('vr-heatmap td.heat[data-unknown]');
      expect(await marked.count()).toBe(unknown);
      expect(await s.page.locator('vr-heatmap td.heat[data-unknown] path.hatch').count()).toBe(unknown);
      for (const text of await marked.allTextContents()) expect(text).toContain('unknown');
      expect(await s.page.locator('vr-heatmap-legend figure').textContent()).toContain('unknown');
      expect(await s.page.locator('vr-heatmap-legend svg[role="img"]').count()).toBe(1);
    });

    it('sorts by risk by default, by any column on request, with the sort in the URL', async () => {
      const riskiest = [...heatmap.rows].sort((a, b) => b.risk - a.risk)[0]!;
      await openPortfolio();
      expect(await firstRowName()).toBe(riskiest.name);
      expect(await s.page.locator('vr-heatmap th:has(button[data-sort="risk"])').getAttribute('aria-sort')).toBe('descending');

      await s.page.locator('vr-heatmap button[data-sort="name"]').click();
      await s.page.waitForURL(/\?sort=name$/);
      const byName = heatmap.rows.map((r) => r.name).sort((a, b) => a.localeCompare(b));
      expect(await firstRowName()).toBe(byName[0]);
      expect(await s.page.locator('vr-heatmap th:has(button[data-sort="name"])').getAttribute('aria-sort')).toBe('ascending');
      expect(await s.page.locator('vr-heatmap th:has(button[data-sort="risk"])').getAttribute('aria-sort')).toBeNull();

      await s.page.locator('vr-heatmap button[data-sort="name"]').click();
      await s.page.waitForURL(/\?sort=name&dir=desc$/);
      expect(await firstRowName()).toBe(byName.at(-1));

      await s.page.locator('vr-heatmap button[data-sort="risk"]').click();
      await s.page.waitForURL(/\?sort=risk$/);
      expect(await firstRowName()).toBe(riskiest.name);
      const risks = (await rows().locator('td.risk').allTextContents()).map(Number);
      expect(risks[0]).toBe(Math.max(...heatmap.rows.map((r) => r.risk)));
      expect(risks).toEqual([...risks].sort((a, b) => b - a));

      await openPortfolio('/portfolio?sort=tier');
      expect(await rows().first().locator('td').first().textContent()).toBe('1');
    });

    it("moves between cells with the arrow keys and opens the focused cell's vendor with Enter", async () => {
      await openPortfolio('/portfolio?sort=risk');
      await rows().nth(1).locator('th.vendor').focus();
      await s.page.keyboard.press('ArrowDown');
      const third = rows().nth(2);
      await expect.poll(() => isFocused(third.locator('th.vendor'))).toBe(true);
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(third.locator('td').first())).toBe(true);
      const id = await third.getAttribute('data-vendor-id');
      const name = await third.locator('th.vendor a').textContent();
      await s.page.keyboard.press('Enter');
      await s.page.waitForURL(new RegExp(`/vendors/${id}$`));
      expect(await s.page.locator('vr-vendor-page h1').textContent()).toBe(name);
      await s.page.goBack();
      await s.page.waitForURL(/\?sort=risk$/);
      await rows().first().waitFor();
      expect(await rows().count()).toBe(DEMO_VENDORS);
    });

    it('refetches when the "as of" date changes', async () => {
      const past = await s.api<Heatmap>('/portfolio/heatmap?asOf=2021-01-01');
      await openPortfolio();
      await s.page.locator('vr-as-of input[type="date"]').fill('2021-01-01');
      await s.page.waitForURL(/asOf=2021-01-01/);
      await s.page.locator('vr-portfolio-page .lede', { hasText: 'as of 2021-01-01' }).waitFor();
      expect(await firstRowName()).toBe(past.rows[0]!.name);
      await s.page.locator('vr-as-of button', { hasText: 'Today' }).click();
      await s.page.locator('vr-portfolio-page .lede', { hasText: `as of ${heatmap.asOf}` }).waitFor();
      expect(s.page.url()).not.toContain('asOf=');
    });

    it('has no accessibility violations (axe)', async () => {
      await openPortfolio();
      await s.expectNoAxeViolations();
      await s.shoot('dashboard.png');
    });
  });

  it('shows an unknown vendor through the error element', async () => {
    // A page of its own (signed in: same browser context): the 404 is expected here, and Chromium logs every 404 to the console.
    const other = await s.page.context().newPage();
    await other.goto(s.url('/vendors/999999'));
    const error = other.locator('vr-vendor-page vr-error [role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('vendor-not-found');
    await other.close();
  });
});

// A server of its own: it adds 1,200 vendors, which every portfolio test above would otherwise see.
describe.skipIf(!chromiumPath)('a portfolio of thousands in Chromium', () => {
  const s = useSession(chromiumPath!, { quietConsole: true });
  const rows = (): Locator => s.page.locator('vr-heatmap tbody tr[data-vendor-id]');
  const EXTRA = 1200;

  it('renders only the rows near the viewport, and keys and scrolling still reach every row', async () => {
    const post = (n: number) =>
      s
        .call('/vendors', {
          method: 'POST',
          body: { name: `Bulk vendor ${String(n).padStart(4, '0')}`, category: 'bulk', tier: 4, dataAccess: 'none', environmentAccess: 'none' },
        })
        .then((r) => expect(r.status).toBe(201));
    for (let n = 0; n < EXTRA; n += 50) await Promise.all(Array.from({ length: 50 }, (_, k) => post(n + k)));
    const total = DEMO_VENDORS + EXTRA;

    await s.go('/portfolio?sort=name');
    await rows().first().waitFor();
    expect(await s.page.locator('vr-heatmap table').getAttribute('aria-rowcount')).toBe(String(total + 1));
    expect(await rows().count()).toBeLessThan(150);

    await rows().first().locator('th.vendor').focus();
    await s.page.keyboard.press('Control+End');
    // Ctrl+End scrolls the last row into the window first, then focuses its last cell.
    const last = s.page.locator(`vr-heatmap tbody tr[data-index="${total - 1}"]`);
    await last.waitFor();
    await expect.poll(() => isFocused(last.locator('td').last())).toBe(true);
    expect(await last.locator('th.vendor a').textContent()).toBe('Zendesk');

    // The grid scrolls in its own box (its header row and vendor column stick); the rows follow that box.
    await s.page.locator('vr-heatmap .scroller').evaluate((box) => box.scrollTo(0, box.scrollHeight / 2));
    const middle = s.page.locator(`vr-heatmap tbody tr[data-index="${Math.floor(total / 2)}"]`);
    await middle.waitFor();
    expect(await rows().count()).toBeLessThan(150);
  }, 90_000); // 1,200 vendors added over HTTP first: slow on a busy 2-core machine
});
