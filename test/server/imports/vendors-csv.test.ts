import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../server/services/imports/csv.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const TEMPLATE_HEADER = 'id,name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,engagedSince,aliases,notes';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const upload = (http: ReturnType<typeof testApp>['http'], body: string | Buffer, qs = '') =>
  http.post(`/api/v1/import/vendors${qs}`).set('Content-Type', 'text/csv').send(body);

describe('GET /api/v1/import/vendors/template.csv', () => {
  it('gives a template (with id, engagedSince and aliases) whose rows the importer accepts, labels and all', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/import/vendors/template.csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('vendors-template.csv');
    const [head, first] = parseCsv(res.text);
    expect(head!.cells.join(',')).toBe(TEMPLATE_HEADER);
    // It says how several aliases share a cell.
    expect(first!.cells.at(-1)).toContain('separated by ";"');
    expect((await upload(http, res.text, '?dryRun=true')).body).toMatchObject({ created: 2, errors: [] });
    expect((await upload(http, res.text)).status).toBe(200);
    const made = (await http.get('/api/v1/vendors').query({ q: 'Example Identity' })).body.items[0];
    expect(made).toMatchObject({
      environmentAccess: 'identity-provider',
      dataAccess: 'confidential',
      status: 'under-review',
      engagedSince: '2024-01-15',
      aliases: ['Example Identity', 'ExampleID'],
    });
  });
});

describe('POST /api/v1/import/vendors', () => {
  it('creates and updates (matched by name ignoring case and spacing, keeping the stored name), with a BOM, quotes and CRLF', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity', website: 'https://acme.example.com' }));
    const body =
      '\uFEFF' +
      csv(
        ' acme   IDENTITY ,identity provider,https://acme.example.com,2,confidential,identity-provider,approved,,,',
        '"Quotes, ""Commas"" & Co",email,,4,none,none,proposed,"Ops, team","2027-01-31","line one\r\nline two"',
      );
    const res = await upload(http, Buffer.from(body, 'utf8'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ dryRun: false, created: 1, updated: 1, errors: [] });
    const list = (await http.get('/api/v1/vendors')).body.items;
    expect(list.find((v: { name: string }) => v.name === 'Acme Identity')).toMatchObject({ id: 1, tier: 2, status: 'approved' });
    expect(list.find((v: { name: string }) => v.name.startsWith('Quotes'))).toMatchObject({
      name: 'Quotes, "Commas" & Co',
      businessOwner: 'Ops, team',
      notes: 'line one\r\nline two',
      nextReviewOn: '2027-01-31',
    });
  });

  it('reports what would change on a dry run, without writing', async () => {
    const { http, db } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Acme Identity' }));
    const res = await expectNoWrite(db, () =>
      upload(http, csv('Acme Identity,identity provider,,1,confidential,identity-provider,,,,', 'New One,CI/CD,,2,internal,user,,,,'), '?dryRun=true'),
    );
    expect(res.body).toMatchObject({ dryRun: true, created: 1, updated: 0, unchanged: 1 });
    expect(res.body.rows.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'create']);
  });

  it('lists every bad row with its number, column and reason, and writes nothing', async () => {
    const { http, db } = testApp();
    const body = csv(
      'Good,cat,,1,none,none,,,,',
      ',cat,,1,none,none,,,,', // no name
      'Bad Tier,cat,,five,none,none,,,,',
      'Bad Access,cat,,2,secret,none,,,,',
      'Good,dup,,1,none,none,,,,', // duplicate of row 2
      'Short,cat,,1,none',
      'Bad Date,cat,,1,none,none,,,2027-02-30,',
    );
    const res = await expectNoWrite(db, () => upload(http, body));
    expectProblem(res, 400, 'import-invalid');
    const errors = res.body.errors.map((e: { row: number; column: string | null }) => `${e.row}:${e.column}`);
    expect(errors).toEqual(['3:name', '4:tier', '5:dataAccess', '6:name', '7:null', '8:nextReviewOn']);
    // A dry run answers 200 with the same errors.
    const dry = await upload(http, body, '?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toHaveLength(6);
  });

  it.each([
    ['a missing required column', 'name,category,tier\r\nX,c,1\r\n', 'rows.1.dataAccess'],
    ['an unknown column', `${HEADER},colour\r\nX,c,,1,none,none,,,,,red\r\n`, 'rows.1.colour'],
    ['an unclosed quote', `${HEADER}\r\n"X,c,,1,none,none,,,,\r\n`, 'rows.2'],
    ['a header but no rows', `${HEADER}\r\n`, 'rows.1'],
    ['an empty file', '', 'rows.1'],
  ])('refuses %s and writes nothing', async (_what, body, path) => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => upload(http, body));
    expectProblem(res, 400, 'import-invalid');
    expect(failingPaths(res)).toContain(path);
  });

  it('refuses a file that is not UTF-8', async () => {
    const { http, db } = testApp();
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\r\nCaf`), Buffer.from([0xe9]), Buffer.from(',c,,1,none,none,,,,\r\n')]);
    expectProblem(await expectNoWrite(db, () => upload(http, latin1)), 400, 'bad-encoding');
  });

  it('runs a large import as a job whose progress can be polled', async () => {
    const { http } = testApp();
    const rows = Array.from({ length: 1500 }, (_, i) => `Vendor ${i},cat,,${(i % 4) + 1},internal,none,,,,`);
    const res = await upload(http, csv(...rows));
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/jobs/${res.body.id}`);
    expect(res.body).toMatchObject({ state: 'running', total: 1500 });
    let job = res.body;
    for (let i = 0; i < 100 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await http.get(String(res.headers.location))).body;
    }
    expect(job).toMatchObject({ state: 'succeeded', done: 1500, total: 1500, errors: [], result: { created: 1500 } });
    expect((await http.get('/api/v1/vendors?limit=1')).body.total).toBe(1500);
  });

  it('reports a failed large import through its job, having written nothing', async () => {
    const { http, db, as } = testApp();
    const rows = Array.from({ length: 1200 }, (_, i) => `Vendor ${i},cat,,${i === 700 ? 'x' : 1},internal,none,,,,`);
    const before = db.prepare('SELECT COUNT(*) AS n FROM vendors').get();
    const res = await upload(http, csv(...rows));
    let job = res.body;
    for (let i = 0; i < 100 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await http.get(`/api/v1/jobs/${job.id}`)).body;
    }
    expect(job.state).toBe('failed');
    expect(job.errors).toEqual([expect.objectContaining({ row: 702, column: 'tier' })]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM vendors').get()).toEqual(before);
    // Another user cannot see the job.
    expectProblem(await as('viewer').get(`/api/v1/jobs/${job.id}`), 404, 'job-not-found');
  });
});

describe('CSV out', () => {
  it('exports vendors and incidents with the same filters, neutralizing formula-like cells', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody({ name: '=HYPERLINK("http://evil")', tier: 1 }));
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Plain', tier: 2 }));
    await http.post('/api/v1/vendors/1/incidents').send({ title: '@SUM(A1:A9)', severity: 'low' });
    const vendors = await http.get('/api/v1/vendors?format=csv&tier=1');
    expect(vendors.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(vendors.text).map((r) => r.cells);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 2)).toEqual(['id', 'name']);
    expect(rows[1]![1]).toBe('\'=HYPERLINK("http://evil")');
    const incidents = parseCsv((await http.get('/api/v1/incidents?format=csv')).text).map((r) => r.cells);
    expect(incidents[1]![4]).toBe("'@SUM(A1:A9)");
    expect(incidents[1]![2]).toBe('\'=HYPERLINK("http://evil")');
    // Root cause and entry path as in force, who classified it, and the campaign link.
    expect(incidents[0]!.slice(-4)).toEqual(['rootCause', 'entryPath', 'classifiedBy', 'continuationOf']);
    expect(incidents[1]!.slice(-4)).toEqual(['unknown', 'unknown', 'derived', '']);
  });
});
