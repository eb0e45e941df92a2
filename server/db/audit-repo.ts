/** SQL for the audit log: append and read, nothing else (triggers refuse updates and deletes). */
import type { Db } from './open.ts';
import type { Actor, AuditEntry } from '../domain/account.ts';

interface AuditRow {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor: string;
  via: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  vendor_id: number | null;
  before: string | null;
  after: string | null;
  vendor_name: string | null;
  vendor_deleted: number;
  entity_name: string | null;
}

export interface NewAuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId: number | string | null;
  readonly vendorId?: number | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  vendorId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  actorId: r.actor_user_id,
  via: r.via,
  action: r.action,
  entity: r.entity,
  // Numeric ids come back as numbers, labels (a methodology version, a quarter) as text.
  entityId: r.entity_id === null ? null : /^\d+$/.test(r.entity_id) ? Number(r.entity_id) : r.entity_id,
  vendorId: r.vendor_id,
  vendorName: r.vendor_name,
  vendorDeleted: r.vendor_deleted === 1,
  entityName: r.entity_name,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

const WHERE = `WHERE (@entity IS NULL OR a.entity = @entity) AND (@entity_id IS NULL OR a.entity_id = @entity_id)
  AND (@actor IS NULL OR a.actor = @actor) AND (@vendor_id IS NULL OR a.vendor_id = @vendor_id)
  AND (@from IS NULL OR a.at >= @from) AND (@to IS NULL OR a.at < @to)`;

/** A name in a recorded before/after: vendors, subprocessors, tokens and passkeys have a name, incidents a title, users an e-mail. */
const named = (col: string) => `COALESCE(json_extract(${col}, '$.name'), json_extract(${col}, '$.title'), json_extract(${col}, '$.email'))`;

/**
 * A page of entries with the names of what it concerns, so a reader needs no second look-up:
 * - the vendor: its name now, unless the trail records its deletion at or after this entry (ids can be
 *   reused), then the name it had when deleted;
 * - the entity: a user's e-mail now; anything else by the name its own before/after records.
 * Only a page of entries is named (the subqueries run per row, on the (entity, entity_id) index).
 */
const PAGE = `SELECT p.*, COALESCE(p.gone_name, p.live_name) AS vendor_name,
    (p.vendor_id IS NOT NULL AND (p.gone_name IS NOT NULL OR p.live_name IS NULL)) AS vendor_deleted,
    CAST(CASE WHEN p.entity = 'user' THEN COALESCE(p.user_email, ${named('p.after')}, ${named('p.before')})
         WHEN p.entity = 'vendor' THEN COALESCE(p.gone_name, p.live_name, ${named('p.after')}, ${named('p.before')})
         ELSE COALESCE(${named('p.after')}, ${named('p.before')}) END AS TEXT) AS entity_name
  FROM (SELECT a.*, v.name AS live_name, u.email AS user_email,
      (SELECT CAST(json_extract(d.before, '$.name') AS TEXT) FROM audit_log d
        WHERE d.entity = 'vendor' AND d.action = 'delete' AND d.entity_id = CAST(a.vendor_id AS TEXT) AND d.id >= a.id ORDER BY d.id LIMIT 1) AS gone_name
    FROM audit_log a
    LEFT JOIN vendors v ON v.id = a.vendor_id
    LEFT JOIN users u ON a.entity = 'user' AND u.id = CAST(a.entity_id AS INTEGER)
    ${WHERE} ORDER BY a.id DESC LIMIT @limit OFFSET @offset) p
  ORDER BY p.id DESC`;

export function auditRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO audit_log (at, actor_user_id, actor, via, action, entity, entity_id, vendor_id, before, after)
    VALUES (@at, @actor_user_id, @actor, @via, @action, @entity, @entity_id, @vendor_id, @before, @after)`);
  const page = db.prepare<Record<string, unknown>, AuditRow>(PAGE);
  const count = db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM audit_log a ${WHERE}`);
  // A deletion names what it deleted from its own "before" (the record is gone).
  const deletions = db.prepare<[string], AuditRow>(`SELECT a.*, CASE WHEN a.entity = 'vendor' THEN CAST(${named('a.before')} AS TEXT) END AS vendor_name,
      (a.entity = 'vendor') AS vendor_deleted, CAST(${named('a.before')} AS TEXT) AS entity_name
    FROM audit_log a WHERE a.entity = ? AND a.action = 'delete' ORDER BY a.id`);
  const enc = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return {
    append: (actor: Actor, e: NewAuditEntry, at: string): void => {
      insert.run({
        at,
        actor_user_id: actor.userId,
        actor: actor.label,
        via: actor.via,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId === null ? null : String(e.entityId),
        vendor_id: e.vendorId ?? null,
        before: enc(e.before),
        after: enc(e.after),
      });
    },
    /** Newest first. */
    list: (f: AuditFilter): { items: AuditEntry[]; total: number } => {
      const p = {
        entity: f.entity ?? null,
        entity_id: f.entityId ?? null,
        actor: f.actor ?? null,
        vendor_id: f.vendorId ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
      };
      return { items: page.all({ ...p, limit: f.limit, offset: f.offset }).map(toEntry), total: count.get(p)!.n };
    },
    /** Every deletion of an entity of this kind, oldest first (the export's record of deleted vendors). */
    deletions: (entity: string): AuditEntry[] => deletions.all(entity).map(toEntry),
  };
}

export type AuditRepo = ReturnType<typeof auditRepo>;
