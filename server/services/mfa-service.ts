/** MFA posture of a vendor: one record per population; a missing population is unknown. */
import type { MfaPosture } from '../domain/mfa.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { found } from './errors.ts';

export function mfaService(store: Store, clock: Clock) {
  const posture = (vendorId: number): MfaPosture => {
    found(store.vendors.find(vendorId), 'vendor', vendorId);
    return { items: store.mfa.listByVendor(vendorId) };
  };
  return {
    get: posture,
    /** Replaces the whole posture: populations left out become unknown. */
    replace: (actor: Actor, vendorId: number, next: MfaPosture): MfaPosture =>
      store.transaction(() => {
        const before = posture(vendorId);
        store.mfa.replace(vendorId, next.items, clock.now());
        const after = posture(vendorId);
        store.audit.append(actor, { action: 'replace', entity: 'mfa', entityId: vendorId, vendorId, before, after }, clock.now());
        return after;
      }),
  };
}

export type MfaService = ReturnType<typeof mfaService>;
