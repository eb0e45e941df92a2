/** An online backup: a consistent copy of the database while others keep writing. */
import { existsSync } from 'node:fs';
import type { Db } from './open.ts';

/**
 * Writes a transactionally consistent copy to `path` with VACUUM INTO: it reads one snapshot (WAL
 * lets writers go on meanwhile) and never restarts, unlike page-by-page copying under constant writes.
 */
export function backupTo(db: Db, path: string): void {
  if (existsSync(path)) throw new Error(`${path} exists; choose a new file for the backup`);
  // VACUUM INTO takes no bound parameters; the path is quoted as an SQL string literal.
  db.exec(`VACUUM INTO '${path.replace(/'/g, "''")}'`);
}
