/**
 * What changed in a real browser, as the admin: an incident added through the API shows on the
 * landing page under its vendor (the name links to the dossier), with a link to the incident that
 * opens it on the dossier; the kind filter lives in the URL; "Mark all as seen" leaves the empty
 * state, which a new browser (the same user) sees too. axe passes.
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { Incident } from '../../server/domain/incident.ts';
import { ADMIN, axeViolations, chromiumForTests, describeViolations, signInThroughPage } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('What changed in Chromium', () => {
  let okta: number;
  let incident: Incident;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
      const res = await s.call(`/vendors/${okta}/incidents`, {
        method: 'POST',
        body: {
          ref: 'e2e-what-changed',
          title: 'Support tooling breached again',
          severity: 'critical',
          confidence: 'high',
          publicDisclosureDate: '2026-06-01',
          initialAccessVectors: ['stolen-credentials'],
          supportInvolved: true,
          sources: ['https://example.com/okta-again'],
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      incident = (await res.json()) as Incident;
    },
    openAt: '/',
  });
  const group = () => s.page.locator('vr-change-groups section[data-vendor="Okta"]');

  it('lands on What changed, with the new incident under its vendor, linked to it', async () => {
    expect(new URL(s.page.url()).pathname).toBe('/');
    await group().waitFor();
    expect(await s.page.locator('vr-app nav a').first().textContent()).toBe('What changed');
    expect(await group().locator('h2 a').getAttribute('href')).toBe(`/vendors/${okta}`);
    const item = group().locator('li[data-kind="incident-added"]');
    expect(await item.locator('.title').textContent()).toBe('New critical incident: Support tooling breached again');
    // A critical incident ranks its vendor among the first.
    const first = await s.page.locator('vr-change-groups section').first().getAttribute('data-vendor');
    expect(first).toBe('Okta');
    const violations = await axeViolations(s.page);
    if (violations.length > 0) console.error(describeViolations(violations));
    expect(violations.map((v) => v.id)).toEqual([]);
    const link = item.getByRole('link', { name: 'See the incident' });
    expect(await link.getAttribute('href')).toBe(`/vendors/${okta}#incident-${incident.id}`);
    await link.click();
    await s.page.waitForURL(s.url(`/vendors/${okta}#incident-${incident.id}`));
    await s.page.locator(`vr-incident-list article[data-incident-id="${incident.id}"]`).waitFor();
  });

  it('filters by kind by keyboard, in the URL', async () => {
    await s.go('/');
    await group().waitFor();
    await s.page.locator('vr-change-filters select#kind').focus();
    await s.page.locator('vr-change-filters select#kind').selectOption('incident-added');
    await s.page.waitForURL(s.url('/?kind=incident-added'));
    await s.page.locator('vr-change-groups li').first().waitFor();
    const kinds = await s.page.locator('vr-change-groups li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['incident-added']));
  });

  it('marks all as seen: nothing new since then, in this browser and in another', async () => {
    await s.go('/');
    await group().waitFor();
    await s.page.getByRole('button', { name: 'Mark all as seen' }).click();
    await s.page.locator('vr-changes-page .empty', { hasText: /^Nothing new since \d{4}-\d{2}-\d{2}\.$/ }).waitFor();
    const other = await (await s.browser.newContext()).newPage();
    await other.goto(s.url('/'));
    await signInThroughPage(other, ADMIN.email, ADMIN.password);
    await other.locator('vr-changes-page .empty', { hasText: /^Nothing new since/ }).waitFor();
    // The 7 days before still show it.
    await other.goto(s.url('/?period=7'));
    await other.locator('vr-change-groups section[data-vendor="Okta"]').waitFor();
    await other.context().close();
  });
});
