/**
 * A restore that merges into what is there (`?mode=merge`): vendors matched by name, incidents by
 * source or ref, subprocessors by name are updated, the rest added, in this database's ids.
 */
import type { ExportDocument } from '../../domain/export.ts';
import { incidentAsInput, incidentInput } from '../../domain/incident.ts';
import { subprocessorAsInput, subprocessorInput } from '../../domain/subprocessor.ts';
import { nameKey, vendorInput } from '../../domain/vendor.ts';
import type { Store } from '../../db/store.ts';
import { checkNamesFree } from '../vendors-service.ts';
import { restoreEvidence } from './evidence-transfer.ts';
import { exportedDay } from './export-checks.ts';
import { addReview, atRecord, commitmentOf, mfaKnown, provenanceOf, type ExportedMfa } from './restore-records.ts';

/** Adds the document to what is there; returns the ids of the incidents it added (not those it updated). */
export function* merge(store: Store, d: ExportDocument, now: string): Generator<void, number[]> {
  const recorded = exportedDay(d, now.slice(0, 10));
  const vendorIds = new Map<number, number>();
  for (const v of d.vendors) {
    const { id, createdAt: _c, updatedAt: _u, ...fields } = v;
    const existing = store.vendors.findByName(v.name);
    // A document from before engagement dates keeps the date this database has.
    const input = vendorInput.parse({ ...fields, engagedSince: fields.engagedSince ?? existing?.engagedSince ?? null });
    checkNamesFree(store, input, existing?.id ?? null);
    if (existing) store.vendors.update(existing.id, input, now);
    vendorIds.set(id, existing?.id ?? store.vendors.create(input, now));
    yield;
  }
  const mapVendor = (id: number) => vendorIds.get(id) ?? id;
  // Requests and sheets before the facts that name them.
  const ids = yield* restoreEvidence(store, d, atRecord, false, mapVendor);
  const incidentIds = new Map<number, number>();
  /** Incidents the merge added (not those it updated): each is news on What changed. */
  const added: number[] = [];
  for (const i of d.incidents) {
    const vendorId = mapVendor(i.vendorId);
    const existing =
      (i.source && store.incidents.findBySource(i.source.format, i.source.id)) ||
      (i.ref ? store.incidents.listByVendor(vendorId).find((x) => x.ref === i.ref) : undefined);
    // A document from before root causes and campaigns keeps what this database has; links are set below, in this database's ids.
    const input = incidentInput.parse({
      ...incidentAsInput({
        ...i,
        intrusionStartPrecision: null,
        rootCause: i.rootCause === undefined ? (existing?.rootCause ?? null) : i.rootCause,
        entryPath: i.entryPath === undefined ? (existing?.entryPath ?? null) : i.entryPath,
        continuationOf: null,
      }),
      continuationOf: existing?.continuationOf ?? null,
    });
    if (existing) store.incidents.update(existing.id, input, now);
    const id = existing?.id ?? store.incidents.create(vendorId, input, now, i.source);
    if (!existing) added.push(id);
    incidentIds.set(i.id, id);
    yield;
  }
  for (const i of d.incidents) {
    if (i.continuationOf !== undefined)
      store.incidents.setContinuationOf(incidentIds.get(i.id)!, i.continuationOf === null ? null : incidentIds.get(i.continuationOf)!, now);
  }
  for (const s of d.subprocessors) {
    const parent = mapVendor(s.parentVendorId);
    const existing = store.subprocessors.listByVendor(parent).find((x) => nameKey(x.name) === nameKey(s.name));
    // A document from before knownFrom keeps the date this database has, or else its record's createdAt day.
    const knownFrom = s.knownFrom ?? existing?.knownFrom ?? s.createdAt.slice(0, 10);
    const input = subprocessorInput.parse({ ...subprocessorAsInput(s), knownFrom, vendorId: s.vendorId === null ? null : mapVendor(s.vendorId) });
    if (existing) store.subprocessors.update(existing.id, input, now, undefined, provenanceOf(s, ids));
    else store.subprocessors.create(parent, input, now, undefined, provenanceOf(s, ids));
    yield;
  }
  const incoming = new Map<number, Array<(typeof d.mfa)[number]>>();
  for (const m of d.mfa) incoming.set(mapVendor(m.vendorId), [...(incoming.get(mapVendor(m.vendorId)) ?? []), m]);
  for (const [vendorId, items] of incoming) {
    const replaced = new Set(items.map((m) => m.population));
    const stored = store.mfa.listByVendor(vendorId);
    const kept = stored.filter((r) => !replaced.has(r.population));
    // Without knownFrom, a record with the same evidence as the stored one keeps its date.
    const same = (m: ExportedMfa) =>
      stored.find((r) => r.population === m.population && r.method === m.method && r.enforced === m.enforced && r.assessedOn === m.assessedOn)?.knownFrom;
    store.mfa.replace(vendorId, [...kept, ...items.map((m) => mfaKnown(m, same(m) ?? recorded, ids))], now);
    yield;
  }
  // A vendor's commitment in the document replaces the one this database has.
  for (const c of d.commitments) store.commitments.put({ ...commitmentOf(c, ids), vendorId: mapVendor(c.vendorId), updatedAt: now });
  for (const f of d.postureFacts) {
    const { id: _id, vendorId, ...fields } = f;
    // Without knownFrom: its statedDate; undated, the date this database has, or else the day the document was exported.
    store.postureFacts.upsert(mapVendor(vendorId), { ...fields, knownFrom: fields.knownFrom ?? fields.statedDate }, recorded);
    yield;
  }
  // A decision already recorded (same vendor, day, decision and rationale) is not recorded twice.
  for (const r of d.reviews) {
    const vendorId = mapVendor(r.vendorId);
    const same = store.reviews.listByVendor(vendorId).some((x) => x.decidedOn === r.decidedOn && x.decision === r.decision && x.rationale === r.rationale);
    if (!same) addReview(store, vendorId, r, false, now);
    yield;
  }
  // Methodology versions, frozen snapshots, reports and the review cadence are this database's own.
  return added;
}
