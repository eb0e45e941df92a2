/**
 * `npm run bench:imports`: imports 10,000 CSV vendors and 10,000 VERIS incidents into a file
 * database and prints records per second (target: 10,000 of each in under 5 s); then, with a real
 * server, the latency of other requests during a 10,000-record import and the memory of two 50 MB
 * junk uploads (imports-live.ts). Prints figures; asserts nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../../server/config.ts';
import { listMigrations, migrate } from '../../server/db/migrate.ts';
import { openDb } from '../../server/db/open.ts';
import { makeDeps } from '../../server/deps.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { importVendorsCsv } from '../../server/services/imports/vendors-csv.ts';
import { importVeris } from '../../server/services/imports/veris-import.ts';
import { testOptions } from '../helpers/app.ts';
import { importUnderLoad } from './imports-live.ts';

const N = Number(process.env.BENCH_RECORDS ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'vs-bench-'));
const db = openDb(join(dir, 'bench.sqlite'));
migrate(db, listMigrations(join(PROJECT_ROOT, 'data', 'migrations')));
const deps = makeDeps(db, testOptions({ version: 'bench' }));
const actor = { ...SYSTEM, via: 'bench' };

const header = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const csv = [
  header,
  ...Array.from(
    { length: N },
    (_, i) => `"Vendor ${i}, Inc.",category ${i % 20},https://v${i}.example.com,${(i % 4) + 1},internal,user,proposed,Owner ${i % 7},,"note ${i}"`,
  ),
].join('\r\n');

// Real VCDB records, cloned with fresh ids and victims until there are N of them.
const sampleDir = join(PROJECT_ROOT, 'test', 'fixtures', 'vcdb');
const sample = readdirSync(sampleDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(sampleDir, f), 'utf8')) as Record<string, any>);
const records = Array.from({ length: N }, (_, i) => {
  const r = structuredClone(sample[i % sample.length]!);
  r.incident_id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  r.victim = { ...(r.victim ?? {}), victim_id: `Victim ${i % 2000}` };
  return r;
});

const time = async (what: string, run: () => Promise<{ errors: readonly unknown[] }>) => {
  const t0 = performance.now();
  const result = await run();
  const s = (performance.now() - t0) / 1000;
  if (result.errors.length > 0) throw new Error(`${what}: ${JSON.stringify(result.errors.slice(0, 3))}`);
  console.log(`  ${what}: ${N} in ${s.toFixed(2)} s = ${Math.round(N / s)} records/s (target: ${N} in under 5 s)`);
};

console.log(`imports into a file database (WAL), ${N} records each`);
await time('CSV vendors', () => importVendorsCsv(deps.store, deps.clock, actor, csv, { dryRun: false }));
await time('VERIS incidents', () => importVeris(deps.store, deps.clock, deps.veris, records, { actor, feed: deps.feed }));

// The same records again, over HTTP, under new ids: 10,000 incidents to create while other requests are served.
const again = records.map((r, i) => ({ ...r, incident_id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
db.close();
await importUnderLoad(join(dir, 'bench.sqlite'), again, 1);
rmSync(dir, { recursive: true, force: true });
