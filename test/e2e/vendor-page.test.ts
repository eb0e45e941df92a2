/**
 * Okta's dossier in a real browser, against the API's own answers: the score and every
 * contribution, findings then gaps, the incidents on one time axis with their disclosure lags
 * (61 days in 2022, 21 in 2023), the MFA grid (population × method), subprocessors, and the
 * what-if panel (support staff on FIDO2 keys lowers likelihood and settles the support-MFA
 * finding). Findings as of a day and their evidence links are vendor-evidence.test.ts; the
 * analysts' forms are vendor-edits.test.ts. Each test opens the page it checks in a fresh browser
 * context (signed in as the admin) and changes nothing on record.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
import type { WhatIfResult } from '../../web/api/client.ts';
import { OKTA_2023, OKTA_2022, SUPPORT_MFA_FINDING, usePortfolioSession } from './demo.ts';
import { chromiumForTests } from './harness.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)("Okta's dossier in Chromium", () => {
  const { s, vendor } = usePortfolioSession(chromiumPath!, { quietConsole: true });
  const okta = () => vendor('Okta');
  const rows = (): Locator => s.page.locator('vr-heatmap tbody tr[data-vendor-id]');
  /** Opens Okta's dossier at its address and waits for what it fetches: the incidents and the score breakdown. */
  const openOkta = async () => {
    await s.go(`/vendors/${okta().vendorId}`);
    await s.page.locator('vr-incident-list article').first().waitFor();
    await s.page.locator('vr-score-breakdown [data-factor]').first().waitFor();
  };

  it("opens from a click on Okta's row", async () => {
    const page = s.page;
    await page.goto(s.url('/portfolio'));
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
    await openOkta();
    const page = s.page;
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

  it('draws both incidents on one time axis, oldest first, with their disclosure lags (61 and 21 days), and the same as a table', async () => {
    await openOkta();
    const chart = s.page.locator('vr-incident-list vr-incident-timeline');
    const rowsDrawn = chart.locator('g.row');
    expect(await rowsDrawn.count()).toBe(2);
    expect(await rowsDrawn.locator('text.title title').allTextContents()).toEqual([OKTA_2022, OKTA_2023]);
    expect(await chart.locator('text.lag').allTextContents()).toEqual(['61 days', '21 days']);
    // Distinct shapes for the four dates, named in the legend; 2022 had no outside report.
    expect(await chart.locator('.legend li').allTextContents()).toEqual(
      expect.arrayContaining(['Intrusion began', 'First outside report', 'Vendor detected', 'Publicly disclosed']),
    );
    expect(
      await rowsDrawn
        .nth(0)
        .locator('g.date')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-kind'))),
    ).toEqual(['intrusion', 'detected', 'disclosed']);
    expect(await rowsDrawn.nth(1).locator('g.date').count()).toBe(4);
    // One axis: the 2023 intrusion is drawn right of the 2022 disclosure, and the axis is labelled with the years.
    const x = (row: number, kind: string) => rowsDrawn.nth(row).locator(`g.date[data-kind="${kind}"] line`).getAttribute('x1').then(Number);
    expect(await x(1, 'intrusion')).toBeGreaterThan(await x(0, 'disclosed'));
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toContain('61 days');
    const table = s.page.locator('vr-incident-list vr-incident-timeline-table tbody tr');
    expect(await table.locator('th').allTextContents()).toEqual([OKTA_2022, OKTA_2023]);
    expect(await table.locator('td.lag').allTextContents()).toEqual(["61 days from the vendor's detection", '21 days from the first outside report']);
  });

  it('shows the score breakdown: every factor and every contribution', async () => {
    await openOkta();
    const page = s.page;
    const score = await s.api<VendorScore>(`/vendors/${okta().vendorId}/score`);
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
    // A factor whose parts do not simply add up (the support chain's union) shows how they combine;
    // points resting on priors are marked and counted.
    for (const f of score.factors) {
      const combine = page.locator(`vr-score-breakdown [data-factor="${f.id}"] [data-factor-formula]`);
      expect(await combine.count()).toBe(f.formula === undefined ? 0 : 1);
      if (f.formula !== undefined) expect(await combine.textContent()).toContain(f.formula);
    }
    for (const f of score.factors) {
      const priors = f.contributions.filter((c) => c.unknownShare !== undefined);
      const block = page.locator(`vr-score-breakdown [data-factor="${f.id}"]`);
      expect(await block.locator('tr[data-prior]').count()).toBe(priors.length);
      const assumed = priors.reduce((a, c) => a + c.points, 0);
      expect(await block.locator('[data-assumed]').count()).toBe(assumed > 0 ? 1 : 0);
      if (assumed > 0) expect(await block.locator('[data-assumed]').textContent()).toBe(`${assumed.toFixed(1)} of ${f.score.toFixed(1)} rest on priors`);
    }
    expect(score.factors.some((f) => f.contributions.some((c) => c.unknownShare !== undefined))).toBe(true);
  });

  it('puts findings, then evidence gaps, between the score and the breakdown, as the API gives them today', async () => {
    await openOkta();
    const page = s.page;
    const score = await s.api<VendorScore>(`/vendors/${okta().vendorId}/score`);
    const order = await page
      .locator('vr-vendor-page')
      .evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('vr-score-summary, vr-findings-list, vr-gaps-list, vr-score-breakdown, vr-incident-list')].map(
          (e) => e.localName,
        ),
      );
    expect(order).toEqual(['vr-score-summary', 'vr-findings-list', 'vr-gaps-list', 'vr-score-breakdown', 'vr-incident-list']);
    expect(await page.locator('vr-findings-list li.finding .title').allTextContents()).toEqual(score.findings.map((f) => f.title));
    // Each gap's text, then (when it rests on a record) that record's two dates.
    const items = await page.locator('vr-gaps-list li').allTextContents();
    for (const g of score.gaps)
      expect(
        items.some((t) => t.trim().startsWith(g.text)),
        g.text,
      ).toBe(true);
    expect(await page.locator('vr-gaps-list li').count()).toBe(score.gaps.length);
  });

  it('shows MFA as population × method: workforce on FIDO2, enforced; support staff and the others unknown, counted as SMS', async () => {
    await openOkta();
    const grid = s.page.locator('vr-mfa-grid');
    await grid.locator('tbody tr[data-population]').first().waitFor();
    const posture = await s.api<MfaPosture>(`/vendors/${okta().vendorId}/mfa`);
    expect(await grid.locator('thead th.method').allTextContents()).toEqual(['None', 'SMS', 'TOTP', 'Push', 'Push + number match', 'FIDO2 / passkey']);
    expect(await grid.locator('tbody tr[data-population]').count()).toBe(5);
    const unknownRows = grid.locator('tbody tr[data-unknown]');
    expect(await unknownRows.count()).toBe(5 - posture.items.length);
    for (const text of await unknownRows.allTextContents()) expect(text).toContain('unknown');

    const workforce = grid.locator('tr[data-population="workforce"] td.recorded');
    expect(await workforce.getAttribute('data-method')).toBe('fido2');
    expect(await workforce.getAttribute('data-enforced')).toBe('true');
    expect(await workforce.textContent()).toContain('enforced');
    expect(await workforce.textContent()).toContain('Public statement · Sep 2023');

    const support = grid.locator('tr[data-population="support"]');
    expect(await support.getAttribute('data-unknown')).toBe('true');
    expect(await support.locator('td.recorded').count()).toBe(0);
    expect(await support.locator('td.counted').getAttribute('data-method')).toBe('sms');
    expect(await support.locator('td.counted').textContent()).toContain('counted as SMS, not enforced');
  });

  it('lists Sitel among the subprocessors and labels the relationship as an example setting', async () => {
    await openOkta();
    const page = s.page;
    await page.locator('vr-subprocessor-list h3').first().waitFor();
    expect((await page.locator('vr-subprocessor-list h3').allTextContents()).join('\n')).toContain('Sitel');
    expect(await page.locator('vr-relationship section').textContent()).toContain('Example setting');
    expect(await page.locator('vr-data-notice section').textContent()).toContain('Public fact');
  });

  it('has no accessibility violations (axe)', async () => {
    await openOkta();
    await s.expectNoAxeViolations();
    await s.shoot('vendor-dossier.png');
  });

  describe('what-if', () => {
    const panel = () => s.page.locator('vr-what-if-panel');
    const result = () => s.page.locator('vr-what-if-result');
    const supportOnFido2 = async () => {
      await panel().getByLabel('Support staff', { exact: true }).selectOption('fido2');
      await result().locator('tr[data-measure="likelihood"]').waitFor();
    };

    it('gives support staff FIDO2 keys: likelihood drops (▼), and the support-MFA finding would go away; nothing is stored', async () => {
      const id = okta().vendorId;
      const expected = (await (
        await s.call(`/vendors/${id}/what-if`, { method: 'POST', body: { mfa: [{ population: 'support', method: 'fido2', enforced: true }] } })
      ).json()) as WhatIfResult;
      expect(expected.delta.likelihood).toBeLessThan(0);
      expect(expected.before.findings.map((f) => f.id)).toContain(SUPPORT_MFA_FINDING);

      await openOkta();
      const whatIfCalls: string[] = [];
      s.page.on('request', (r) => r.url().endsWith('/what-if') && whatIfCalls.push(r.postData() ?? ''));
      await panel().getByLabel('Support staff', { exact: true }).selectOption('fido2');
      expect(await panel().getByRole('checkbox', { name: 'Enforced for support staff' }).isChecked()).toBe(true);
      const likelihood = result().locator('tr[data-measure="likelihood"]');
      await likelihood.waitFor();
      expect(await likelihood.locator('td.after').textContent()).toBe(expected.after.likelihood.toFixed(1));
      expect(await likelihood.locator('.delta').textContent()).toBe(`▼ ${Math.abs(expected.delta.likelihood).toFixed(1)}`);
      expect(await likelihood.locator('.delta').getAttribute('class')).toContain('down');
      expect(await result().locator('tr[data-measure="risk"] .delta').textContent()).toBe(`▼ ${Math.abs(expected.delta.risk).toFixed(1)}`);
      expect(await result().locator('tr[data-measure="impact"] .delta').textContent()).toBe('no change');
      expect(
        await result()
          .locator('ul.gone li')
          .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-finding-id'))),
      ).toEqual([SUPPORT_MFA_FINDING]);
      expect(await result().locator('[role="status"]').textContent()).toContain(
        `likelihood ${expected.after.likelihood.toFixed(1)} (${Math.abs(expected.delta.likelihood).toFixed(1)} lower)`,
      );
      // One request for the change (the panel waits for the controls to settle), the body as the API takes it.
      expect(whatIfCalls.map((b) => JSON.parse(b))).toEqual([{ mfa: [{ population: 'support', method: 'fido2', enforced: true }] }]);
      // Nothing changed on record: the score and the findings on the page are as before.
      expect(await s.page.locator('vr-findings-list li.finding[data-finding-id="' + SUPPORT_MFA_FINDING + '"]').count()).toBe(1);
      await panel().scrollIntoViewIfNeeded();
      await s.expectNoAxeViolations();
      await s.shootElement(panel(), 'what-if.png');
    });

    it('takes more changes at once (support staff on FIDO2, a subprocessor removed, the relationship lowered), and Reset goes back to the record', async () => {
      await openOkta();
      await supportOnFido2();
      await panel().locator('.sub').filter({ hasText: 'Okta Customer Support' }).getByRole('checkbox').check();
      await panel().getByLabel('Tier', { exact: true }).selectOption('4');
      await result().locator('tr[data-measure="impact"] .delta.down').waitFor();
      expect(await result().locator('ul.gone li').count()).toBeGreaterThan(1);
      await panel().getByRole('button', { name: 'Reset' }).click();
      await result().locator('.idle').waitFor();
      expect(await panel().getByLabel('Support staff', { exact: true }).inputValue()).toBe('');
      expect(await panel().getByRole('button', { name: 'Reset' }).isDisabled()).toBe(true);
    });
  });

  it('loads from a deep link, and goes back to the portfolio', async () => {
    await s.go(`/vendors/${okta().vendorId}`);
    expect(await s.page.locator('vr-vendor-page h1').textContent()).toBe('Okta');
    await s.page.locator('vr-vendor-page a.back').click();
    await s.page.waitForURL(s.url('/portfolio'));
    await rows().first().waitFor();
  });
});
