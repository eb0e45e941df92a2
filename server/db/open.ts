/** Opening the SQLite database with the settings every connection needs. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // WAL is durable across application crashes with NORMAL; only an OS crash can lose the last commit.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  // A second process (the seed command, a backup) may hold the write lock briefly; wait, don't fail.
  db.pragma('busy_timeout = 5000');
  if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('SQLite foreign keys could not be enabled');
  return db;
}
