import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../web/api/api-error.ts';
import type { Job, RestoreResult, VendorImport, VerisImport } from '../../web/api/client.ts';
import {
  attributionParts,
  csvProblems,
  importButtonLabel,
  isImportRefusal,
  jobResult,
  pollJob,
  progressText,
  refuseIfErrors,
  refusalText,
  restoreCounts,
  settle,
  sleep,
  vendorImportSummary,
  verisContentType,
  verisProblems,
  verisButtonLabel,
  verisSummary,
} from '../../web/imports.ts';

const job = (o: Partial<Job> = {}): Job => ({
  id: 'job_1',
  kind: 'vendors-csv',
  state: 'running',
  done: 0,
  total: 2400,
  errors: [],
  errorsTotal: 0,
  result: null,
  startedAt: '2024-01-01T00:00:00.000Z',
  finishedAt: null,
  ...o,
});

const report = (o: Partial<VendorImport> = {}): VendorImport => ({
  dryRun: true,
  created: 3,
  updated: 1,
  unchanged: 2,
  duplicates: 0,
  invalid: 0,
  rows: [],
  errors: [],
  errorsTotal: 0,
  skipped: [],
  skippedTotal: 0,
  expectVersions: '',
  ...o,
});
const veris = (o: Partial<VerisImport> = {}): VerisImport => ({
  dryRun: false,
  created: 2,
  updated: 1,
  vendorsCreated: 1,
  invalid: 0,
  errors: [],
  errorsTotal: 0,
  skipped: [],
  skippedTotal: 0,
  warnings: [],
  warningsTotal: 0,
  ...o,
});

describe('verisContentType', () => {
  it('sends .ndjson and .jsonl as NDJSON, anything else as JSON', () => {
    expect(verisContentType('vcdb.ndjson')).toBe('application/x-ndjson');
    expect(verisContentType('EXPORT.JSONL')).toBe('application/x-ndjson');
    expect(verisContentType('one.json')).toBe('application/json');
    expect(verisContentType('incidents.ndjson.json')).toBe('application/json');
    expect(verisContentType('pasted text')).toBe('application/json');
  });
});

describe('problems as table rows', () => {
  it('reads the CSV importer’s rows and columns; row 1 is the header, no row is the whole file', () => {
    expect(
      csvProblems([
        { path: 'rows.4.tier', row: 4, column: 'tier', message: 'expected 1 to 4' },
        { path: 'rows.1.colour', row: 1, column: 'colour', message: 'unknown column' },
        { path: 'rows.7', row: 7, column: null, message: 'has 3 cells; the header has 5' },
        { path: '', message: 'the body is empty' },
      ]),
    ).toEqual([
      { where: 'row 4', field: 'tier', message: 'expected 1 to 4' },
      { where: 'row 1 (header)', field: 'colour', message: 'unknown column' },
      { where: 'row 7', field: '', message: 'has 3 cells; the header has 5' },
      { where: 'whole file', field: '', message: 'the body is empty' },
    ]);
  });

  it('names a VERIS record by its place and incident id, the path within it, and NDJSON lines', () => {
    expect(
      verisProblems([
        { path: 'records.2.timeline.incident.year', index: 2, id: 'ABC-1', message: 'required' },
        { path: 'records.0', index: 0, id: null, message: 'expected a VERIS incident object' },
        { path: 'lines.7', line: 7, message: 'not valid JSON' },
        { path: '', message: 'no records' },
      ]),
    ).toEqual([
      { where: 'record 3 (ABC-1)', field: 'timeline.incident.year', message: 'required' },
      { where: 'record 1', field: '', message: 'expected a VERIS incident object' },
      { where: 'line 7', field: '', message: 'not valid JSON' },
      { where: 'whole file', field: '', message: 'no records' },
    ]);
  });

  it('names a record by its file and place when several files were sent', () => {
    const place = (i: number) => (i < 2 ? `a.json, record ${i + 1}` : `b.ndjson, record ${i - 1}`);
    expect(
      verisProblems(
        [
          { path: 'records.2.timeline.incident.year', index: 2, id: 'ABC-1', message: 'not usable' },
          { path: 'lines.4', line: 4, index: 3, message: 'not valid JSON' },
        ],
        place,
      ),
    ).toEqual([
      { where: 'b.ndjson, record 1 (ABC-1)', field: 'timeline.incident.year', message: 'not usable' },
      { where: 'b.ndjson, record 2', field: '', message: 'not valid JSON' },
    ]);
  });
});

describe('results in words', () => {
  it('says what a dry run would do and what an import did, and labels the button by the rows it writes', () => {
    expect(vendorImportSummary(report())).toBe('3 vendors to create, 1 to update, 2 unchanged.');
    expect(vendorImportSummary(report({ dryRun: false, created: 1, updated: 0, unchanged: 1200 }))).toBe('1 vendor created, 0 updated, 1,200 unchanged.');
    expect(importButtonLabel(report())).toBe('Import 4 vendors');
    expect(importButtonLabel(report({ created: 1, updated: 0 }))).toBe('Import 1 vendor');
    expect(verisSummary(veris())).toBe('2 incidents created, 1 updated; 1 new vendor (not engaged).');
    expect(verisSummary(veris({ created: 0, vendorsCreated: 0 }))).toBe('0 incidents created, 1 updated; no new vendor.');
  });

  it('counts possible duplicates and invalid rows, and offers "the N valid rows" when some are not', () => {
    const dup = { row: 3, action: 'duplicate' as const, name: 'Duo Alt', vendorId: null, duplicateOf: { vendorId: 4, name: 'Cisco Duo', domain: 'duo.com' } };
    const rows = [{ row: 2, action: 'create' as const, name: 'A', vendorId: null }, dup];
    const withDup = report({ created: 1, updated: 0, unchanged: 0, duplicates: 1, rows });
    expect(vendorImportSummary(withDup)).toBe('1 vendor to create, 0 to update, 0 unchanged; 1 possible duplicate.');
    expect(importButtonLabel(withDup)).toBe('Import 1 vendor');
    expect(importButtonLabel(withDup, 'skip')).toBe('Import 1 vendor');
    expect(importButtonLabel(withDup, 'create')).toBe('Import 2 vendors');
    const someBad = report({ created: 1, updated: 0, unchanged: 1, invalid: 2, rows: [rows[0]!, { row: 4, action: 'unchanged', name: 'B', vendorId: 1 }] });
    expect(importButtonLabel(someBad)).toBe('Import the 2 valid rows');
    expect(vendorImportSummary(someBad)).toBe('1 vendor to create, 0 to update, 1 unchanged; 2 invalid rows to leave out.');
    expect(vendorImportSummary({ ...someBad, dryRun: false })).toBe('1 vendor created, 0 updated, 1 unchanged; 2 invalid rows left out.');
  });

  it('says what VERIS files would do, with their warnings and invalid records, and labels the button', () => {
    const dry = veris({ dryRun: true, warningsTotal: 3, invalid: 1 });
    expect(verisSummary(dry)).toBe('2 incidents to create, 1 to update; 1 new vendor (not engaged); 3 warnings; 1 invalid record to leave out.');
    expect(verisButtonLabel(dry)).toBe('Import the 3 valid records');
    expect(verisButtonLabel(veris({ dryRun: true, created: 1, updated: 0 }))).toBe('Import 1 record');
  });

  it('lists a restore’s counts in a fixed order, a kind it does not know last, named after its key', () => {
    const r = {
      mode: 'merge',
      newThings: 5,
      reports: 2,
      vendors: 34,
      incidents: 40,
      subprocessors: 12,
      mfaRecords: 50,
      postureFacts: 3,
      methodologyVersions: 1,
      snapshots: 8,
    };
    expect(restoreCounts(r as unknown as RestoreResult)).toEqual([
      ['Vendors', 34],
      ['Incidents', 40],
      ['Subprocessors', 12],
      ['MFA records', 50],
      ['Posture facts', 3],
      ['Methodology versions', 1],
      ['Quarter snapshots', 8],
      ['Reports', 2],
      ['New Things', 5],
    ]);
  });

  it('tells progress, then how the job ended', () => {
    expect(progressText(job({ done: 1000 }), 'row')).toBe('Working: 1,000 of 2,400 rows (41%).');
    expect(progressText(job({ done: 0, total: 0 }), 'record')).toBe('Working: 0 of 0 records (0%).');
    expect(progressText(job({ state: 'succeeded', done: 2400 }), 'row')).toBe('Finished: 2,400 of 2,400 rows.');
    expect(progressText(job({ state: 'failed', done: 500, total: 1 }), 'record')).toBe('Stopped after 500 of 1 record; nothing was written.');
  });
});

describe('waiting for a job', () => {
  const noWait = () => Promise.resolve();

  it('asks until the job is no longer running, reporting every state seen', async () => {
    const states = [job({ done: 500 }), job({ done: 1500 }), job({ state: 'succeeded', done: 2400, result: report() })];
    const get = vi.fn(() => Promise.resolve(states.shift()!));
    const seen: number[] = [];
    const last = await pollJob(get, job(), { wait: noWait, onProgress: (j) => seen.push(j.done) });
    expect(last.state).toBe('succeeded');
    expect(seen).toEqual([0, 500, 1500, 2400]);
    expect(get).toHaveBeenCalledTimes(3);
    expect(get).toHaveBeenCalledWith('job_1');
  });

  it('does not ask for a job that has already ended', async () => {
    const get = vi.fn();
    expect((await pollJob(get, job({ state: 'failed' }), { wait: noWait })).state).toBe('failed');
    expect(get).not.toHaveBeenCalled();
  });

  it('stops on abort, between two questions', async () => {
    const ctl = new AbortController();
    const get = vi.fn(() => Promise.resolve(job({ done: 100 })));
    const run = pollJob(get, job(), { signal: ctl.signal, intervalMs: 10_000 });
    ctl.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(get).not.toHaveBeenCalled();
  });

  it('sleep resolves after its time and rejects at once if already aborted', async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    const ctl = new AbortController();
    ctl.abort();
    await expect(sleep(10_000, ctl.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('settles an inline result at once, and a job into its result or the refusal a small import gets', async () => {
    expect(await settle({ kind: 'done', result: 7 }, vi.fn())).toBe(7);
    // The server keeps a job's problems beside its result, not inside it; the settled result has them back.
    const { errors: _e, errorsTotal: _t, ...kept } = report({ created: 1200 });
    const done = job({ state: 'succeeded', result: kept, errors: [], errorsTotal: 0 });
    expect(await settle<VendorImport>({ kind: 'job', job: job() }, () => Promise.resolve(done), { wait: noWait })).toEqual({
      ...report({ created: 1200 }),
      errors: [],
      errorsTotal: 0,
    });

    const failed = job({ state: 'failed', errors: [{ path: 'rows.5.tier', row: 5, column: 'tier', message: 'bad' }] });
    const refusal = (() => {
      try {
        jobResult(failed);
      } catch (e) {
        return e;
      }
    })();
    expect(isImportRefusal(refusal)).toBe(true);
    expect((refusal as ApiError).fields).toEqual(failed.errors);
    // The message counts every problem, not only the 1,000 listed.
    expect(() => jobResult({ ...failed, errorsTotal: 4321 })).toThrow(expect.objectContaining({ message: '4,321 problem(s) found; nothing was written.' }));
    // Rows refused only as possible duplicates are the conflict an inline import gets (409).
    const dupJob = job({
      state: 'failed',
      errors: [{ path: 'rows.3.website', row: 3, column: 'website', message: 'possible duplicate of Cisco Duo', duplicateOf: { vendorId: 4 } }],
    });
    expect(() => jobResult(dupJob)).toThrow(expect.objectContaining({ status: 409, code: 'import-possible-duplicates' }));
    expect(isImportRefusal(new ApiError(409, 'import-possible-duplicates', 'x'))).toBe(true);
    expect(() => jobResult(job({ state: 'failed', errors: [{ path: '', message: 'The import failed on the server; nothing was written.' }] }))).toThrow(
      expect.objectContaining({ status: 500, code: 'import-failed', message: 'The import failed on the server; nothing was written.' }),
    );
  });

  it('turns a dry run that lists problems into a refusal, and passes a clean one through', () => {
    const clean = report();
    expect(refuseIfErrors(clean)).toBe(clean);
    expect(() => refuseIfErrors(report({ errors: [{ path: 'rows.2.name', row: 2, column: 'name', message: 'required' }] }))).toThrow(
      expect.objectContaining({ status: 400, code: 'import-invalid', message: '1 problem(s) found; nothing was written.' }),
    );
    expect(isImportRefusal(new ApiError(400, 'validation-failed', 'x'))).toBe(false);
    const two = new ApiError(400, 'import-invalid', 'x', [
      { path: 'rows.2', message: 'a' },
      { path: 'rows.3', message: 'b' },
    ]);
    expect(refusalText('bad.csv', two)).toBe('bad.csv was refused: 2 problems, listed below; nothing was written.');
  });
});

describe('attributionParts', () => {
  it('splits the address off the credit so it can be a link', () => {
    expect(
      attributionParts('VERIS Community Database (VCDB), Verizon RISK Team and contributors, licensed CC BY-SA 4.0 (https://github.com/vz-risk/VCDB)'),
    ).toEqual({
      text: 'VERIS Community Database (VCDB), Verizon RISK Team and contributors, licensed CC BY-SA 4.0',
      url: 'https://github.com/vz-risk/VCDB',
    });
    expect(attributionParts('Someone, CC BY 4.0 (https://example.org/x).')).toEqual({ text: 'Someone, CC BY 4.0', url: 'https://example.org/x' });
    expect(attributionParts(' Plain credit ')).toEqual({ text: 'Plain credit', url: null });
  });
});
