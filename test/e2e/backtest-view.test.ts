/**
 * The backtest on the methodology page, in a real browser against the API's own answers: the
 * methodology in force under each decay policy side by side, the one in force in detail (what it
 * does and does not predict, the figures beside the baselines, the calibration chart with its
 * table, the rate per band), another policy chosen by keyboard, axe clean; a viewer is told who
 * may see it.
 */
import { describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../server/domain/backtest.ts';
import { estimateText, rateText } from '../../web/backtest.ts';
import { chromiumForTests } from './harness.ts';
import { useSession } from './session.ts';

const POLICIES = ['long-memory', 'short-penalty', 'peer-half-life'];
const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('the backtest in Chromium', () => {
  const runs = new Map<string, BacktestReport>();
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    openAt: '/methodology',
    start: async () => {
      for (const p of POLICIES) runs.set(p, await s.api<BacktestReport>(`/methodology/backtest?decay=${p}`));
    },
  });
  const text = async (selector: string) => ((await s.page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  /** Each test's page opens at /methodology: wait for the run in force to be shown. */
  const shown = () => s.page.locator('vr-backtest-report [data-summary]').first().waitFor();

  it('compares the methodology in force under each decay policy, as the API computes it', async () => {
    const rows = s.page.locator('vr-backtest-policies tbody tr');
    await rows.nth(2).waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-decay')))).toEqual(POLICIES);
    expect(await text('vr-backtest-policies tr[data-decay="long-memory"] th')).toContain('(in force)');
    for (const p of POLICIES) {
      const auc = runs.get(p)!.predictors.find((x) => x.id === 'likelihood')!.auc;
      expect(await text(`vr-backtest-policies tr[data-decay="${p}"] td[data-score="likelihood"][data-figure="auc"]`)).toBe(estimateText('auc', auc));
    }
  });

  it('shows the run in force in detail: what it does and does not predict, the figures beside the baselines', async () => {
    const r = runs.get('long-memory')!;
    await shown();
    expect(await text('vr-backtest-report [data-summary]')).toContain(`2.0.0 · long-memory: 34 vendors scored at each quarter end from 2019-Q1 to ${r.to}`);
    for (const st of r.statements) expect(await text(`vr-backtest-statements li[data-statement="${st.id}"]`)).toBe(st.text);
    // Where the score does not beat the prior-incidents baseline, the page says so under "does not".
    const versus = r.statements.find((x) => x.id === 'likelihood-vs-prior-incidents')!;
    expect(await text(`vr-backtest-statements section[data-verdict="${versus.verdict}"] h3`)).toBe(
      versus.verdict === 'does' ? 'What the score does predict' : 'What it does not predict',
    );
    const predictors = s.page.locator('vr-backtest-figures tbody tr');
    expect(await predictors.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-predictor')))).toEqual([
      'likelihood',
      'risk',
      'random',
      'prior-incidents',
      'days-since-last',
    ]);
    const prior = r.predictors.find((x) => x.id === 'prior-incidents')!;
    expect(await text('vr-backtest-figures tr[data-predictor="prior-incidents"] td[data-figure="auc"]')).toBe(
      estimateText('auc', prior.auc).replace(' (', '').replace(')', ''),
    );
  });

  it('plots calibration with a table beside it, and the rate per band with its interval', async () => {
    const r = runs.get('long-memory')!;
    await s.page.locator('vr-calibration-plot svg g[data-series]').first().waitFor();
    expect(await s.page.locator('vr-calibration-plot svg g[data-series="likelihood"]').count()).toBe(r.calibration.likelihood.length);
    expect(await s.page.locator('vr-calibration-plot svg g[data-series="risk"]').count()).toBe(r.calibration.risk.length);
    expect(await s.page.locator('vr-backtest-calibration-table tbody tr').count()).toBe(r.calibration.likelihood.length + r.calibration.risk.length);
    expect(await s.page.locator('vr-calibration-plot desc').textContent()).toContain('likelihood: forecast');
    const bands = r.predictors.find((x) => x.id === 'risk')!.groups;
    expect(
      await s.page.locator('vr-backtest-rates table[data-rates="risk"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-group'))),
    ).toEqual(bands.map((b) => b.id));
    expect(await text('vr-backtest-rates table[data-rates="risk"] tr[data-group="low"] td .figure')).toBe(rateText(bands.find((b) => b.id === 'low')!));
  });

  it('shows another policy in detail when chosen by keyboard', async () => {
    await shown();
    await s.page.locator('vr-backtest-policies tr[data-decay="long-memory"] input[type="radio"]').focus();
    await s.page.keyboard.press('ArrowDown');
    await s.page.locator('vr-backtest-report [data-summary]', { hasText: '2.0.0 · short-penalty' }).waitFor();
    expect(await s.page.locator('vr-backtest-policies tr[data-selected]').getAttribute('data-decay')).toBe('short-penalty');
    const auc = runs.get('short-penalty')!.predictors.find((x) => x.id === 'likelihood')!.auc;
    expect(await text('vr-backtest-figures tr[data-predictor="likelihood"] td[data-figure="auc"]')).toBe(
      estimateText('auc', auc).replace(' (', '').replace(')', ''),
    );
  });

  it('embeds for a draft: <vr-backtest .draft=…> backtests parameters not stored, under other decay policies too', async () => {
    const { createdAt: _c, note: _n, version: _v, ...parameters } = await s.api<Record<string, unknown>>('/methodology');
    const draft = { ...parameters, decay: { name: 'quick', kind: 'half-life', halfLifeDays: 200, cutoffDays: null } };
    await shown();
    await s.page.locator('vr-methodology-backtest').evaluate((host, body) => {
      const el = document.createElement('vr-backtest');
      el.id = 'draft-backtest';
      el.draft = body as never;
      el.decays = ['short-penalty'];
      host.shadowRoot!.append(el);
    }, draft);
    const rows = s.page.locator('#draft-backtest vr-backtest-policies tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-decay')))).toEqual(['quick', 'short-penalty']);
    expect(await text('#draft-backtest vr-backtest-report [data-summary]')).toContain('draft · quick (draft):');
    // Under short-penalty the draft is 2.0.0's parameters under short-penalty: the same figures as the stored run.
    const auc = runs.get('short-penalty')!.predictors.find((x) => x.id === 'likelihood')!.auc;
    expect(await text('#draft-backtest vr-backtest-policies tr[data-decay="short-penalty"] td[data-score="likelihood"][data-figure="auc"]')).toBe(
      estimateText('auc', auc),
    );
  });

  it('has no accessibility violations (axe)', async () => {
    await shown();
    await s.page.locator('vr-calibration-plot svg g[data-series]').first().waitFor();
    await s.page.locator('vr-methodology-backtest').scrollIntoViewIfNeeded();
    await s.expectNoAxeViolations();
    await s.shootElement(s.page.locator('vr-methodology-backtest'), 'methodology-backtest.png');
  });

  it('tells a viewer that the backtest is for analysts and admins', async () => {
    await s.call('/users', { method: 'POST', body: { email: 'viewer@example.com', password: 'a long viewer passphrase 42', role: 'viewer' } });
    await s.page.context().clearCookies();
    await s.go('/methodology');
    await s.signIn('viewer@example.com', 'a long viewer passphrase 42');
    await s.go('/methodology');
    expect(await text('vr-methodology-backtest [data-viewer]')).toBe('The backtest is shown to analysts and admins.');
    expect(await s.page.locator('vr-backtest').count()).toBe(0);
  });
});
