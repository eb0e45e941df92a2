/** `npm run vendorscope -- verify-scores`: recomputes every score and compares with what is kept. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';

describe('npm run vendorscope -- verify-scores', () => {
  it('exits 0 when what is kept agrees, 1 with the disagreements when a kept row was altered, and catches up a hand-written fact', () => {
    const env = { DB_PATH: join(dir, 'v.sqlite'), VENDORSCOPE_DEMO: 'off' };
    const csv = join(dir, 'vendors.csv');
    writeFileSync(csv, `${HEADER}\nAlpha,identity provider,,1,confidential,admin,,,,\nBravo,cat,,2,none,user,,,,\n`);
    expect(runMain(['import', 'vendors', csv], env).status).toBe(0);

    const ok = runMain(['verify-scores'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('2 vendor(s) checked, 0 disagreement(s)');

    // A hand edit of a kept row (no trigger marks it: only verify can tell).
    const db = new Database(env.DB_PATH);
    db.prepare(
      "UPDATE kept_scores SET score = json_set(score, '$.risk', 99.9), risk = 99.9 WHERE vendor_id = (SELECT id FROM vendors WHERE name = 'Alpha')",
    ).run();
    db.close();
    const bad = runMain(['verify-scores'], env);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/vendor \d+ \(Alpha\): kept risk 99\.9/);
    expect(bad.stdout).toContain('1 disagreement(s)');

    // A fact written by hand is marked stale by its trigger, and caught up by the next process that
    // opens the database (its first transaction recomputes a small stale set): no disagreement.
    const db2 = new Database(env.DB_PATH);
    db2.prepare("UPDATE vendors SET tier = 3 WHERE name = 'Bravo'").run();
    db2.close();
    const after = runMain(['verify-scores'], env);
    expect(after.stdout).not.toContain('Bravo');
    expect(after.stdout).toContain('1 disagreement(s)');
    expect(runMain(['verify-scores', '--bogus'], env).status).toBe(2);
  });
});
