/**
 * Adding and deleting a vendor in a real browser, and the CSV's allowed values: an analyst adds a
 * vendor from the portfolio (the server's refusals beside Tier, then beside Name for a name
 * taken; then the new vendor's dossier opens); an admin deletes a vendor from its dossier once its
 * name is typed (an analyst is not offered the action), and the full export still lists it among
 * the deleted vendors; the Data page shows the allowed values beside the template link.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Vendor } from '../../server/domain/vendor.ts';
import { incidentBody } from '../helpers/fixtures.ts';
import { chromiumForTests, signInThroughPage } from './harness.ts';
import { expectNoAxeViolationsOn, isFocused, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const PASSWORD = 'violet harbour ember 83';

describe.skipIf(!chromiumPath)('adding and deleting a vendor, in Chromium', () => {
  const s = useSession(chromiumPath!, { quietConsole: true });

  /** A page in its own browser context, signed in as a new user with this role, at `path`. */
  async function pageAs(role: 'analyst' | 'viewer', email: string, path: string): Promise<Page> {
    expect((await s.call('/users', { method: 'POST', body: { email, password: PASSWORD, role } })).status).toBe(201);
    const page = await (await s.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(s.url(path));
    await signInThroughPage(page, email, PASSWORD);
    return page;
  }

  async function newVendor(name: string, withIncident: boolean): Promise<Vendor> {
    const res = await s.call('/vendors', {
      method: 'POST',
      body: { name, category: 'CRM', tier: 3, dataAccess: 'internal', environmentAccess: 'user', website: 'https://example.org' },
    });
    expect(res.status).toBe(201);
    const v = (await res.json()) as Vendor;
    if (withIncident) {
      const inc = await s.call(`/vendors/${v.id}/incidents`, { method: 'POST', body: incidentBody({ ref: 'parcel-2024', title: 'Mailbox breach' }) });
      expect(inc.status).toBe(201);
    }
    return v;
  }

  it('lets an analyst add a vendor from the portfolio: the server’s refusals beside the fields, then the new dossier', async () => {
    const page = await pageAs('analyst', 'add-analyst@e2e.example', '/portfolio');
    const add = page.locator('vr-add-vendor button', { hasText: 'Add vendor' });
    await page.locator('vr-heatmap').waitFor();
    await s.shootElement(page.locator('vr-portfolio-page header.page-head'), 'portfolio-add-vendor.png');
    await add.click();
    const dialog = page.locator('vr-add-vendor vr-edit-dialog dialog');
    expect(await dialog.isVisible()).toBe(true);
    const form = page.locator('vr-vendor-form');
    await expect.poll(() => isFocused(form.locator('#add-name'))).toBe(true);

    // Tier left unchosen: the server says so beside Tier, and nothing is stored.
    await form.getByLabel('Name').fill('Okta');
    await form.getByLabel('Category').fill('identity provider');
    await form.getByLabel('Website').fill('https://www.okta-lookalike.example');
    await form.getByLabel('Data access').selectOption('confidential');
    await form.getByLabel('Access into our environment').selectOption('identity-provider');
    await form.getByRole('button', { name: 'Add vendor' }).click();
    const tierError = form.locator('#add-tier-error');
    await tierError.waitFor();
    expect(await form.locator('#add-tier').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#add-tier').getAttribute('aria-describedby')).toContain('add-tier-error');
    await expect.poll(() => isFocused(form.locator('#add-tier'))).toBe(true);

    // A name another vendor has: refused beside Name.
    await form.getByLabel('Tier').selectOption('2');
    await form.getByRole('button', { name: 'Add vendor' }).click();
    const nameError = form.locator('#add-name-error');
    await nameError.waitFor();
    expect(await nameError.textContent()).toContain('already taken');
    expect(await form.locator('#add-tier-error').count()).toBe(0);
    await expect.poll(() => isFocused(form.locator('#add-name'))).toBe(true);
    const named = async (q: string) => (await s.api<{ items: Vendor[] }>(`/vendors?q=${encodeURIComponent(q)}`)).items.map((v) => v.name);
    expect(await named('okta-lookalike')).toEqual([]);
    await expectNoAxeViolationsOn(page);
    await s.shootElement(dialog, 'add-vendor-error.png');

    // Fixed: stored with every field, and the new vendor's dossier opens.
    await form.getByLabel('Name').fill('Okta Lookalike Identity');
    await form.getByLabel('Review status').selectOption('under-review');
    await form.getByLabel('Business owner').fill('IT security');
    await form.getByLabel('Next review').fill('2027-03-31');
    await form.getByLabel('Notes').fill('Shortlisted for the SSO renewal.');
    await form.getByLabel('Also known as').fill('OLI\nLookalike Inc');
    await form.getByRole('button', { name: 'Add vendor' }).click();
    await page.waitForURL(/\/vendors\/\d+$/);
    await page.locator('vr-vendor-page h1', { hasText: 'Okta Lookalike Identity' }).waitFor();
    const id = Number(/\/vendors\/(\d+)$/.exec(page.url())![1]);
    const stored = await s.api<Vendor>(`/vendors/${id}`);
    expect(stored).toMatchObject({
      name: 'Okta Lookalike Identity',
      category: 'identity provider',
      website: 'https://www.okta-lookalike.example',
      tier: 2,
      dataAccess: 'confidential',
      environmentAccess: 'identity-provider',
      status: 'under-review',
      businessOwner: 'IT security',
      nextReviewOn: '2027-03-31',
      notes: 'Shortlisted for the SSO renewal.',
      aliases: ['OLI', 'Lookalike Inc'],
    });
    // An analyst is not offered the deletion of a vendor.
    await page.locator('vr-change-history').waitFor();
    expect(await page.locator('vr-vendor-delete').count()).toBe(0);
    await page.context().close();
  });

  it('offers no "Add vendor" to a viewer', async () => {
    const page = await pageAs('viewer', 'add-viewer@e2e.example', '/portfolio');
    await page.locator('vr-heatmap').waitFor();
    expect(await page.locator('vr-add-vendor').count()).toBe(0);
    await page.context().close();
  });

  it('lets an admin delete a vendor once its name is typed; the export still lists it among the deleted vendors', async () => {
    const v = await newVendor('Parcel Mail Ltd', true);
    await s.go(`/vendors/${v.id}`);
    const section = s.page.locator('vr-vendor-delete');
    await section.locator('h2', { hasText: 'Delete this vendor' }).waitFor();
    expect(await section.locator('p.muted').textContent()).toContain('removes it and its incident');
    const open = section.getByRole('button', { name: 'Delete vendor…' });
    await open.click();
    const dialog = section.locator('vr-edit-dialog dialog');
    expect(await dialog.isVisible()).toBe(true);
    const confirm = section.getByLabel('Type “Parcel Mail Ltd” to confirm');
    await expect.poll(() => isFocused(confirm)).toBe(true);

    // The wrong name deletes nothing.
    await confirm.fill('Parcel');
    await section.getByRole('button', { name: 'Delete vendor', exact: true }).click();
    await section.locator('#delete-name-error').waitFor();
    expect(await section.locator('#delete-name-error').textContent()).toContain('Type the vendor’s name');
    expect((await s.call(`/vendors/${v.id}`)).status).toBe(200);
    await s.expectNoAxeViolations();
    await s.shootElement(dialog, 'delete-vendor-confirm.png');

    // Cancel closes the question and gives focus back.
    await section.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => isFocused(open)).toBe(true);

    await open.click();
    await confirm.fill('parcel mail ltd');
    await section.getByRole('button', { name: 'Delete vendor', exact: true }).click();
    await s.page.waitForURL(/\/portfolio$/);
    expect((await s.call(`/vendors/${v.id}`)).status).toBe(404);
    const audit = await s.api<{ items: Array<{ action: string; before: { name: string } }> }>(`/audit?entity=vendor&entityId=${v.id}`);
    expect(audit.items[0]).toMatchObject({ action: 'delete', before: { name: 'Parcel Mail Ltd' } });
    const doc = await s.api<{ vendors: Array<{ name: string }>; deletedVendors: Array<{ id: number; name: string; cascade: boolean }> }>('/export');
    expect(doc.vendors.map((x) => x.name)).not.toContain('Parcel Mail Ltd');
    expect(doc.deletedVendors).toContainEqual(expect.objectContaining({ id: v.id, name: 'Parcel Mail Ltd', cascade: true }));
  });

  it('shows the CSV’s allowed values beside the template link on the Data page', async () => {
    await s.go('/data');
    const vendors = s.page.locator('vr-data-page section[data-section="vendors"]');
    await vendors.getByRole('link', { name: 'the CSV template' }).waitFor();
    const values = vendors.locator('vr-csv-vocabulary');
    await values.getByText('Allowed values of tier, dataAccess, environmentAccess and status').click();
    const rows = async (column: string) =>
      (await values.locator(`table[data-column="${column}"] tbody tr`).allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(await rows('tier')).toEqual(['Tier 1 1', 'Tier 2 2', 'Tier 3 3', 'Tier 4 4']);
    expect(await rows('dataAccess')).toEqual(['None none', 'Internal data internal', 'Confidential data confidential', 'Restricted data restricted']);
    expect(await rows('environmentAccess')).toEqual(['None none', 'User-level user', 'Admin admin', 'Identity provider for everything identity-provider']);
    expect(await rows('status')).toContain('Approved with conditions approved-with-conditions');
    expect(await rows('status')).toHaveLength(7);
    await s.expectNoAxeViolations();
    await s.shootElement(vendors, 'data-page-allowed-values.png');
  });
});
