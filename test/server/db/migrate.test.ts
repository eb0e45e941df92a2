import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, listMigrations, migrate, schemaVersion } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { fingerprint, memDb, MIGRATIONS } from '../../helpers/db.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'vs-migrate-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… and bring an empty database to the latest version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const db = memDb();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('incidents')")
      .all()
      .map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['public_disclosure_date', 'first_reported_by_third_party_date', 'support_subprocessor']));
    const fks = db.prepare<[], { table: string; on_delete: string }>('SELECT "table", on_delete FROM pragma_foreign_key_list(\'incidents\')').all();
    // An incident goes with its vendor; a campaign link to a deleted incident is dropped (0010).
    expect(fks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'vendors', on_delete: 'CASCADE' }),
        expect.objectContaining({ table: 'incidents', on_delete: 'SET NULL' }),
      ]),
    );
    expect(fks).toHaveLength(2);
  });

  it('applies nothing the second time', () => {
    const db = memDb();
    expect(migrate(db, MIGRATIONS)).toEqual([]);
  });

  it('refuses a database newer than the code, with a clear message, changing nothing', () => {
    const db = memDb();
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    const before = fingerprint(db);
    expect(() => migrate(db, MIGRATIONS)).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer release/);
    expect(fingerprint(db)).toBe(before);
  });

  it('rolls a failing migration back together with its version bump', () => {
    const db = openDb(':memory:');
    const bad = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, bad)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('rejects gaps and badly named files', () => {
    const gap = tempDir();
    writeFileSync(join(gap, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(gap, '0003_c.sql'), 'SELECT 1;');
    expect(() => listMigrations(gap)).toThrow(/without gaps/);
    const named = tempDir();
    writeFileSync(join(named, '1_a.sql'), 'SELECT 1;');
    expect(() => listMigrations(named)).toThrow(/0001_name\.sql/);
  });
});

describe('openDb', () => {
  it('opens a file database in WAL mode with foreign keys and a busy timeout, creating its folder', () => {
    const dir = tempDir();
    const path = join(dir, 'nested', 'x.sqlite');
    const db = openDb(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = memDb();
    expect(() =>
      db
        .prepare(
          "INSERT INTO incidents (vendor_id, title, support_involvement_type, mfa_relevance, severity, confidence, created_at, updated_at) VALUES (99, 't', 'none', 'unknown', 'low', 'low', 'n', 'n')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
