/** Reading the audit trail (writing it is each service's job, inside its own transaction). */
import type { Store } from '../db/store.ts';
import { dayNumber, isoDay } from '../domain/partial-date.ts';
import { found } from './errors.ts';

export function auditService(store: Store) {
  return {
    list: (q: { entity?: string | undefined; entityId?: string | undefined; actor?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number }) =>
      store.audit.list({
        ...q,
        actor: q.actor?.toLowerCase(),
        from: q.from,
        // `to` names a whole day: everything before the next one.
        to: q.to ? isoDay(dayNumber(q.to) + 1) : undefined,
      }),
    forVendor: (vendorId: number, page: { limit: number; offset: number }) => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      return store.audit.list({ vendorId, ...page });
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
