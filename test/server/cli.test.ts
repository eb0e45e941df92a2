import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { ADMIN, ADMIN_ENV, runMain, signIn, startServer, stopServer } from '../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = (name: string) => ({ DB_PATH: join(dir, name), VENDORSCOPE_DEMO: 'off' });
const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';

describe('npm run vendorscope -- …', () => {
  it('imports vendors from CSV, with a dry run first, printing progress', () => {
    const csv = join(dir, 'vendors.csv');
    writeFileSync(csv, `${HEADER}\nAlpha,cat,,1,internal,none,,,,\nBravo,cat,,2,none,user,,,,\n`);
    const dry = runMain(['import', 'vendors', csv, '--dry-run'], env('csv.sqlite'));
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('dry run, would have created 2');
    expect(dry.stderr).toMatch(/vendors: \[#+\.*\] 2\/2 \(100%\)/);
    const real = runMain(['import', 'vendors', csv], env('csv.sqlite'));
    expect(real.stdout).toContain('created 2, updated 0');
  });

  it('refuses a bad CSV with its row errors and exit code 1', () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, `${HEADER}\nAlpha,cat,,9,internal,none,,,,\n`);
    const r = runMain(['import', 'vendors', csv], env('bad.sqlite'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('rows.2.tier');
  });

  it('leaves invalid rows out with --on-invalid skip, and possible duplicates with --on-duplicate skip, saying which', () => {
    const csv = join(dir, 'mixed.csv');
    writeFileSync(csv, `${HEADER}\nDuo,idp,https://duo.com,1,internal,none,,,,\n`);
    expect(runMain(['import', 'vendors', csv], env('mixed.sqlite')).status).toBe(0);
    writeFileSync(csv, `${HEADER}\nDuo Alt,idp,https://duo.com,3,internal,none,,,,\nGood,cat,,2,none,none,,,,\nBad,cat,,9,none,none,,,,\n`);
    const refused = runMain(['import', 'vendors', csv, '--on-invalid', 'skip'], env('mixed.sqlite'));
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('possible duplicate of Duo');
    const r = runMain(['import', 'vendors', '--on-invalid', 'skip', csv, '--on-duplicate', 'skip'], env('mixed.sqlite'));
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('created 1, updated 0, unchanged 0');
    expect(r.stdout).toContain('row 2 (Duo Alt): possible duplicate of Duo; skipped');
    expect(r.stdout).toContain('1 invalid row(s) left out:');
    expect(r.stdout).toContain('rows.4.tier');
    expect(runMain(['import', 'vendors', csv, '--on-invalid', 'maybe'], env('mixed.sqlite')).status).toBe(2);
  });

  it('imports a folder of VERIS records, then exports and restores without loss', () => {
    const veris = runMain(['import', 'veris', join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb')], env('veris.sqlite'));
    expect(veris.status, veris.stderr).toBe(0);
    expect(veris.stdout).toContain('created 155');
    expect(veris.stdout).toContain('4 warning(s): fields left out, the records imported without them');
    const out1 = join(dir, 'export1.json');
    expect(runMain(['export', '--out', out1], env('veris.sqlite')).status).toBe(0);
    const restored = runMain(['restore', out1], env('restored.sqlite'));
    expect(restored.stdout, restored.stderr).toContain('restored (empty)');
    const out2 = join(dir, 'export2.json');
    runMain(['export', '--out', out2], env('restored.sqlite'));
    const strip = (f: string) => ({ ...JSON.parse(readFileSync(f, 'utf8')), exportedAt: null });
    expect(strip(out2)).toEqual(strip(out1));
    expect(runMain(['restore', out1], env('restored.sqlite')).status).toBe(1); // not empty any more
    // A document whose incidents repeat one another: the record is named, nothing is restored, no stack trace.
    const doc = JSON.parse(readFileSync(out1, 'utf8')) as { incidents: unknown[] };
    const bad = join(dir, 'export-repeated.json');
    writeFileSync(bad, JSON.stringify({ ...doc, incidents: [...doc.incidents, { ...(doc.incidents[0] as object), id: 99_001 }] }));
    const refused = runMain(['restore', bad], env('refused.sqlite'));
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`incidents[${doc.incidents.length}]: repeats another record's`);
    expect(refused.stdout + refused.stderr).not.toMatch(/SqliteError|at .*\.ts:\d+/);
    expect(runMain(['export', '--out', join(dir, 'after-refused.json')], env('refused.sqlite')).status).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'after-refused.json'), 'utf8')) as { incidents: unknown[] }).incidents).toEqual([]);
  });

  it('backs up online: the copy passes integrity_check while the server keeps writing', async () => {
    const server = await startServer({ ...env('live.sqlite'), ...ADMIN_ENV });
    try {
      const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
      let stop = false;
      let written = 0;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const res = await fetch(`${server.url}/api/v1/vendors`, {
            method: 'POST',
            headers: { cookie, origin: server.url, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `Vendor ${i}`, category: 'c', tier: 2, dataAccess: 'none', environmentAccess: 'none' }),
          });
          if (res.status === 201) written++;
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      const file = join(dir, 'backup.sqlite');
      const r = runMain(['backup', '--out', file], env('live.sqlite'));
      const atBackup = written;
      await new Promise((r) => setTimeout(r, 200));
      stop = true;
      await writer;
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`backed up to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(checked: \\d+ tables, \\d+ rows\\)`));
      const copy = new Database(file, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const n = (copy.prepare('SELECT COUNT(*) AS n FROM vendors').get() as { n: number }).n;
      copy.close();
      expect(n).toBeGreaterThan(0);
      expect(written).toBeGreaterThan(atBackup); // writes went on after the backup
      expect(runMain(['backup', '--out', file], env('live.sqlite')).status).toBe(1); // never overwrites
    } finally {
      await stopServer(server.child);
    }
  });

  it('writes the quarterly report as JSON, CSV or Markdown', () => {
    const db = { DB_PATH: join(dir, 'report.sqlite') }; // with the demo portfolio
    expect(runMain(['seed'], db).status).toBe(0);
    const md = runMain(['report', '--quarter', '2023-Q4', '--format', 'md'], db);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# Vendor risk report, 2023-Q4/);
    expect(md.stdout).toContain('Okta');
    const file = join(dir, 'report.csv');
    expect(runMain(['report', '--quarter', '2023-Q4', '--format', 'csv', '--out', file], db).stdout).toContain(`to ${file}`);
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toMatch(/^quarter,asOf,methodologyVersion,vendorId,name/);
    const json = JSON.parse(runMain(['report', '--quarter', '2023-Q4'], db).stdout);
    expect(json.quarter).toBe('2023-Q4');
    expect(runMain(['report', '--quarter', '2023Q4'], db).status).toBe(2);
    // The frozen snapshot the first run took, as the API gives it; and the quarter as known today.
    expect(json.view).toBe('frozen');
    expect(JSON.parse(runMain(['report', '--quarter', '2023-Q4'], db).stdout).generatedAt).toBe(json.generatedAt);
    expect(runMain(['report', '--quarter', '2023-Q4', '--view', 'restated', '--format', 'md'], db).stdout).toMatch(
      /^# Vendor risk report, 2023-Q4 \(restated\)/,
    );
    expect(runMain(['report', '--quarter', '2023-Q4', '--view', 'as-known'], db).status).toBe(2);
  });

  it('prints usage for an unknown data command', () => {
    const r = runMain(['export'], env('usage.sqlite'));
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('usage: npm run vendorscope');
  });
});
