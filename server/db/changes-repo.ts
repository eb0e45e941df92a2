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
  causes: r.causes === null ? null : (JSON.parse(r.causes) as Change['causes']),
  ref: r.ref,
  detail: r.detail === null ? null : (JSON.parse(r.detail) as Change['detail']),
});

export interface ChangeFilter {
  /** Recorded at or after this timestamp. */
  since?: string | undefined;
  vendorId?: number | undefined;
  kinds?: readonly ChangeKind[] | undefined;
  /** Only changes with an id below this one (the next page, newest first). */
  before?: number | undefined;
  /** Only changes of vendors at one of these tiers (as the vendor is now). */
  tiers?: readonly number[] | undefined;
  /** Only changes of vendors with this business owner (case ignored). */
  owner?: string | undefined;
  limit: number;
}

export function changesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO changes (vendor_id, vendor_name, day, at, kind, title, old_risk, new_risk, old_band, new_band, causes, ref, detail)
    VALUES (@vendor_id, @vendor_name, @day, @at, @kind, @title, @old_risk, @new_risk, @old_band, @new_band, @causes, @ref, @detail)`);
  const byId = db.prepare<[number], ChangeRow>('SELECT * FROM changes WHERE id = ?');
  const recorded = db.prepare<[string, string, string, number], { id: number }>(
    'SELECT id FROM changes WHERE kind = ? AND ref = ? AND day = ? AND vendor_id = ? LIMIT 1',
  );
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
    /** Newest first. Tier and owner filters join the vendor as it is now (a deleted vendor's changes drop out). */
    list: (f: ChangeFilter): Change[] => {
      const kinds = f.kinds && f.kinds.length > 0 ? f.kinds : null;
      const tiers = f.tiers && f.tiers.length > 0 ? f.tiers : null;
      const owner = f.owner?.trim().toLowerCase() || null;
      const join = tiers || owner ? 'JOIN vendors v ON v.id = c.vendor_id' : '';
      const sql = `SELECT c.* FROM changes c ${join} WHERE (@since IS NULL OR c.at >= @since) AND (@vendor_id IS NULL OR c.vendor_id = @vendor_id)
        AND (@before IS NULL OR c.id < @before) ${kinds ? `AND c.kind IN (${kinds.map((_, i) => `@k${i}`).join(', ')})` : ''}
        ${tiers ? `AND v.tier IN (${tiers.map((_, i) => `@t${i}`).join(', ')})` : ''} ${owner ? 'AND lower(v.business_owner) = @owner' : ''}
        ORDER BY c.id DESC LIMIT @limit`;
      const params: Record<string, unknown> = { since: f.since ?? null, vendor_id: f.vendorId ?? null, before: f.before ?? null, limit: f.limit };
      kinds?.forEach((k, i) => (params[`k${i}`] = k));
      tiers?.forEach((t, i) => (params[`t${i}`] = t));
      if (owner) params.owner = owner;
      return db.prepare<Record<string, unknown>, ChangeRow>(sql).all(params).map(toChange);
    },
    /** Whether an event of this kind about this ref, true for this day, is recorded for the vendor (the sweep records each once). */
    recorded: (kind: ChangeKind, vendorId: number, ref: string, day: string): boolean => recorded.get(kind, ref, day, vendorId) !== undefined,
  };
}

export type ChangesRepo = ReturnType<typeof changesRepo>;
