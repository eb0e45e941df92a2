/**
 * The dashboard in a real browser: the built app served by the real server (one process, a temp
 * database seeded with the demo portfolio, a first admin), driven by headless Chromium opened at
 * http://localhost:PORT. The browser signs in through the sign-in page first, as a user does; then
 * the portfolio heatmap (rows, colours, sorting, keys, "as of") and a portfolio of thousands.
 * A vendor's page is vendor-page.test.ts and vendor-evidence.test.ts.
 * Without Chromium the suite is skipped with one loud line, except on CI, where a missing browser is a failure.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import {
  ADMIN,
  apiSession,
  axeViolations,
  chromiumForTests,
  describeViolations,
  launchBrowser,
  PROJECT_ROOT,
  signInThroughPage,
  startServer,
  watchConsole,
  type ApiCall,
  type RunningServer,
} from './harness.ts';

const DEMO_VENDORS = 34;

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('dashboard in Chromium', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let problems: string[] = [];
  let heatmap: Heatmap;
  /** The test's own API calls, signed in as the admin (the browser has its own session). */
  let call: ApiCall;

  const api = async <T>(path: string): Promise<T> => (await call(path)).json() as Promise<T>;
  // Text is read from an element inside each component's shadow root: a host's own textContent has none of it.
  const rows = (): Locator => page.locator('vr-heatmap tbody tr[data-vendor-id]');
  const firstRowName = () => rows().first().locator('th.vendor a').textContent();
  const shoot = async (file: string) => {
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-results', file), fullPage: true });
  };
  /** Whether the element is the focused one of its shadow root (focus does not cross into shadow roots for document.activeElement). */
  const isFocused = (l: Locator) => l.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
  const expectNoAxeViolations = async () => {
    const violations = await axeViolations(page);
    if (violations.length > 0) console.error(`axe violations on ${page.url()}:\n${describeViolations(violations)}`);
    expect(violations.map((v) => v.id)).toEqual([]);
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(chromiumPath!);
    // A context of its own, so that a second page can share the signed-in session.
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    call = await apiSession(server.url, ADMIN.email, ADMIN.password);
    heatmap = await api<Heatmap>('/portfolio/heatmap');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe('signing in', () => {
    it('asks an anonymous visitor to sign in, then shows the portfolio', async () => {
      await page.goto(`${server!.appUrl}/`);
      await page.waitForURL(`${server!.appUrl}/sign-in`);
      await signInThroughPage(page, ADMIN.email, ADMIN.password);
      await page.waitForURL(`${server!.appUrl}/`);
      await rows().first().waitFor();
      // Asking GET /me is how the app learns nobody is signed in; Chromium logs that 401 as a console
      // error (it does so for every failed fetch). Exactly that one, and nothing else, before signing in.
      expect(problems).toEqual([expect.stringMatching(/^console\.error: Failed to load resource: .*401.*\/api\/v1\/me\)$/)]);
      problems.length = 0;
    });
  });

  describe('portfolio page', () => {
    it('shows exactly one heatmap row per vendor of the demo portfolio', async () => {
      await page.goto(`${server!.appUrl}/`);
      await rows().first().waitFor();
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

      const fills = await page.locator('vr-heatmap td.heat:not([data-unknown]) rect.swatch').evaluateAll((els) => els.map((e) => e.getAttribute('fill') ?? ''));
      expect(fills).toHaveLength(cells.length - unknown);
      for (const fill of fills) expect(fill).toMatch(/^(#[0-9a-f]{6}|rgb\(\d+, ?\d+, ?\d+\))$/i);
      expect(new Set(fills).size).toBeGreaterThan(5);

      const known = cells.filter((c) => c.value !== null).sort((a, b) => a.value! - b.value!);
      const fillOf = (c: (typeof cells)[number]) =>
        page.locator(`vr-heatmap tr[data-vendor-id="${c.vendorId}"] td[data-factor="${c.factor}"] rect.swatch`).getAttribute('fill');
      expect(await fillOf(known[0]!)).not.toBe(await fillOf(known.at(-1)!));

      const marked = page.locator('vr-heatmap td.heat[data-unknown]');
      expect(await marked.count()).toBe(unknown);
      expect(await page.locator('vr-heatmap td.heat[data-unknown] path.hatch').count()).toBe(unknown);
      for (const text of await marked.allTextContents()) expect(text).toContain('unknown');
      expect(await page.locator('vr-heatmap-legend figure').textContent()).toContain('unknown');
      expect(await page.locator('vr-heatmap-legend svg[role="img"]').count()).toBe(1);
    });

    it('sorts by risk by default, by any column on request, with the sort in the URL', async () => {
      const riskiest = [...heatmap.rows].sort((a, b) => b.risk - a.risk)[0]!;
      expect(await firstRowName()).toBe(riskiest.name);
      expect(await page.locator('vr-heatmap th:has(button[data-sort="risk"])').getAttribute('aria-sort')).toBe('descending');

      await page.locator('vr-heatmap button[data-sort="name"]').click();
      await page.waitForURL(/\?sort=name$/);
      const byName = heatmap.rows.map((r) => r.name).sort((a, b) => a.localeCompare(b));
      expect(await firstRowName()).toBe(byName[0]);
      expect(await page.locator('vr-heatmap th:has(button[data-sort="name"])').getAttribute('aria-sort')).toBe('ascending');
      expect(await page.locator('vr-heatmap th:has(button[data-sort="risk"])').getAttribute('aria-sort')).toBeNull();

      await page.locator('vr-heatmap button[data-sort="name"]').click();
      await page.waitForURL(/\?sort=name&dir=desc$/);
      expect(await firstRowName()).toBe(byName.at(-1));

      await page.locator('vr-heatmap button[data-sort="risk"]').click();
      await page.waitForURL(/\?sort=risk$/);
      expect(await firstRowName()).toBe(riskiest.name);
      const risks = (await rows().locator('td.risk').allTextContents()).map(Number);
      expect(risks[0]).toBe(Math.max(...heatmap.rows.map((r) => r.risk)));
      expect(risks).toEqual([...risks].sort((a, b) => b - a));

      await page.goto(`${server!.appUrl}/?sort=tier`);
      await rows().first().waitFor();
      expect(await rows().first().locator('td').first().textContent()).toBe('1');
    });

    it('moves between cells with the arrow keys and opens the focused cell\'s vendor with Enter', async () => {
      await page.goto(`${server!.appUrl}/?sort=risk`);
      await rows().first().waitFor();
      await rows().nth(1).locator('th.vendor').focus();
      await page.keyboard.press('ArrowDown');
      const third = rows().nth(2);
      await expect.poll(() => isFocused(third.locator('th.vendor'))).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => isFocused(third.locator('td').first())).toBe(true);
      const id = await third.getAttribute('data-vendor-id');
      const name = await third.locator('th.vendor a').textContent();
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/vendors/${id}$`));
      expect(await page.locator('vr-vendor-page h1').textContent()).toBe(name);
      await page.goBack();
      await page.waitForURL(/\?sort=risk$/);
      await rows().first().waitFor();
      expect(await rows().count()).toBe(DEMO_VENDORS);
    });

    it('refetches when the "as of" date changes', async () => {
      const past = await api<Heatmap>('/portfolio/heatmap?asOf=2021-01-01');
      await page.locator('vr-as-of input[type="date"]').fill('2021-01-01');
      await page.waitForURL(/asOf=2021-01-01/);
      await page.locator('vr-portfolio-page .lede', { hasText: 'as of 2021-01-01' }).waitFor();
      expect(await firstRowName()).toBe(past.rows[0]!.name);
      await page.locator('vr-as-of button', { hasText: 'Today' }).click();
      await page.locator('vr-portfolio-page .lede', { hasText: `as of ${heatmap.asOf}` }).waitFor();
      expect(page.url()).not.toContain('asOf=');
    });

    it('has no accessibility violations (axe)', async () => {
      await page.goto(`${server!.appUrl}/`);
      await rows().first().waitFor();
      await expectNoAxeViolations();
      await shoot('dashboard.png');
    });
  });


  describe('a portfolio of thousands (runs last: it adds vendors)', () => {
    const EXTRA = 1200;

    it('renders only the rows near the viewport, and keys and scrolling still reach every row', async () => {
      const post = (n: number) =>
        call('/vendors', {
          method: 'POST',
          body: { name: `Bulk vendor ${String(n).padStart(4, '0')}`, category: 'bulk', tier: 4, dataAccess: 'none', environmentAccess: 'none' },
        }).then((r) => expect(r.status).toBe(201));
      for (let n = 0; n < EXTRA; n += 50) await Promise.all(Array.from({ length: 50 }, (_, k) => post(n + k)));
      const total = DEMO_VENDORS + EXTRA;

      await page.goto(`${server!.appUrl}/?sort=name`);
      await rows().first().waitFor();
      expect(await page.locator('vr-heatmap table').getAttribute('aria-rowcount')).toBe(String(total + 1));
      expect(await rows().count()).toBeLessThan(150);

      await rows().first().locator('th.vendor').focus();
      await page.keyboard.press('Control+End');
      // Ctrl+End scrolls the last row into the window first, then focuses its last cell.
      const last = page.locator(`vr-heatmap tbody tr[data-index="${total - 1}"]`);
      await last.waitFor();
      await expect.poll(() => isFocused(last.locator('td').last())).toBe(true);
      expect(await last.locator('th.vendor a').textContent()).toBe('Zendesk');

      // The grid scrolls in its own box (its header row and vendor column stick); the rows follow that box.
      await page.locator('vr-heatmap .scroller').evaluate((box) => box.scrollTo(0, box.scrollHeight / 2));
      const middle = page.locator(`vr-heatmap tbody tr[data-index="${Math.floor(total / 2)}"]`);
      await middle.waitFor();
      expect(await rows().count()).toBeLessThan(150);
    });
  });

  it('shows an unknown vendor through the error element', async () => {
    // A page of its own (signed in: same browser context): the 404 is expected here, and Chromium logs every 404 to the console.
    const other = await page.context().newPage();
    await other.goto(`${server!.appUrl}/vendors/999999`);
    const error = other.locator('vr-vendor-page vr-error [role="alert"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('vendor-not-found');
    await other.close();
  });

  it('logged no page errors and no console errors or warnings', () => {
    expect(problems).toEqual([]);
  });
});
