/** Vendors: create, read, change and delete, with the rules the database alone cannot state. */
import { vendorInput, type Vendor, type VendorInput, type VendorPatch } from '../domain/vendor.ts';
import { parseWith } from '../domain/field-problems.ts';
import type { PostureFact } from '../domain/posture-fact.ts';
import type { Store } from '../db/store.ts';
import type { VendorFilter } from '../db/vendors-repo.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { found, invalid, ServiceError } from './errors.ts';

const nameTaken = (name: string) =>
  new ServiceError('conflict', 'vendor-name-taken', `A vendor named "${name}" already exists (names are compared ignoring case and spacing).`, [
    { path: 'body.name', message: 'already taken' },
  ]);

export function vendorsService(store: Store, clock: Clock) {
  const get = (id: number): Vendor => found(store.vendors.find(id), 'vendor', id);

  return {
    get,
    list: (filter: VendorFilter) => store.vendors.list(filter),
    all: (): Vendor[] => store.vendors.all(),
    postureFacts: (id: number): PostureFact[] => {
      get(id);
      return store.postureFacts.listByVendor(id);
    },

    create: (actor: Actor, input: VendorInput): Vendor =>
      store.transaction(() => {
        if (store.vendors.findByName(input.name)) throw nameTaken(input.name);
        const created = get(store.vendors.create(input, clock.now()));
        store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: created.id, vendorId: created.id, after: created }, clock.now());
        return created;
      }),

    update: (actor: Actor, id: number, patch: VendorPatch): Vendor =>
      store.transaction(() => {
        const current = get(id);
        const merged = parseWith(vendorInput, { ...asInput(current), ...patch }, 'body', (f) => invalid('The vendor would be invalid.', f));
        const clash = store.vendors.findByName(merged.name);
        if (clash && clash.id !== id) throw nameTaken(merged.name);
        store.vendors.update(id, merged, clock.now());
        const after = get(id);
        store.audit.append(actor, { action: 'update', entity: 'vendor', entityId: id, vendorId: id, before: current, after }, clock.now());
        return after;
      }),

    /** Deletes a vendor; one with incidents only when `cascade` says so. */
    remove: (actor: Actor, id: number, cascade: boolean): void =>
      store.transaction(() => {
        const current = get(id);
        if (current.incidentCount > 0 && !cascade) {
          throw new ServiceError(
            'conflict',
            'vendor-has-incidents',
            `${current.name} has ${current.incidentCount} incident(s); delete with ?cascade=true to remove them too.`,
          );
        }
        store.vendors.remove(id);
        store.audit.append(actor, { action: 'delete', entity: 'vendor', entityId: id, vendorId: id, before: current, after: cascade ? { cascade: true } : null }, clock.now());
      }),
  };
}

function asInput(v: Vendor): Record<string, unknown> {
  const { id: _i, domain: _d, incidentCount: _c, createdAt: _ca, updatedAt: _u, ...rest } = v;
  return rest;
}

export type VendorsService = ReturnType<typeof vendorsService>;
