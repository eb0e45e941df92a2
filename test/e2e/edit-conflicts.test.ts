/**
 * Issue 14 §5 in a real browser: an edit form opened before someone else saved the same record
 * does not overwrite their change. The save is refused with "changed by someone else since you
 * opened it" and both versions field by field; "Load their version" reopens the form on theirs,
 * "Save mine over theirs" saves on purpose. Two browser pages hold two stale forms; a delete asked
 * for on a stale record is refused too; so is a CSV import row whose vendor was edited after its
 * preview. Each stage passes axe. Each test opens its own page and reads back only what it wrote.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { Incident } from '../../server/domain/incident.ts';
import { chromiumForTests, signInThroughPage, ADMIN } from './harness.ts';
import { expectNoAxeViolationsOn, useSession } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('edits made against a record someone else changed, in Chromium', () => {
  let okta: number;
  const s = useSession(chromiumPath!, {
    start: async () => {
      okta = (await s.api<Heatmap>('/portfolio/heatmap')).rows.find((r) => r.name === 'Okta')!.vendorId;
    },
  });
  const openOkta = async () => {
    await s.go(`/vendors/${okta}`);
    await s.page.locator('vr-incident-list article').first().waitFor();
  };
  const vendorNow = () => s.api<Vendor>(`/vendors/${okta}`);
  const openRelationship = async (page: Page) => {
    await page.locator('vr-relationship').getByRole('button', { name: 'Edit relationship' }).click();
    const form = page.locator('vr-relationship-form');
    await form.getByLabel('Business owner').waitFor();
    return form;
  };

  it('refuses a stale relationship form with both versions, then loads theirs', async () => {
    await openOkta();
    const form = await openRelationship(s.page);
    // Someone else saves the relationship while the form is open.
    const theirs = await s.call(`/vendors/${okta}`, { method: 'PATCH', body: { businessOwner: 'Identity Team' } });
    expect(theirs.status).toBe(200);
    await form.getByLabel('Business owner').fill('Security Engineering West');
    await form.getByRole('button', { name: 'Save relationship' }).click();

    const conflict = s.page.locator('vr-edit-conflict');
    await conflict.waitFor();
    expect(await conflict.locator('h3').textContent()).toContain('changed by someone else since you opened it');
    const row = conflict.locator('tr[data-field="businessOwner"]');
    expect(await row.locator('[data-side="yours"]').textContent()).toBe('Security Engineering West');
    expect(await row.locator('[data-side="theirs"]').textContent()).toBe('Identity Team');
    // Nothing of ours was written.
    expect((await vendorNow()).businessOwner).toBe('Identity Team');
    await s.expectNoAxeViolations();
    await s.shootElement(s.page.locator('vr-edit-dialog dialog'), 'edit-conflict.png');

    await conflict.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => s.page.locator('vr-edit-conflict').count()).toBe(0);
    const fresh = s.page.locator('vr-relationship-form');
    await expect.poll(() => fresh.getByLabel('Business owner').inputValue()).toBe('Identity Team');
    // Saved against their version, a change goes through.
    await fresh.getByLabel('Business owner').fill('Identity and Access');
    await fresh.getByRole('button', { name: 'Save relationship' }).click();
    await s.page.locator('vr-relationship .saved', { hasText: 'Relationship saved' }).waitFor();
    expect((await vendorNow()).businessOwner).toBe('Identity and Access');
  });

  it('of two stale forms in two pages, the second to save is refused; it may then save over the first on purpose', async () => {
    const second = await s.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const other = await second.newPage();
    try {
      await other.goto(s.url(`/vendors/${okta}`));
      await signInThroughPage(other, ADMIN.email, ADMIN.password);
      await other.locator('vr-incident-list article').first().waitFor();
      await openOkta();

      // Both open the relationship form on the same version.
      const mine = await openRelationship(s.page);
      const theirs = await openRelationship(other);
      await theirs.getByLabel('Business owner').fill('Platform Security');
      await mine.getByLabel('Business owner').fill('Vendor Risk Office');
      await theirs.getByRole('button', { name: 'Save relationship' }).click();
      await other.locator('vr-relationship .saved', { hasText: 'Relationship saved' }).waitFor();
      await mine.getByRole('button', { name: 'Save relationship' }).click();

      const conflict = s.page.locator('vr-edit-conflict');
      await conflict.waitFor();
      expect(await conflict.locator('tr[data-field="businessOwner"] [data-side="theirs"]').textContent()).toBe('Platform Security');
      expect((await vendorNow()).businessOwner).toBe('Platform Security');

      await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
      await s.page.locator('vr-relationship .saved', { hasText: 'Relationship saved' }).waitFor();
      expect((await vendorNow()).businessOwner).toBe('Vendor Risk Office');
      await expectNoAxeViolationsOn(s.page);
    } finally {
      await second.close();
    }
  });

  it('imports only what the CSV preview showed: a vendor edited after the preview is refused, row named, the edit kept', async () => {
    await s.go('/data');
    const vendors = s.page.locator('vr-data-page section[data-section="vendors"]');
    const csv = [
      'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes',
      'Okta,,,,,,,,,Reviewed through the CSV import',
    ].join('\n');
    await vendors.locator('vr-import-file input[type="file"]').setInputFiles({ name: 'okta.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await vendors.locator('[data-result="preview"]').waitFor();
    // Someone edits Okta after the preview was shown.
    expect((await s.call(`/vendors/${okta}`, { method: 'PATCH', body: { notes: 'Edited while the preview was open' } })).status).toBe(200);
    await vendors.getByRole('button', { name: /^Import/ }).click();
    const problems = vendors.locator('vr-import-problems tr.problem');
    await problems.first().waitFor();
    expect(await problems.count()).toBe(1);
    expect(await problems.first().textContent()).toContain('changed by someone else since the preview');
    expect(await vendors.locator('p.status').textContent()).toContain('nothing was written');
    expect((await vendorNow()).notes).toBe('Edited while the preview was open');
    await s.expectNoAxeViolations();
  });

  it('refuses to delete an incident changed since the question was asked, and deletes it only when told again', async () => {
    const created = await s.call(`/vendors/${okta}/incidents`, {
      method: 'POST',
      body: {
        title: 'Conflict test incident',
        severity: 'low',
        confidence: 'low',
        publicDisclosureDate: '2025-02-01',
        sources: ['https://example.com/conflict'],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const incident = (await created.json()) as Incident;
    await s.go(`/vendors/${okta}`);
    const article = s.page.locator('vr-incident-list article', { hasText: 'Conflict test incident' });
    await article.waitFor();
    await article.getByRole('button', { name: /^Delete incident/ }).click();
    const confirm = s.page.locator('vr-delete-confirm');
    await confirm.waitFor();
    expect((await s.call(`/incidents/${incident.id}`, { method: 'PATCH', body: { severity: 'high' } })).status).toBe(200);
    await confirm.getByRole('button', { name: 'Delete incident' }).click();

    const conflict = s.page.locator('vr-edit-conflict');
    await conflict.waitFor();
    expect(await conflict.locator('h3').textContent()).toContain('This incident was changed by someone else since you opened it');
    expect((await s.call(`/incidents/${incident.id}`)).status).toBe(200);
    await s.expectNoAxeViolations();
    await conflict.getByRole('button', { name: 'Delete it anyway' }).click();
    await s.page.locator('vr-incident-list .saved', { hasText: 'deleted' }).waitFor();
    expect((await s.call(`/incidents/${incident.id}`)).status).toBe(404);
  });
});
