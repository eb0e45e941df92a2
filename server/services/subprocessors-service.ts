/** Subprocessors (support arrangements) of a vendor. */
import { subprocessorAsInput, subprocessorInput, type Subprocessor, type SubprocessorInput, type SubprocessorPatch } from '../domain/subprocessor.ts';
import { parseWith } from '../domain/field-problems.ts';
import type { Store } from '../db/store.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { checkVersion, EditConflict, found, invalid } from './errors.ts';
import { knownFromInFuture } from '../domain/known-from.ts';
import type { FeedEvents } from './changes/feed-events.ts';
import type { Provenance } from '../db/subprocessors-repo.ts';

/** `feed` looks at the parent's review state after an arrangement is added or changed (a new one with tenant access reopens a review). */
export function subprocessorsService(store: Store, clock: Clock, feed: Pick<FeedEvents, 'reviewCheck'>) {
  const get = (id: number): Subprocessor => found(store.subprocessors.find(id), 'subprocessor', id);

  /** The linked vendor record must exist and must not be the parent itself. */
  const checkLink = (parentId: number, s: SubprocessorInput) => {
    if (s.vendorId === null) return;
    if (s.vendorId === parentId) throw invalid('A vendor cannot be its own subprocessor.', [{ path: 'body.vendorId', message: 'is the parent vendor itself' }]);
    if (!store.vendors.find(s.vendorId))
      throw invalid('The linked vendor does not exist.', [{ path: 'body.vendorId', message: `no vendor with id ${s.vendorId}` }]);
  };

  /** A knownFrom given for a change made today must not lie in the future; left out, the repository fills in today. */
  const checkKnownFrom = (knownFrom: string | null | undefined) => {
    const problem = knownFrom ? knownFromInFuture(knownFrom, clock.today()) : null;
    if (problem) throw invalid('The evidence cannot be known from a day after today.', [{ path: 'body.knownFrom', message: problem }]);
  };

  return {
    get,
    listForVendor: (vendorId: number): Subprocessor[] => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      return store.subprocessors.listByVendor(vendorId);
    },
    /** `provenance` only from a questionnaire's review: an arrangement an analyst records is `recorded`. */
    create: (actor: Actor, vendorId: number, input: SubprocessorInput, provenance?: Provenance): Subprocessor =>
      store.transaction(() => {
        found(store.vendors.find(vendorId), 'vendor', vendorId);
        checkLink(vendorId, input);
        checkKnownFrom(input.knownFrom);
        const created = get(store.subprocessors.create(vendorId, input, clock.now(), undefined, provenance));
        store.audit.append(actor, { action: 'create', entity: 'subprocessor', entityId: created.id, vendorId, after: created }, clock.now());
        feed.reviewCheck([vendorId]);
        return created;
      }),
    /** Changes an arrangement; with `ifMatch`, only when it is still at that version (EditConflict otherwise). */
    update: (actor: Actor, id: number, patch: SubprocessorPatch, ifMatch?: number, provenance?: Provenance): Subprocessor =>
      store.transaction(() => {
        const current = get(id);
        checkVersion('subprocessor', current, ifMatch);
        const merged = parseWith(subprocessorInput, { ...subprocessorAsInput(current), ...patch }, 'body', (f) =>
          invalid('The subprocessor would be invalid.', f),
        );
        checkLink(current.parentVendorId, merged);
        checkKnownFrom(patch.knownFrom);
        if (!store.subprocessors.update(id, merged, clock.now(), current.version, provenance)) throw new EditConflict('subprocessor', get(id), current.version);
        const after = get(id);
        store.audit.append(
          actor,
          { action: 'update', entity: 'subprocessor', entityId: id, vendorId: current.parentVendorId, before: current, after },
          clock.now(),
        );
        feed.reviewCheck([current.parentVendorId]);
        return after;
      }),
    remove: (actor: Actor, id: number, ifMatch?: number): void =>
      store.transaction(() => {
        const current = get(id);
        checkVersion('subprocessor', current, ifMatch);
        if (!store.subprocessors.remove(id, current.version)) throw new EditConflict('subprocessor', get(id), current.version);
        store.audit.append(actor, { action: 'delete', entity: 'subprocessor', entityId: id, vendorId: current.parentVendorId, before: current }, clock.now());
      }),
  };
}

export type SubprocessorsService = ReturnType<typeof subprocessorsService>;
