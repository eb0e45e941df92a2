/** A fresh, fully migrated in-memory database per test, and a fingerprint to prove nothing changed. */
import { listMigrations, migrate } from '../../server/db/migrate.ts';
import { openDb, type Db } from '../../server/db/open.ts';
import { loadConfig } from '../../server/config.ts';

export const MIGRATIONS = listMigrations(loadConfig({}).migrationsDir);

export function memDb(): Db {
  const db = openDb(':memory:');
  migrate(db, MIGRATIONS);
  return db;
}

/** Every row of every table, as one string: equal fingerprints mean nothing was written. */
export function fingerprint(db: Db, except: readonly string[] = []): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((t) => t.name)
    .filter((t) => !except.includes(t));
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
