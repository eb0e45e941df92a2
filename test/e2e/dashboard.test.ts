/**
 * The dashboard in a real browser: the built app served by the real server (one process, a temp
 * database seeded with the demo portfolio, a first admin), driven by headless Chromium opened at
 * http://localhost:PORT. The browser signs in through the sign-in page first, as a user does.
 * Without Chromium the suite is skipped with one loud line, except on CI, where a missing browser is a failure.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { Incident } from '../../server/domain/incident.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
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
const OKTA_2023 = "Stolen service-account credentials expose customer HAR files in Okta's support case system";
const OKTA_2022 = 'Lapsus$ reaches Okta support tooling through a Sitel/Sykes contractor workstation';
const REPEAT_FINDING = 'The same root cause twice in 3 years';
const SUPPORT_MFA_GAP = 'No evidence about support staff MFA';
/**
 * A day after Okta's October 2023 disclosure (2023-10-20), pinned: findings look back a fixed
 * window (3 years), so on "today" the repeat finding has aged out once late 2026 is reached.
 */
const AFTER_OKTA_2023 = '2023-10-31';

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

  describe("Okta's vendor page", () => {
    const okta = () => heatmap.rows.find((r) => r.name === 'Okta')!;

    it("opens from a click on Okta's row", async () => {
      await page.goto(`${server!.appUrl}/`);
      // The app asks who is signed in before it fetches the portfolio: wait for the rows, do not race them.
      await rows().first().waitFor();
      const row = rows().filter({ has: page.locator('th.vendor a', { hasText: /^Okta$/ }) });
      expect(await row.count()).toBe(1);
      await row.locator('td.heat').first().click();
      await page.waitForURL(new RegExp(`/vendors/${okta().vendorId}$`));
      expect(await page.locator('vr-vendor-page h1').textContent()).toBe('Okta');
      await page.locator('vr-incident-list article').first().waitFor();
      await page.locator('vr-score-breakdown [data-factor]').first().waitFor();
    });

    it('lists both Okta incidents, newest first, with their sources as links', async () => {
      const titles = await page.locator('vr-incident-list article h3').allTextContents();
      expect(titles).toContain(OKTA_2023);
      expect(titles).toContain(OKTA_2022);
      expect(titles.indexOf(OKTA_2023)).toBeLessThan(titles.indexOf(OKTA_2022));
      for (const article of await page.locator('vr-incident-list article').all()) {
        const links = article.locator('vr-source-links a');
        expect(await links.count()).toBeGreaterThan(0);
        for (const a of await links.all()) {
          expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
          expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
          expect(await a.getAttribute('target')).toBe('_blank');
        }
      }
      expect(await page.locator('vr-incident-list section').textContent()).toContain('Disclosed 21 days after the first outside report');
    });

    it('shows the score breakdown: every factor and every contribution', async () => {
      const score = await api<VendorScore>(`/vendors/${okta().vendorId}/score`);
      expect(await page.locator('vr-score-summary section').textContent()).toContain(score.risk.toFixed(1));
      for (const f of score.factors) {
        const block = page.locator(`vr-score-breakdown [data-factor="${f.id}"]`);
        expect(await block.locator('h3').textContent()).toBe(f.label);
        expect(await block.locator('tbody tr').count()).toBe(f.contributions.length);
        const text = await block.textContent();
        for (const c of f.contributions) {
          expect(text).toContain(c.label);
          expect(text).toContain(c.points.toFixed(1));
        }
        expect(await block.locator('tfoot').textContent()).toContain(f.score.toFixed(1));
      }
      expect(await page.locator('vr-score-breakdown section').textContent()).toContain('Impact');
      // Five factors, the fifth being repeat incidents; the formula names every one of them.
      expect(score.factors.map((f) => f.id)).toEqual(['incidents', 'recurrence', 'support', 'mfa', 'disclosure']);
      expect(await page.locator('vr-score-breakdown [data-factor]').count()).toBe(5);
      expect(await page.locator('vr-score-breakdown [data-factor="recurrence"] h3').textContent()).toBe('Repeat incidents');
      expect((await page.locator('vr-score-breakdown .formula').textContent())!.match(/×/g)).toHaveLength(5);
    });

    it("puts findings, then evidence gaps, between the score and the breakdown, as the API gives them today", async () => {
      const score = await api<VendorScore>(`/vendors/${okta().vendorId}/score`);
      const order = await page.locator('vr-vendor-page').evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('vr-score-summary, vr-findings-list, vr-gaps-list, vr-score-breakdown, vr-incident-list')].map((e) => e.localName),
      );
      expect(order).toEqual(['vr-score-summary', 'vr-findings-list', 'vr-gaps-list', 'vr-score-breakdown', 'vr-incident-list']);
      expect(await page.locator('vr-findings-list li.finding .title').allTextContents()).toEqual(score.findings.map((f) => f.title));
      expect(await page.locator('vr-gaps-list li').allTextContents()).toEqual(expect.arrayContaining(score.gaps.map((g) => g.text)));
      expect(await page.locator('vr-gaps-list li').count()).toBe(score.gaps.length);
    });

    it('shows every MFA population, with the ones on no record as "unknown"', async () => {
      const posture = await api<MfaPosture>(`/vendors/${okta().vendorId}/mfa`);
      expect(await page.locator('vr-mfa-grid tbody tr[data-population]').count()).toBe(5);
      const unknownRows = page.locator('vr-mfa-grid tbody tr[data-unknown]');
      expect(await unknownRows.count()).toBe(5 - posture.items.length);
      expect(await unknownRows.count()).toBeGreaterThan(0);
      for (const text of await unknownRows.allTextContents()) expect(text).toContain('unknown');
    });

    it('lists Sitel among the subprocessors and labels the relationship as an example setting', async () => {
      expect((await page.locator('vr-subprocessor-list h3').allTextContents()).join('\n')).toContain('Sitel');
      expect(await page.locator('vr-relationship section').textContent()).toContain('Example setting');
      expect(await page.locator('vr-data-notice section').textContent()).toContain('Public fact');
    });

    it('has no accessibility violations today (axe)', async () => {
      await expectNoAxeViolations();
    });

    it(`as of ${AFTER_OKTA_2023}, shows the repeat-root-cause finding with its contract condition, and the support MFA gap`, async () => {
      const id = okta().vendorId;
      const score = await api<VendorScore>(`/vendors/${id}/score?asOf=${AFTER_OKTA_2023}`);
      const incidents = (await api<{ items: Incident[] }>(`/vendors/${id}/incidents`)).items;
      const incidentId = (title: string) => incidents.find((i) => i.title === title)!.id;
      await page.goto(`${server!.appUrl}/vendors/${id}?asOf=${AFTER_OKTA_2023}`);
      await page.locator('vr-score-summary .meta', { hasText: `As of ${AFTER_OKTA_2023}` }).waitFor();
      await page.locator('vr-findings-list li.finding').first().waitFor();

      // Every finding of the API, in its order (most severe first), each with a severity in words.
      const findings = page.locator('vr-findings-list li.finding');
      expect(await findings.locator('.title').allTextContents()).toEqual(score.findings.map((f) => f.title));
      expect(await findings.locator('.sev').allTextContents()).toEqual(score.findings.map((f) => expect.stringMatching(new RegExp(`^${f.severity} severity:$`, 'i'))));

      const expected = score.findings.find((f) => f.title === REPEAT_FINDING)!;
      expect(expected).toBeDefined();
      const repeat = findings.filter({ has: page.locator('.title', { hasText: REPEAT_FINDING }) });
      expect(await repeat.count()).toBe(1);
      expect(await repeat.locator('.sev').textContent()).toMatch(/^Critical/);
      expect(await repeat.locator('.rationale').textContent()).toBe(expected.rationale);
      expect(await repeat.locator('figcaption').textContent()).toBe('Suggested contract condition');
      // The clause is the blockquote's whole text, nothing added: what is selected is what goes into the contract.
      const clause = repeat.locator('blockquote');
      expect(await clause.textContent()).toBe(expected.suggestedCondition);
      expect(expected.suggestedCondition).toContain('root-cause analysis');
      expect(await clause.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');

      // It rests on both Okta incidents, each a link to its place on the page.
      expect(await repeat.locator('.refs a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        `#incident-${incidentId(OKTA_2023)}`,
        `#incident-${incidentId(OKTA_2022)}`,
      ]);

      // The gaps: grouped by factor as the score orders them, explained, the support MFA gap among the MFA ones.
      expect(score.gaps.map((g) => g.text)).toContain(SUPPORT_MFA_GAP);
      const gaps = page.locator('vr-gaps-list');
      expect(await gaps.locator('h2').textContent()).toContain('Evidence gaps');
      const explain = await gaps.locator('.explain').textContent();
      expect(explain).toContain('counted as a weak posture, never as good');
      expect(explain).toContain(`${Math.round(score.confidence * 100)}%`);
      const groups = score.factors.flatMap((f) => {
        const n = score.gaps.filter((g) => g.factor === f.id).length;
        return n === 0 ? [] : [`${f.label} (${n})`];
      });
      expect(await gaps.locator('section.group h3').allTextContents()).toEqual(groups);
      const mfaGap = gaps.locator('section[data-factor="mfa"] li', { hasText: SUPPORT_MFA_GAP });
      expect(await mfaGap.count()).toBe(1);
      expect(await mfaGap.locator('a').getAttribute('href')).toBe('#mfa-support');

      await expectNoAxeViolations();
      await shoot('vendor-okta.png');
    });

    it("copies a suggested condition, and follows a finding's and a gap's evidence links (mouse and keyboard)", async () => {
      const id = okta().vendorId;
      const incidents = (await api<{ items: Incident[] }>(`/vendors/${id}/incidents`)).items;
      const repeat = page.locator('vr-findings-list li.finding').filter({ has: page.locator('.title', { hasText: REPEAT_FINDING }) });
      const condition = await repeat.locator('blockquote').textContent();

      // The copy button puts exactly the clause on the clipboard, and says so.
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.appUrl });
      await repeat.getByRole('button', { name: /^Copy condition/ }).click();
      await repeat.locator('[role="status"]', { hasText: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(condition);

      // A click on the 2022 incident scrolls to its article and focuses it, without leaving the page.
      const anchor = `incident-${incidents.find((i) => i.title === OKTA_2022)!.id}`;
      await repeat.locator(`.refs a[href="#${anchor}"]`).click();
      const article = page.locator(`vr-incident-list article#${anchor}`);
      await expect.poll(() => isFocused(article)).toBe(true);
      expect(await article.locator('h3').textContent()).toBe(OKTA_2022);
      expect(await article.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(100);
      expect(page.url()).toBe(`${server!.appUrl}/vendors/${id}?asOf=${AFTER_OKTA_2023}`);

      // Enter on the support-MFA gap lands on the MFA grid's support row.
      await page.locator('vr-gaps-list section[data-factor="mfa"] li', { hasText: SUPPORT_MFA_GAP }).locator('a').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => isFocused(page.locator('vr-mfa-grid tr#mfa-support'))).toBe(true);
    });

    it('shows the evidence a deep link names (#incident-…), inside its component', async () => {
      const id = okta().vendorId;
      const incidents = (await api<{ items: Incident[] }>(`/vendors/${id}/incidents`)).items;
      const anchor = `incident-${incidents.find((i) => i.title === OKTA_2022)!.id}`;
      await page.goto(`${server!.appUrl}/vendors/${id}?asOf=${AFTER_OKTA_2023}#${anchor}`);
      await expect.poll(() => isFocused(page.locator(`vr-incident-list article#${anchor}`))).toBe(true);
    });

    it('rescores as of another day: Okta is riskier just after its October 2023 disclosure', async () => {
      const riskOn = async (day: string) => {
        await page.locator('vr-vendor-page vr-as-of input[type="date"]').fill(day);
        await page.waitForURL(new RegExp(`asOf=${day}$`));
        await page.locator('vr-score-summary .meta', { hasText: `As of ${day}` }).waitFor();
        return Number(await page.locator('vr-score-summary .risk .value').textContent());
      };
      const september = await riskOn('2023-09-30');
      const october = await riskOn('2023-10-31');
      expect(september).toBe((await api<VendorScore>(`/vendors/${okta().vendorId}/score?asOf=2023-09-30`)).risk);
      expect(october).toBeGreaterThan(september);
    });

    it('loads from a deep link, and goes back to the portfolio', async () => {
      await page.goto(`${server!.appUrl}/vendors/${okta().vendorId}`);
      expect(await page.locator('vr-vendor-page h1').textContent()).toBe('Okta');
      await page.locator('vr-vendor-page a.back').click();
      await page.waitForURL(`${server!.appUrl}/`);
      await rows().first().waitFor();
    });

    it('says so when a vendor has no findings', async () => {
      let quiet: VendorScore | undefined;
      for (const r of heatmap.rows) {
        const s = await api<VendorScore>(`/vendors/${r.vendorId}/score`);
        if (s.findings.length === 0) {
          quiet = s;
          break;
        }
      }
      expect(quiet).toBeDefined();
      await page.goto(`${server!.appUrl}/vendors/${quiet!.vendorId}`);
      const empty = page.locator('vr-findings-list p.empty');
      await empty.waitFor();
      expect(await empty.textContent()).toMatch(/^No findings as of \d{1,2} \w{3} \d{4}\.$/);
      expect(await empty.locator('time').getAttribute('datetime')).toBe(quiet!.asOf);
      expect(await page.locator('vr-findings-list li.finding').count()).toBe(0);
      await expectNoAxeViolations();
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
