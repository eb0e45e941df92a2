/** SQL for app_meta: small facts about the database itself. */
import type { Db } from './open.ts';

export function metaRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM app_meta WHERE key = ?');
  const set = db.prepare<[string, string]>(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const ping = db.prepare<[], { ok: number }>('SELECT 1 AS ok');
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string): void => {
      set.run(key, value);
    },
    /** True when the database answers a trivial query. */
    ping: (): boolean => ping.get()?.ok === 1,
  };
}

export type MetaRepo = ReturnType<typeof metaRepo>;
