/**
 * `npm run vendorscope -- questionnaire import-caiq FILE --vendor ID`: exit 0 imported, 1 refused
 * with the problems printed and nothing written, 2 bad usage. One real process on a real SQLite
 * file; the rest in-process with the test clock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../server/cli/commands.ts';
import { runMain } from '../../helpers/process.ts';
import { fingerprint } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/questionnaires');
const dir = mkdtempSync(join(tmpdir(), 'vs-caiq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody());
  const lines: string[] = [];
  const out = { line: (s: string) => lines.push(s), raw: (s: string) => lines.push(s), progress: () => {} };
  const before = fingerprint(t.db);
  const status = await runCommand(t.deps, ['questionnaire', ...args], out);
  return { status, stdout: lines.join('\n'), wrote: fingerprint(t.db) !== before, deps: t.deps };
}

describe('questionnaire import-caiq, as a real process', () => {
  it('imports the CAIQ v4 workbook into the database at DB_PATH and exits 0', () => {
    const env = { DB_PATH: join(dir, 'cli.sqlite') };
    // An empty database has no vendor 1: refused, exit 1.
    const none = runMain(['questionnaire', 'import-caiq', join(FIXTURES, 'caiq-v4.xlsx'), '--vendor', '1'], env);
    expect(none.status, none.stderr).toBe(1);
    expect(none.stdout).toContain('nothing was written: No vendor with id 1.');
    expect(runMain(['seed'], env).status).toBe(0);
    const r = runMain(['questionnaire', 'import-caiq', join(FIXTURES, 'caiq-v4.xlsx'), '--vendor', '1', '--known-from', '2026-01-15'], env);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^imported a CAIQ v4 sheet as import 1 for vendor 1: 14 answers kept, 3 mapped to facts \(known from 2026-01-15\)/);
    expect(r.stdout).toContain('IAM-14.1 → MFA · admins: push with number matching');
  });
});

describe('questionnaire import-caiq', () => {
  it('imports a SIG Lite CSV with --format sig (exit 0)', async () => {
    const r = await run(['import-caiq', join(FIXTURES, 'sig-lite.csv'), '--vendor', '1', '--format', 'sig']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('imported a SIG Lite sheet as import 1 for vendor 1: 9 answers kept, 4 mapped to facts (known from 2026-11-29)');
    expect(r.deps.questionnaireImports.list(1)[0]).toMatchObject({ fileName: 'sig-lite.csv', format: 'sig' });
  });

  it('refuses a sheet with unknown columns with exit 1, naming them, nothing written', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'Question ID,Question,CSP CAIQ Answer,Risk Rating\nIAM-14.1,MFA?,Yes,High\n');
    const r = await run(['import-caiq', file, '--vendor', '1']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('nothing was written: The CAIQ v4 sheet has columns that cannot be read');
    expect(r.stdout).toContain('  columns.D: unknown column “Risk Rating” in a CAIQ v4 sheet');
    expect(r.wrote).toBe(false);
  });

  it.each([
    ['a missing file', ['import-caiq', join(dir, 'nope.xlsx'), '--vendor', '1'], 'cannot be read (ENOENT)'],
    ['an unknown vendor', ['import-caiq', join(FIXTURES, 'caiq-v4.csv'), '--vendor', '42'], 'No vendor with id 42.'],
    ['a future --known-from', ['import-caiq', join(FIXTURES, 'caiq-v4.csv'), '--vendor', '1', '--known-from', '2030-01-01'], 'query.knownFrom: is after today'],
  ])('refuses %s with exit 1', async (_w, args, message) => {
    const r = await run(args);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(message);
    expect(r.wrote).toBe(false);
  });

  it.each([
    ['no subcommand', []],
    ['an unknown subcommand', ['import-sig', 'f.csv', '--vendor', '1']],
    ['no file', ['import-caiq', '--vendor', '1']],
    ['two files', ['import-caiq', 'a.csv', 'b.csv', '--vendor', '1']],
    ['no --vendor', ['import-caiq', 'a.csv']],
    ['a vendor that is not an id', ['import-caiq', 'a.csv', '--vendor', 'acme']],
    ['an unknown --format', ['import-caiq', 'a.csv', '--vendor', '1', '--format', 'sig-core']],
    ['a --known-from that is not a day', ['import-caiq', 'a.csv', '--vendor', '1', '--known-from', '2026-02-30']],
    ['an unknown option', ['import-caiq', 'a.csv', '--vendor', '1', '--dry-run']],
  ])('exits 2 with the usage for %s', async (_w, args) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('usage: npm run vendorscope -- questionnaire import-caiq FILE.xlsx|FILE.csv --vendor ID');
    expect(r.wrote).toBe(false);
  });
});
