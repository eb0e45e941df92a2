/**
 * How a CSV row finds the vendor it updates: by `id`, or by name or alias (case and spacing
 * ignored); never by website domain alone, which only makes it a possible duplicate.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

type Http = ReturnType<typeof testApp>['http'];
const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const csv = (header: string, ...rows: string[]) => [header, ...rows].join('\r\n') + '\r\n';
const upload = (http: Http, body: string, qs = '') => http.post(`/api/v1/import/vendors${qs}`).set('Content-Type', 'text/csv').send(body);

describe('a row whose website domain alone matches a vendor (the observed bug)', () => {
  it('"Duo Security Alt, https://duo.com" neither renames Cisco Duo nor moves it from tier 1 to 3', async () => {
    const { http, db } = testApp();
    const duo = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Cisco Duo', website: 'https://duo.com', tier: 1 }))).body;
    const body = csv(HEADER, 'Duo Security Alt,identity provider,https://duo.com,3,internal,user,,,,');
    const res = await expectNoWrite(db, () => upload(http, body));
    expectProblem(res, 409, 'import-possible-duplicates');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'website', duplicateOf: { vendorId: duo.id, name: 'Cisco Duo', domain: 'duo.com' } }),
    ]);
    expect(res.body.errors[0].message).toContain('possible duplicate of Cisco Duo');
    expect((await http.get(`/api/v1/vendors/${duo.id}`)).body).toMatchObject({ name: 'Cisco Duo', tier: 1 });
  });
});

const FULL = 'id,name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,engagedSince,aliases,notes';
const vendor = async (http: Http, id: number) => (await http.get(`/api/v1/vendors/${id}`)).body;
const duoSetup = async (http: Http) =>
  (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Cisco Duo', website: 'https://duo.com', tier: 1, dataAccess: 'restricted' }))).body;
const ALT = 'Duo Security Alt,identity provider,https://duo.com,3,internal,user,,,,';

describe('possible duplicates (same website domain, different name)', () => {
  it('are listed by a dry run as "possible duplicate of Cisco Duo", awaiting a choice, and nothing is written', async () => {
    const { http, db } = testApp();
    const duo = await duoSetup(http);
    const res = await expectNoWrite(db, () => upload(http, csv(HEADER, ALT, 'Brand New,payroll,https://new.example,2,none,none,,,,'), '?dryRun=true'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, duplicates: 1, errors: [] });
    expect(res.body.rows[0]).toEqual({
      row: 2,
      action: 'duplicate',
      name: 'Duo Security Alt',
      vendorId: null,
      duplicateOf: { vendorId: duo.id, name: 'Cisco Duo', domain: 'duo.com' },
    });
    expect(res.body.rows[1]).toMatchObject({ row: 3, action: 'create' });
  });

  it('are created as new vendors with onDuplicate=create, leaving the vendor they resemble as it was', async () => {
    const { http } = testApp();
    const duo = await duoSetup(http);
    const res = await upload(http, csv(HEADER, ALT), '?onDuplicate=create');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 1, duplicates: 1, rows: [{ action: 'create', duplicateOf: { vendorId: duo.id } }] });
    expect(await vendor(http, duo.id)).toMatchObject({ name: 'Cisco Duo', tier: 1, dataAccess: 'restricted' });
    expect(await vendor(http, res.body.rows[0].vendorId)).toMatchObject({ name: 'Duo Security Alt', tier: 3 });
  });

  it('are left out with onDuplicate=skip, while the other rows go through', async () => {
    const { http } = testApp();
    const duo = await duoSetup(http);
    const res = await upload(http, csv(HEADER, ALT, 'Brand New,payroll,,2,none,none,,,,'), '?onDuplicate=skip');
    expect(res.body).toMatchObject({ created: 1, duplicates: 1 });
    expect(res.body.rows.map((r: { action: string }) => r.action)).toEqual(['skip', 'create']);
    expect((await http.get('/api/v1/vendors')).body.items.map((v: { name: string }) => v.name)).toEqual(['Brand New', 'Cisco Duo']);
    expect(await vendor(http, duo.id)).toMatchObject({ name: 'Cisco Duo', tier: 1 });
  });

  it('refuses an unknown onDuplicate or onInvalid, writing nothing', async () => {
    const { http, db } = testApp();
    await expectNoWrite(db, async () => {
      expectProblem(await upload(http, csv(HEADER, ALT), '?onDuplicate=update'), 400, 'validation-failed');
      expectProblem(await upload(http, csv(HEADER, ALT), '?onInvalid=ignore'), 400, 'validation-failed');
    });
  });
});

describe('updates', () => {
  it('show their field-level diff (old → new) in the preview, and an unchanged row an empty one', async () => {
    const { http, db } = testApp();
    const duo = await duoSetup(http);
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Steady', website: null, tier: 2, dataAccess: 'internal', environmentAccess: 'none' }));
    const body = csv(HEADER, 'cisco  DUO,,,3,Internal data,User-level,Under review,Security team,,', 'Steady,identity provider,,2,internal,none,,,,');
    const res = await expectNoWrite(db, () => upload(http, body, '?dryRun=true'));
    expect(res.body).toMatchObject({ updated: 1, unchanged: 1 });
    const [update, unchanged] = res.body.rows;
    expect(update).toMatchObject({ action: 'update', name: 'Cisco Duo', vendorId: duo.id });
    expect(update.changes).toEqual([
      { field: 'tier', from: 1, to: 3 },
      { field: 'dataAccess', from: 'restricted', to: 'internal' },
      { field: 'environmentAccess', from: 'identity-provider', to: 'user' },
      { field: 'status', from: 'proposed', to: 'under-review' },
      { field: 'businessOwner', from: null, to: 'Security team' },
    ]);
    expect(unchanged).toMatchObject({ action: 'unchanged', changes: [] });
  });

  it('match a vendor by one of its aliases, keeping its name', async () => {
    const { http } = testApp();
    const ms = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', website: 'https://microsoft.com', aliases: ['Microsoft Corp'] }))).body;
    const res = await upload(http, csv(HEADER, ' microsoft   corp ,,,2,,,,,,'));
    expect(res.body).toMatchObject({ created: 0, updated: 1, rows: [{ vendorId: ms.id, name: 'Microsoft', changes: [{ field: 'tier', from: 1, to: 2 }] }] });
    expect(await vendor(http, ms.id)).toMatchObject({ name: 'Microsoft', aliases: ['Microsoft Corp'], tier: 2 });
  });

  it('rename a vendor only through an explicit id column, and show the rename in the diff', async () => {
    const { http } = testApp();
    const duo = await duoSetup(http);
    const dry = await upload(http, csv(FULL, `${duo.id},Duo Security,,,,,,,,,,,`), '?dryRun=true');
    expect(dry.body.rows[0]).toMatchObject({ action: 'update', vendorId: duo.id, changes: [{ field: 'name', from: 'Cisco Duo', to: 'Duo Security' }] });
    expect((await upload(http, csv(FULL, `${duo.id},Duo Security,,,,,,,,,,,`))).status).toBe(200);
    expect(await vendor(http, duo.id)).toMatchObject({ name: 'Duo Security', tier: 1 });
  });

  it('refuse an id that no vendor has, and a rename to another vendor’s name or alias, writing nothing', async () => {
    const { http, db } = testApp();
    const duo = await duoSetup(http);
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Okta', website: 'https://okta.com', aliases: ['Okta Inc'] }));
    const body = csv(FULL, '999,Ghost,,,,,,,,,,,', `${duo.id},okta inc,,,,,,,,,,,`, 'x1,Bad Id,,,,,,,,,,,');
    const res = await expectNoWrite(db, () => upload(http, body));
    expectProblem(res, 400, 'import-invalid');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['rows.2.id', 'rows.3.name', 'rows.4.id']);
    expect(res.body.errors[0].message).toBe('no vendor has id 999; leave id empty to create a vendor');
    expect(res.body.errors[1].message).toContain('is an alias of Okta');
  });

  it('by two rows of one vendor are refused (which row wins would be silent)', async () => {
    const { http, db } = testApp();
    const duo = await duoSetup(http);
    const res = await expectNoWrite(db, () => upload(http, csv(FULL, `${duo.id},,,,2,,,,,,,,`, ',Cisco Duo,,,3,,,,,,,,')));
    expectProblem(res, 400, 'import-invalid');
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'name', message: 'updates the same vendor as row 2 (Cisco Duo)' })]);
  });

  it('that engage a not-engaged vendor start its engagement today, unless the row gives the day', async () => {
    const { http } = testApp();
    const a = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Victim A', website: null, status: 'not-engaged', engagedSince: '2020-01-01' })))
      .body;
    const b = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Victim B', website: null, status: 'not-engaged', engagedSince: '2020-01-01' })))
      .body;
    const res = await upload(http, csv(FULL, ',Victim A,,,,,,Approved,,,,,', ',Victim B,,,,,,Approved,,,2023-04-01,,'));
    expect(res.body.rows[0].changes).toEqual([
      { field: 'status', from: 'not-engaged', to: 'approved' },
      { field: 'engagedSince', from: '2020-01-01', to: '2026-11-29' },
    ]);
    expect((await vendor(http, a.id)).engagedSince).toBe('2026-11-29');
    expect((await vendor(http, b.id)).engagedSince).toBe('2023-04-01');
  });
});

describe('the aliases and engagedSince columns', () => {
  it('set a new vendor’s aliases (separated by ";") and the day its relationship began', async () => {
    const { http } = testApp();
    const res = await upload(http, csv(FULL, ',Microsoft,cloud,https://microsoft.com,1,restricted,admin,approved,,,2019-03-01, Microsoft Corp ;MSFT; ,'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await vendor(http, res.body.rows[0].vendorId)).toMatchObject({ aliases: ['Microsoft Corp', 'MSFT'], engagedSince: '2019-03-01' });
  });

  it('replace an existing vendor’s aliases (the diff shows both lists)', async () => {
    const { http } = testApp();
    const ms = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', aliases: ['MSFT'] }))).body;
    const res = await upload(http, csv(FULL, ',Microsoft,,,,,,,,,,Microsoft Corp; MSFT,'));
    expect(res.body.rows[0].changes).toEqual([{ field: 'aliases', from: ['MSFT'], to: ['Microsoft Corp', 'MSFT'] }]);
    expect((await vendor(http, ms.id)).aliases).toEqual(['Microsoft Corp', 'MSFT']);
  });

  it('refuse an alias another vendor (or another row) already has, one given twice, the own name, and a day that is not one', async () => {
    const { http, db } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Okta', aliases: ['Okta Inc'] }));
    const body = csv(
      FULL,
      ',Alpha,cat,,1,none,none,,,,,OKTA,',
      ',Beta,cat,,1,none,none,,,,,Gamma Co; gamma  co,',
      ',Delta,cat,,1,none,none,,,,,delta,',
      ',Epsilon,cat,,1,none,none,,,,2024-13-01,,',
      ',Zeta,cat,,1,none,none,,,,,Shared,',
      ',Eta,cat,,1,none,none,,,,,shared,',
    );
    const res = await expectNoWrite(db, () => upload(http, body));
    expectProblem(res, 400, 'import-invalid');
    const byRow = Object.fromEntries(res.body.errors.map((e: { row: number; column: string; message: string }) => [e.row, `${e.column}: ${e.message}`]));
    expect(byRow).toEqual({
      2: 'aliases: aliases "OKTA" is already the name of Okta (id 1)',
      3: 'aliases: aliases "gamma co" is given twice (case and spacing are ignored)',
      4: 'aliases: aliases "delta" is the vendor’s own name',
      5: 'engagedSince: engagedSince "2024-13-01" is not a calendar day; write it as YYYY-MM-DD, such as 2027-06-30',
      7: 'aliases: aliases "shared" is also a name or alias in row 6',
    });
  });
});

describe('labels', () => {
  it('are accepted as the UI shows them, as well as the stored values, whatever the case', async () => {
    const { http } = testApp();
    const body = csv(
      HEADER,
      'By Label,cat,,Tier 2,Confidential data,Identity provider for everything,Approved with conditions,,,',
      'By Value,cat,,2,confidential,identity-provider,approved-with-conditions,,,',
      'By Shout,cat,,TIER 2,CONFIDENTIAL DATA,user-level,under review,,,',
    );
    const res = await upload(http, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const items = (await http.get('/api/v1/vendors')).body.items;
    const shape = (v: Record<string, unknown>) => [v.tier, v.dataAccess, v.environmentAccess, v.status];
    expect(items.map((v: { name: string }) => v.name)).toEqual(['By Label', 'By Shout', 'By Value']);
    expect(items.map(shape)).toEqual([
      [2, 'confidential', 'identity-provider', 'approved-with-conditions'],
      [2, 'confidential', 'user', 'under-review'],
      [2, 'confidential', 'identity-provider', 'approved-with-conditions'],
    ]);
  });

  it('are named in every error: the column, the value given and the allowed values in words, never schema text', async () => {
    const { http } = testApp();
    const body = csv(HEADER, 'X,cat,ftp://x,Tier 9,Secret data,Root,Maybe,,31/12/2027,');
    const res = await upload(http, body, '?dryRun=true');
    const messages = res.body.errors.map((e: { column: string; message: string }) => [e.column, e.message]);
    expect(messages).toEqual([
      ['website', expect.stringContaining('"ftp://x" is not a web address')],
      ['tier', 'tier "Tier 9" is not a tier; use 1, 2, 3 or 4 (1 = most critical to us, 4 = least)'],
      [
        'dataAccess',
        'dataAccess "Secret data" is not one of the allowed values: None (none), Internal data (internal), Confidential data (confidential), Restricted data (restricted)',
      ],
      [
        'environmentAccess',
        'environmentAccess "Root" is not one of the allowed values: None (none), User-level (user), Admin (admin), Identity provider for everything (identity-provider)',
      ],
      ['status', expect.stringContaining('status "Maybe" is not one of the allowed values: Proposed (proposed), Under review (under-review),')],
      ['nextReviewOn', expect.stringContaining('nextReviewOn "31/12/2027" is not a calendar day')],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/Invalid option|expected one of|Too big|Invalid input/);
  });
});

describe('onInvalid=skip', () => {
  const body = csv(
    HEADER,
    'Good One,cat,,1,none,none,,,,',
    'Bad Tier,cat,,five,none,none,,,,',
    'Good Two,cat,,2,none,none,,,,',
    ',cat,,1,none,none,,,,',
    'Short,cat',
  );

  it('imports the valid rows and reports each skipped one with its row, column and reason, and the counts', async () => {
    const { http } = testApp();
    const res = await upload(http, body, '?onInvalid=skip');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 2, invalid: 3, errors: [], skippedTotal: 3 });
    expect(res.body.skipped).toEqual([
      expect.objectContaining({ path: 'rows.3.tier', row: 3, column: 'tier', message: expect.stringContaining('"five" is not a tier') }),
      expect.objectContaining({ path: 'rows.5.name', row: 5, column: 'name' }),
      expect.objectContaining({ path: 'rows.6', row: 6, column: null, message: 'has 2 cells; the header has 10' }),
    ]);
    expect((await http.get('/api/v1/vendors')).body.items.map((v: { name: string }) => v.name)).toEqual(['Good One', 'Good Two']);
  });

  it('writes nothing on a dry run, and the default (reject) writes nothing either', async () => {
    const { http, db } = testApp();
    const dry = await expectNoWrite(db, () => upload(http, body, '?onInvalid=skip&dryRun=true'));
    expect(dry.body).toMatchObject({ dryRun: true, created: 2, invalid: 3, skippedTotal: 3, errors: [] });
    const rejected = await expectNoWrite(db, () => upload(http, body));
    expectProblem(rejected, 400, 'import-invalid');
    expect(rejected.body.errors).toHaveLength(3);
  });

  it('still refuses a file whose header is wrong: there are no rows to choose from', async () => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => upload(http, 'name,colour\r\nX,red\r\n', '?onInvalid=skip'));
    expectProblem(res, 400, 'import-invalid');
  });

  it('keeps the list of skipped problems to the first 1,000 while counting them all', async () => {
    const { http } = testApp();
    const rows = Array.from({ length: 1002 }, (_, i) => (i === 0 ? 'Fine,cat,,1,none,none,,,,' : `Bad ${i},cat,,9,none,none,,,,`));
    const res = await upload(http, csv(HEADER, ...rows), '?onInvalid=skip&dryRun=true');
    let job = res.body;
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await http.get(`/api/v1/jobs/${job.id}`)).body;
    }
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 1, invalid: 1001, skippedTotal: 1001 });
    expect(job.result.skipped).toHaveLength(1000);
  });
});

describe('a CSV export', () => {
  it('imports back as it is: every vendor unchanged (the columns the server keeps are ignored)', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Microsoft', aliases: ['Microsoft Corp', 'MSFT'], engagedSince: '2019-03-01' }));
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Okta', website: 'https://okta.com', businessOwner: 'IT', notes: '=1+1' }));
    const exported = (await http.get('/api/v1/vendors?format=csv')).text;
    const res = await upload(http, exported, '?dryRun=true');
    expect(res.body, JSON.stringify(res.body)).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
  });
});
