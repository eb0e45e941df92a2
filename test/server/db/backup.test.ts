/**
 * An interrupted backup is never mistaken for a good one (issue 14 §6): killed at any moment, the
 * target either does not exist or holds a complete, checked copy; the next run clears what an
 * interrupted one left. A backup that fails its check leaves no file behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTo } from '../../../server/db/backup.ts';
import { openDb } from '../../../server/db/open.ts';
import { PROJECT_ROOT } from '../../../server/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-backup-'));
const source = join(dir, 'source.sqlite');
const CHILD = join(PROJECT_ROOT, 'test', 'fixtures', 'backup', 'backup-child.ts');
let rows = 0;

beforeAll(() => {
  // Big enough (about 40 MB) that a backup takes a while to write, so a kill lands in the middle.
  const db = openDb(source);
  db.exec('CREATE TABLE facts (id INTEGER PRIMARY KEY, body BLOB NOT NULL); CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const put = db.prepare('INSERT INTO facts (body) VALUES (randomblob(4000))');
  db.transaction(() => {
    for (let i = 0; i < 10_000; i += 1) put.run();
  })();
  db.prepare("INSERT INTO notes (text) VALUES ('kept')").run();
  rows = (db.prepare('SELECT COUNT(*) AS n FROM facts').get() as { n: number }).n;
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the backup in a child process and kills it `afterMs` after it started backing up. */
function killedBackup(target: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, source, target], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      if (c.toString().includes('start')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' || code === 0 ? resolve() : reject(new Error(`backup child failed (${code}): ${err}`))));
  });
}

/** The target is absent, or a complete copy of the source. */
function absentOrComplete(target: string): 'absent' | 'complete' {
  if (!existsSync(target)) return 'absent';
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT COUNT(*) AS n FROM facts').get() as { n: number }).n).toBe(rows);
    expect((copy.prepare('SELECT text FROM notes').get() as { text: string }).text).toBe('kept');
  } finally {
    copy.close();
  }
  return 'complete';
}

describe('backupTo', () => {
  it('killed at random moments, leaves the target absent or complete, never half-written', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 8; i += 1) {
      const target = join(dir, `killed-${i}.sqlite`);
      // From at once to after it would have finished: every stage of the backup is hit.
      await killedBackup(target, Math.floor((i / 7) * 600));
      seen.add(absentOrComplete(target));
    }
    expect(seen.has('absent')).toBe(true);
  }, 120_000);

  it('clears what an interrupted run left beside the target, and says so', () => {
    const target = join(dir, 'after-crash.sqlite');
    writeFileSync(join(dir, '.after-crash.sqlite.partial-1-deadbeef'), 'half a database');
    writeFileSync(join(dir, '.after-crash.sqlite.partial-1-deadbeef-journal'), 'its journal');
    const db = openDb(source);
    try {
      const result = backupTo(db, target);
      expect([...result.removedLeftovers].sort()).toEqual(['.after-crash.sqlite.partial-1-deadbeef', '.after-crash.sqlite.partial-1-deadbeef-journal']);
      expect(result.tables).toEqual({ facts: rows, notes: 1 });
    } finally {
      db.close();
    }
    expect(absentOrComplete(target)).toBe('complete');
    expect(readdirSync(dir).filter((f) => f.includes('after-crash') && f !== 'after-crash.sqlite')).toEqual([]);
  });

  it('never overwrites an existing file', () => {
    const target = join(dir, 'taken.sqlite');
    writeFileSync(target, 'someone else’s');
    const db = openDb(source);
    try {
      expect(() => backupTo(db, target)).toThrow(/exists/);
    } finally {
      db.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('taken'))).toEqual(['taken.sqlite']);
  });
});
