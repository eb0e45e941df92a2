/**
 * A frozen quarter and what was recorded after it, in a real browser: 2023-Q4 is frozen, then an
 * incident dated inside it is backfilled. The frozen report stays as it was and says that a
 * restated view differs; the restated view shows the incident and the differences as tables; the
 * snapshot history lists the snapshots, and an admin's refreeze (after a confirmation) replaces the
 * snapshot, keeping the old one, with the server's refusal shown when there is one.
 */
import { describe, expect, it } from 'vitest';
import type { QuarterlyReport, ReportSnapshots } from '../../web/api/client.ts';
import { chromiumForTests } from './harness.ts';
import { signInThroughPage, watchConsole } from './harness.ts';
import { isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const TITLE = 'Backfilled: support tool token theft (e2e)';

describe.skipIf(!chromiumPath)('frozen and restated reports in Chromium', () => {
  let frozen: QuarterlyReport;
  let incidentId = 0;
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    start: async () => {
      frozen = await s.api<QuarterlyReport>('/reports/quarterly/2023-Q4');
      const okta = frozen.vendors.find((v) => v.name === 'Okta')!.vendorId;
      const res = await s.call(`/vendors/${okta}/incidents`, {
        method: 'POST',
        body: {
          ref: 'e2e-backfill',
          title: TITLE,
          intrusionStartDate: '2023-11-01',
          detectedByVendorDate: '2023-11-02',
          publicDisclosureDate: '2023-11-15',
          initialAccessVectors: ['stolen-credentials'],
          supportInvolved: true,
          supportInvolvementType: 'in-house-support-system',
          mfaRelevance: 'weak-mfa-bypassed',
          severity: 'critical',
          sources: ['https://example.com/e2e'],
          confidence: 'high',
        },
      });
      expect(res.status).toBe(201);
      incidentId = ((await res.json()) as { id: number }).id;
    },
  });

  const summaryLoaded = () => s.page.locator('vr-report-summary [data-figure="vendors"]').waitFor();
  const text = (selector: string) => s.page.locator(selector).first().textContent();

  it('keeps the frozen report as it was, and says that a restated view differs', async () => {
    const now = await s.api<QuarterlyReport>('/reports/quarterly/2023-Q4');
    expect(now.snapshotId).toBe(frozen.snapshotId);
    expect(now.restatement?.differs).toBe(true);
    await s.go('/reports/2023-Q4');
    await summaryLoaded();
    expect(await text('vr-report-summary [data-figure="vendors"] .value')).toBe(String(frozen.summary.vendors));
    expect(await text('vr-report-summary [data-figure="incidents"] .value')).toBe(String(frozen.newIncidents.length));
    expect(await s.page.locator(`vr-report-changes tr[data-incident-id="${incidentId}"]`).count()).toBe(0);
    const notice = s.page.locator('vr-report-notice [data-notice="frozen"]');
    expect(await notice.textContent()).toContain(`Snapshot ${frozen.snapshotId} of 2023 Q4`);
    expect(await notice.locator('time').getAttribute('datetime')).toBe(frozen.generatedAt);
    expect(await notice.locator('[data-restated="available"]').textContent()).toContain(now.restatement!.text!);
    expect(await s.page.locator('vr-report-summary [data-fact="generated"] time').getAttribute('datetime')).toBe(frozen.generatedAt);
  });

  it('opens the restated view from the notice: the incident is there, with the differences as tables', async () => {
    await s.go('/reports/2023-Q4?vs=2022-Q4');
    await summaryLoaded();
    await s.page.locator('vr-report-notice').getByRole('link', { name: 'See the restated view and what differs' }).click();
    await s.page.waitForURL(s.url('/reports/2023-Q4?vs=2022-Q4&view=restated'));
    await s.page.locator('vr-report-notice [data-notice="restated"]').waitFor();
    const restated = await s.api<QuarterlyReport>('/reports/quarterly/2023-Q4?vs=2022-Q4&view=restated');
    expect(restated.view).toBe('restated');
    await s.page.locator(`vr-report-changes tr[data-incident-id="${incidentId}"]`).waitFor();
    expect(await text('vr-report-summary [data-fact="state"]')).toContain('Restated.');
    expect(await text('vr-report-summary [data-figure="incidents"] .value')).toBe(String(frozen.newIncidents.length + 1));
    // The differences: the incident appeared; Okta's risk changed.
    const row = s.page.locator(`vr-report-restatement table.incidents tr[data-incident-id="${incidentId}"]`);
    expect(await row.getAttribute('data-change')).toBe('appeared');
    expect(await row.textContent()).toContain(TITLE);
    const okta = restated.restatement!.vendorChanges.find((v) => v.name === 'Okta')!;
    const vendorRow = s.page.locator(`vr-report-restatement table.vendors tr[data-vendor-id="${okta.vendorId}"]`);
    expect(await vendorRow.textContent()).toContain(`${okta.frozen!.risk}`);
    expect(await vendorRow.textContent()).toContain(`${okta.restated!.risk}`);
    expect(await s.page.locator('vr-report-restatement table.vendors tbody tr').count()).toBe(restated.restatement!.vendors);
    // Downloads are of the restated view.
    expect(await s.page.locator('vr-report-controls a[data-format="md"]').getAttribute('href')).toBe(
      '/api/v1/reports/quarterly/2023-Q4?format=md&vs=2022-Q4&view=restated',
    );
    await s.expectNoAxeViolations();
    await s.shoot('report-restated.png', true);
    await s.shootElement(s.page.locator('vr-report-notice'), 'report-restated-notice.png');
    await s.shootElement(s.page.locator('vr-report-restatement'), 'report-restatement.png');
    await s.page.locator('vr-report-notice').getByRole('link', { name: 'Back to the frozen report' }).click();
    await s.page.waitForURL(s.url('/reports/2023-Q4?vs=2022-Q4'));
    await s.page.locator('vr-report-notice [data-notice="frozen"]').waitFor();
  });

  it('lists the quarter’s snapshots; an admin refreezes after confirming, and the old snapshot stays in the history', async () => {
    await s.go('/reports/2023-Q4');
    await summaryLoaded();
    const history = s.page.locator('vr-report-history');
    await history.locator(`tr[data-snapshot-id="${frozen.snapshotId}"]`).waitFor();
    expect(await history.locator(`tr[data-snapshot-id="${frozen.snapshotId}"]`).getAttribute('data-in-force')).toBe('yes');
    // Cancel first: nothing happens, focus returns to the button.
    const start = history.locator('button#refreeze');
    await start.click();
    expect(await isFocused(history.locator('button#refreeze-confirm'))).toBe(true);
    expect(await history.locator('#refreeze-question').textContent()).toContain(`snapshot ${frozen.snapshotId}`);
    await history.locator('button#refreeze-cancel').click();
    expect(await isFocused(start)).toBe(true);
    expect((await s.api<ReportSnapshots>('/reports/quarterly/2023-Q4/snapshots')).items).toHaveLength(1);
    // Then confirm, by keyboard.
    await start.click();
    await s.page.keyboard.press('Enter');
    await history.locator('[role="status"]', { hasText: 'is in force' }).waitFor();
    await s.shootElement(history, 'report-history.png');
    const after = await s.api<ReportSnapshots>('/reports/quarterly/2023-Q4/snapshots');
    expect(after.items.map((i) => i.inForce)).toEqual([true, false]);
    await history.locator(`tr[data-snapshot-id="${after.items[0]!.id}"][data-in-force="yes"]`).waitFor();
    expect(await history.locator(`tr[data-snapshot-id="${frozen.snapshotId}"]`).getAttribute('data-in-force')).toBe('no');
    // The report now rests on the new snapshot: the incident is in it, and nothing differs.
    await s.page.locator(`vr-report-changes tr[data-incident-id="${incidentId}"]`).waitFor();
    expect(await s.page.locator('vr-report-notice [data-restated="available"]').count()).toBe(0);
  });

  it('shows the server’s refusal of a refreeze beside the question', async () => {
    await s.go('/reports/2023-Q4');
    await summaryLoaded();
    const history = s.page.locator('vr-report-history');
    await history.locator('button#refreeze').waitFor();
    await s.page.route('**/api/v1/reports/quarterly/2023-Q4/refreeze', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:vendorscope:problem:quarter-not-closed',
          title: 'The quarter is not closed',
          status: 409,
          detail: '2023-Q4 is the current quarter.',
          code: 'quarter-not-closed',
          instance: '/api/v1/reports/quarterly/2023-Q4/refreeze',
          errors: [{ path: 'params.quarter', message: 'must be a closed quarter' }],
        }),
      }),
    );
    try {
      await history.locator('button#refreeze').click();
      await history.locator('button#refreeze-confirm').click();
      const alert = history.locator('[role="alert"]', { hasText: 'was not replaced' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('2023-Q4 is the current quarter. Quarter must be a closed quarter.');
      // The question stays open beside the reason.
      expect(await history.locator('button#refreeze-confirm').count()).toBe(1);
      await expect.poll(() => s.problems.length).toBe(1);
      expect(s.problems.splice(0)[0]).toMatch(/409 .*refreeze/);
    } finally {
      await s.page.unroute('**/api/v1/reports/quarterly/2023-Q4/refreeze');
    }
  });

  it('offers no refreeze to a viewer, who still sees the history', async () => {
    const viewer = { email: 'report-viewer@e2e.example', password: 'amber falcon meadow ripple 93' };
    expect((await s.call('/users', { method: 'POST', body: { ...viewer, role: 'viewer' } })).status).toBe(201);
    const context = await s.browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(s.url('/reports/2023-Q4'));
      await signInThroughPage(page, viewer.email, viewer.password);
      await page.locator('vr-report-history tr[data-in-force="yes"]').waitFor();
      expect(await page.locator('vr-report-history button#refreeze').count()).toBe(0);
      expect(problems.filter((p) => !/401.*\/api\/v1\/me\)$/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
