/**
 * Root causes, entry paths and campaigns on LastPass's dossier, in a real browser as the admin:
 * the list says how the methodology reads each incident (derived, or set by an analyst), shows the
 * campaign both ways and the points each incident adds in all; an analyst sets a root cause and an
 * entry path, is refused a link to a later incident beside the "Continues incident" field, and
 * unlinks the campaign, which then counts twice. axe finds nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { Incident } from '../../server/domain/incident.ts';
import type { VendorScore } from '../../server/scoring/types.ts';
import { chromiumForTests } from './harness.ts';
import { isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const AUGUST = 'lastpass-2022-08-dev-environment';
const NOVEMBER = 'lastpass-2022-vault-backups';

describe.skipIf(!chromiumPath)("root causes and campaigns on LastPass's dossier, in Chromium", () => {
  let lastpass: number;
  let ids: Record<string, number>;
  let titles: Record<string, string>;
  const s = useSession(chromiumPath!, {
    start: async () => {
      lastpass = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'LastPass')!.vendorId;
      const items = (await s.api<{ items: Incident[] }>(`/vendors/${lastpass}/incidents`)).items;
      ids = Object.fromEntries(items.map((i) => [i.ref, i.id]));
      titles = Object.fromEntries(items.map((i) => [i.ref, i.title]));
    },
  });
  const article = (ref: string) => s.page.locator(`vr-incident-list article[data-incident-id="${ids[ref]}"]`);
  const openLastPass = async () => {
    await s.go(`/vendors/${lastpass}`);
    await s.page.locator('vr-incident-list p.weight').first().waitFor();
  };

  it('says how each incident is read, shows the campaign both ways, and the points the campaign adds once', async () => {
    await openLastPass();
    const aug = article(AUGUST);
    const nov = article(NOVEMBER);
    expect(await nov.locator('dd[data-root-cause]').textContent()).toMatch(/Exploited vulnerability\s+\(derived\)/);
    expect(await nov.locator('dd[data-entry-path]').textContent()).toMatch(/Employee\s+\(derived\)/);
    expect((await nov.locator('p.campaign').textContent())!.replace(/\s+/g, ' ')).toContain(`Continues ${titles[AUGUST]}.`);
    expect((await aug.locator('p.campaign').textContent())!.replace(/\s+/g, ' ')).toContain(`Continued by ${titles[NOVEMBER]}.`);
    // The campaign's points are its first incident's: the same sum the score's contributions give.
    const score = await s.api<VendorScore>(`/vendors/${lastpass}/score`);
    const total = score.factors
      .filter((f) => ['incidents', 'recurrence', 'disclosure'].includes(f.id))
      .flatMap((f) => f.contributions.filter((c) => c.ref === `incident:${ids[AUGUST]}`).map((c) => f.weight * c.points))
      .reduce((a, b) => a + b, 0);
    expect(Number(await aug.locator('p.weight').getAttribute('data-points'))).toBeCloseTo(total, 1);
    expect(await aug.locator('p.weight').textContent()).toMatch(/one incident, or one campaign, adds at most 30/);
    expect(await nov.locator('p.weight').textContent()).toContain('Counted with its campaign');
    // A campaign link goes to the incident it names.
    await nov.locator('p.campaign a').click();
    await expect.poll(() => isFocused(aug)).toBe(true);
    await s.expectNoAxeViolations();
    await s.shootElement(s.page.locator('vr-incident-list'), 'incident-campaign.png');
  });
});

// A server of its own: these edit LastPass's incidents, which the reading above must see as recorded.
describe.skipIf(!chromiumPath)("an analyst's edits of LastPass's root causes and campaign, in Chromium", () => {
  let lastpass: number;
  let ids: Record<string, number>;
  let titles: Record<string, string>;
  const s = useSession(chromiumPath!, {
    start: async () => {
      lastpass = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'LastPass')!.vendorId;
      const items = (await s.api<{ items: Incident[] }>(`/vendors/${lastpass}/incidents`)).items;
      ids = Object.fromEntries(items.map((i) => [i.ref, i.id]));
      titles = Object.fromEntries(items.map((i) => [i.ref, i.title]));
    },
  });
  const article = (ref: string) => s.page.locator(`vr-incident-list article[data-incident-id="${ids[ref]}"]`);
  const dialog = () => s.page.locator('vr-edit-dialog dialog');
  const openLastPass = async () => {
    await s.go(`/vendors/${lastpass}`);
    await s.page.locator('vr-incident-list p.weight').first().waitFor();
  };

  it('sets a root cause and an entry path; the dossier says they were set', async () => {
    await openLastPass();
    await article(NOVEMBER)
      .getByRole('button', { name: /^Edit incident/ })
      .click();
    const form = s.page.locator('vr-incident-form');
    expect(await form.getByLabel('Root cause').locator('option:checked').textContent()).toBe('Derived: Exploited vulnerability');
    expect(await form.getByLabel('Continues incident').locator('option:checked').textContent()).toBe(`${titles[AUGUST]} (disclosed 25 Aug 2022)`);
    await form.getByLabel('Root cause').selectOption('stolen-credentials');
    await form.getByLabel('Entry path').selectOption('employee');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await s.page.locator('vr-incident-list .saved', { hasText: 'saved' }).waitFor();
    expect(await article(NOVEMBER).locator('dd[data-root-cause]').textContent()).toMatch(/Stolen credentials\s+\(set by an analyst\)/);
    expect(await article(NOVEMBER).locator('dd[data-entry-path]').textContent()).toMatch(/Employee\s+\(set by an analyst\)/);
    const stored = await s.api<Incident>(`/incidents/${ids[NOVEMBER]}`);
    expect(stored).toMatchObject({ rootCause: 'stolen-credentials', entryPath: 'employee', continuationOf: ids[AUGUST] });
  });

  it('refuses a link to a later incident beside the field, then unlinks the campaign: each counts on its own', async () => {
    await openLastPass();
    await article(AUGUST)
      .getByRole('button', { name: /^Edit incident/ })
      .click();
    const form = s.page.locator('vr-incident-form');
    await form.getByLabel('Continues incident').selectOption(String(ids[NOVEMBER]));
    await form.getByRole('button', { name: 'Save changes' }).click();
    const error = form.locator('#inc-continues-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/became known \(2022-11-30\) after this one \(2022-08-25\)/);
    await expect.poll(() => isFocused(form.locator('#inc-continues'))).toBe(true);
    expect(await form.locator('.field-error').count()).toBe(1);
    await s.expectNoAxeViolations();
    await s.shootElement(dialog(), 'incident-form-root-cause.png');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);

    await article(NOVEMBER)
      .getByRole('button', { name: /^Edit incident/ })
      .click();
    await form.getByLabel('Continues incident').selectOption('');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await s.page.locator('vr-incident-list .saved', { hasText: 'saved' }).waitFor();
    await expect.poll(() => article(NOVEMBER).locator('p.campaign').count()).toBe(0);
    await expect.poll(() => article(NOVEMBER).locator('p.weight').getAttribute('data-points')).not.toBe('0');
    expect((await s.api<Incident>(`/incidents/${ids[NOVEMBER]}`)).continuationOf).toBeNull();
    const score = await s.api<VendorScore>(`/vendors/${lastpass}/score`);
    expect(
      score.factors
        .find((f) => f.id === 'incidents')!
        .contributions.map((c) => c.ref)
        .sort(),
    ).toEqual([`incident:${ids[AUGUST]}`, `incident:${ids[NOVEMBER]}`].sort());
    await s.expectNoAxeViolations();
  });
});
