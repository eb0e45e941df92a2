/**
 * POST /vendors/:id/questionnaire-imports: a completed CAIQ v4 or SIG Lite sheet (XLSX or CSV) is
 * kept whole as text, its mapped answers become self-attested facts, and every bad input is
 * refused with a problem and nothing written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { mfaItem, vendorBody } from '../../helpers/fixtures.ts';
import { csvRows, xlsxOf, zipWithLies, workbookEntries } from '../../helpers/xlsx.ts';
import { XLSX_TYPE } from '../../../server/http/routes/questionnaire-imports.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/questionnaires');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const CAIQ_CSV = fixture('caiq-v4.csv').toString('utf8');

async function withVendor() {
  const t = testApp();
  const res = await t.http.post('/api/v1/vendors').send(vendorBody());
  expect(res.status).toBe(201);
  return { ...t, vendorId: res.body.id as number };
}

const post = (agent: ReturnType<typeof testApp>['http'], vendorId: number, body: Buffer | string, type = 'text/csv', query = '') =>
  agent.post(`/api/v1/vendors/${vendorId}/questionnaire-imports${query}`).set('Content-Type', type).send(body);

describe('importing a CAIQ v4 sheet', () => {
  it.each([
    ['XLSX', 'caiq-v4.xlsx', XLSX_TYPE],
    ['CSV', 'caiq-v4.csv', 'text/csv'],
  ])(
    'from %s: every answer kept as text, IAM-14.1 written as the admins’ MFA (the weakest method named) and SEF-07.2 as the days to notify, both self-attested from their answer; the inventory read but not stored',
    async (_k, file, type) => {
      const { http, vendorId } = await withVendor();
      const res = await post(http, vendorId, fixture(file), type, '?fileName=northwind-caiq.xlsx');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.import).toMatchObject({
        vendorId,
        format: 'caiq',
        fileName: 'northwind-caiq.xlsx',
        answerCount: 14,
        mappedCount: 3,
        knownFrom: '2026-11-29',
      });
      expect(res.body.import.sheetName).toBe(file.endsWith('.xlsx') ? 'CAIQv4.0.2' : null);
      const byId = Object.fromEntries(res.body.facts.map((f: { questionId: string }) => [f.questionId, f]));
      expect(byId['IAM-14.1']).toMatchObject({ fact: 'mfa', target: 'admins', outcome: 'written', value: { method: 'push-number-matching', enforced: true } });
      expect(byId['IAM-14.1'].source).toEqual({ kind: 'questionnaire-import', importId: res.body.import.id, questionId: 'IAM-14.1' });
      expect(byId['SEF-07.2']).toMatchObject({ fact: 'commitment', value: 3, outcome: 'written' });
      expect(byId['STA-07.1']).toMatchObject({ fact: 'supply-chain', value: true, outcome: 'not-stored' });

      const mfa = await http.get(`/api/v1/vendors/${vendorId}/mfa`);
      expect(mfa.body.items).toEqual([
        expect.objectContaining({
          population: 'admins',
          method: 'push-number-matching',
          enforced: true,
          evidence: 'attestation',
          source: { kind: 'questionnaire-import', importId: res.body.import.id, questionId: 'IAM-14.1' },
          assessedOn: '2026-11-29',
          knownFrom: '2026-11-29',
          confidence: 'self-attested',
        }),
      ]);
      expect((await http.get(`/api/v1/vendors/${vendorId}/commitments`)).body.items).toEqual([
        {
          vendorId,
          field: 'notifyWithinDays',
          value: 3,
          confidence: 'self-attested',
          source: { kind: 'questionnaire-import', importId: res.body.import.id, questionId: 'SEF-07.2' },
          knownFrom: '2026-11-29',
          updatedAt: expect.any(String),
        },
      ]);

      const detail = await http.get(`/api/v1/questionnaire-imports/${res.body.import.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.answers).toHaveLength(14);
      expect(detail.body.answers[0]).toMatchObject({
        questionId: 'A&A-01.1',
        answer: 'Yes',
        answerKind: 'yes',
        mapping: null,
        extra: { 'SSRM Control Ownership': 'CSP-owned' },
      });
      expect(detail.body.answers.find((a: { questionId: string }) => a.questionId === 'TVM-07.1')).toMatchObject({
        answer: 'No',
        detail: expect.stringContaining('Quarterly external scans'),
      });
      const page = await http.get(`/api/v1/questionnaire-imports/${res.body.import.id}?offset=12&limit=5`);
      expect(page.body.answers.map((a: { questionId: string }) => a.questionId)).toEqual(['STA-08.1', 'TVM-07.1']);
      expect(page.body.answersTotal).toBe(14);

      const list = await http.get(`/api/v1/vendors/${vendorId}/questionnaire-imports`);
      expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([res.body.import.id]);
      const audit = await http.get('/api/v1/audit?entity=questionnaire-import');
      expect(audit.body.items).toEqual([expect.objectContaining({ action: 'import', entityId: res.body.import.id, vendorId, actor: 'admin@example.com' })]);
    },
  );

  it('keeps a record resting on an audit report, and a bare Yes never replaces a record', async () => {
    const { http, vendorId } = await withVendor();
    await http.put(`/api/v1/vendors/${vendorId}/mfa`).send({ items: [mfaItem({ population: 'admins', method: 'sms', evidence: 'audit-report' })] });
    const res = await post(http, vendorId, CAIQ_CSV);
    expect(res.status).toBe(201);
    expect(res.body.facts.find((f: { questionId: string }) => f.questionId === 'IAM-14.1')).toMatchObject({
      outcome: 'kept-on-record',
      detail: expect.stringContaining('independent evidence'),
    });
    expect((await http.get(`/api/v1/vendors/${vendorId}/mfa`)).body.items[0]).toMatchObject({ method: 'sms', evidence: 'audit-report' });

    const bare = CAIQ_CSV.replace(/Okta Verify push with number matching[^"]*/, 'MFA is in place.');
    const t2 = await withVendor();
    await t2.http.put(`/api/v1/vendors/${t2.vendorId}/mfa`).send({ items: [mfaItem({ population: 'admins', method: 'totp', evidence: 'public-statement' })] });
    const r2 = await post(t2.http, t2.vendorId, bare);
    expect(r2.body.facts.find((f: { questionId: string }) => f.questionId === 'IAM-14.1')).toMatchObject({
      outcome: 'kept-on-record',
      value: { method: 'sms', enforced: true },
    });
    expect((await t2.http.get(`/api/v1/vendors/${t2.vendorId}/mfa`)).body.items[0]).toMatchObject({ method: 'totp' });
  });

  it('takes knownFrom as given, and refuses one in the future', async () => {
    const { http, db, vendorId } = await withVendor();
    const res = await post(http, vendorId, CAIQ_CSV, 'text/csv', '?knownFrom=2026-10-01');
    expect(res.body.import.knownFrom).toBe('2026-10-01');
    expect((await http.get(`/api/v1/vendors/${vendorId}/mfa`)).body.items[0]).toMatchObject({ knownFrom: '2026-10-01', assessedOn: '2026-10-01' });
    const future = await expectNoWrite(db, () => post(http, vendorId, CAIQ_CSV, 'text/csv', '?knownFrom=2027-01-01'));
    expectProblem(future, 400, 'validation-failed');
    expect(failingPaths(future)).toEqual(['query.knownFrom']);
  });
});

describe('the days to notify from an imported sheet', () => {
  const notify = (c: { body: { items: Array<{ field: string }> } }) => c.body.items.find((x) => x.field === 'notifyWithinDays');
  const sef = (res: { body: { facts: Array<{ questionId: string }> } }) => res.body.facts.find((f) => f.questionId === 'SEF-07.2');

  it('replaces a self-attested commitment from an earlier sheet; one that agrees is kept as it is', async () => {
    const { http, vendorId } = await withVendor();
    const first = await post(http, vendorId, CAIQ_CSV.replace('72 hours', '96 hours'), 'text/csv', '?knownFrom=2026-11-01');
    expect(sef(first)).toMatchObject({ value: 4, outcome: 'written' });
    const second = await post(http, vendorId, CAIQ_CSV);
    expect(sef(second)).toMatchObject({ value: 3, outcome: 'written' });
    expect(notify(await http.get(`/api/v1/vendors/${vendorId}/commitments`))).toMatchObject({
      value: 3,
      knownFrom: '2026-11-29',
      source: { importId: second.body.import.id },
    });
    const third = await post(http, vendorId, CAIQ_CSV);
    expect(sef(third)).toMatchObject({ value: 3, outcome: 'kept-on-record', detail: expect.stringContaining('agrees') });
    expect(notify(await http.get(`/api/v1/vendors/${vendorId}/commitments`))).toMatchObject({ source: { importId: second.body.import.id } });
  });

  it('keeps a commitment known from a later day than the sheet, and one an analyst recorded', async () => {
    const { http, deps, vendorId } = await withVendor();
    await post(http, vendorId, CAIQ_CSV);
    const older = await post(http, vendorId, CAIQ_CSV.replace('72 hours', '10 days'), 'text/csv', '?knownFrom=2026-10-01');
    expect(sef(older)).toMatchObject({ value: 10, outcome: 'kept-on-record', detail: expect.stringContaining('later day') });
    deps.store.commitments.put({
      vendorId,
      field: 'notifyWithinDays',
      value: 1,
      confidence: 'recorded',
      source: null,
      knownFrom: '2026-11-29',
      updatedAt: '2026-11-29T00:00:00.000Z',
    });
    const again = await post(http, vendorId, CAIQ_CSV.replace('72 hours', '5 days'));
    expect(sef(again)).toMatchObject({ value: 5, outcome: 'kept-on-record', detail: expect.stringContaining('analyst recorded') });
    expect(notify(await http.get(`/api/v1/vendors/${vendorId}/commitments`))).toMatchObject({ value: 1, confidence: 'recorded', source: null });
  });

  it('stores nothing for a Yes naming no period, and says so', async () => {
    const { http, vendorId } = await withVendor();
    const res = await post(http, vendorId, CAIQ_CSV.replace('no later than 72 hours after a breach is confirmed', 'promptly'));
    expect(sef(res)).toMatchObject({ value: null, outcome: 'not-stored', detail: expect.stringContaining('no number of days') });
    expect((await http.get(`/api/v1/vendors/${vendorId}/commitments`)).body.items).toEqual([]);
  });
});

describe('importing a SIG Lite sheet', () => {
  it.each([
    ['XLSX', 'sig-lite.xlsx', XLSX_TYPE],
    ['CSV', 'sig-lite.csv', 'text/csv'],
  ])('from %s: questions found by what they ask; section rows skipped; admins TOTP, contractors a bare Yes (SMS)', async (_k, file, type) => {
    const { http, vendorId } = await withVendor();
    const res = await post(http, vendorId, fixture(file), type);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.import).toMatchObject({ format: 'sig', answerCount: 9, mappedCount: 4 });
    const mfa = (await http.get(`/api/v1/vendors/${vendorId}/mfa`)).body.items;
    expect(mfa).toEqual([
      expect.objectContaining({
        population: 'admins',
        method: 'totp',
        enforced: true,
        confidence: 'self-attested',
        source: { kind: 'questionnaire-import', importId: res.body.import.id, questionId: 'SL.75' },
      }),
      expect.objectContaining({
        population: 'contractors',
        method: 'sms',
        enforced: true,
        confidence: 'self-attested',
        source: { kind: 'questionnaire-import', importId: res.body.import.id, questionId: 'SL.77' },
      }),
    ]);
    expect(res.body.facts.find((f: { questionId: string }) => f.questionId === 'SL.103')).toMatchObject({ value: 2, outcome: 'written' });
    expect((await http.get(`/api/v1/vendors/${vendorId}/commitments`)).body.items).toEqual([
      expect.objectContaining({
        field: 'notifyWithinDays',
        value: 2,
        confidence: 'self-attested',
        source: { kind: 'questionnaire-import', importId: res.body.import.id, questionId: 'SL.103' },
      }),
    ]);
  });

  it('with --format caiq forced, a SIG sheet is refused naming what is missing', async () => {
    const { http, db, vendorId } = await withVendor();
    const res = await expectNoWrite(db, () => post(http, vendorId, fixture('sig-lite.csv'), 'text/csv', '?format=caiq'));
    expectProblem(res, 422, 'questionnaire-columns');
  });
});

describe('bad input writes nothing', () => {
  const unknownColumns = CAIQ_CSV.replace('CCM Domain Title', 'Risk Rating');
  const bomb = zipWithLies([
    ...Object.entries(workbookEntries([{ name: 'CAIQ', rows: csvRows(CAIQ_CSV) }])).map(([name, text]) => ({ name, data: Buffer.from(text) })),
    // 64 MB of spaces deflate to about 64 KB, and claim to be 1 KB.
    { name: 'xl/worksheets/sheet2.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 1024 },
  ]);
  const cases: Array<[string, Buffer | string, string, number, string, string[]?]> = [
    ['a CAIQ sheet with an unknown column', unknownColumns, 'text/csv', 422, 'questionnaire-columns', ['columns.I']],
    [
      'an XLSX CAIQ sheet with an unknown column',
      xlsxOf([{ name: 'CAIQ', rows: csvRows(unknownColumns) }]),
      XLSX_TYPE,
      422,
      'questionnaire-columns',
      ['columns.I'],
    ],
    ['a CAIQ sheet missing its answer column', CAIQ_CSV.replace('CSP CAIQ Answer', ''), 'text/csv', 422, 'questionnaire-columns'],
    ['a sheet of no known format', 'Name,Website\nAcme,https://acme.example\n', 'text/csv', 422, 'questionnaire-columns', ['columns']],
    ['an empty file', '', 'text/csv', 422, 'questionnaire-unreadable'],
    ['a header without answers', CAIQ_CSV.split('\n').slice(0, 2).join('\n'), 'text/csv', 422, 'questionnaire-unreadable'],
    ['a workbook with only empty sheets', xlsxOf([{ name: 'Sheet1', rows: [] }]), XLSX_TYPE, 422, 'questionnaire-unreadable'],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), XLSX_TYPE, 400, 'bad-encoding'],
    ['a binary file that decodes as UTF-8', Buffer.from('Question ID\u0000\u0001\u0002'), 'application/octet-stream', 422, 'questionnaire-unreadable'],
    ['a zip that is not a workbook', zipWithLies([{ name: 'readme.txt', data: Buffer.from('hello') }]), XLSX_TYPE, 422, 'questionnaire-unreadable'],
    ['a truncated XLSX', fixture('caiq-v4.xlsx').subarray(0, 2000), XLSX_TYPE, 422, 'questionnaire-unreadable'],
    ['a zip bomb (sizes lie)', bomb, XLSX_TYPE, 413, 'payload-too-large'],
    ['a CAIQ id answered twice', `${CAIQ_CSV}IAM-14.1,Again?,No,,,,,,\n`, 'text/csv', 422, 'questionnaire-rows-invalid', ['rows.17.questionId']],
    ['an id that is not a CAIQ v4 id', CAIQ_CSV.replace('TVM-07.1', 'TVM 7'), 'text/csv', 422, 'questionnaire-rows-invalid', ['rows.16.questionId']],
  ];
  it.each(cases)('%s', async (_what, body, type, status, code, paths) => {
    const { http, db, vendorId } = await withVendor();
    const res = await expectNoWrite(db, () => post(http, vendorId, body, type));
    expectProblem(res, status, code);
    if (paths) expect(failingPaths(res)).toEqual(paths);
  });

  it('names the unknown and missing columns in words', async () => {
    const { http, vendorId } = await withVendor();
    const res = await post(http, vendorId, unknownColumns.replace('Question ID', 'Control'));
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'columns.I', message: 'unknown column “Risk Rating” in a CAIQ v4 sheet' },
        expect.objectContaining({ path: 'columns.A' }),
      ]),
    );
  });

  it('refuses a body over 10 MB with 413', async () => {
    const { http, db, vendorId } = await withVendor();
    const res = await expectNoWrite(db, () => post(http, vendorId, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)));
    expectProblem(res, 413, 'payload-too-large');
  });

  it('answers 404 for an unknown vendor or import, 415 for a JSON body, 403 for a viewer', async () => {
    const { http, db, as, vendorId } = await withVendor();
    const viewer = as('viewer');
    await expectNoWrite(db, async () => {
      expectProblem(await post(http, 999, CAIQ_CSV), 404, 'vendor-not-found');
      expectProblem(await http.get('/api/v1/vendors/999/questionnaire-imports'), 404, 'vendor-not-found');
      expectProblem(await http.get('/api/v1/questionnaire-imports/999'), 404, 'questionnaire-import-not-found');
      expectProblem(await post(http, vendorId, '{}', 'application/json'), 415, 'unsupported-media-type');
      expectProblem(await post(viewer, vendorId, CAIQ_CSV), 403, 'forbidden');
    });
    // A viewer reads them.
    await post(http, vendorId, CAIQ_CSV);
    expect((await viewer.get(`/api/v1/vendors/${vendorId}/questionnaire-imports`)).body.items).toHaveLength(1);
  });

  // The MFA record is written before the commitment: a failing commitment proves the record is rolled back with it.
  it.each(['mfa', 'commitment'] as const)('leaves nothing behind when a fact cannot be written (%s; one transaction)', async (which) => {
    const { http, db, deps, vendorId } = await withVendor();
    const { putRecord } = deps.mfa;
    const { put } = deps.commitments;
    const fail = () => {
      throw new Error('disk full');
    };
    if (which === 'mfa') deps.mfa.putRecord = fail;
    else deps.commitments.put = fail;
    try {
      await expectNoWrite(db, async () => expect((await post(http, vendorId, CAIQ_CSV)).status).toBe(500));
    } finally {
      deps.mfa.putRecord = putRecord;
      deps.commitments.put = put;
    }
  });
});
