/**
 * The export's record of deleted vendors. A deletion is audited with the vendor as it was; the export
 * carries those, so that a deleted vendor stays findable in the portfolio's history. A restore keeps
 * the document's record (app_meta, beside this database's own audit log), so that a restored
 * database exports it again.
 */
import { deletedVendor, type DeletedVendor, type ExportDocument } from '../../domain/export.ts';
import type { AuditEntry } from '../../domain/account.ts';
import type { Store } from '../../db/store.ts';

export const RESTORED_DELETIONS_KEY = 'restored-deleted-vendors';

/** The vendor fields a record of a deletion keeps: the stored ones, not those derived or counting writes. */
function recordOf(before: unknown): Record<string, unknown> {
  if (typeof before !== 'object' || before === null) return {};
  const { domain: _d, incidentCount: _c, version: _v, ...rest } = before as Record<string, unknown>;
  return rest;
}

function fromAudit(e: AuditEntry): DeletedVendor | null {
  if (typeof e.entityId !== 'number') return null;
  const vendor = recordOf(e.before);
  const after = e.after as { cascade?: unknown } | null;
  return {
    id: e.entityId,
    name: typeof vendor.name === 'string' ? vendor.name : `Vendor ${e.entityId}`,
    deletedAt: e.at,
    deletedBy: e.actor,
    cascade: after?.cascade === true,
    vendor,
  };
}

function restored(store: Store): DeletedVendor[] {
  const text = store.meta.get(RESTORED_DELETIONS_KEY);
  if (!text) return [];
  const parsed = deletedVendor.array().safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : [];
}

const key = (d: DeletedVendor) => `${d.id}@${d.deletedAt}`;

/** One record per deletion (a restore into the database it came from would repeat them), oldest first. */
function distinct(items: readonly DeletedVendor[]): DeletedVendor[] {
  const seen = new Map<string, DeletedVendor>();
  for (const d of items) if (!seen.has(key(d))) seen.set(key(d), d);
  return [...seen.values()].sort((a, b) => a.deletedAt.localeCompare(b.deletedAt) || a.id - b.id);
}

/** Every vendor deleted here or in a database this one was restored from. */
export function exportDeletedVendors(store: Store): DeletedVendor[] {
  const audited = store.audit.deletions('vendor').flatMap((e) => fromAudit(e) ?? []);
  return distinct([...restored(store), ...audited]);
}

/** Keeps the document's record of deleted vendors with those this database already keeps. */
export function restoreDeletedVendors(store: Store, d: Pick<ExportDocument, 'deletedVendors'>): void {
  if (d.deletedVendors.length === 0) return;
  store.meta.set(RESTORED_DELETIONS_KEY, JSON.stringify(distinct([...restored(store), ...d.deletedVendors])));
}
