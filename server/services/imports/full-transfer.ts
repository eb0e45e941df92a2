/**
 * Full export and restore. A restore goes into an empty database (default), replaces everything
 * (`replace`, admins), or merges into what is there (`merge`: records matched by name, source or
 * ref are updated, the rest added). One transaction: a restore that fails writes nothing.
 */
import { ZodError } from 'zod';
import type { Actor } from '../../domain/account.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocument, type ExportDocument } from '../../domain/export.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import { incidentAsInput, incidentInput } from '../../domain/incident.ts';
import type { MfaRecord } from '../../domain/mfa.ts';
import { subprocessorAsInput, subprocessorInput } from '../../domain/subprocessor.ts';
import { nameKey, vendorInput } from '../../domain/vendor.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { invalid, ServiceError } from '../errors.ts';
import { DEMO_COMPANY_KEY } from '../about-service.ts';
import { DEMO_SEEDED_KEY } from '../seed-service.ts';
import { cadence as cadenceShape } from '../../domain/review.ts';
import { REVIEW_CADENCE_KEY, REVIEW_CADENCE_VERSION_KEY } from '../reviews/cadence.ts';
import { checkNamesFree } from '../vendors-service.ts';
import type { FeedEvents } from '../changes/feed-events.ts';
import { evidenceProblems, exportEvidence, remapSource, restoreEvidence, sourceProblems, type SourceIds } from './evidence-transfer.ts';
import { documentLinkProblems, exportedDay, futureKnownFrom } from './export-checks.ts';
import { exportDeletedVendors, restoreDeletedVendors } from './deleted-vendors.ts';

export type RestoreMode = 'empty' | 'merge' | 'replace';

export function exportAll(store: Store, clock: Clock, appVersion: string): ExportDocument {
  const strip = <T extends { domain?: unknown; incidentCount?: unknown; version: number }>({ domain: _d, incidentCount: _c, version: _v, ...rest }: T) => rest;
  const company = store.meta.get(DEMO_COMPANY_KEY);
  const seededAt = store.meta.get(DEMO_SEEDED_KEY);
  const mfa = store.mfa.allByVendor();
  const cadence = store.meta.get(REVIEW_CADENCE_KEY);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: clock.now(),
    appVersion,
    vendors: store.vendors
      .all()
      .sort((a, b) => a.id - b.id)
      .map(strip),
    incidents: store.incidents
      .all()
      .sort((a, b) => a.id - b.id)
      .map(({ intrusionStartPrecision: _p, derivedRootCause: _r, derivedEntryPath: _e, version: _v, ...i }) => i),
    subprocessors: store.subprocessors
      .all()
      .sort((a, b) => a.id - b.id)
      .map(({ version: _v, ...s }) => s),
    mfa: [...mfa.entries()].sort(([a], [b]) => a - b).flatMap(([vendorId, items]) => items.map((i) => ({ ...i, vendorId }))),
    postureFacts: store.postureFacts.all(),
    methodologyVersions: store.methodology.list().map((m) => ({
      version: m.version,
      parameters: m.parameters as ExportDocument['methodologyVersions'][number]['parameters'],
      note: m.note,
      createdAt: m.createdAt,
    })),
    snapshots: store.snapshots.all().map((s) => ({
      vendorId: s.vendorId,
      quarter: s.quarter,
      frozenAt: s.frozenAt,
      score: s.score as unknown as ExportDocument['snapshots'][number]['score'],
    })),
    commitments: store.commitments.all(),
    reviews: store.reviews.all().map((r) => ({ ...r, conditions: r.conditions.map(({ vendorId: _v, reviewId: _r, version: _n, ...c }) => c) })),
    reviewCadence: cadence ? cadenceShape.parse(JSON.parse(cadence)) : null,
    reportSnapshots: store.reports
      .all()
      .map((r) => ({ ...r, body: JSON.parse(r.body) as unknown, basis: r.basis === null ? null : (JSON.parse(r.basis) as unknown) })),
    demo: company && seededAt ? { company, seededAt } : null,
    ...exportEvidence(store),
    deletedVendors: exportDeletedVendors(store),
  };
}

/** Parses and checks a document; every problem as a field path. */
export function parseExport(text: string): ExportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw invalid('The document is not valid JSON (is it truncated?).', [{ path: 'body', message: (e as Error).message }]);
  }
  const r = exportDocument.safeParse(raw);
  if (!r.success) throw invalid('The document is not a Vendorscope export of this version.', fieldProblems(r.error, 'body').slice(0, 200));
  return r.data;
}

const counts = (d: ExportDocument) => ({
  vendors: d.vendors.length,
  incidents: d.incidents.length,
  subprocessors: d.subprocessors.length,
  mfaRecords: d.mfa.length,
  postureFacts: d.postureFacts.length,
  methodologyVersions: d.methodologyVersions.length,
  snapshots: d.snapshots.length,
  reports: d.reportSnapshots.length + (d.reports?.length ?? 0),
  reviews: d.reviews.length,
  commitments: d.commitments.length,
  documents: d.documents.length,
  questionnaireRequests: d.questionnaireRequests.length,
  questionnaireAnswers: d.questionnaireAnswers.length,
  questionnaireImports: d.questionnaireImports.length,
});

type ExportedReview = ExportDocument['reviews'][number];

/** Adds a review and its conditions; `exact` keeps their ids and timestamps. */
function addReview(store: Store, vendorId: number, r: ExportedReview, exact: boolean, now: string): void {
  const { id, createdAt, conditions, vendorId: _v, ...fields } = r;
  const reviewId = store.reviews.create({ ...fields, vendorId }, now, exact ? { id, createdAt } : undefined);
  for (const c of conditions) {
    const { id: cid, createdAt: cc, updatedAt: cu, ...cf } = c;
    store.reviews.addCondition(reviewId, cf, now, exact ? { id: cid, createdAt: cc, updatedAt: cu } : undefined);
  }
}

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

type ExportedMfa = ExportDocument['mfa'][number];
/** An arrangement's provenance as the document gives it; a document from before it has none: recorded. */
// A fact's source names its request or sheet by the id it has in this database (`ids`).
const provenanceOf = (s: ExportDocument['subprocessors'][number], ids: SourceIds) => ({
  confidence: s.confidence ?? 'recorded',
  source: remapSource(s.source ?? null, ids),
});
const mfaKnown = ({ vendorId: _v, ...r }: ExportedMfa, recorded: string, ids: SourceIds): MfaRecord => ({
  ...r,
  source: remapSource(r.source, ids),
  knownFrom: r.knownFrom ?? recorded,
});
const commitmentOf = (c: ExportDocument['commitments'][number], ids: SourceIds) => ({ ...c, source: remapSource(c.source, ids) });

/** Writes the document with its own ids, into a database that holds no portfolio. */
/** SQLite's column names, as the document's fields: `incidents.vendor_id` → `vendorId`. */
const fieldsOf = (message: string): string =>
  (/failed: (.+)$/.exec(message)?.[1] ?? '')
    .split(', ')
    .map((c) => c.replace(/^\w+\./, '').replace(/_(\w)/g, (_m, x: string) => x.toUpperCase()))
    .join(', ');

/**
 * One record's write. A constraint the database refuses (a repeated key, a link to a record the
 * document lacks) names the record and what it breaks, not SQLite's words or a stack trace; the
 * transaction around the restore then writes nothing.
 */
function atRecord<T>(path: string, write: () => T): T {
  try {
    return write();
  } catch (e) {
    const { code, message } = e as { code?: unknown; message?: string };
    if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) throw e;
    const why =
      code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
        ? 'refers to a record the document does not have'
        : code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
          ? `repeats another record's ${fieldsOf(message ?? '') || 'key'}`
          : 'breaks a rule of the stored data';
    throw new ServiceError(
      'conflict',
      'restore-conflict',
      `A record in the document conflicts with the rest of it (${path.replace(/^body\./, '')} ${why}); nothing was restored.`,
      [{ path, message: why }],
    );
  }
}

function* restoreExact(store: Store, d: ExportDocument, now: string): Generator<void, void> {
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

/** Adds the document to what is there: vendors by name, incidents by source or ref, subprocessors by name. */
function* merge(store: Store, d: ExportDocument, now: string): Generator<void, number[]> {
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

/** The restore as steps (one a record), so that a caller may let the event loop turn between them. */
/**
 * A merge records the incidents it adds on What changed (`feed`); a restore into an empty or
 * replaced database brings back a past state, not news, and records none.
 */
function* restoreSteps(
  store: Store,
  clock: Clock,
  actor: Actor,
  d: ExportDocument,
  mode: RestoreMode,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
): Generator<void, RestoreSummary> {
  const now = clock.now();
  if (mode === 'empty' && store.vendors.all().length > 0) {
    throw new ServiceError(
      'conflict',
      'database-not-empty',
      'The database already holds vendors: restore with ?mode=merge, or ?mode=replace (admins) to start over.',
    );
  }
  const future = futureKnownFrom(d, clock.today());
  if (future.length > 0) throw invalid('A record in the document is known from a day after today; nothing was restored.', future.slice(0, 200));
  const links = documentLinkProblems(d);
  if (links.length > 0) throw invalid('A campaign link in the document cannot hold; nothing was restored.', links.slice(0, 200));
  const evidence = evidenceProblems(d);
  if (evidence.length > 0)
    throw invalid('A document or questionnaire record in the export does not hold together; nothing was restored.', evidence.slice(0, 200));
  const sources = sourceProblems(d);
  if (sources.length > 0)
    throw invalid('A fact in the export names a questionnaire answer the export does not carry; nothing was restored.', sources.slice(0, 200));
  if (mode === 'replace') store.clearAll();
  try {
    if (mode === 'merge') {
      const added = yield* merge(store, d, now);
      feed.incidentsAdded(added.map((id) => store.incidents.find(id)!));
    } else yield* restoreExact(store, d, now);
    restoreDeletedVendors(store, d);
  } catch (e) {
    // A record that passes the document schema can still be impossible as a whole (dates).
    if (e instanceof ZodError) throw invalid('A record in the document is invalid; nothing was restored.', fieldProblems(e, 'body').slice(0, 200));
    throw e;
  }
  const summary = { mode, ...counts(d) };
  store.audit.append(actor, { action: 'restore', entity: 'export', entityId: null, after: summary }, now);
  return summary;
}

export type RestoreSummary = { mode: RestoreMode } & ReturnType<typeof counts>;

/** Restores the document in one transaction, at once (the CLI). */
export function restore(
  store: Store,
  clock: Clock,
  actor: Actor,
  d: ExportDocument,
  mode: RestoreMode,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
): RestoreSummary {
  return store.transaction(() => {
    const steps = restoreSteps(store, clock, actor, d, mode, feed);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  });
}

/**
 * Restores the document in one transaction that lets the event loop turn every `every` records
 * (the API): all or nothing still, but the server answers meanwhile. The caller keeps other
 * requests off the connection until it settles (imports-service.ts).
 */
export function restoreStepwise(
  store: Store,
  clock: Clock,
  actor: Actor,
  d: ExportDocument,
  mode: RestoreMode,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
  pause: () => Promise<void>,
  every: number,
): Promise<RestoreSummary> {
  return store.longTransaction(restoreSteps(store, clock, actor, d, mode, feed), pause, every);
}
