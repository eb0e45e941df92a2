/**
 * Gathers what the engine needs about vendors from the store: their incidents, support
 * arrangements (each with the incidents of its own vendor record, for inherited risk) and MFA
 * posture. The portfolio is loaded in a fixed number of queries, whatever its size.
 */
import type { Store } from '../db/store.ts';
import type { Incident } from '../domain/incident.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import type { Subprocessor } from '../domain/subprocessor.ts';
import type { Vendor } from '../domain/vendor.ts';
import type { DocumentFacts, ScoringFacts, SubprocessorFacts } from '../scoring/types.ts';

/** Items by a numeric key (a vendor id), in their order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** The engine's facts, keeping the whole vendor, incident and subprocessor records for the caller. */
export type LoadedFacts = Omit<ScoringFacts, 'vendor' | 'incidents' | 'subprocessors' | 'documents'> & {
  readonly vendor: Vendor;
  readonly documents: readonly DocumentFacts[];
  readonly incidents: readonly Incident[];
  readonly subprocessors: ReadonlyArray<Subprocessor & SubprocessorFacts>;
};

/** A document's metadata as the engine reads it: never its content. */
const documentFacts = (d: DocumentFacts): DocumentFacts => ({ id: d.id, kind: d.kind, details: d.details, knownFrom: d.knownFrom });

function assemble(
  v: Vendor,
  incidents: (id: number) => readonly Incident[],
  subprocessors: readonly Subprocessor[],
  mfa: readonly MfaRecord[],
  documents: readonly DocumentFacts[],
): LoadedFacts {
  return {
    vendor: v,
    incidents: incidents(v.id),
    subprocessors: subprocessors.map((s) => ({ ...s, ownIncidents: s.vendorId === null ? [] : incidents(s.vendorId) })),
    mfa,
    documents: documents.map(documentFacts),
  };
}

/** One vendor's facts. */
export function loadFacts(store: Store, vendor: Vendor): LoadedFacts {
  const subprocessors = store.subprocessors.listByVendor(vendor.id);
  return assemble(vendor, (id) => store.incidents.listByVendor(id), subprocessors, store.mfa.listByVendor(vendor.id), store.documents.listByVendor(vendor.id));
}

/** Every vendor's facts, in six queries. */
export function loadAllFacts(store: Store): LoadedFacts[] {
  const incidents = groupBy(store.incidents.all(), (i) => i.vendorId);
  const subprocessors = groupBy(store.subprocessors.all(), (s) => s.parentVendorId);
  const mfa = store.mfa.allByVendor();
  const documents = groupBy(store.documents.all(), (d) => d.vendorId);
  return store.vendors
    .all()
    .map((v) => assemble(v, (id) => incidents.get(id) ?? [], subprocessors.get(v.id) ?? [], mfa.get(v.id) ?? [], documents.get(v.id) ?? []));
}
