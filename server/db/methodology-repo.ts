/** SQL for methodology versions. Parameters are stored as JSON that the policy schema validated. */
import type { Db } from './open.ts';

export interface StoredMethodology {
  readonly id: number;
  readonly version: string;
  /** The parameters as stored (JSON text parsed); the caller validates. */
  readonly parameters: unknown;
  readonly note: string | null;
  readonly createdAt: string;
}

interface Row {
  id: number;
  version: string;
  parameters: string;
  note: string | null;
  created_at: string;
}

const toStored = (r: Row): StoredMethodology => ({
  id: r.id,
  version: r.version,
  parameters: JSON.parse(r.parameters),
  note: r.note,
  createdAt: r.created_at,
});

export function methodologyRepo(db: Db) {
  const latestId = db.prepare<[], { id: number }>('SELECT id FROM methodology_versions ORDER BY id DESC LIMIT 1');
  const byId = db.prepare<[number], Row>('SELECT * FROM methodology_versions WHERE id = ?');
  const byVersion = db.prepare<[string], Row>('SELECT * FROM methodology_versions WHERE version = ?');
  const list = db.prepare<[], Row>('SELECT * FROM methodology_versions ORDER BY id');
  const insert = db.prepare('INSERT INTO methodology_versions (version, parameters, note, created_at) VALUES (@version, @parameters, @note, @now)');
  const clear = db.prepare('DELETE FROM methodology_versions');
  return {
    /** Id of the version in force (the latest), or undefined on a database that has none yet. */
    latestId: (): number | undefined => latestId.get()?.id,
    find: (id: number): StoredMethodology | undefined => {
      const r = byId.get(id);
      return r && toStored(r);
    },
    findVersion: (version: string): StoredMethodology | undefined => {
      const r = byVersion.get(version);
      return r && toStored(r);
    },
    list: (): StoredMethodology[] => list.all().map(toStored),
    /** Stores a version; a version label already used throws SQLITE_CONSTRAINT_UNIQUE. */
    create: (version: string, parameters: object, note: string | null, now: string): number =>
      Number(insert.run({ version, parameters: JSON.stringify(parameters), note, now }).lastInsertRowid),
    /** Removes every version (a restore then writes the exported ones, oldest first). */
    clear: (): void => {
      clear.run();
    },
  };
}

export type MethodologyRepo = ReturnType<typeof methodologyRepo>;
