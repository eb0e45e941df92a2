/** SQL for app_meta: small facts about the database itself. */
import type { Db } from './open.ts';

export function metaRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM app_meta WHERE key = ?');
  const set = db.prepare<[string, string]>('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const ping = db.prepare<[], { ok: number }>('SELECT 1 AS ok');
  // A version kept under its own key (absent: 1), moved on by one only when it is `expect` (when given).
  const bump = db.prepare<{ key: string; expect: number | null }>(
    `UPDATE app_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = @key AND (@expect IS NULL OR CAST(value AS INTEGER) = @expect)`,
  );
  const first = db.prepare<{ key: string; expect: number | null }>(
    `INSERT INTO app_meta (key, value) SELECT @key, '2' WHERE @expect IS NULL OR @expect = 1 ON CONFLICT (key) DO NOTHING`,
  );
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string): void => {
      set.run(key, value);
    },
    /** The version counted under `key`: 1 until it is first bumped. */
    version: (key: string): number => Number(get.get(key)?.value ?? 1),
    /** Adds one to the version under `key`, only when it is `expect` (when given); false: it was not, nothing written. */
    bumpVersion: db.transaction((key: string, expect?: number): boolean => {
      const p = { key, expect: expect ?? null };
      return bump.run(p).changes > 0 || first.run(p).changes > 0;
    }),
    /** True when the database answers a trivial query. */
    ping: (): boolean => ping.get()?.ok === 1,
  };
}

export type MetaRepo = ReturnType<typeof metaRepo>;
