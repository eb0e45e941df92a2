/**
 * The synthetic portfolio as a real SQLite file. Seeding 50,000 vendors takes minutes, so each
 * size is seeded once into a cache (os.tmpdir()/vendorscope-bench, keyed by the seeding code and
 * the migrations) and every run works on a fresh copy of it: the freezes a run makes stay in its copy.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMigrations, migrate } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { makeDeps } from '../../../server/deps.ts';
import { testOptions } from '../../helpers/app.ts';
import { seedDecisions, seedSyntheticPortfolio } from '../synthetic-portfolio.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MIGRATIONS_DIR = join(PROJECT_ROOT, 'data', 'migrations');
const CACHE = join(tmpdir(), 'vendorscope-bench');

function cacheKey(): string {
  const h = createHash('sha256');
  h.update(readFileSync(fileURLToPath(new URL('../synthetic-portfolio.ts', import.meta.url))));
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) h.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 16);
}

/** A fresh copy of the portfolio of `vendors` vendors, seeding it first when it is not cached; with the seconds seeding took (0 when cached). */
export function portfolioFile(vendors: number, workDir: string): { path: string; seededIn: number } {
  mkdirSync(CACHE, { recursive: true });
  const cached = join(CACHE, `portfolio-${vendors}-${cacheKey()}.sqlite`);
  let seededIn = 0;
  if (!existsSync(cached)) {
    const t0 = performance.now();
    const partial = `${cached}.partial-${process.pid}`;
    const db = openDb(partial);
    migrate(db, listMigrations(MIGRATIONS_DIR));
    const deps = makeDeps(db, testOptions({ version: 'bench' }));
    deps.methodology.ensureDefault();
    seedSyntheticPortfolio(deps.store, vendors);
    seedDecisions(deps, vendors);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    for (const ext of ['-wal', '-shm']) rmSync(`${partial}${ext}`, { force: true });
    renameSync(partial, cached);
    seededIn = (performance.now() - t0) / 1000;
  }
  const path = join(workDir, `portfolio-${vendors}.sqlite`);
  copyFileSync(cached, path);
  return { path, seededIn };
}
