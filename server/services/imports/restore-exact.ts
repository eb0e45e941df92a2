/**
 * A restore into an empty (or just emptied) database: every record keeps its id and timestamps,
 * and methodology versions, frozen snapshots, reports, the review cadence and the demo's marks
 * come back as they were. Steps (one a record) let a caller turn the event loop between them.
 */
import type { ExportDocument } from '../../domain/export.ts';
import { incidentInput } from '../../domain/incident.ts';
import { subprocessorAsInput, subprocessorInput } from '../../domain/subprocessor.ts';
import { vendorInput } from '../../domain/vendor.ts';
import type { Store } from '../../db/store.ts';
import { DEMO_COMPANY_KEY } from '../about-service.ts';
import { DEMO_SEEDED_KEY } from '../seed-service.ts';
import { REVIEW_CADENCE_KEY, REVIEW_CADENCE_VERSION_KEY } from '../reviews/cadence.ts';
import { restoreEvidence } from './evidence-transfer.ts';
import { exportedDay } from './export-checks.ts';
import { addReview, atRecord, commitmentOf, mfaKnown, provenanceOf, type ExportedMfa } from './restore-records.ts';

/**
 * Frozen reports with their own ids and history. A version-1 document's reports, frozen per
 * comparison, join the history as superseded snapshots: none of them is put in force (they may
 * hold vendors not engaged at the quarter's end), so each quarter is frozen anew when next asked for.
 */
function restoreReports(store: Store, d: ExportDocument, now: string): void {
  store.reports.clear();
  for (const r of d.reportSnapshots) {
    store.reports.insert({ ...r, body: JSON.stringify(r.body), basis: r.basis === null ? null : JSON.stringify(r.basis) });
  }
  for (const r of d.reports ?? []) {
    store.reports.insert({
      quarter: r.quarter,
      asOf: typeof r.body.asOf === 'string' ? r.body.asOf : '',
      body: JSON.stringify(r.body),
      basis: null,
      generatedAt: r.frozenAt,
      generatedBy: 'system',
      supersededAt: now,
      supersededBy: 'restore of an export frozen per comparison',
      origin: 'per-comparison',
      comparedWith: r.vs,
    });
  }
}

/** Writes the document with its own ids, into a database that holds no portfolio. */
export function* restoreExact(store: Store, d: ExportDocument, now: string): Generator<void, void> {
  const recorded = exportedDay(d, now.slice(0, 10));
  for (const [k, v] of d.vendors.entries()) {
    const { id, createdAt, updatedAt, ...fields } = v;
    atRecord(`body.vendors[${k}]`, () => store.vendors.create(vendorInput.parse(fields), createdAt, { id, createdAt, updatedAt }));
    yield;
  }
  // Requests and sheets before the facts that name them.
  const ids = yield* restoreEvidence(store, d, atRecord, true, (id) => id);
  // Links once every incident exists: a document lists incidents by id, not by campaign.
  for (const [k, i] of d.incidents.entries()) {
    const { id, vendorId, createdAt, updatedAt, source, ...fields } = i;
    atRecord(`body.incidents[${k}]`, () =>
      store.incidents.create(vendorId, incidentInput.parse({ ...fields, continuationOf: null }), createdAt, source, { id, createdAt, updatedAt }),
    );
    yield;
  }
  for (const i of d.incidents) if (i.continuationOf != null) store.incidents.setContinuationOf(i.id, i.continuationOf, i.updatedAt);
  // Without knownFrom (an older document), an arrangement is known from its own createdAt day (the repository's default).
  for (const [k, s] of d.subprocessors.entries()) {
    atRecord(`body.subprocessors[${k}]`, () =>
      store.subprocessors.create(
        s.parentVendorId,
        subprocessorInput.parse(subprocessorAsInput(s)),
        s.createdAt,
        { id: s.id, createdAt: s.createdAt, updatedAt: s.updatedAt },
        provenanceOf(s, ids),
      ),
    );
    yield;
  }
  const byVendor = new Map<number, ExportedMfa[]>();
  for (const m of d.mfa) byVendor.set(m.vendorId, [...(byVendor.get(m.vendorId) ?? []), m]);
  for (const [vendorId, items] of byVendor) {
    atRecord(`body.mfa[${d.mfa.indexOf(items[0]!)}]`, () =>
      store.mfa.replace(
        vendorId,
        items.map((m) => mfaKnown(m, recorded, ids)),
        now,
      ),
    );
    yield;
  }
  for (const [k, c] of d.commitments.entries()) atRecord(`body.commitments[${k}]`, () => store.commitments.put(commitmentOf(c, ids)));
  for (const [k, f] of d.postureFacts.entries()) {
    const { id, vendorId, ...fields } = f;
    atRecord(`body.postureFacts[${k}]`, () =>
      store.postureFacts.upsert(vendorId, { ...fields, knownFrom: fields.knownFrom ?? fields.statedDate }, recorded, id),
    );
    yield;
  }
  store.methodology.clear();
  for (const [k, m] of d.methodologyVersions.entries())
    atRecord(`body.methodologyVersions[${k}]`, () => store.methodology.create(m.version, m.parameters, m.note, m.createdAt));
  store.snapshots.clear();
  for (const s of d.snapshots) store.snapshots.put(s.quarter, s.score as never, s.frozenAt);
  restoreReports(store, d, now);
  for (const r of d.reviews) {
    addReview(store, r.vendorId, r, true, now);
    yield;
  }
  if (d.reviewCadence) {
    store.meta.set(REVIEW_CADENCE_KEY, JSON.stringify(d.reviewCadence));
    // A form opened on the cadence this replaces must not save over it.
    store.meta.bumpVersion(REVIEW_CADENCE_VERSION_KEY);
  }
  if (d.demo) {
    store.meta.set(DEMO_COMPANY_KEY, d.demo.company);
    store.meta.set(DEMO_SEEDED_KEY, d.demo.seededAt);
  }
}
