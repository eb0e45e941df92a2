/**
 * `npm run vendorscope -- backtest`: the demo portfolio's tables exactly as docs/METHODOLOGY.md
 * carries them (a real process), the policy named as a version, a decay policy or both, JSON for
 * scripts, and a clear message with exit code 1 for too few events or a bad range, 2 for bad options.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { section } from '../../helpers/methodology-doc.ts';
import { runMain } from '../../helpers/process.ts';
import { demoApp } from '../../helpers/demo.ts';
import { runCommand } from '../../../server/cli/commands.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-backtest-'));
const db = { DB_PATH: join(dir, 'demo.sqlite') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  expect(runMain(['seed'], db).status).toBe(0);
});

describe('npm run vendorscope -- backtest', () => {
  it('prints the tables docs/METHODOLOGY.md shows for the demo portfolio, then what each policy’s figures say', () => {
    const r = runMain(['backtest', '--policy', '1.0.0,long-memory,short-penalty', '--policy', 'peer-half-life', '--from', '2019-Q1', '--to', '2025-Q3'], db);
    expect(r.status, r.stderr).toBe(0);
    const doc = section(readFileSync(join(PROJECT_ROOT, 'docs', 'METHODOLOGY.md'), 'utf8'), 'backtest')!;
    const tables = doc.split('\n\nWhat the figures of the default')[0]!;
    expect(r.stdout.startsWith(`${tables}\n`)).toBe(true);
    for (const p of ['long-memory', 'short-penalty', 'peer-half-life']) expect(r.stdout).toContain(`What the figures say (2.0.0 ${p}):`);
    expect(r.stdout).toMatch(/- Likelihood (beats|does not beat) the prior incidents baseline/);
  });

  it('refuses too few events with a message and exit code 1', () => {
    const few = runMain(['backtest', '--from', '2025-Q2', '--to', '2025-Q3'], db);
    expect(few.status).toBe(1);
    expect(few.stdout).toMatch(/^backtest: The backtest needs at least 20 vendor-quarters .* 2025-Q2 to 2025-Q3 has \d+ and \d+\. Widen the range/);
    expect(few.stdout).not.toContain('npm run seed');
  });

  it('on a database with no vendors, says how to load the demo portfolio', () => {
    const empty = runMain(['backtest'], { DB_PATH: join(dir, 'empty.sqlite') });
    expect(empty.status).toBe(1);
    expect(empty.stdout).toContain('has 0 and 0');
    expect(empty.stdout).toContain('The database holds no vendors: `npm run seed` loads the demo portfolio.');
  });
});

/** The same command in-process, on the demo portfolio with the test clock (2026-11-29). */
async function run(args: string[]) {
  const { deps } = demoApp();
  const lines: string[] = [];
  const out = { line: (t: string) => lines.push(`${t}\n`), raw: (t: string) => lines.push(t), progress: () => {} };
  const status = await runCommand(deps, ['backtest', ...args], out);
  return { status, stdout: lines.join('') };
}

describe('the backtest command', () => {
  it('runs the methodology in force by default, up to the last quarter whose horizon has passed', async () => {
    const r = await run([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('quarter ends 2019-Q1 to 2025-Q3 (27)');
    expect(r.stdout).toContain('| 2.0.0 long-memory | likelihood |');
  });

  it('takes a version under another decay policy (VERSION/DECAY) and answers JSON', async () => {
    const r = await run(['--policy', '1.0.0/short-penalty', '--to', '2024-Q4', '--horizon-days', '180', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ methodologyVersion: '1.0.0', decay: 'short-penalty', horizonDays: 180, to: '2024-Q4' });
  });

  it.each([
    [['--to', '2030-Q1'], /--to: must be 2025-Q3 or earlier/],
    [['--policy', '7.7.7'], /--policy: expected a methodology version \(2\.0\.0, 1\.0\.0\) or a decay policy \(long-memory, short-penalty, peer-half-life\)/],
    [['--policy', '1.0.0/forever'], /--policy: expected one of long-memory/],
    [['--from', '2025-Q3', '--to', '2025-Q1'], /--from: must not be after 2025-Q1/],
  ])('refuses %j with a message naming the option (exit code 1)', async (args, message) => {
    const r = await run(args);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(message);
  });

  it.each([[['--horizon-days', 'soon']], [['--from', '2019Q1']], [['--colour', 'red']], [['--format', 'xml']], [['--policy']]])(
    'prints its usage for %j (exit code 2)',
    async (args) => {
      const r = await run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('usage: npm run vendorscope -- backtest');
    },
  );
});
