/**
 * Incidents at a subprocessor, whether or not it is a vendor on record. An incident lives on a
 * vendor record; a subprocessor's incidents live on its own, which its parents inherit from
 * (server/scoring/support-factor.ts `inheritedPoints`) and which the supply-chain graph walks.
 * So recording one on a subprocessor with no vendor record creates that record (not engaged:
 * we do no business with it), links the subprocessor to it, and files the incident there; a vendor
 * already on record under the subprocessor's name (or an alias) is linked instead. All in one
 * transaction, each change audited.
 */
import type { Actor } from '../domain/account.ts';
import type { IncidentInput, Incident } from '../domain/incident.ts';
import { subprocessorAsInput, subprocessorInput, type Subprocessor } from '../domain/subprocessor.ts';
import { vendorInput, type Vendor } from '../domain/vendor.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from './clock.ts';
import { found, ServiceError } from './errors.ts';
import type { IncidentsService } from './incidents-service.ts';

/** How the subprocessor came to have the vendor record the incident is filed on. */
export type SubprocessorVendorLink = 'linked' | 'matched-by-name' | 'created';

export interface SubprocessorIncident {
  readonly incident: Incident;
  readonly vendor: Vendor;
  readonly subprocessor: Subprocessor;
  readonly link: SubprocessorVendorLink;
}

export function subprocessorIncidentsService(store: Store, clock: Clock, incidents: IncidentsService) {
  /** The vendor record of a subprocessor with none: not engaged, no relationship with us, its function as its category. */
  const newVendorFor = (s: Subprocessor, parent: Vendor) =>
    vendorInput.parse({
      name: s.name,
      category: s.function,
      tier: 4,
      dataAccess: 'none',
      environmentAccess: 'none',
      status: 'not-engaged',
      notes: `Recorded to hold the incidents of ${s.name}, a subprocessor (${s.function}) of ${parent.name}; not a vendor of ours.`,
    });

  return {
    create: (actor: Actor, subprocessorId: number, input: IncidentInput): SubprocessorIncident =>
      store.transaction(() => {
        const now = clock.now();
        const s = found(store.subprocessors.find(subprocessorId), 'subprocessor', subprocessorId);
        const parent = store.vendors.find(s.parentVendorId)!;
        let link: SubprocessorVendorLink = 'linked';
        let vendorId = s.vendorId;
        if (vendorId === null) {
          const named = store.vendors.findByNameOrAlias(s.name);
          if (named?.id === parent.id) {
            throw new ServiceError('conflict', 'subprocessor-is-parent', `${s.name} is ${parent.name} itself: record the incident on ${parent.name}.`, [
              { path: 'params.id', message: `names the parent vendor ${parent.name}` },
            ]);
          }
          if (named) {
            vendorId = named.id;
            link = 'matched-by-name';
          } else {
            vendorId = store.vendors.create(newVendorFor(s, parent), now);
            link = 'created';
            const created = store.vendors.find(vendorId)!;
            store.audit.append(actor, { action: 'create', entity: 'vendor', entityId: vendorId, vendorId, after: created }, now);
          }
          store.subprocessors.update(s.id, subprocessorInput.parse({ ...subprocessorAsInput(s), vendorId }), now);
          store.audit.append(
            actor,
            { action: 'update', entity: 'subprocessor', entityId: s.id, vendorId: parent.id, before: s, after: store.subprocessors.find(s.id) },
            now,
          );
        }
        const incident = incidents.create(actor, vendorId, input);
        return { incident, vendor: store.vendors.find(vendorId)!, subprocessor: store.subprocessors.find(s.id)!, link };
      }),
  };
}

export type SubprocessorIncidentsService = ReturnType<typeof subprocessorIncidentsService>;
