/**
 * The audit log in Chromium: names beside ids (the vendor as a link to its dossier, the record by
 * its name), the vendor and days filters kept in the URL (a reload shows the same view), and the
 * CSV download of exactly the filtered entries, read back from the file the browser saved. Filters
 * by record type and actor are in accounts.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../server/services/imports/csv.ts';
import { incidentBody, vendorBody } from '../helpers/fixtures.ts';
import { chromiumForTests } from './harness.ts';
import { useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const PROBE = 'Audit Probe Ltd';
const INCIDENT = 'Probe support-desk intrusion';

describe.skipIf(!chromiumPath)('the audit log in Chromium', () => {
  let probe = 0;
  const s = useSession(chromiumPath!, {
    start: async () => {
      // A vendor of this file's own, with an incident and a change: three entries about it.
      const created = await s.call('/vendors', {
        method: 'POST',
        body: vendorBody({ name: PROBE, website: 'https://probe.example' }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      probe = ((await created.json()) as { id: number }).id;
      const incident = await s.call(`/vendors/${probe}/incidents`, {
        method: 'POST',
        body: incidentBody({ ref: 'probe-1', title: INCIDENT }),
      });
      expect(incident.status, await incident.text()).toBe(201);
    },
    quietConsole: true,
  });
  const rows = () => s.page.locator('vr-audit-table tbody tr[data-audit-id]');
  const filters = () => s.page.locator('vr-audit-filters form');

  it('names the vendor and the record beside their ids, the vendor linking to its dossier', async () => {
    await s.go('/admin/audit');
    const incident = rows().filter({ hasText: INCIDENT }).first();
    await incident.waitFor();
    expect(await incident.locator('th').textContent()).toMatch(new RegExp(`Created incident #\\d+: ${INCIDENT}\\s+${PROBE} · vendor #${probe}`));
    expect(await incident.locator('th a').getAttribute('href')).toBe(`/vendors/${probe}`);
    await s.expectNoAxeViolations();
  });

  it('filters by vendor and days, in the URL: a reload shows the same entries', async () => {
    await s.go('/admin/audit');
    await rows().first().waitFor();
    await filters()
      .getByLabel(/^Vendor/)
      .selectOption({ label: PROBE });
    // The day the entries were written (not the clock's now: a run across midnight would filter them out).
    const today = (await s.api<{ items: { at: string }[] }>(`/audit?vendorId=${probe}`)).items.at(-1)!.at.slice(0, 10);
    await filters().getByLabel('From day').fill(today);
    await filters().getByRole('button', { name: 'Apply' }).click();
    await s.page.waitForURL(new RegExp(`/admin/audit\\?vendorId=${probe}&from=${today}$`));
    const shown = async () => (await rows().locator('th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    await expect.poll(async () => (await shown()).length).toBe(2);
    expect((await shown()).every((t) => t.includes(`${PROBE} · vendor #${probe}`))).toBe(true);
    await s.page.reload();
    await expect.poll(async () => (await shown()).length).toBe(2);
    expect(
      await filters()
        .getByLabel(/^Vendor/)
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]!.textContent),
    ).toBe(PROBE);
    expect(await filters().getByLabel('From day').inputValue()).toBe(today);
  });

  it('downloads the filtered entries as CSV, names beside ids', async () => {
    await s.go(`/admin/audit?vendorId=${probe}`);
    await expect.poll(() => rows().count()).toBe(2);
    const link = s.page.locator('vr-audit-page a.download');
    expect(await link.getAttribute('href')).toBe(`/api/v1/audit?vendorId=${probe}&format=csv`);
    const [download] = await Promise.all([s.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const [head, ...records] = parseCsv(await readFile(await download.path(), 'utf8'));
    const col = (name: string) => head!.cells.indexOf(name);
    expect(records.map((r) => [r.cells[col('action')], r.cells[col('entity')], r.cells[col('entityName')], r.cells[col('vendorName')]])).toEqual([
      ['create', 'incident', INCIDENT, PROBE],
      ['create', 'vendor', PROBE, PROBE],
    ]);
    expect(records.every((r) => r.cells[col('actor')] === 'admin@e2e.example' && r.cells[col('vendorId')] === String(probe))).toBe(true);
    // The page did not move: a download is not a navigation.
    expect(new URL(s.page.url()).pathname).toBe('/admin/audit');
  });
});
