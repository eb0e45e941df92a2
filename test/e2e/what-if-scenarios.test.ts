/**
 * The what-if as users think of it, in Chromium on the demo portfolio: a scenario ticked sets the
 * fine controls it stands for (all support staff on FIDO2 covers Okta's own support staff AND the
 * staff of its support chain, the outsourced provider included), the factors that moved are shown before → after with their
 * change, and the scenario lives in the dossier's URL: a reload, or the link opened afresh, shows
 * the same what-if. Each test opens the page it needs itself.
 */
import { describe, expect, it } from 'vitest';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { WhatIfResult } from '../../web/api/client.ts';
import { factorMoves } from '../../web/what-if-factors.ts';
import { usePortfolioSession } from './demo.ts';
import { chromiumForTests } from './harness.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('what-if scenarios in Chromium', () => {
  const { s, vendor } = usePortfolioSession(chromiumPath!, { quietConsole: true });
  const panel = () => s.page.locator('vr-what-if-panel');
  const result = () => s.page.locator('vr-what-if-result');
  const scenario = (name: string | RegExp) => panel().locator('.scenarios').getByRole('checkbox', { name });
  const subsOf = async (id: number) => (await s.api<{ items: Subprocessor[] }>(`/vendors/${id}/subprocessors`)).items;
  const expected = async (id: number, body: object) => (await (await s.call(`/vendors/${id}/what-if`, { method: 'POST', body })).json()) as WhatIfResult;
  /** The rows of "Factors that moved" as shown: key, before, after, change. */
  const movedRows = () =>
    result()
      .locator('.moves tr[data-factor]')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-factor'), ...[...tr.querySelectorAll('td')].map((td) => td.textContent.trim())].join(' | ')),
      );
  const rowsOf = (r: WhatIfResult) =>
    factorMoves(r.before, r.after).map((m) => [m.key, m.before.toFixed(1), m.after.toFixed(1), `${m.delta.text} (${m.delta.spoken})`].join(' | '));

  it('"All support staff on FIDO2" sets both kinds of control, shows the factors that moved, and survives a reload from its URL', async () => {
    const okta = vendor('Okta').vendorId;
    const subs = await subsOf(okta);
    const outsourced = subs.filter((x) => x.outsourced);
    expect(outsourced.length).toBeGreaterThan(0);
    const body = {
      mfa: [{ population: 'support', method: 'fido2', enforced: true }],
      // Every entry of the support chain, in-house or outsourced.
      subprocessors: subs
        .filter((x) => x.staffMfa !== 'fido2')
        .map((x) => ({ id: x.id, staffMfa: 'fido2' }))
        .sort((a, b) => a.id - b.id),
    };
    const want = await expected(okta, body);
    expect(want.delta.likelihood).toBeLessThan(0);

    await s.go(`/vendors/${okta}`);
    const sent: unknown[] = [];
    s.page.on('request', (r) => r.url().endsWith(`/vendors/${okta}/what-if`) && sent.push(JSON.parse(r.postData() ?? 'null')));
    const fido2 = scenario('All support staff on FIDO2, enforced');
    expect(await panel().locator('[data-scenario="support-fido2"] .detail').textContent()).toContain(outsourced[0]!.name);
    await fido2.check();

    // The URL holds the scenario, in readable keys.
    await s.page.waitForURL((u) => u.searchParams.get('wi.mfa.support') === 'fido2,enforced');
    const url = new URL(s.page.url());
    for (const x of body.subprocessors) expect(url.searchParams.get(`wi.staffMfa.${x.id}`)).toBe('fido2');

    // The fine controls show what the scenario set.
    expect(await panel().getByLabel('Support staff', { exact: true }).inputValue()).toBe('fido2');
    for (const x of body.subprocessors) expect(await panel().locator(`#wi-mfa-${x.id}`).inputValue()).toBe('fido2');

    // The factors that moved, as the API computes them.
    await result().locator('.moves tr[data-factor]').first().waitFor();
    expect(await movedRows()).toEqual(rowsOf(want));
    expect(await result().locator('.moves h4').textContent()).toBe(`Factors that moved (${rowsOf(want).length})`);
    expect(await result().locator('tr[data-measure="likelihood"] td.after').textContent()).toBe(want.after.likelihood.toFixed(1));
    expect(sent.at(-1)).toEqual(body);
    await panel().scrollIntoViewIfNeeded();
    await s.expectNoAxeViolations();
    await s.shootElement(panel(), 'what-if-scenario.png');

    // A reload opens the same what-if.
    await s.page.reload();
    await result().locator('.moves tr[data-factor]').first().waitFor();
    expect(await scenario('All support staff on FIDO2, enforced').isChecked()).toBe(true);
    expect(await movedRows()).toEqual(rowsOf(want));
    expect(await panel().getByLabel('Support staff', { exact: true }).inputValue()).toBe('fido2');

    // Unticking it puts everything back as recorded, and the URL forgets it.
    await scenario('All support staff on FIDO2, enforced').uncheck();
    await s.page.waitForURL((u) => ![...u.searchParams.keys()].some((k) => k.startsWith('wi.')));
    await result().locator('p.idle').waitFor();
  });

  it('opens a shared link with an outsourced provider removed and artefacts sanitized: the scenarios ticked, the same factors moved', async () => {
    const okta = vendor('Okta').vendorId;
    const subs = await subsOf(okta);
    const provider = subs.find((x) => x.outsourced)!;
    const others = subs.filter((x) => x.id !== provider.id && x.artifactsSanitized !== true);
    const want = await expected(okta, {
      removeSubprocessorIds: [provider.id],
      ...(others.length > 0 ? { subprocessors: others.map((x) => ({ id: x.id, artifactsSanitized: true })) } : {}),
    });
    // A link may name a subprocessor the vendor no longer has (999999): it is left out, not an error.
    const q = new URLSearchParams({
      'wi.remove': String(provider.id),
      ...Object.fromEntries(others.map((x) => [`wi.sanitized.${x.id}`, 'yes'])),
      'wi.staffMfa.999999': 'fido2',
    });

    await s.go(`/vendors/${okta}?${q}`);
    await result().locator('tr[data-measure="risk"]').waitFor();
    const removal = scenario(`Remove outsourced provider ${provider.name}${provider.until ? ' (ended)' : ''}`);
    expect(await removal.isChecked()).toBe(true);
    expect(await scenario('Sanitize artefacts on upload').isChecked()).toBe(true);
    expect(await scenario('All support staff on FIDO2, enforced').isChecked()).toBe(false);
    // The fine control of the removal agrees with the scenario.
    expect(await panel().locator(`.sub[data-subprocessor-id="${provider.id}"] .name input`).isChecked()).toBe(true);
    await result().locator('.moves h4').waitFor();
    expect(await movedRows()).toEqual(rowsOf(want));
    expect(await result().locator('tr[data-measure="risk"] td.after').textContent()).toBe(want.after.risk.toFixed(1));
    expect(await result().locator('vr-error').count()).toBe(0);

    // A keyboard user clears the removal: Space on the focused scenario.
    await removal.focus();
    await s.page.keyboard.press('Space');
    await s.page.waitForURL((u) => !u.searchParams.has('wi.remove'));
    expect(new URL(s.page.url()).searchParams.getAll(`wi.sanitized.${others[0]?.id ?? 0}`).length).toBe(others.length > 0 ? 1 : 0);
  });
});
