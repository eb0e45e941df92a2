/**
 * Numbered SQL migrations (data/migrations/NNNN_name.sql), tracked in PRAGMA user_version.
 * Each file runs in one transaction together with its version bump, so a failed migration leaves
 * the database exactly as it was.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Reads the migration files; throws when their numbers are not 1, 2, 3… without gaps. */
export function listMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const list = files.map((f) => {
    const m = FILE.exec(f);
    if (!m) throw new Error(`migration file name must look like 0001_name.sql: ${f}`);
    return { version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, f), 'utf8') };
  });
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1, 2, 3… without gaps; found ${m.version} at position ${i + 1}`);
  });
  return list;
}

export class DatabaseTooNewError extends Error {
  readonly dbVersion: number;
  readonly codeVersion: number;
  constructor(dbVersion: number, codeVersion: number) {
    super(
      `The database is at schema version ${dbVersion}, but this Vendorscope only knows versions up to ${codeVersion}. ` +
        'It was written by a newer release: upgrade Vendorscope, or point DB_PATH at another database. Nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
    this.dbVersion = dbVersion;
    this.codeVersion = codeVersion;
  }
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Applies the pending migrations; returns the versions it applied. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const applied: number[] = [];
  for (const m of migrations.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      // PRAGMA takes no bound parameters; the version is an integer we parsed ourselves.
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
