/**
 * "True since" and "known from" on Okta's dossier, in Chromium. As of 19 October 2023, the day
 * before Okta disclosed its support-system breach, the support record that rests on that breach
 * is shown as not yet known (greyed, "not known on 19 Oct 2023 — known from 20 Oct 2023"), and so
 * is the breach itself; nothing the score shows rests on them. As of 20 October both count. The
 * analysts' subprocessor and MFA forms have a "Known from" field (today by default, with its hint),
 * send it, and show the server's refusal of a future one beside it. Each test opens its own page;
 * the subprocessor form is tried on a vendor of its own, so Okta's dossier as of 2023 never changes.
 */
import { describe, expect, it } from 'vitest';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
import { OKTA_2023, OKTA_2022 } from './demo.ts';
import { vendorBody } from '../helpers/fixtures.ts';
import { chromiumForTests } from './harness.ts';
import { isFocused, useSession } from './session.ts';

const HELP_CENTER = 'Okta Customer Support (Help Center case system)';
const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)("Okta's dossier as it was known on a day, in Chromium", () => {
  let okta: number;
  const s = useSession(chromiumPath!, {
    start: async () => {
      okta = (await s.api<{ items: Array<{ id: number; name: string }> }>('/vendors?q=okta')).items.find((v) => v.name === 'Okta')!.id;
    },
    quietConsole: true,
  });
  const open = async (asOf: string) => {
    await s.go(`/vendors/${okta}?asOf=${asOf}`);
    await s.page.locator('vr-score-summary .meta', { hasText: `As of ${asOf}` }).waitFor();
    await s.page.locator('vr-subprocessor-list li').first().waitFor();
  };
  const subprocessor = (name: string) => s.page.locator('vr-subprocessor-list li', { has: s.page.locator('h3', { hasText: name }) });
  const incident = (title: string) => s.page.locator('vr-incident-list article', { has: s.page.locator('h3', { hasText: title }) });

  it('as of 19 Oct 2023, shows the support record and the breach it rests on as not yet known, and nothing on the page counts them', async () => {
    await open('2023-10-19');
    const help = subprocessor(HELP_CENTER);
    expect(await help.getAttribute('data-not-yet')).toBe('true');
    expect(await help.locator('.not-yet-note').textContent()).toBe('not known on 19 Oct 2023 — known from 20 Oct 2023: not counted in the score of that day.');
    expect(await help.locator('.dates').textContent()).toBe('true since: start unknown, counted from when known; known from 20 Oct 2023');
    // Sitel was named by Okta on 23 March 2022: known, and dated.
    const sitel = subprocessor('Sitel');
    expect(await sitel.getAttribute('data-not-yet')).toBeNull();
    expect(await sitel.locator('.dates').textContent()).toContain('known from 23 Mar 2022');
    // The 2023 breach: not yet known; the 2022 one was.
    expect(await incident(OKTA_2023).getAttribute('data-not-yet')).toBe('true');
    expect(await incident(OKTA_2023).locator('.not-yet-note').textContent()).toContain('not known on 19 Oct 2023 — known from 20 Oct 2023');
    expect(await incident(OKTA_2022).getAttribute('data-not-yet')).toBeNull();
    expect(await incident(OKTA_2022).locator('.known').textContent()).toBe('true since 16 Jan 2022; known from 22 Mar 2022');
    // The statement made after the breach (Oct 2023, so from its last day) is not yet known either.
    expect(await s.page.locator('vr-posture-facts li[data-fact-ref="okta-support-staff-hardware-keys-unconfirmed"]').getAttribute('data-not-yet')).toBe('true');

    // The findings and gaps do not rest on them: no HAR-hygiene finding, no link to the support record or the breach.
    const score = await s.api<VendorScore>(`/vendors/${okta}/score?asOf=2023-10-19`);
    expect(score.findings.map((f) => f.rule)).not.toContain('unsanitized-support-artifacts');
    const hrefs = await s.page
      .locator('vr-findings-list a[data-anchor], vr-gaps-list a[data-anchor]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const subs = (await s.api<{ items: Subprocessor[] }>(`/vendors/${okta}/subprocessors`)).items;
    expect(hrefs).not.toContain(`#subprocessor-${subs.find((x) => x.name === HELP_CENTER)!.id}`);
    await s.expectNoAxeViolations();
    await s.shootElement(s.page.locator('vr-subprocessor-list'), 'known-from-subprocessors.png');
  });

  it('as of 20 Oct 2023, the support record counts, and the evidence links show both dates', async () => {
    await open('2023-10-20');
    expect(await subprocessor(HELP_CENTER).getAttribute('data-not-yet')).toBeNull();
    expect(await incident(OKTA_2023).getAttribute('data-not-yet')).toBeNull();
    const har = s.page.locator('vr-findings-list li.finding', { has: s.page.locator('.title', { hasText: 'session-bearing artefacts' }) });
    await har.waitFor();
    expect(await har.locator('.refs li').first().textContent()).toContain(
      `Subprocessor: ${HELP_CENTER} (true since: start unknown, counted from when known; known from 20 Oct 2023)`,
    );
    const repeat = s.page.locator('vr-findings-list li.finding', { has: s.page.locator('.title', { hasText: 'The same root cause twice' }) });
    expect(await repeat.locator('.refs').textContent()).toContain('(true since 28 Sep 2023; known from 20 Oct 2023)');
    await s.expectNoAxeViolations();
  });

  it('shows a lag that rests on a month as "≈ N days" (LastPass, detected in August 2022, disclosed on the 25th)', async () => {
    const lastpass = (await s.api<{ items: Array<{ id: number; name: string }> }>('/vendors?q=lastpass')).items.find((v) => v.name === 'LastPass')!.id;
    await s.go(`/vendors/${lastpass}`);
    const article = s.page.locator('vr-incident-list article[data-incident-id]', { hasText: 'Aug 2022' }).first();
    await article.waitFor();
    expect(await s.page.locator('vr-incident-list section').textContent()).toContain('Disclosed ≈ 12 days after LastPass detected it.');
    expect(await s.page.locator('vr-incident-timeline-table td.lag').allTextContents()).toContain("≈ 12 days from the vendor's detection");
    expect(await s.page.locator('vr-incident-timeline text.lag').allTextContents()).toContain('≈ 12 days');
  });

  it("an analyst's subprocessor form has a Known from field (today by default, with its hint), sends it, and shows the server's refusal beside it", async () => {
    // A vendor of its own: the subprocessor it adds (known from Apr 2022) would change Okta's dossier as of 2023.
    const res = await s.call('/vendors', { method: 'POST', body: vendorBody({ name: 'Knownfrom Probe Support' }) });
    expect(res.status).toBe(201);
    const probe = ((await res.json()) as { id: number }).id;
    await s.go(`/vendors/${probe}`);
    await s.page.locator('vr-subprocessor-list button.add').click();
    const form = s.page.locator('vr-subprocessor-form');
    const known = form.getByLabel('Known from');
    const today = new Date().toISOString().slice(0, 10);
    expect(await known.inputValue()).toBe(today);
    expect(await form.locator('#sub-knownFrom-hint').textContent()).toBe('The day the evidence was public or recorded');
    await form.getByLabel('Name').fill('Teleperformance');
    await form.getByLabel('What it does').fill('customer support (overflow)');
    await form.getByLabel('Access to customer tenants').selectOption('customer-data');

    // A day after today: refused beside the field, nothing stored.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await known.fill(tomorrow);
    await form.getByRole('button', { name: 'Add subprocessor' }).click();
    const error = form.locator('#sub-knownFrom-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Known from is after today');
    expect(await known.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(known)).toBe(true);
    expect((await s.api<{ items: Subprocessor[] }>(`/vendors/${probe}/subprocessors`)).items.map((x) => x.name)).not.toContain('Teleperformance');
    // Chromium logs the refused request; that refusal was the point.
    expect(s.problems).toEqual([expect.stringMatching(/400 \(Bad Request\).*\/subprocessors\)$/)]);
    s.problems.length = 0;

    // Backfilled: the evidence's own date goes to the server as given.
    const sent: string[] = [];
    s.page.on('request', (r) => r.method() === 'POST' && r.url().endsWith(`/vendors/${probe}/subprocessors`) && sent.push(r.postData() ?? ''));
    await known.fill('2022-04');
    await form.getByRole('button', { name: 'Add subprocessor' }).click();
    await s.page.locator('vr-subprocessor-list .saved', { hasText: 'Teleperformance' }).waitFor();
    expect(sent.map((b) => JSON.parse(b).knownFrom)).toEqual(['2022-04']);
    const stored = (await s.api<{ items: Subprocessor[] }>(`/vendors/${probe}/subprocessors`)).items.find((x) => x.name === 'Teleperformance')!;
    expect(stored.knownFrom).toBe('2022-04');
    expect(await subprocessor('Teleperformance').locator('.dates').textContent()).toBe(
      'true since: start unknown, counted from when known; known from Apr 2022',
    );
  });

  it("an analyst's MFA form sends each population's Known from", async () => {
    await s.go(`/vendors/${okta}`);
    await s.page.locator('vr-mfa-grid button.add').click();
    const form = s.page.locator('vr-mfa-form');
    const support = form.locator('fieldset[data-population="support"]');
    const workforce = form.locator('fieldset[data-population="workforce"]');
    // A record on file shows its own day; a new one today.
    expect(await workforce.getByLabel('Known from').inputValue()).toBe('2023-09');
    expect(await support.getByLabel('Known from').inputValue()).toBe(new Date().toISOString().slice(0, 10));
    await support.getByLabel('Method').selectOption('fido2');
    await support.getByLabel('Assessed on').fill('2024-02');
    await support.getByLabel('Known from').fill('2024-03-01');
    const sent: string[] = [];
    s.page.on('request', (r) => r.method() === 'PUT' && r.url().endsWith(`/vendors/${okta}/mfa`) && sent.push(r.postData() ?? ''));
    await form.getByRole('button', { name: 'Save MFA posture' }).click();
    await s.page.locator('vr-mfa-grid .saved', { hasText: 'MFA posture saved' }).waitFor();
    const items = JSON.parse(sent[0]!).items as Array<{ population: string; knownFrom: string }>;
    expect(items.map((r) => [r.population, r.knownFrom])).toEqual([
      ['support', '2024-03-01'],
      ['workforce', '2023-09'],
    ]);
    const posture = await s.api<MfaPosture>(`/vendors/${okta}/mfa`);
    expect(posture.items.find((r) => r.population === 'support')!.knownFrom).toBe('2024-03-01');
    expect(await s.page.locator('vr-mfa-grid tr[data-population="support"] td.source .dates').textContent()).toBe('true since Feb 2024; known from 1 Mar 2024');
  });
});
