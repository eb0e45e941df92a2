/** Incidents of a vendor. */
import { incidentAsInput, incidentInput, type Incident, type IncidentInput, type IncidentPatch } from '../domain/incident.ts';
import { parseWith } from '../domain/field-problems.ts';
import type { Store } from '../db/store.ts';
import type { IncidentFilter } from '../db/incidents-repo.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import { checkVersion, EditConflict, found, invalid, ServiceError } from './errors.ts';
import { campaignLinkProblems } from './campaign-links.ts';
import type { FeedEvents } from './changes/feed-events.ts';

const refTaken = (ref: string) =>
  new ServiceError('conflict', 'incident-ref-taken', `This vendor already has an incident with ref "${ref}".`, [
    { path: 'body.ref', message: 'already used for this vendor' },
  ]);

/** `feed` records what a new or changed incident means for What changed, in the transaction that writes it. */
export function incidentsService(store: Store, clock: Clock, feed: Pick<FeedEvents, 'incidentsAdded' | 'reviewCheck'>) {
  const get = (id: number): Incident => found(store.incidents.find(id), 'incident', id);
  const vendorExists = (vendorId: number) => {
    found(store.vendors.find(vendorId), 'vendor', vendorId);
  };
  const refClash = (vendorId: number, ref: string | null, self?: number) =>
    ref !== null && store.incidents.listByVendor(vendorId).some((i) => i.ref === ref && i.id !== self);
  /** Refuses a campaign link that cannot hold (campaign-links.ts), before anything is written. */
  const checkLinks = (vendorId: number, self: number | null, input: IncidentInput) => {
    const problems = campaignLinkProblems(vendorId, self, input, (id) => store.incidents.find(id), self === null ? [] : store.incidents.continuationsOf(self));
    if (problems.length > 0) throw invalid('The incident would break a campaign link.', problems);
  };

  return {
    get,
    list: (filter: IncidentFilter) => store.incidents.list(filter),
    listForVendor: (vendorId: number): Incident[] => {
      vendorExists(vendorId);
      return store.incidents.listByVendor(vendorId);
    },
    create: (actor: Actor, vendorId: number, input: IncidentInput): Incident =>
      store.transaction(() => {
        vendorExists(vendorId);
        if (refClash(vendorId, input.ref)) throw refTaken(input.ref!);
        checkLinks(vendorId, null, input);
        const created = get(store.incidents.create(vendorId, input, clock.now()));
        store.audit.append(actor, { action: 'create', entity: 'incident', entityId: created.id, vendorId, after: created }, clock.now());
        feed.incidentsAdded([created]);
        return created;
      }),
    /** Changes an incident; with `ifMatch`, only when it is still at that version (EditConflict otherwise). */
    update: (actor: Actor, id: number, patch: IncidentPatch, ifMatch?: number): Incident =>
      store.transaction(() => {
        const current = get(id);
        checkVersion('incident', current, ifMatch);
        // Dropping the derived precision lets a new intrusion date bring its own.
        const base = { ...incidentAsInput(current), intrusionStartPrecision: undefined };
        const merged = parseWith(incidentInput, { ...base, ...patch }, 'body', (f) => invalid('The incident would be invalid.', f));
        if (refClash(current.vendorId, merged.ref, id)) throw refTaken(merged.ref!);
        checkLinks(current.vendorId, id, merged);
        if (!store.incidents.update(id, merged, clock.now(), current.version)) throw new EditConflict('incident', get(id), current.version);
        const after = get(id);
        store.audit.append(actor, { action: 'update', entity: 'incident', entityId: id, vendorId: current.vendorId, before: current, after }, clock.now());
        // A new severity or disclosure date may reopen a review.
        feed.reviewCheck([current.vendorId]);
        return after;
      }),
    remove: (actor: Actor, id: number, ifMatch?: number): void =>
      store.transaction(() => {
        const current = get(id);
        checkVersion('incident', current, ifMatch);
        const continued = store.incidents.continuationsOf(id);
        if (continued.length > 0) {
          throw new ServiceError(
            'conflict',
            'incident-continued',
            `Incident ${id} is continued by ${continued.map((c) => `${c.id} ("${c.title}")`).join(', ')}: unlink ${continued.length === 1 ? 'it' : 'them'} first (continuationOf: null).`,
          );
        }
        if (!store.incidents.remove(id, current.version)) throw new EditConflict('incident', get(id), current.version);
        store.audit.append(actor, { action: 'delete', entity: 'incident', entityId: id, vendorId: current.vendorId, before: current }, clock.now());
      }),
  };
}

export type IncidentsService = ReturnType<typeof incidentsService>;
