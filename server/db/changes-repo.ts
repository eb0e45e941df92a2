/** SQL for the what-changed events: append and read, nothing else. */
import type { Db } from './open.ts';
import type { Change, ChangeKind, NewChange } from '../domain/change.ts';

interface ChangeRow {
  id: number;
  vendor_id: number | null;
  vendor_name: string;
  day: string;
  at: string;
  kind: string;
  title: string;
  old_risk: number | null;
  new_risk: number | null;
  old_band: string | null;
  new_band: string | null;
  causes: string | null;
  ref: string | null;
  detail: string | null;
}

const toChange = (r: ChangeRow): Change => ({
  id: r.id,
  vendorId: r.vendor_id,
  vendorName: r.vendor_name,
  day: r.day,
  at: r.at,
  kind: r.kind as ChangeKind,
  title: r.title,
  oldRisk: r.old_risk,
  newRisk: r.new_risk,
  oldBand: r.old_band as Change['oldBand'],
  newBand: r.new_band as Change['newBand'],
  causes: r.causes === null ? null : JSON.parse(r.causes),
  ref: r.ref,
  detail: r.detail === null ? null : JSON.parse(r.detail),
});

export interface ChangeFilter {
  /** Recorded at or after this timestamp. */
  since?: string | undefined;
  vendorId?: number | undefined;
  kinds?: readonly ChangeKind[] | undefined;
  /** Only changes with an id below this one (the next page, newest first). */
  before?: number | undefined;
  limit: number;
}

export function changesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO changes (vendor_id, vendor_name, day, at, kind, title, old_risk, new_risk, old_band, new_band, causes, ref, detail)
    VALUES (@vendor_id, @vendor_name, @day, @at, @kind, @title, @old_risk, @new_risk, @old_band, @new_band, @causes, @ref, @detail)`);
  const byId = db.prepare<[number], ChangeRow>('SELECT * FROM changes WHERE id = ?');
  const enc = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return {
    /** Appends the changes in order; returns them as stored. Call inside the caller's transaction. */
    append: (changes: readonly NewChange[], at: string): Change[] =>
      changes.map((c) => {
        const { lastInsertRowid } = insert.run({
          vendor_id: c.vendorId,
          vendor_name: c.vendorName,
          day: c.day,
          at,
          kind: c.kind,
          title: c.title,
          old_risk: c.oldRisk ?? null,
          new_risk: c.newRisk ?? null,
          old_band: c.oldBand ?? null,
          new_band: c.newBand ?? null,
          causes: enc(c.causes),
          ref: c.ref ?? null,
          detail: enc(c.detail),
        });
        return toChange(byId.get(Number(lastInsertRowid))!);
      }),
    find: (id: number): Change | null => {
      const r = byId.get(id);
      return r ? toChange(r) : null;
    },
    /** Newest first. */
    list: (f: ChangeFilter): Change[] => {
      const kinds = f.kinds && f.kinds.length > 0 ? f.kinds : null;
      const sql = `SELECT * FROM changes WHERE (@since IS NULL OR at >= @since) AND (@vendor_id IS NULL OR vendor_id = @vendor_id)
        AND (@before IS NULL OR id < @before) ${kinds ? `AND kind IN (${kinds.map((_, i) => `@k${i}`).join(', ')})` : ''}
        ORDER BY id DESC LIMIT @limit`;
      const params: Record<string, unknown> = { since: f.since ?? null, vendor_id: f.vendorId ?? null, before: f.before ?? null, limit: f.limit };
      kinds?.forEach((k, i) => (params[`k${i}`] = k));
      return db.prepare<Record<string, unknown>, ChangeRow>(sql).all(params).map(toChange);
    },
  };
}

export type ChangesRepo = ReturnType<typeof changesRepo>;
