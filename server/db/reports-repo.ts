/** SQL for frozen quarterly reports. */
import type { Db } from './open.ts';

export function reportsRepo(db: Db) {
  const get = db.prepare<[string, string], { body: string; frozen_at: string }>('SELECT body, frozen_at FROM report_snapshots WHERE quarter = ? AND vs = ?');
  const put = db.prepare('INSERT INTO report_snapshots (quarter, vs, body, frozen_at) VALUES (?, ?, ?, ?)');
  const all = db.prepare<[], { quarter: string; vs: string; body: string; frozen_at: string }>('SELECT * FROM report_snapshots ORDER BY quarter, vs');
  const clear = db.prepare('DELETE FROM report_snapshots');
  return {
    find: (quarter: string, vs: string): { body: unknown; frozenAt: string } | undefined => {
      const r = get.get(quarter, vs);
      return r && { body: JSON.parse(r.body), frozenAt: r.frozen_at };
    },
    put: (quarter: string, vs: string, body: unknown, now: string): void => {
      put.run(quarter, vs, JSON.stringify(body), now);
    },
    all: () => all.all().map((r) => ({ quarter: r.quarter, vs: r.vs, body: JSON.parse(r.body) as unknown, frozenAt: r.frozen_at })),
    clear: (): void => {
      clear.run();
    },
  };
}
