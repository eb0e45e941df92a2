/**
 * Every data command reads its arguments strictly (node:util parseArgs, strict): an unknown flag
 * (`--dryrun`, a typo of `--dry-run`) or a stray argument is refused with the usage and exit 2,
 * and nothing is written; the flags as documented still work. In-process, on a `:memory:` app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCommand } from '../../../server/cli/commands.ts';
import { fingerprint } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-cli-args-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = join(dir, 'vendors.csv');
writeFileSync(CSV, 'name,category,website,tier,dataAccess,environmentAccess\nAcme Mail,email,https://acme.example,2,internal,user\n');

async function run(args: string[]) {
  const t = testApp();
  const lines: string[] = [];
  const out = { line: (s: string) => lines.push(s), raw: (s: string) => lines.push(s), progress: () => {} };
  const before = fingerprint(t.db);
  const status = await runCommand(t.deps, args, out);
  return { status, stdout: lines.join('\n'), wrote: fingerprint(t.db) !== before };
}

describe('the data commands’ arguments', () => {
  it('refuses a mistyped --dryrun with the usage, writing nothing (it used to run a real import)', async () => {
    const r = await run(['import', 'vendors', CSV, '--dryrun']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("Unknown option '--dryrun'");
    expect(r.stdout).toContain('usage: npm run vendorscope');
    expect(r.wrote).toBe(false);
  });

  it('still takes the documented flags: --dry-run writes nothing, then the import writes', async () => {
    const dry = await run(['import', 'vendors', CSV, '--dry-run', '--on-invalid', 'skip']);
    expect(dry.status, dry.stdout).toBe(0);
    expect(dry.stdout).toContain('dry run, would have created 1');
    expect(dry.wrote).toBe(false);
    const real = await run(['import', 'vendors', '--on-duplicate=skip', CSV]);
    expect(real.status, real.stdout).toBe(0);
    expect(real.stdout).toContain('created 1');
    expect(real.wrote).toBe(true);
  });

  it('refuses a bad value, a missing value, a second file and an option of another command', async () => {
    for (const args of [
      ['import', 'vendors', CSV, '--on-invalid', 'ignore'],
      ['import', 'vendors', CSV, '--on-invalid'],
      ['import', 'vendors', CSV, CSV],
      ['import', 'veris', CSV, '--on-duplicate', 'skip'],
      ['export', '--out'],
      ['export', '--out', join(dir, 'x.json'), '--mode', 'merge'],
      ['restore', join(dir, 'x.json'), '--mode', 'sideways'],
      ['report', '--quarter', '2023-Q4', '--fromat', 'md'],
      ['backup', '--out', join(dir, 'b.sqlite'), '--force'],
      ['verify-scores', '--all'],
    ]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toContain('usage: npm run vendorscope');
      expect(r.wrote, args.join(' ')).toBe(false);
    }
  });

  it('reads the backtest’s options the same way: a typo or a stray argument is refused with exit 2', async () => {
    for (const args of [
      ['backtest', '--polcy', '1.0.0'],
      ['backtest', '2019-Q1'],
      ['backtest', '--from'],
    ]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toContain('usage: npm run vendorscope -- backtest');
    }
  });

  it('refuses any unknown --flag on an import, whatever its name (property)', async () => {
    const known = new Set(['dry-run', 'on-invalid', 'on-duplicate']);
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z][a-z-]{0,15}$/).filter((f) => !known.has(f)),
        async (flag) => {
          const r = await run(['import', 'vendors', CSV, `--${flag}`]);
          expect(r.status).toBe(2);
          expect(r.wrote).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  });
});
