/**
 * Compare's search in Chromium: it finds any vendor on record (GET /vendors?q=), not only the
 * portfolio's engaged ones, by mouse and by keyboard, and the subprocessor panel says "No shared
 * subprocessors" in a line of its own, or only that when none of them has one on record. Each
 * test adds the vendors it needs through the API and opens the page itself.
 */
import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../server/domain/vendor.ts';
import { usePortfolioSession } from './demo.ts';
import { chromiumForTests } from './harness.ts';
import { isFocused } from './session.ts';

const chromiumPath = chromiumForTests();

describe.skipIf(!chromiumPath)('compare search in Chromium', () => {
  const { s, vendor, heatmap } = usePortfolioSession(chromiumPath!);
  const picker = () => s.page.locator('vr-compare-picker');
  const search = () => picker().getByLabel('Add a vendor');
  const box = () => s.page.locator('vr-compare-subprocessors');
  const addVendor = async (name: string, status: Vendor['status']) => {
    const res = await s.call('/vendors', {
      method: 'POST',
      body: { name, category: 'Field services', tier: 3, dataAccess: 'internal', environmentAccess: 'none', status },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Vendor;
  };

  it('adds a vendor that is not on the portfolio from the search (mouse), then another by typing and Enter; no shared subprocessors is said in a line', async () => {
    const quiet = await addVendor('Quillfeather Couriers', 'not-engaged');
    // Not engaged: the portfolio (the old source of the picker) does not list it.
    expect(heatmap().rows.some((r) => r.name === quiet.name)).toBe(false);
    const okta = vendor('Okta').vendorId;

    await s.go('/compare');
    await search().fill('quillf');
    await picker()
      .getByRole('button', { name: /^Add Quillfeather Couriers/ })
      .click();
    await s.page.waitForURL(s.url(`/compare?ids=${quiet.id}`));
    expect(await picker().locator('li.chip').allTextContents()).toEqual([expect.stringContaining('Quillfeather Couriers')]);
    await expect.poll(() => isFocused(search())).toBe(true);

    // The keyboard: type, Enter adds the first match once the matches have arrived (no waiting for them by hand).
    await s.page.keyboard.type('okta');
    await s.page.keyboard.press('Enter');
    await s.page.waitForURL(s.url(`/compare?ids=${quiet.id},${okta}`));
    await s.page.locator(`vr-compare-table thead th[data-vendor-id="${quiet.id}"]`).waitFor();

    const line = box().locator('.callout p.none-shared');
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      /^No shared subprocessors\. Quillfeather Couriers and Okta share no subprocessor on record as of \d{4}-\d{2}-\d{2}\.$/,
    );
    // Okta's own chain is still listed beside it.
    expect(await box().locator(`section[data-vendor-id="${okta}"] li[data-subprocessor-id]`).count()).toBeGreaterThan(0);
    expect(await box().locator(`section[data-vendor-id="${quiet.id}"] p.unknown`).textContent()).toContain('No subprocessor on record');
    await s.expectNoAxeViolations();
  });

  it('finds a vendor by an alias, says when nothing matches, and shows one line when none of the compared has a subprocessor on record', async () => {
    const a = await addVendor('Brindle Catering', 'offboarded');
    const res = await s.call('/vendors', {
      method: 'POST',
      body: { name: 'Harrow Plant Hire', category: 'Facilities', tier: 4, dataAccess: 'none', environmentAccess: 'none', aliases: ['HPH Machinery'] },
    });
    const b = (await res.json()) as Vendor;

    await s.go(`/compare?ids=${a.id}`);
    await picker().locator('li.chip', { hasText: 'Brindle Catering' }).waitFor();
    await search().fill('zzzz-no-such-vendor');
    await expect.poll(() => picker().locator('[role="status"]').textContent()).toBe('No vendor not yet compared matches “zzzz-no-such-vendor”.');
    await search().fill('hph mach');
    await picker()
      .getByRole('button', { name: /^Add Harrow Plant Hire/ })
      .click();
    await s.page.waitForURL(s.url(`/compare?ids=${a.id},${b.id}`));

    await box().locator('p[data-none-on-record]').waitFor();
    expect(await box().locator('p.none-shared').textContent()).toContain('No shared subprocessors.');
    expect(await box().locator('p[data-none-on-record]').textContent()).toBe('No subprocessor on record for any of them: their support chains are unknown.');
    expect(await box().locator('.grid').count()).toBe(0);
    await s.expectNoAxeViolations();
  });
});
