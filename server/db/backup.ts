/**
 * An online backup: a consistent copy of the database while others keep writing, never mistaken
 * for a good one when interrupted.
 *
 * VACUUM INTO writes one snapshot (WAL lets writers go on meanwhile) and never restarts, unlike
 * page-by-page copying under constant writes. It writes into a temporary file beside the target
 * (`.NAME.partial-PID-RANDOM`), which is checked (integrity_check, every table of the source there
 * and readable), flushed to disk, and only then linked into place: killed at any moment, the target
 * either does not exist or is a complete, checked copy. What an interrupted run left beside the
 * target is removed by the next run, which says so.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open.ts';

export interface BackupResult {
  readonly path: string;
  /** Rows per table in the copy, as checked. */
  readonly tables: Readonly<Record<string, number>>;
  /** Temporary files of an interrupted earlier backup to the same target, removed. */
  readonly removedLeftovers: readonly string[];
}

const partialPrefix = (target: string) => `.${basename(target)}.partial-`;

/** Flushes a file (or a folder's entries) to disk; folders cannot be opened for this on every platform. */
function fsyncPath(path: string, folder = false): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if (folder) return;
    throw e;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!folder) throw e;
  } finally {
    closeSync(fd);
  }
}

/** The copy is whole: its pages check out, and every table of the source is there and readable. */
function check(copyPath: string, tables: readonly string[]): Record<string, number> {
  const copy = new Database(copyPath, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the backup failed its integrity check: ${String(integrity)}`);
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = (copy.prepare(`SELECT COUNT(*) AS n FROM "${t.replace(/"/g, '""')}"`).get() as { n: number }).n;
    return counts;
  } finally {
    copy.close();
  }
}

export function backupTo(db: Db, path: string): BackupResult {
  if (existsSync(path)) throw new Error(`${path} exists; choose a new file for the backup`);
  const folder = dirname(path);
  const prefix = partialPrefix(path);
  const removedLeftovers = readdirSync(folder).filter((f) => f.startsWith(prefix));
  for (const f of removedLeftovers) rmSync(join(folder, f), { force: true });

  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  ).map((r) => r.name);
  const partial = join(folder, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // VACUUM INTO takes no bound parameters; the path is quoted as an SQL string literal.
    db.exec(`VACUUM INTO '${partial.replace(/'/g, "''")}'`);
    const counts = check(partial, tables);
    fsyncPath(partial);
    // A hard link puts the checked file in place atomically and, unlike rename, never replaces a
    // file that appeared at the target meanwhile.
    linkSync(partial, path);
    rmSync(partial);
    fsyncPath(folder, true);
    return { path, tables: counts, removedLeftovers };
  } finally {
    for (const f of [partial, `${partial}-journal`]) rmSync(f, { force: true });
  }
}
