/**
 * The data page in a real browser, against the API's own answers: the CSV template, a CSV with bad
 * rows refused row by row (nothing written), a good one previewed by a dry run and imported only
 * on confirmation, a file of more than 1,000 rows followed by its progress bar to the end, VERIS
 * records imported (the victim a not-engaged vendor, the attribution on its incident), a restore
 * merged into this database (and the refusals of the other modes), and what a viewer sees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { Incident } from '../../server/domain/incident.ts';
import { chromiumForTests, PROJECT_ROOT, signInThroughPage, watchConsole } from './harness.ts';
import { deepFocus, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const vcdb = (id: string) => readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb', `${id}.json`), 'utf8');
const NHS = '00204495-81A8-4D51-B4FE-896AA0F89DA2';
const LEXIS = '064F5887-C2DA-4139-B3AA-D55906F8C30A';

describe.skipIf(!chromiumPath)('the data page in Chromium', () => {
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    signInAt: '/data',
  });

  const section = (name: string) => s.page.locator(`vr-data-page section[data-section="${name}"]`);
  const upload = (input: Locator, name: string, text: string, mimeType: string) => input.setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  const csvInput = () => section('vendors').locator('vr-import-file input[type="file"]');
  const vendorsNamed = async (q: string) => (await s.api<{ items: Vendor[]; total: number }>(`/vendors?q=${encodeURIComponent(q)}&limit=1000`)).items;
  const total = async () => (await s.api<{ total: number }>('/vendors?limit=1')).total;
  /** A request the test made fail on purpose is logged by Chromium; only those may be there. */
  const forgetFailed = (status: number) => {
    expect(s.problems.every((p) => p.includes(`status of ${status}`))).toBe(true);
    s.problems.length = 0;
  };

  it('offers the template, the imports, the export and the restore to an admin', async () => {
    await section('transfer').waitFor();
    expect(await s.page.locator('vr-data-page h2').allTextContents()).toEqual(['Vendors from CSV', 'Incidents from VERIS', 'Export and restore']);
    const template = section('vendors').getByRole('link', { name: 'the CSV template' });
    expect(await template.getAttribute('href')).toBe('/api/v1/import/vendors/template.csv');
    expect(await template.getAttribute('download')).toBe('vendors-template.csv');
    const res = await s.call('/import/vendors/template.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await res.text()).split(/\r?\n/)[0]).toBe(HEADER);
    const exportLink = section('transfer').getByRole('link', { name: 'Download export' });
    expect(await exportLink.getAttribute('href')).toBe('/api/v1/export');
    expect(await exportLink.getAttribute('download')).toBe('');
    expect(await section('veris').locator('[data-attribution]').textContent()).toMatch(/VERIS Community Database \(VCDB\),\s+CC BY-SA 4\.0/);
    expect(await section('veris').getByRole('link', { name: 'VERIS Community Database (VCDB)' }).getAttribute('href')).toBe('https://github.com/vz-risk/VCDB');
    await s.page.locator('vr-restore-form input[type="file"]').waitFor();
    await s.shoot('data.png');
    await s.expectNoAxeViolations();
  });

  it('lists every bad row of a CSV with its row, column and reason, offers no import, and writes nothing', async () => {
    const before = await total();
    const csv = [HEADER, 'Csv Good One,payroll,https://good-one.example,2,confidential,none,proposed,,,', 'Csv Bad Tier,payroll,,9,internal,none,,,,', ',payroll,,3,internal,none,,,,'].join('\n');
    await upload(csvInput(), 'bad.csv', csv, 'text/csv');
    const problems = section('vendors').locator('vr-import-problems tr.problem');
    await expect.poll(() => problems.count()).toBeGreaterThanOrEqual(2);
    const rows = await problems.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toContainEqual(['row 3', 'tier', expect.any(String)]);
    expect(rows.some(([where, column]) => where === 'row 4' && column === 'name')).toBe(true);
    expect(await section('vendors').locator('vr-import-problems h3').textContent()).toContain('bad.csv: nothing was written');
    expect(await section('vendors').locator('button[data-action="import"]').count()).toBe(0);
    expect(await section('vendors').locator('p.status').textContent()).toBe('bad.csv was refused: 2 problems, listed below; nothing was written.');
    expect(await total()).toBe(before);
    expect(await vendorsNamed('Csv Good One')).toEqual([]);
    await s.shootElement(section('vendors'), 'data-csv-problems.png');
  });

  it('previews a good CSV by a dry run, and imports it only when confirmed', async () => {
    const [okta] = await vendorsNamed('Okta');
    const csv = [
      HEADER,
      'Csv Alpha Payroll,payroll,https://alpha-payroll.example,2,confidential,none,proposed,HR,,',
      'Csv Beta Mail,email marketing,,3,internal,none,,,,',
      `${okta!.name},,,,,,,,,Reviewed through the CSV import`,
    ].join('\n');
    await upload(csvInput(), 'vendors.csv', csv, 'text/csv');
    const preview = section('vendors').locator('[data-result="preview"]');
    await preview.waitFor();
    const rows = preview.locator('vr-import-preview tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row'), tr.getAttribute('data-action')]))).toEqual([
      ['2', 'create'],
      ['3', 'create'],
      ['4', 'update'],
    ]);
    expect(await preview.locator('vr-import-preview dd[data-count="created"]').textContent()).toBe('2');
    expect(await rows.nth(2).getByRole('link', { name: okta!.name }).getAttribute('href')).toBe(`/vendors/${okta!.id}`);
    expect(await section('vendors').locator('vr-import-problems').count()).toBe(0);
    // A dry run writes nothing.
    expect(await vendorsNamed('Csv Alpha Payroll')).toEqual([]);
    await s.shoot('data-preview.png');
    await s.expectNoAxeViolations();

    await section('vendors').getByRole('button', { name: 'Import 3 vendors' }).click();
    const imported = section('vendors').locator('[data-result="imported"]');
    await imported.waitFor();
    // The Import button is gone: focus moves to what the import did.
    await expect.poll(async () => (await deepFocus(s.page)).id).toBe('vendors-result');
    expect(await section('vendors').locator('p.status').textContent()).toBe('vendors.csv imported: 2 vendors created, 1 updated, 0 unchanged.');
    const [alpha] = await vendorsNamed('Csv Alpha Payroll');
    expect(alpha).toMatchObject({ category: 'payroll', tier: 2, status: 'proposed', businessOwner: 'HR' });
    expect(await vendorsNamed('Csv Beta Mail')).toHaveLength(1);
    expect((await s.api<Vendor>(`/vendors/${okta!.id}`)).notes).toBe('Reviewed through the CSV import');
    expect(await imported.getByRole('link', { name: 'Csv Alpha Payroll' }).getAttribute('href')).toBe(`/vendors/${alpha!.id}`);
    expect(await section('vendors').getByRole('button', { name: /^Import/ }).count()).toBe(0);
  });

  it('follows a file of more than 1,000 rows with a progress bar, through the check and the import', async () => {
    const n = 1200;
    const lines = Array.from({ length: n }, (_, i) => `Bulk Vendor ${String(i + 1).padStart(4, '0')},bulk services,,4,none,none,,,,`);
    await upload(csvInput(), 'bulk.csv', [HEADER, ...lines].join('\n'), 'text/csv');
    const bar = section('vendors').locator('vr-import-progress progress');
    const words = section('vendors').locator('vr-import-progress p[aria-live="polite"]');
    await expect.poll(() => bar.getAttribute('data-state')).toBe('succeeded');
    expect([await bar.getAttribute('max'), await bar.getAttribute('value')]).toEqual([String(n), String(n)]);
    expect(await words.textContent()).toBe('Finished: 1,200 of 1,200 rows.');
    expect(await section('vendors').locator('vr-import-progress label').textContent()).toBe('Checking bulk.csv');
    const preview = section('vendors').locator('[data-result="preview"]');
    await preview.waitFor();
    expect(await preview.locator('dd[data-count="created"]').textContent()).toBe('1,200');
    // The long preview shows its first rows until asked.
    expect(await preview.locator('vr-import-preview tbody tr').count()).toBe(200);
    expect(await vendorsNamed('Bulk Vendor')).toEqual([]);

    await section('vendors').getByRole('button', { name: 'Import 1,200 vendors' }).click();
    await section('vendors').locator('[data-result="imported"]').waitFor();
    await expect.poll(() => bar.getAttribute('data-state')).toBe('succeeded');
    expect(await section('vendors').locator('vr-import-progress label').textContent()).toBe('Importing bulk.csv');
    expect(await bar.getAttribute('value')).toBe(String(n));
    expect((await s.api<{ total: number }>('/vendors?q=Bulk%20Vendor&limit=1')).total).toBe(n);
  });

  it('refuses VERIS records with problems, naming the record and the path, and writes nothing', async () => {
    const broken = JSON.parse(vcdb(LEXIS)) as Record<string, unknown>;
    delete broken.timeline;
    await upload(section('veris').locator('input[type="file"]'), 'broken.json', JSON.stringify([JSON.parse(vcdb(NHS)), broken]), 'application/json');
    const problems = section('veris').locator('vr-import-problems tr.problem');
    await problems.first().waitFor();
    const first = await problems.first().evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    expect(first[0]).toBe(`record 2 (${LEXIS})`);
    expect(await problems.evaluateAll((trs) => trs.map((tr) => tr.textContent))).toContainEqual(expect.stringContaining('timeline'));
    expect((await s.api<{ total: number }>('/incidents?source=veris&limit=1')).total).toBe(0);
    forgetFailed(400);
  });

  it('imports VERIS records (NDJSON), the victims as not-engaged vendors, each incident with its VERIS id and attribution', async () => {
    const ndjson = [vcdb(NHS), vcdb(LEXIS)].map((t) => JSON.stringify(JSON.parse(t))).join('\n');
    await upload(section('veris').locator('input[type="file"]'), 'two.ndjson', ndjson, 'application/x-ndjson');
    const counts = section('veris').locator('dl[data-counts="veris"] dd');
    await expect.poll(() => counts.allTextContents()).toEqual(['2', '0', '2']);
    expect(await section('veris').locator('p.status').textContent()).toBe('two.ndjson imported: 2 incidents created, 0 updated; 2 new vendors (not engaged).');
    expect(await section('veris').locator('vr-import-problems').count()).toBe(0);

    const incidents = (await s.api<{ items: Incident[] }>('/incidents?source=veris')).items;
    const nhs = incidents.find((i) => i.source?.id === NHS)!;
    const victim = await s.api<Vendor>(`/vendors/${nhs.vendorId}`);
    expect(victim).toMatchObject({ name: 'NHS England', status: 'not-engaged' });

    await s.go(`/vendors/${victim.id}`);
    const imported = s.page.locator(`vr-incident-list article[data-incident-id="${nhs.id}"] p.imported`);
    await imported.waitFor();
    expect(await imported.locator('code.source-id').textContent()).toBe(NHS);
    expect(await imported.textContent()).toContain('VERIS Community Database (VCDB)');
    expect(await imported.textContent()).toContain('CC BY-SA 4.0');
    expect(await imported.getByRole('link').getAttribute('href')).toBe('https://github.com/vz-risk/VCDB');
    await s.shootElement(s.page.locator(`vr-incident-list article[data-incident-id="${nhs.id}"]`), 'data-veris-incident.png');
    await s.expectNoAxeViolations();
  });

  it('restores an export merged into this database, refuses one into a database that is not empty, and asks before replacing', async () => {
    await s.go('/data');
    const doc = await (await s.call('/export')).text();
    const vendors = (JSON.parse(doc) as { vendors: unknown[] }).vendors.length;
    const form = s.page.locator('vr-restore-form');
    const restore = async (mode: string) => {
      await upload(form.locator('input[type="file"]'), 'export.json', doc, 'application/json');
      await form.locator(`input[name="mode"][value="${mode}"]`).check();
      await form.getByRole('button', { name: 'Restore' }).click();
    };

    await restore('empty');
    const refusal = section('transfer').locator('vr-import-failure vr-error [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('The database already holds vendors');
    forgetFailed(409);

    await restore('replace');
    const confirm = form.getByRole('button', { name: 'Yes, replace everything' });
    await confirm.waitFor();
    expect(await form.locator('.confirm').textContent()).toContain('cannot be undone');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);

    await restore('merge');
    const counts = section('transfer').locator('dl[data-counts="restore"]');
    await counts.waitFor();
    expect(await counts.locator('div').first().textContent()).toContain(vendors.toLocaleString('en-US'));
    expect(await section('transfer').locator('p.status').textContent()).toContain('export.json restored (merge into this database)');
    expect(await section('transfer').locator('vr-import-failure vr-error').count()).toBe(0);
    expect(await total()).toBe(vendors);
    await s.expectNoAxeViolations();
  });

  it('reads in the dark scheme at 400 px: nothing wider than the window, axe clean with problems and a preview', async () => {
    await s.page.setViewportSize({ width: 400, height: 800 });
    await s.page.emulateMedia({ colorScheme: 'dark' });
    try {
      await s.go('/data');
      await upload(csvInput(), 'narrow.csv', [HEADER, 'Csv Narrow,payroll,,7,internal,none,,,,'].join('\n'), 'text/csv');
      await section('vendors').locator('vr-import-problems tr.problem').first().waitFor();
      await s.expectNoAxeViolations();
      // The paste area, for text without a file.
      await section('vendors').getByText('Or paste CSV text').click();
      await section('vendors').getByLabel('Text to check').fill([HEADER, 'Csv Narrow,payroll,,3,internal,none,,,,'].join('\n'));
      await section('vendors').getByRole('button', { name: 'Check the pasted text' }).click();
      await section('vendors').locator('[data-result="preview"]').waitFor();
      expect(await section('vendors').locator('#vendors-result').textContent()).toBe('Preview of pasted text');
      expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      await s.expectNoAxeViolations();
      await s.shoot('data-dark-narrow.png');
    } finally {
      await s.page.emulateMedia({ colorScheme: 'light' });
      await s.page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('shows a viewer the export and says that imports need an analyst', async () => {
    const viewer = { email: 'viewer@e2e.example', password: 'amber falcon meadow ripple 93' };
    expect((await s.call('/users', { method: 'POST', body: { ...viewer, role: 'viewer' } })).status).toBe(201);
    const context = await s.browser.newContext({ viewport: { width: 400, height: 800 } });
    try {
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto(s.url('/data'));
      await signInThroughPage(page, viewer.email, viewer.password);
      const data = page.locator('vr-data-page');
      await data.locator('[data-note="imports"]').waitFor();
      expect(await data.locator('[data-note="imports"]').textContent()).toContain('needs the Analyst or Admin role');
      expect(await data.locator('section[data-section="vendors"], section[data-section="veris"], vr-restore-form').count()).toBe(0);
      expect(await data.getByRole('link', { name: 'Download export' }).getAttribute('href')).toBe('/api/v1/export');
      expect(await data.locator('[data-note="restore"]').textContent()).toContain('Admin');
      // Nothing wider than the window at 400 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      expect(problems.filter((p) => !/401.*\/api\/v1\/me\)$/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
