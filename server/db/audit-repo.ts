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
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
});

const WHERE = `WHERE (@entity IS NULL OR entity = @entity) AND (@entity_id IS NULL OR entity_id = @entity_id)
  AND (@actor IS NULL OR actor = @actor) AND (@vendor_id IS NULL OR vendor_id = @vendor_id)
  AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`;

export function auditRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO audit_log (at, actor_user_id, actor, via, action, entity, entity_id, vendor_id, before, after)
    VALUES (@at, @actor_user_id, @actor, @via, @action, @entity, @entity_id, @vendor_id, @before, @after)`);
  const page = db.prepare<Record<string, unknown>, AuditRow>(`SELECT * FROM audit_log ${WHERE} ORDER BY id DESC LIMIT @limit OFFSET @offset`);
  const count = db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${WHERE}`);
  const deletions = db.prepare<[string], AuditRow>(`SELECT * FROM audit_log WHERE entity = ? AND action = 'delete' ORDER BY id`);
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
