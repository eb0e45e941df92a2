/**
 * The quarterly report in a real browser, against the API's own answers: the headline figures, the
 * state (frozen or live) and methodology, Okta's October 2023 support-system breach with its lag,
 * the movers with their causes, the quarter and comparison pickers (URL and Back), the downloads,
 * and the PDF Chromium prints: two pages of summary, then a page per tier-1 vendor. The PDF is
 * read back with test/e2e/pdf-text.ts (Chromium writes plain objects, Flate streams and ToUnicode maps),
 * so no PDF library is needed. The server's clock is the real one: 2023-Q4 is a closed quarter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuarterlyReport } from '../../web/api/client.ts';
import { signed } from '../../web/charts/movers.layout.ts';
import { currentQuarter, lagText, SUMMARY_MOVERS } from '../../web/report.ts';
import { chromiumForTests, PROJECT_ROOT } from './harness.ts';
import { flat, pdfPageTexts } from './pdf-text.ts';
import { isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('the quarterly report in Chromium', () => {
  let q4: QuarterlyReport;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      q4 = await s.api<QuarterlyReport>('/reports/quarterly/2023-Q4');
    },
  });

  const open = async (path: string) => {
    await s.go(path);
    await s.page.locator('vr-report-summary [data-figure="vendors"]').waitFor();
  };
  const text = (selector: string) => s.page.locator(selector).first().textContent();
  const tier1 = () => q4.vendors.filter((v) => v.tier === 1);
  /** Every appendix section has its factors (they come after the report). */
  const factorsLoaded = (n: number) => expect.poll(() => s.page.locator('vr-report-vendor table.factors').count(), { timeout: 15_000 }).toBe(n);

  it('shows the API’s headline figures, says whether it is frozen, and names the methodology and the days', async () => {
    await open('/reports/2023-Q4');
    const figure = (key: string) => text(`vr-report-summary [data-figure="${key}"] .value`);
    expect(await figure('vendors')).toBe(String(q4.summary.vendors));
    expect(await figure('average')).toBe(String(q4.summary.averageRisk));
    for (const band of ['critical', 'high', 'moderate', 'low', 'not-assessed'] as const) expect(await figure(band)).toBe(String(q4.summary.byBand[band]));
    expect(await figure('movers')).toBe(String(q4.movers.length));
    expect(await figure('incidents')).toBe(String(q4.newIncidents.length));
    // The real clock has long left 2023 behind: a closed quarter, from its stored snapshot.
    expect(q4.frozen).toBe(true);
    expect(await text('vr-report-summary [data-fact="state"]')).toContain('Frozen.');
    expect(await text('vr-report-summary [data-fact="state"]')).toContain(q4.asOf);
    expect(await text('vr-report-summary [data-fact="methodology"]')).toBe(`Version ${q4.methodologyVersion}`);
    expect(await text('vr-report-summary [data-fact="vs"]')).toBe(`2023 Q3 (as of ${q4.vsAsOf})`);
    expect(await s.page.locator('vr-report-summary [data-fact="generated"] time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const top = await s.page.locator('vr-report-summary table.top tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-vendor-id'))));
    expect(top).toEqual(q4.topRisks.map((t) => t.vendorId));
    // The matrix places every assessed vendor of the report; the not-assessed ones are listed apart, highest inherent risk first.
    const counts = await s.page.locator('vr-risk-matrix g.cell text.count').allTextContents();
    expect(counts.map(Number).reduce((a, n) => a + n, 0)).toBe(q4.summary.vendors - q4.summary.byBand['not-assessed']);
    expect(q4.notAssessed).toHaveLength(q4.summary.byBand['not-assessed']);
    const apart = await s.page
      .locator('vr-report-summary table.not-assessed tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-vendor-id'))));
    expect(apart).toEqual(q4.notAssessed.slice(0, 5).map((n) => n.vendorId));
    expect(await s.page.locator('h1').textContent()).toBe('Vendor risk report, 2023 Q4');
  });

  it('explains each tier-1 vendor in the appendix with the score the report rests on, not one recomputed today', async () => {
    await open('/reports/2023-Q4');
    await factorsLoaded(tier1().length);
    expect(q4.tier1Scores.map((sc) => sc.vendorId)).toEqual(tier1().map((v) => v.vendorId));
    expect(await s.page.locator('vr-report-vendor .note[data-recomputed="no"]').count()).toBe(tier1().length);
    const okta = q4.tier1Scores.find((sc) => sc.vendorId === q4.vendors.find((v) => v.name === 'Okta')!.vendorId)!;
    const section = s.page.locator(`vr-report-vendor`).filter({ hasText: 'Okta' }).first();
    expect(await section.locator('table.factors tbody tr').count()).toBe(okta.factors.length);
  });

  /** Okta's second support breach (DESIGN §4.4), disclosed on 20 October 2023. */
  const oktaIncident = () => q4.newIncidents.find((n) => n.vendorName === 'Okta' && n.publicDisclosureDate?.startsWith('2023-10'));

  it('lists Okta’s October 2023 support-system breach among the new incidents, with its disclosure lag', async () => {
    const okta = oktaIncident();
    expect(okta?.title).toMatch(/support case system/);
    expect(okta?.lagDays).toBeGreaterThan(14);
    await open('/reports/2023-Q4');
    const row = s.page.locator(`vr-report-changes tr[data-incident-id="${okta!.incidentId}"]`);
    expect(await row.locator('th').textContent()).toBe('Okta');
    expect(await row.textContent()).toContain(okta!.title);
    expect(await row.textContent()).toContain('20 Oct 2023');
    expect(await row.locator('td.lag').textContent()).toBe(`${okta!.lagDays} days (late)`);
    // In the page's own words: "≈" when a lag rests on a month (Atlassian's October 2023 flaw, reported in "2023-10").
    expect(await text('vr-report-changes li[data-lag="median"]')).toContain(
      `median ${lagText(q4.disclosureLags.medianDays, q4.disclosureLags.approximate > 0)}`,
    );
  });

  it('shows Okta among the movers, its bar split by cause, and the same figures in the table', async () => {
    const okta = q4.movers.find((m) => m.name === 'Okta')!;
    expect(okta.causes.incidents).toBeGreaterThan(0);
    await open('/reports/2023-Q4');
    const bar = s.page.locator(`vr-movers-chart g.mover[data-vendor-id="${okta.vendorId}"]`);
    const drawn = await bar.locator('rect.seg').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-cause')));
    expect(drawn).toEqual((['incidents', 'decay', 'posture', 'methodology'] as const).filter((c) => okta.causes[c] !== 0));
    expect(await bar.locator('text.delta').textContent()).toBe(signed(okta.delta));
    const row = s.page.locator(`vr-movers-chart tbody tr[data-vendor-id="${okta.vendorId}"]`);
    for (const c of ['incidents', 'decay', 'posture', 'methodology'] as const)
      expect(await row.locator(`td[data-cause="${c}"]`).textContent()).toBe(signed(okta.causes[c]));
    expect(await s.page.locator('vr-movers-chart .legend li').count()).toBe(4);
    expect(await text(`vr-report-vendor section[data-vendor-id="${okta.vendorId}"] .causes`)).toContain(`new incidents ${signed(okta.causes.incidents)}`);
  });

  it('picks another quarter: the URL changes, focus stays on the picker, and Back returns', async () => {
    await open('/reports/2023-Q4');
    const picker = s.page.locator('vr-report-controls select#quarter');
    await picker.focus();
    await picker.selectOption('2024-Q1');
    await s.page.waitForURL(s.url('/reports/2024-Q1'));
    const q1 = await s.api<QuarterlyReport>('/reports/quarterly/2024-Q1');
    await s.page.locator('vr-report-summary h2', { hasText: '2024 Q1' }).waitFor();
    expect(await text('vr-report-summary [data-figure="average"] .value')).toBe(String(q1.summary.averageRisk));
    expect(await isFocused(picker)).toBe(true);
    await s.page.goBack();
    await s.page.waitForURL(s.url('/reports/2023-Q4'));
    await s.page.locator('vr-report-summary h2', { hasText: '2023 Q4' }).waitFor();
    expect(await picker.inputValue()).toBe('2023-Q4');
  });

  it('compares with any earlier quarter (?vs=2022-Q4), with a picker for it', async () => {
    const r = await s.api<QuarterlyReport>('/reports/quarterly/2023-Q4?vs=2022-Q4');
    await open('/reports/2023-Q4?vs=2022-Q4');
    expect(await text('vr-report-summary [data-fact="vs"]')).toBe(`2022 Q4 (as of ${r.vsAsOf})`);
    expect(await text('vr-report-changes #mv-title')).toBe('What moved since 2022 Q4, and why');
    const bars = await s.page.locator('vr-movers-chart g.mover').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-vendor-id'))));
    expect(bars).toEqual(r.movers.slice(0, SUMMARY_MOVERS).map((m) => m.vendorId));
    expect(r.movers.length).toBeGreaterThan(SUMMARY_MOVERS);
    expect(await s.page.locator('vr-report-lists table.movers tbody tr').count()).toBe(r.movers.length);
    expect(await s.page.locator('vr-report-controls select#vs').inputValue()).toBe('2022-Q4');
    await s.page.locator('vr-report-controls select#vs').selectOption('2021-Q4');
    await s.page.waitForURL(s.url('/reports/2023-Q4?vs=2021-Q4'));
    await s.page.locator('vr-report-changes #mv-title', { hasText: '2021 Q4' }).waitFor();
    await s.page.locator('vr-report-controls select#vs').selectOption('');
    await s.page.waitForURL(s.url('/reports/2023-Q4'));
  });

  it('opens the current quarter at /reports, live, under its own address', async () => {
    const quarter = currentQuarter(new Date());
    await s.go('/reports');
    await s.page.waitForURL(s.url(`/reports/${quarter}`));
    await s.page.locator('vr-report-summary [data-fact="state"]').waitFor();
    expect((await s.api<QuarterlyReport>(`/reports/quarterly/${quarter}`)).frozen).toBe(false);
    expect(await text('vr-report-summary [data-fact="state"]')).toContain('Live.');
  });

  it('shows the server’s refusal of a quarter that has not begun, with a way to the current one', async () => {
    await s.go('/reports/2999-Q1');
    const error = s.page.locator('vr-report-page vr-error');
    // Chromium logs the refused fetch; that refusal is what this test asks for.
    await expect.poll(() => s.problems.length).toBe(1);
    const [refused] = s.problems.splice(0);
    expect(refused).toMatch(/400 .*\/api\/v1\/reports\/quarterly\/2999-Q1/);
    await error.getByText('2999-Q1 has not begun.').waitFor();
    await error.getByRole('link', { name: "Open the current quarter's report" }).click();
    await s.page.waitForURL(s.url(`/reports/${currentQuarter(new Date())}`));
  });

  it('links the downloads to the API in each format; the browser’s own session fetches them', async () => {
    await open('/reports/2023-Q4?vs=2022-Q4');
    const link = (f: string) => s.page.locator(`vr-report-controls a[data-format="${f}"]`);
    for (const f of ['csv', 'md']) expect(await link(f).getAttribute('href')).toBe(`/api/v1/reports/quarterly/2023-Q4?format=${f}&vs=2022-Q4`);
    // The JSON download is everything the report holds: its per-vendor appendix whole, however large.
    expect(await link('json').getAttribute('href')).toBe('/api/v1/reports/quarterly/2023-Q4?format=json&vs=2022-Q4&appendix=full');
    expect(await link('csv').getAttribute('download')).toBe('vendorscope-report-2023-Q4-vs-2022-Q4.csv');
    const res = await s.call('/reports/quarterly/2023-Q4?format=csv&vs=2022-Q4');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await res.text()).split('\n')[0]).toMatch(/^quarter,asOf,methodologyVersion,/);
    const [download] = await Promise.all([s.page.waitForEvent('download'), link('md').click()]);
    expect(download.suggestedFilename()).toBe('vendorscope-report-2023-Q4-vs-2022-Q4.md');
    const md = await s.page.evaluate(async (href) => (await fetch(href)).text(), (await link('md').getAttribute('href'))!);
    expect(md).toContain('# Vendor risk report, 2023-Q4');
  });

  it('prints two pages of summary, then each tier-1 vendor on a page of its own', async () => {
    await open('/reports/2023-Q4');
    await factorsLoaded(tier1().length);
    const pdf = await s.page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(PROJECT_ROOT, 'test-results', 'report-2023-Q4.pdf'), pdf);
    const pages = pdfPageTexts(pdf).map(flat);
    expect(pages.length).toBe(pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length);
    const [one, two, three] = pages;
    // The summary: exactly two pages, each with what it must say; the app's chrome and controls are not printed.
    expect(one).toContain(flat('Executive summary · page 1 of 2'));
    expect(one).toContain(flat('Vendor risk report, 2023 Q4'));
    expect(one).toContain(flat(`Frozen. A closed quarter, scored as of its last day (${q4.asOf})`));
    expect(one).toContain(flat(`Version ${q4.methodologyVersion}`));
    expect(one).toContain(flat(`${q4.summary.averageRisk}average risk`));
    expect(one).toContain(flat(`Top ${q4.topRisks.length} risks`));
    expect(one).not.toContain(flat('Third-party supply-chain risk'));
    expect(one).not.toContain(flat('Print or save as PDF'));
    expect(two).toContain(flat('Executive summary · page 2 of 2'));
    expect(two).toContain(flat('What moved since 2023 Q3, and why'));
    expect(two).toContain(flat(oktaIncident()!.title));
    expect(two).toContain(flat(`${oktaIncident()!.lagDays} days (late)`));
    expect(three).toContain(flat(`Appendix 1/${tier1().length} · tier-1 vendor`));
    expect(`${one}${two}`).not.toContain('appendix');
    // One section per tier-1 vendor, in order, each starting a page.
    const starts = tier1().map((v, i) => pages.findIndex((p) => p.includes(flat(`Appendix ${i + 1}/${tier1().length} · tier-1 vendor${v.name}`))));
    expect(starts[0]).toBe(2);
    starts.slice(1).forEach((p, i) => expect(p).toBeGreaterThan(starts[i]!));
    expect(pages.length).toBeGreaterThanOrEqual(2 + tier1().length);
    expect(pages[0]).toContain(flat(`Page 1 of ${pages.length}`));
  }, 60_000);

  it('has no accessibility violations (axe)', async () => {
    await open('/reports/2023-Q4?vs=2022-Q4');
    await factorsLoaded(tier1().length);
    await s.expectNoAxeViolations();
    await s.shoot('report.png', true);
  });
});
