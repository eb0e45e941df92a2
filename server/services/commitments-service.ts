/** A vendor's commitments (notify-within days, security contact): read, and set from an accepted answer. */
import type { Store } from '../db/store.ts';
import type { Actor } from '../domain/account.ts';
import type { Commitment } from '../domain/commitment.ts';
import type { Clock } from './clock.ts';
import { found } from './errors.ts';

export function commitmentsService(store: Store, clock: Clock) {
  return {
    list: (vendorId: number): { items: Commitment[] } => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      return { items: store.commitments.listByVendor(vendorId) };
    },
    /** Sets one commitment (replacing the vendor's one of that field), audited; part of the caller's transaction. */
    put: (actor: Actor, c: Commitment): Commitment =>
      store.transaction(() => {
        const before = store.commitments.listByVendor(c.vendorId).find((x) => x.field === c.field) ?? null;
        store.commitments.put(c);
        const after = store.commitments.listByVendor(c.vendorId).find((x) => x.field === c.field)!;
        store.audit.append(
          actor,
          { action: before ? 'update' : 'create', entity: 'commitment', entityId: c.field, vendorId: c.vendorId, before, after },
          clock.now(),
        );
        return after;
      }),
  };
}

export type CommitmentsService = ReturnType<typeof commitmentsService>;
