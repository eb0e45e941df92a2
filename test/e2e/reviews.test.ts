/**
 * Procurement reviews in a real browser as the admin, against the API's own answers: on Okta's
 * dossier an approval dated 2022-06-30 recorded through the form, reopened as of 2023-10-31 by the
 * October 2023 support-system incident (the reason links to it); an approval with conditions (a
 * finding picked, one written freely); the server's refusals beside their fields with nothing
 * written; a condition met on evidence, another waived. Then the due list: Okta with its reason,
 * the tier filter in the URL and the rows, Back, the CSV link and the calendar feed; a refused
 * filter and an empty list. Both at 400 px, 700 px and in the dark scheme. The admin changes the
 * review cadence (a refused value beside its field, nothing written) and a decision recorded then
 * takes it; the cadence is put back. A viewer reads only, the cadence included.
 */
import { describe, expect, it } from 'vitest';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { Incident } from '../../server/domain/incident.ts';
import type { Review, ReviewStatus } from '../../server/domain/review.ts';
import type { Cadence, DueList } from '../../web/api/client.ts';
import { addMonths } from '../../web/reviews.ts';
import { OKTA_2023, AFTER_OKTA_2023 } from './demo.ts';
import { axeViolations, chromiumForTests, describeViolations, signInThroughPage } from './harness.ts';
import { deepFocus, isFocused, useSession } from './session.ts';

const PICKED = 'unsanitized-support-artifacts:subprocessor:2';
const FREE = 'HAR files sanitized before upload to any support case';
const DEFAULT_CADENCE = 'Tier 1: every 6 months · Tier 2: every 12 months · Tier 3: every 24 months · Tier 4: no periodic review';
const VIEWER = { email: 'reader@e2e.example', password: 'granite willow harbour 83' } as const;

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('procurement reviews in Chromium', () => {
  let okta: number;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
    },
  });
  const openOkta = async () => {
    await s.go(`/vendors/${okta}`);
    await s.page.locator('vr-review-status .head').waitFor();
  };
  /** Records, over the API, an approval of Okta with two open conditions (a finding picked, one written freely): the newest review. */
  const approveWithConditions = async () => {
    const res = await s.call(`/vendors/${okta}/reviews`, {
      method: 'POST',
      body: {
        decision: 'approved-with-conditions',
        rationale: 'Keep Okta; harden the support channel.',
        conditions: [
          { findingId: PICKED, owner: 'IT Operations', dueOn: '2027-03-31' },
          { text: FREE, owner: 'Support' },
        ],
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  };
  const form = () => s.page.locator('vr-decision-form');
  const conditions = () => s.page.locator('vr-condition-list');
  const reviews = async () => (await s.api<{ items: Review[] }>(`/vendors/${okta}/reviews`)).items;
  const openForm = async () => (await form().locator('details').getAttribute('open')) === null && (await form().locator('summary').click());
  /** Chromium logs each refused request as a console error: those the test asked for are expected, nothing else. */
  const expectOnlyRefusals = (n: number) => {
    expect(s.problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
    expect(s.problems).toHaveLength(n);
    s.problems.length = 0;
  };

  it("shows the demo's example decision on Okta as such, and records an approval dated 2022-06-30 through the form", async () => {
    await openOkta();
    // The README's example decision, seeded with the demo and marked as an example setting (a vendor never reviewed is status-matrix-as-of.test.ts).
    const example = s.page.locator('vr-review-history li[data-decision="approved"]');
    await example.first().waitFor();
    expect(await example.count()).toBe(1);
    expect(await example.first().textContent()).toContain('Approved on 30 Jun 2022');
    expect(await example.first().locator('.tag.example').textContent()).toContain('Example setting');
    await openForm();
    await form().getByRole('radio', { name: 'Approved', exact: true }).check();
    await form().getByLabel('Rationale').fill('Workforce SSO; the 2022 Sitel incident was remediated.');
    await form().getByLabel('Decided on').fill('2022-06-30');
    // Tier 1: every six months from the decision's day.
    await expect
      .poll(() => form().locator('fieldset', { hasText: 'Next review' }).textContent())
      .toContain('From the cadence: 30 Dec 2022 (tier 1: every 6 months)');
    await form().getByRole('button', { name: 'Record decision' }).click();
    await form().locator('.outcome.ok', { hasText: 'Decision recorded: Approved on 2022-06-30' }).waitFor();

    const [r] = await reviews();
    expect(r).toMatchObject({
      decision: 'approved',
      decidedOn: '2022-06-30',
      nextReviewOn: '2022-12-30',
      nextReviewSet: 'tier',
      decidedBy: 'admin@e2e.example',
    });
    const item = s.page.locator(`vr-review-history li#review-${r!.id}`);
    expect(await item.textContent()).toContain('Approved on 30 Jun 2022 by admin@e2e.example');
    expect(await item.textContent()).toContain(`risk ${r!.score.risk.toFixed(1)}`);
    // The vendor follows its latest decision, and the relationship card shows it.
    await expect
      .poll(() => s.page.locator('vr-relationship dl').textContent())
      .toMatch(/Review status\s*Approved, from the review decision of 30 Jun 2022\s*Business owner/);
  });

  it(`as of ${AFTER_OKTA_2023}, says a review is needed because of the 2023 support-system incident, and links to it`, async () => {
    const incident = (await s.api<{ items: Incident[] }>(`/vendors/${okta}/incidents`)).items.find((i) => i.title === OKTA_2023)!;
    const api = await s.api<ReviewStatus>(`/vendors/${okta}/review-status?asOf=${AFTER_OKTA_2023}`);
    expect(api.state).toBe('review-needed');
    await s.go(`/vendors/${okta}?asOf=${AFTER_OKTA_2023}`);
    const status = s.page.locator('vr-review-status');
    await status.locator(`.head[data-state="review-needed"]`).waitFor();
    expect(await status.locator('vr-review-badge span.badge').textContent()).toContain('Review needed');
    const reasons = status.locator('ul.reasons li');
    expect(await reasons.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-code')))).toEqual(api.reasons.map((r) => r.code));
    const disclosed = status.locator('li[data-code="incident-disclosed"]');
    expect(await disclosed.textContent()).toContain(OKTA_2023);
    const link = disclosed.locator('a');
    expect(await link.getAttribute('href')).toBe(`#incident-${incident.id}`);
    await link.click();
    await expect.poll(() => isFocused(s.page.locator(`vr-incident-list #incident-${incident.id}`))).toBe(true);
    expect(await status.locator('dl').textContent()).toContain('Approved on 30 Jun 2022');
  });

  it('records an approval with conditions: a finding picked (owner, due date) and one written freely', async () => {
    await s.go(`/vendors/${okta}`);
    await openForm();
    const pick = form().locator(`li[data-finding-id="${PICKED}"]`);
    await pick.getByRole('checkbox').check();
    await pick.getByLabel('Owner').fill('IT Operations');
    await pick.getByLabel('Due on').fill('2027-03-31');
    await form().getByRole('button', { name: 'Add a condition' }).click();
    await expect.poll(() => deepFocus(s.page)).toMatchObject({ tag: 'textarea' });
    const free = form().locator('.free').first();
    await free.getByLabel('What is asked').fill(FREE);
    await free.getByLabel('Owner').fill('Support');
    await form().getByRole('radio', { name: 'Approved with conditions' }).check();
    await form().getByLabel('Rationale').fill('Keep Okta; harden the support channel.');
    await form().getByRole('button', { name: 'Record decision' }).click();
    await form().locator('.outcome.ok', { hasText: 'Decision recorded: Approved with conditions' }).waitFor();

    const [latest] = await reviews();
    expect(latest!.decision).toBe('approved-with-conditions');
    const suggested = (latest!.score.findings as unknown as Array<{ id: string; suggestedCondition: string }>).find((f) => f.id === PICKED)!.suggestedCondition;
    expect(latest!.conditions.map((c) => ({ findingId: c.findingId, text: c.text, owner: c.owner, dueOn: c.dueOn, state: c.state }))).toEqual([
      { findingId: PICKED, text: suggested, owner: 'IT Operations', dueOn: '2027-03-31', state: 'open' },
      { findingId: null, text: FREE, owner: 'Support', dueOn: null, state: 'open' },
    ]);
    // The list shows both, open; the form starts afresh.
    await expect.poll(() => conditions().locator('li.condition[data-state="open"]').count()).toBe(2);
    expect(
      await form()
        .getByRole('checkbox')
        .evaluateAll((cs) => cs.filter((c) => (c as HTMLInputElement).checked).length),
    ).toBe(0);
    expect(await s.page.locator('vr-review-status .head').getAttribute('data-state')).toBe('ok');
  });

  it("shows the server's refusals beside their fields, focus on the first, and writes nothing", async () => {
    const before = (await reviews()).length;
    await openOkta();
    await openForm();
    await form().getByRole('radio', { name: 'Approved with conditions' }).check();
    await form().getByLabel('Rationale').fill('Conditions to follow.');
    await form().getByRole('button', { name: 'Record decision' }).click();
    const none = form().locator('#dec-conditions-error');
    await none.waitFor();
    expect(await none.textContent()).toBe('Give at least one condition.');
    expect(await form().locator('.field-error').count()).toBe(1);
    await expect.poll(() => deepFocus(s.page)).toMatchObject({ tag: 'input' });
    await s.expectNoAxeViolations();

    // A condition with nothing asked is refused on its own row (conditions.0.text).
    await form().getByRole('button', { name: 'Add a condition' }).click();
    await form().getByRole('button', { name: 'Record decision' }).click();
    const row = form().locator('.free').first();
    await row.locator('.field-error').waitFor();
    expect(await row.locator('textarea').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(row.locator('textarea'))).toBe(true);

    // A decision in the future.
    await row.getByRole('button', { name: /^Remove/ }).click();
    await form().getByRole('radio', { name: 'Approved', exact: true }).check();
    await form().getByLabel('Decided on').fill('2999-01-01');
    await form().getByRole('button', { name: 'Record decision' }).click();
    const future = form().locator('#dec-decided-on-error');
    await future.waitFor();
    expect(await future.textContent()).toMatch(/^Decided on is after today/);
    await expect.poll(() => isFocused(form().locator('#dec-decided-on'))).toBe(true);
    await s.shootElement(s.page.locator('vr-vendor-page section.reviews'), 'vendor-review-error.png');
    expect(await reviews()).toHaveLength(before);
    expectOnlyRefusals(3);
  });

  it('marks a condition met on evidence (refused without it), waives another, and reopens it', async () => {
    await approveWithConditions();
    await openOkta();
    const [picked, written] = (await reviews())[0]!.conditions;
    const one = conditions().locator(`li#condition-${picked!.id}`);
    await one.getByRole('button', { name: /^Mark met/ }).click();
    const evidence = one.getByLabel('Evidence that it is met');
    await expect.poll(() => isFocused(evidence)).toBe(true);
    await one.getByRole('button', { name: 'Mark met', exact: true }).click();
    await one.locator('.field-error').waitFor();
    expect(await one.locator('.field-error').textContent()).toBe('Evidence is required when the state is met.');
    expectOnlyRefusals(1);
    await evidence.fill('Okta support attestation, 2026-10: HAR files are sanitized on upload.');
    await one.getByRole('button', { name: 'Mark met', exact: true }).click();
    await conditions().locator('.saved', { hasText: 'Condition marked met.' }).waitFor();
    expect(await one.getAttribute('data-state')).toBe('met');
    expect(await one.textContent()).toContain('HAR files are sanitized on upload');

    const two = conditions().locator(`li#condition-${written!.id}`);
    await two.getByRole('button', { name: /^Waive/ }).click();
    await two.getByLabel('Waiver expires on').fill('2027-06-30');
    await two.getByRole('button', { name: 'Waive', exact: true }).click();
    await conditions().locator('.saved', { hasText: 'Condition waived until 2027-06-30.' }).waitFor();
    expect(await two.getAttribute('data-state')).toBe('waived');
    expect(await two.textContent()).toContain('approved by admin@e2e.example');
    // A waived condition is told apart by its dashed frame too, not only by its word.
    const badgeBorder = (li: typeof two) => li.locator('vr-condition-badge span.badge').evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(await badgeBorder(two)).toBe('dashed');
    expect(await badgeBorder(one)).toBe('solid');
    const stored = (await reviews())[0]!.conditions;
    expect(stored.map((c) => [c.state, c.waiverExpiresOn, c.waiverApprover])).toEqual([
      ['met', null, null],
      ['waived', '2027-06-30', 'admin@e2e.example'],
    ]);

    await two.getByRole('button', { name: /^Reopen/ }).click();
    await conditions().locator('.saved', { hasText: 'Condition reopened.' }).waitFor();
    expect((await reviews())[0]!.conditions[1]).toMatchObject({ state: 'open', waiverExpiresOn: null });
    await two.getByRole('button', { name: /^Waive/ }).click();
    await two.getByLabel('Waiver expires on').fill('2027-06-30');
    await two.getByRole('button', { name: 'Waive', exact: true }).click();
    await conditions().locator('.saved', { hasText: 'Condition waived' }).waitFor();
    await s.expectNoAxeViolations();
    await s.shootElement(s.page.locator('vr-vendor-page section.reviews'), 'vendor-review.png');
  });

  it(`lists Okta on the due list as of ${AFTER_OKTA_2023} with its reason; the tier filter goes into the URL, Back returns to it`, async () => {
    const api = await s.api<DueList>(`/reviews/due?asOf=${AFTER_OKTA_2023}`);
    await s.go(`/reviews?asOf=${AFTER_OKTA_2023}`);
    const rows = s.page.locator('vr-due-table tbody tr');
    await expect.poll(() => rows.count()).toBe(api.items.length);
    const row = s.page.locator(`vr-due-table tr[data-vendor-id="${okta}"]`);
    expect(await row.getAttribute('data-state')).toBe('review-needed');
    expect(await row.locator('td.why').textContent()).toContain(OKTA_2023);
    expect(await row.locator('vr-review-badge span.badge').textContent()).toContain('Review needed');
    expect(await rows.first().getAttribute('data-state')).toBe('review-needed');
    const flagged = api.items.filter((i) => i.state === 'review-needed').length;
    expect(await s.page.locator('vr-due-summary li[data-kind="flagged"] strong').textContent()).toBe(String(flagged));

    await s.page.locator('vr-due-filters').getByLabel('Tier (1 = most critical)').selectOption('2');
    await s.page.waitForURL((u) => u.searchParams.get('tier') === '2' && u.searchParams.get('asOf') === AFTER_OKTA_2023);
    await expect.poll(() => row.count()).toBe(0);
    expect(new Set(await rows.locator('td.tier').allTextContents())).toEqual(new Set(['Tier 2']));
    await s.page.locator('vr-due-filters').getByLabel('Tier (1 = most critical)').selectOption('1');
    await s.page.waitForURL((u) => u.searchParams.get('tier') === '1');
    await row.waitFor();
    const tier1 = await s.api<DueList>(`/reviews/due?asOf=${AFTER_OKTA_2023}&tier=1`);
    await expect.poll(() => rows.count()).toBe(tier1.items.length);

    const csv = s.page.locator('vr-due-feed a.download');
    expect(await csv.getAttribute('download')).not.toBeNull();
    const href = new URL((await csv.getAttribute('href'))!, s.server.appUrl);
    expect(href.pathname).toBe('/api/v1/reviews/due');
    expect(Object.fromEntries(href.searchParams)).toEqual({ tier: '1', asOf: AFTER_OKTA_2023, format: 'csv' });
    const body = await (await s.call(`/reviews/due${href.search}`)).text();
    expect(body.split('\n')[0]).toContain('vendorId,name,tier');
    expect(body).toContain('Okta');
    expect(await s.page.locator('vr-due-feed #ics-url').textContent()).toBe(`${s.server.appUrl}/api/v1/reviews/due.ics?tier=1&token=<API token>`);
    expect(await s.page.locator('vr-due-feed a[href="/account"]').count()).toBe(1);
    await s.expectNoAxeViolations();
    await s.shoot('reviews.png');

    await row.getByRole('link', { name: 'Okta' }).click();
    await s.page.waitForURL(new RegExp(`/vendors/${okta}\\?asOf=${AFTER_OKTA_2023}$`));
    await s.page.locator('vr-review-status .head[data-state="review-needed"]').waitFor();
    await s.page.goBack();
    await s.page.waitForURL((u) => u.pathname === '/reviews' && u.searchParams.get('tier') === '1');
    await row.waitFor();
    expect(await s.page.locator('vr-due-filters select#tier').inputValue()).toBe('1');
  });

  it('says why a horizon before the as-of day cannot be used, beside its field, and says so when nobody is due', async () => {
    await s.go(`/reviews?asOf=${AFTER_OKTA_2023}&before=2023-10-01`);
    const error = s.page.locator('vr-due-filters #before-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Due by is before the as-of day (2023-10-31).');
    expect(await s.page.locator('vr-due-filters #before').getAttribute('aria-invalid')).toBe('true');
    await s.page.locator('vr-reviews-page vr-error').getByRole('button', { name: 'Clear filters' }).click();
    await s.page.waitForURL((u) => u.pathname === '/reviews' && u.search === '');
    await s.page.locator('vr-due-table tbody tr').first().waitFor();
    expectOnlyRefusals(1);

    await s.go('/reviews?owner=Nobody%20at%20all');
    await s.page.locator('vr-reviews-page .empty', { hasText: 'No vendor is due for review' }).waitFor();
    await s.page.getByRole('button', { name: 'Show every owner and tier' }).click();
    await s.page.waitForURL((u) => u.pathname === '/reviews' && u.search === '');
    await s.page.locator('vr-due-table tbody tr').first().waitFor();
  });

  it('fits 400 px and 200 % zoom without sideways scrolling, and reads in the dark scheme (axe: nothing serious)', async () => {
    const overflow = () => s.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const serious = async () => (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    await approveWithConditions();
    try {
      for (const viewport of [
        { width: 400, height: 800 },
        { width: 700, height: 450 },
      ]) {
        await s.page.setViewportSize(viewport);
        await s.go(`/reviews?asOf=${AFTER_OKTA_2023}`);
        await s.page.locator('vr-due-table tbody tr').first().waitFor();
        expect(await overflow()).toBeLessThanOrEqual(0);
        await s.go(`/vendors/${okta}`);
        await s.page.locator('vr-condition-list li.condition').first().waitFor();
        await openForm();
        expect(await overflow()).toBeLessThanOrEqual(0);
      }
      await s.page.emulateMedia({ colorScheme: 'dark' });
      expect(describeViolations(await serious())).toBe('');
      await s.shootElement(s.page.locator('vr-vendor-page section.reviews'), 'dark-vendor-review.png');
      await s.go(`/reviews?asOf=${AFTER_OKTA_2023}`);
      await s.page.locator('vr-due-table tbody tr').first().waitFor();
      expect(describeViolations(await serious())).toBe('');
      await s.shoot('dark-reviews.png');
    } finally {
      await s.page.setViewportSize({ width: 1400, height: 900 });
      await s.page.emulateMedia({ colorScheme: 'light' });
    }
  });

  it('lets the admin change the review cadence, refusing a bad value beside its field; decisions from then on take it', async () => {
    // The cadence without its version (which every save moves on), as PUT takes it.
    const cadenceNow = async (): Promise<Cadence> => {
      const { version: _v, ...c } = await s.api<Cadence & { version: number }>('/reviews/cadence');
      return c;
    };
    const before = await cadenceNow();
    await s.go('/reviews');
    const card = s.page.locator('vr-reviews-page section.cadence');
    await expect.poll(() => card.locator('.words').textContent()).toBe(DEFAULT_CADENCE);
    const edit = card.getByRole('button', { name: 'Edit the review cadence' });
    const form = s.page.locator('vr-cadence-form');
    const tier1 = form.locator('#cad-tier1');
    try {
      await edit.click();
      await expect.poll(() => isFocused(tier1)).toBe(true);
      expect(await form.locator('#cad-tier4-none').isChecked()).toBe(true);
      await tier1.fill('0');
      await form.getByRole('button', { name: 'Save cadence' }).click();
      await form.locator('#cad-tier1-error').waitFor();
      expect(await form.locator('#cad-tier1-error').textContent()).toBe('Tier 1: months between reviews must be at least 1.');
      expect(await tier1.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => isFocused(tier1)).toBe(true);
      expect(await cadenceNow()).toEqual(before);
      await s.expectNoAxeViolations();
      await s.shootElement(card, 'review-cadence-error.png');
      expectOnlyRefusals(1);

      await tier1.fill('3');
      await form.getByRole('button', { name: 'Save cadence' }).click();
      await card.locator('.saved', { hasText: 'Review cadence saved: Tier 1: every 3 months' }).waitFor();
      expect(await cadenceNow()).toEqual({ ...before, tier1: 3 });
      expect(await card.locator('.words').textContent()).toBe(DEFAULT_CADENCE.replace('every 6 months', 'every 3 months'));
      await expect.poll(() => isFocused(edit)).toBe(true);
      await edit.click();
      await s.page.keyboard.press('Escape');
      await expect.poll(() => isFocused(edit)).toBe(true);

      const vendor = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.tier === 1 && r.vendorId !== okta)!;
      const res = await s.call(`/vendors/${vendor.vendorId}/reviews`, {
        method: 'POST',
        body: { decision: 'approved', rationale: 'Cadence check.', conditions: [] },
      });
      expect(res.status).toBe(201);
      const r = (await res.json()) as Review;
      expect(r).toMatchObject({ nextReviewSet: 'tier', nextReviewOn: addMonths(r.decidedOn, 3) });
    } finally {
      expect((await s.call('/reviews/cadence', { method: 'PUT', body: before })).status).toBe(200);
    }
  });

  it('shows a viewer the decisions and conditions without a control to change them', async () => {
    expect((await s.call('/users', { method: 'POST', body: { ...VIEWER, role: 'viewer' } })).status).toBe(201);
    await approveWithConditions();
    // Every decision on record (the demo's example, this one, any other test's) and every condition they carry.
    const recorded = await reviews();
    const page = await (await s.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(s.url(`/vendors/${okta}`));
    await signInThroughPage(page, VIEWER.email, VIEWER.password);
    await expect.poll(() => page.locator('vr-condition-list li.condition').count()).toBe(recorded.flatMap((r) => r.conditions).length);
    expect(await page.locator('vr-condition-list button').count()).toBe(0);
    expect(await page.locator('vr-decision-form').count()).toBe(0);
    expect(await page.locator('vr-vendor-page section.reviews').textContent()).toContain('Analysts and admins record decisions');
    expect(await page.locator('vr-review-history li').count()).toBe(recorded.length);
    // The cadence in words, without Edit.
    await page.goto(s.url('/reviews'));
    await expect.poll(() => page.locator('vr-reviews-page section.cadence .words').textContent()).toBe(DEFAULT_CADENCE);
    expect(await page.locator('vr-reviews-page section.cadence').textContent()).toContain('Admins change it.');
    expect(await page.locator('vr-reviews-page section.cadence button').count()).toBe(0);
    await page.context().close();
  });
});
