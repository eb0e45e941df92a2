/** Vendors: create, read, change and delete, with the rules the database alone cannot state. */
import { nameKey, vendorInput, type Vendor, type VendorInput, type VendorPatch } from '../domain/vendor.ts';
import type { VendorStatus } from '../domain/vocabulary.ts';
import { parseWith } from '../domain/field-problems.ts';
import type { PostureFact } from '../domain/posture-fact.ts';
import type { Store } from '../db/store.ts';
import type { VendorFilter } from '../db/vendors-repo.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { checkVersion, EditConflict, found, invalid, ServiceError } from './errors.ts';

const nameTaken = (name: string) =>
  new ServiceError('conflict', 'vendor-name-taken', `A vendor named "${name}" already exists (names are compared ignoring case and spacing).`, [
    { path: 'body.name', message: 'already taken' },
  ]);

const aliasTaken = (alias: string, i: number, owner: Vendor) =>
  new ServiceError(
    'conflict',
    'vendor-name-taken',
    `"${alias}" is already ${nameKey(owner.name) === nameKey(alias) ? 'the name' : 'an alias'} of ${owner.name}.`,
    [{ path: `body.aliases.${i}`, message: `already taken by ${owner.name}` }],
  );

/** A vendor's name and aliases must not name another vendor (by its name or one of its aliases). */
export function checkNamesFree(store: Store, v: Pick<VendorInput, 'name' | 'aliases'>, self: number | null): void {
  const other = (name: string) => {
    const owner = store.vendors.findByNameOrAlias(name);
    return owner && owner.id !== self ? owner : undefined;
  };
  if (other(v.name)) throw nameTaken(v.name);
  v.aliases.forEach((a, i) => {
    const owner = other(a);
    if (owner) throw aliasTaken(a, i, owner);
  });
}

const ENGAGED = (s: VendorStatus) => s !== 'not-engaged';

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
        checkNamesFree(store, input, null);
        const created = get(store.vendors.create(input, clock.now()));
        store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: created.id, vendorId: created.id, after: created }, clock.now());
        return created;
      }),

    /** Changes a vendor; with `ifMatch`, only when it is still at that version (EditConflict otherwise). */
    update: (actor: Actor, id: number, patch: VendorPatch, ifMatch?: number): Vendor =>
      store.transaction(() => {
        const current = get(id);
        checkVersion('vendor', current, ifMatch);
        // A vendor we start doing business with is engaged from today, unless the patch says otherwise.
        const engagedNow = !ENGAGED(current.status) && patch.status !== undefined && ENGAGED(patch.status) && patch.engagedSince === undefined;
        const next = { ...asInput(current), ...patch, ...(engagedNow ? { engagedSince: clock.today() } : {}) };
        const merged = parseWith(vendorInput, next, 'body', (f) => invalid('The vendor would be invalid.', f));
        checkNamesFree(store, merged, id);
        // Compared again by the write itself: what was read above is what gets replaced, or nothing is.
        if (!store.vendors.update(id, merged, clock.now(), current.version)) throw new EditConflict('vendor', get(id), current.version);
        const after = get(id);
        store.audit.append(actor, { action: 'update', entity: 'vendor', entityId: id, vendorId: id, before: current, after }, clock.now());
        return after;
      }),

    /** Deletes a vendor; one with incidents only when `cascade` says so. */
    remove: (actor: Actor, id: number, cascade: boolean, ifMatch?: number): void =>
      store.transaction(() => {
        const current = get(id);
        checkVersion('vendor', current, ifMatch);
        if (current.incidentCount > 0 && !cascade) {
          throw new ServiceError(
            'conflict',
            'vendor-has-incidents',
            `${current.name} has ${current.incidentCount} incident(s); delete with ?cascade=true to remove them too.`,
          );
        }
        if (!store.vendors.remove(id, current.version)) throw new EditConflict('vendor', get(id), current.version);
        store.audit.append(
          actor,
          { action: 'delete', entity: 'vendor', entityId: id, vendorId: id, before: current, after: cascade ? { cascade: true } : null },
          clock.now(),
        );
      }),
  };
}

function asInput(v: Vendor): Record<string, unknown> {
  const { id: _i, domain: _d, incidentCount: _c, createdAt: _ca, updatedAt: _u, version: _v, ...rest } = v;
  return rest;
}

export type VendorsService = ReturnType<typeof vendorsService>;
