/**
 * The data page in a real browser, against the API's own answers: the CSV template; a CSV with bad
 * rows listed row by row and only its valid rows imported when asked; a good one previewed by a dry
 * run (each update's changes) and imported only on confirmation; a possible duplicate (same website
 * domain) refused until the analyst chooses to create or skip it; a file of more than 1,000 rows
 * followed by its progress bar to the end; several VERIS files previewed together (each record's
 * file and vendor, a warning naming the record, field and value, an invalid record) and the valid
 * records imported (the victim a not-engaged vendor, found by the portfolio's status filter, the
 * attribution on its incident); a restore merged into this database (and the refusals of the other
 * modes); and what a viewer sees.
 *
 * Each test stands alone (issue 18): its own page, opened at /data, and the data it reads it writes
 * itself (vendors of its own names; the VERIS victim test imports its own record over the API).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { Incident } from '../../server/domain/incident.ts';
import { chromiumForTests, PROJECT_ROOT, signInThroughPage, watchConsole } from './harness.ts';
import { deepFocus, useSession } from './session.ts';

const chromiumPath = chromiumForTests();
const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const TEMPLATE_HEADER = 'id,name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,engagedSince,aliases,notes';
const typo = (name: string) => {
  const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb-typos');
  return readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.includes(`.${name}.`))!,
    ),
    'utf8',
  );
};
const ZENDESK = '9C7D9315-68D2-417D-BFB9-F00F1A584EE7';
const vcdb = (id: string) => readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb', `${id}.json`), 'utf8');
const NHS = '00204495-81A8-4D51-B4FE-896AA0F89DA2';
const LEXIS = '064F5887-C2DA-4139-B3AA-D55906F8C30A';
/** Klook's 2017 breach: a victim outside the demo portfolio, imported by the one test that reads it. */
const KLOOK = '08cb5e30-a09f-11e8-899a-23ad2f84ca7d';

describe.skipIf(!chromiumPath)('the data page in Chromium', () => {
  const s = useSession(chromiumPath!, {
    quietConsole: true,
    openAt: '/data',
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
    expect((await res.text()).split(/\r?\n/)[0]).toBe(TEMPLATE_HEADER);
    const exportLink = section('transfer').getByRole('link', { name: 'Download export' });
    expect(await exportLink.getAttribute('href')).toBe('/api/v1/export');
    expect(await exportLink.getAttribute('download')).toBe('');
    expect(await section('veris').locator('[data-attribution]').textContent()).toMatch(/VERIS Community Database \(VCDB\),\s+CC BY-SA 4\.0/);
    expect(await section('veris').getByRole('link', { name: 'VERIS Community Database (VCDB)' }).getAttribute('href')).toBe('https://github.com/vz-risk/VCDB');
    await s.page.locator('vr-restore-form input[type="file"]').waitFor();
    await s.shoot('data.png');
    await s.expectNoAxeViolations();
  });

  it('lists every bad row of a CSV with its row, column and reason, writes nothing, and imports the valid rows only when asked', async () => {
    const before = await total();
    const csv = [
      HEADER,
      'Csv Good One,payroll,https://good-one.example,2,confidential,none,proposed,,,',
      'Csv Bad Tier,payroll,,9,internal,none,,,,',
      ',payroll,,3,internal,none,,,,',
    ].join('\n');
    await upload(csvInput(), 'bad.csv', csv, 'text/csv');
    const skipped = section('vendors').locator('vr-import-problems[data-problems="skipped"]');
    const problems = skipped.locator('tr.problem');
    await expect.poll(() => problems.count()).toBe(2);
    const rows = await problems.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
    expect(rows).toContainEqual(['row 3', 'tier', 'tier "9" is not a tier; use 1, 2, 3 or 4 (1 = most critical to us, 4 = least)']);
    expect(rows.some(([where, column]) => where === 'row 4' && column === 'name')).toBe(true);
    expect(await skipped.locator('h3').textContent()).toBe('2 rows have problems: left out unless you fix the file');
    expect(await section('vendors').locator('p.status').textContent()).toBe(
      'bad.csv checked: 1 vendor to create, 0 to update, 0 unchanged; 2 invalid rows to leave out.',
    );
    // A check writes nothing.
    expect(await total()).toBe(before);
    expect(await vendorsNamed('Csv Good One')).toEqual([]);
    await s.shootElement(section('vendors'), 'data-csv-problems.png');
    await s.expectNoAxeViolations();

    await section('vendors').getByRole('button', { name: 'Import the 1 valid row' }).click();
    await section('vendors').locator('[data-result="imported"]').waitFor();
    expect(await section('vendors').locator('p.status').textContent()).toBe(
      'bad.csv imported: 1 vendor created, 0 updated, 0 unchanged; 2 invalid rows left out.',
    );
    expect(await total()).toBe(before + 1);
    expect(await vendorsNamed('Csv Good One')).toHaveLength(1);
    expect(await vendorsNamed('Csv Bad Tier')).toEqual([]);
  });

  it('shows each update’s changes in the preview, and refuses a possible duplicate until told to create or skip it', async () => {
    const co = (await (
      await s.call('/vendors', {
        method: 'POST',
        body: { name: 'Csv Diff Co', category: 'payroll', website: 'https://diff.example', tier: 1, dataAccess: 'restricted', environmentAccess: 'admin' },
      })
    ).json()) as Vendor;
    const csv = [
      HEADER,
      'Csv Diff Co,,,3,Internal data,User-level,Under review,,,',
      'Csv Diff Alt,payroll,https://www.diff.example/careers,3,internal,none,,,,',
    ].join('\n');
    await upload(csvInput(), 'diff.csv', csv, 'text/csv');
    const preview = section('vendors').locator('[data-result="preview"]');
    await preview.waitFor();
    const update = preview.locator('vr-import-preview tr[data-action="update"]');
    expect((await update.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Tier:\s+Tier 1\s+→\s*changes to\s+Tier 3$/),
      expect.stringMatching(/^Data access:\s+Restricted data\s+→\s*changes to\s+Internal data$/),
      expect.stringMatching(/^Access into our environment:\s+Admin\s+→\s*changes to\s+User-level$/),
      expect.stringMatching(/^Review status:\s+Proposed\s+→\s*changes to\s+Under review$/),
    ]);
    const dup = preview.locator('vr-import-preview tr[data-action="duplicate"]');
    expect(await dup.locator('.action').textContent()).toBe('Possible duplicate');
    expect(await dup.locator('.like').textContent()).toMatch(/possible duplicate of\s+Csv Diff Co\s+\(same website domain, diff\.example\)/);
    expect(await dup.getByRole('link', { name: 'Csv Diff Co' }).getAttribute('href')).toBe(`/vendors/${co.id}`);
    await s.shoot('data-csv-diff.png');
    await s.expectNoAxeViolations();

    // Import without a choice: refused beside the choice, and nothing is written.
    await section('vendors').getByRole('button', { name: 'Import 1 vendor' }).click();
    const choice = section('vendors').locator('vr-duplicate-choice');
    await expect.poll(() => choice.locator('.field-error').textContent()).toContain('Choose whether to create or skip the possible duplicates');
    await expect.poll(async () => (await deepFocus(s.page)).tag).toBe('input');
    expect((await s.api<Vendor>(`/vendors/${co.id}`)).tier).toBe(1);
    expect(await vendorsNamed('Csv Diff Alt')).toEqual([]);

    await choice.getByLabel(/Skip them/).check();
    await section('vendors').getByRole('button', { name: 'Import 1 vendor' }).click();
    await section('vendors').locator('[data-result="imported"]').waitFor();
    expect(await vendorsNamed('Csv Diff Alt')).toEqual([]);
    expect(await s.api<Vendor>(`/vendors/${co.id}`)).toMatchObject({ name: 'Csv Diff Co', tier: 3, environmentAccess: 'user', status: 'under-review' });
    expect(await section('vendors').locator('vr-import-preview tr[data-action="skip"] .action').textContent()).toBe('Skipped');
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
    expect(
      await section('vendors')
        .getByRole('button', { name: /^Import/ })
        .count(),
    ).toBe(0);
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

  it('previews several VERIS files together: each record with its file and vendor, a warning naming the record, field and value, an invalid record; then imports the valid ones', async () => {
    const verisBefore = (await s.api<{ total: number }>('/incidents?source=veris&limit=1')).total;
    const badYear = JSON.parse(vcdb(ZENDESK)) as { timeline: { incident: { year: unknown } } };
    badYear.timeline.incident.year = '2o14';
    const ndjson = [vcdb(LEXIS), JSON.stringify(badYear)].map((t) => JSON.stringify(JSON.parse(t))).join('\n');
    await section('veris')
      .locator('input[type="file"]')
      .setInputFiles([
        { name: 'nhs.json', mimeType: 'application/json', buffer: Buffer.from(typo('notification-month-20')) },
        { name: 'more.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) },
      ]);
    const preview = section('veris').locator('[data-result="preview"]');
    await preview.waitFor();
    expect(await section('veris').locator('p.status').textContent()).toBe(
      'nhs.json and more.ndjson checked: 2 incidents to create, 0 to update; 2 new vendors (not engaged); 1 warning; 1 invalid record to leave out.',
    );
    const records = preview.locator('table[data-table="records"] tbody tr');
    const cells = await records.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim())));
    expect(cells.map((c) => [c[0], c[1], c[3], c[4]])).toEqual([
      ['nhs.json, record 1', NHS, 'Create', 'NHS England (new vendor, not engaged)'],
      ['more.ndjson, record 1', LEXIS, 'Create', 'LexisNexis (new vendor, not engaged)'],
    ]);
    const warning = preview.locator('table[data-table="warnings"] tr.warning');
    expect(await warning.evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()))).toEqual([
      `nhs.json, record 1 (${NHS})`,
      'plus.timeline.notification.month',
      '20',
      'plus.timeline.notification.month 20 is not a month (1 to 12); the date is imported as its year alone, 2016',
    ]);
    const invalid = preview.locator('vr-import-problems[data-problems="skipped"] tr.problem');
    expect(await invalid.first().evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()).slice(0, 2))).toEqual([
      `more.ndjson, record 2 (${ZENDESK})`,
      'timeline.incident.year',
    ]);
    // A check writes nothing.
    expect((await s.api<{ total: number }>('/incidents?source=veris&limit=1')).total).toBe(verisBefore);
    await s.shoot('data-veris-preview.png');
    await s.expectNoAxeViolations();

    await section('veris').getByRole('button', { name: 'Import the 2 valid records' }).click();
    await section('veris').locator('[data-result="imported"]').waitFor();
    expect(await section('veris').locator('p.status').textContent()).toBe(
      'nhs.json and more.ndjson imported: 2 incidents created, 0 updated; 2 new vendors (not engaged); 1 warning; 1 invalid record left out.',
    );
    expect(await section('veris').locator('dl[data-counts="veris"] dd').allTextContents()).toEqual(['2', '0', '2', '1', '1']);
    expect((await s.api<{ total: number }>('/incidents?source=veris&limit=1')).total).toBe(verisBefore + 2);
  });

  it('says which chosen file is neither JSON nor NDJSON, and sends nothing', async () => {
    await section('veris')
      .locator('input[type="file"]')
      .setInputFiles([
        { name: 'fine.json', mimeType: 'application/json', buffer: Buffer.from(vcdb(NHS)) },
        { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(vcdb(LEXIS).slice(0, 300)) },
      ]);
    const alert = section('veris').locator('[data-file-error]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^cut\.json is neither JSON nor NDJSON \(.*\); nothing was sent\.$/);
  });

  it('finds the not-engaged vendor a VERIS import made with the portfolio’s status filter, and shows its incident with the VERIS id and attribution', async () => {
    const res = await s.call('/import/veris', { method: 'POST', body: JSON.parse(vcdb(KLOOK)) as unknown });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ vendorsCreated: 1 });
    const incidents = (await s.api<{ items: Incident[] }>('/incidents?source=veris')).items;
    const klook = incidents.find((i) => i.source?.id === KLOOK)!;
    const victim = await s.api<Vendor>(`/vendors/${klook.vendorId}`);
    expect(victim).toMatchObject({ name: 'Klook', status: 'not-engaged' });

    await s.go('/portfolio');
    const rows = s.page.locator('vr-heatmap tbody tr[data-vendor-id]');
    await rows.first().waitFor();
    expect(await s.page.locator(`vr-heatmap tbody tr[data-vendor-id="${victim.id}"]`).count()).toBe(0);
    await s.page.locator('vr-portfolio-filters').getByLabel('Status').selectOption('not-engaged');
    await expect.poll(() => s.page.url()).toContain('status=not-engaged');
    const row = s.page.locator(`vr-heatmap tbody tr[data-vendor-id="${victim.id}"]`);
    await row.waitFor();
    expect(await row.locator('th').textContent()).toContain('Klook');
    expect(await s.page.locator('vr-portfolio-filters p.count').textContent()).toContain('status not engaged');
    await s.expectNoAxeViolations();
    // The filter lives in the URL: a reload shows the same view.
    await s.page.reload();
    await row.waitFor();
    expect(await s.page.locator('vr-portfolio-filters select#status').inputValue()).toBe('not-engaged');

    await s.go(`/vendors/${victim.id}`);
    const imported = s.page.locator(`vr-incident-list article[data-incident-id="${klook.id}"] p.imported`);
    await imported.waitFor();
    expect(await imported.locator('code.source-id').textContent()).toBe(KLOOK);
    expect(await imported.textContent()).toContain('VERIS Community Database (VCDB)');
    expect(await imported.textContent()).toContain('CC BY-SA 4.0');
    expect(await imported.getByRole('link').getAttribute('href')).toBe('https://github.com/vz-risk/VCDB');
    await s.shootElement(s.page.locator(`vr-incident-list article[data-incident-id="${klook.id}"]`), 'data-veris-incident.png');
    await s.expectNoAxeViolations();
  });

  it('restores an export merged into this database, refuses one into a database that is not empty, and asks before replacing', async () => {
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
    // The test's own page: the window and scheme it sets go with it.
    await s.page.setViewportSize({ width: 400, height: 800 });
    await s.page.emulateMedia({ colorScheme: 'dark' });
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
