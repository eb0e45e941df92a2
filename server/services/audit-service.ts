/** Reading the audit trail (writing it is each service's job, inside its own transaction). */
import type { Store } from '../db/store.ts';
import { dayNumber, isoDay } from '../domain/partial-date.ts';
import { found } from './errors.ts';
import { AUDIT_CSV_MAX_ROWS, auditToCsv } from './audit-csv.ts';

/** The filters of the whole audit log (GET /audit and its CSV). */
export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  vendorId?: number | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function auditService(store: Store) {
  const list = (q: AuditQuery & { limit: number; offset: number }) =>
    store.audit.list({
      ...q,
      actor: q.actor?.toLowerCase(),
      from: q.from,
      // `to` names a whole day: everything before the next one.
      to: q.to ? isoDay(dayNumber(q.to) + 1) : undefined,
    });
  return {
    list,
    /** The entries these filters match as CSV: the newest AUDIT_CSV_MAX_ROWS of them. */
    csv: (q: AuditQuery): string => auditToCsv(list({ ...q, limit: AUDIT_CSV_MAX_ROWS, offset: 0 }).items),
    forVendor: (vendorId: number, page: { limit: number; offset: number }) => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      return store.audit.list({ vendorId, ...page });
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
