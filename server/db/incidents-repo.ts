/** SQL for incidents. */
import type { Db } from './open.ts';
import { bit, bool, json, list, type Kept } from './row-codec.ts';
import { derivedClassification, type Incident, type IncidentInput, type IncidentSource } from '../domain/incident.ts';
import { precisionOf } from '../domain/partial-date.ts';
import type { AccessVector, Confidence, EntryPath, MfaRelevance, RootCause, Severity, SupportInvolvementType } from '../domain/vocabulary.ts';

interface IncidentRow {
  id: number;
  vendor_id: number;
  ref: string | null;
  title: string;
  intrusion_start_date: string | null;
  detected_by_vendor_date: string | null;
  first_reported_by_third_party_date: string | null;
  first_reported_by: string | null;
  public_disclosure_date: string | null;
  initial_access_vectors: string;
  initial_access_detail: string | null;
  support_involved: number | null;
  support_involvement_type: string;
  support_subprocessor: string | null;
  support_detail: string | null;
  mfa_relevance: string;
  mfa_detail: string | null;
  customers_affected: number | null;
  customers_affected_detail: string | null;
  threat_actor: string | null;
  severity: string;
  severity_rationale: string | null;
  related_incident_ids: string;
  also_affected_vendors: string;
  sources: string;
  confidence: string;
  notes: string | null;
  root_cause: string | null;
  entry_path: string | null;
  continuation_of: number | null;
  source_format: string | null;
  source_id: string | null;
  source_attribution: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IncidentFilter {
  vendorId?: number | undefined;
  source?: string | undefined;
  year?: number | undefined;
  limit: number;
  offset: number;
}

const toIncident = (r: IncidentRow): Incident =>
  withDerived({
    id: r.id,
    vendorId: r.vendor_id,
    ref: r.ref,
    title: r.title,
    intrusionStartDate: r.intrusion_start_date,
    intrusionStartPrecision: precisionOf(r.intrusion_start_date),
    detectedByVendorDate: r.detected_by_vendor_date,
    firstReportedByThirdPartyDate: r.first_reported_by_third_party_date,
    firstReportedBy: r.first_reported_by,
    publicDisclosureDate: r.public_disclosure_date,
    initialAccessVectors: list<AccessVector>(r.initial_access_vectors),
    initialAccessDetail: r.initial_access_detail,
    supportInvolved: bool(r.support_involved),
    supportInvolvementType: r.support_involvement_type as SupportInvolvementType,
    supportSubprocessor: r.support_subprocessor,
    supportDetail: r.support_detail,
    mfaRelevance: r.mfa_relevance as MfaRelevance,
    mfaDetail: r.mfa_detail,
    customersAffected: r.customers_affected,
    customersAffectedDetail: r.customers_affected_detail,
    threatActor: r.threat_actor,
    severity: r.severity as Severity,
    severityRationale: r.severity_rationale,
    relatedIncidentIds: list(r.related_incident_ids),
    alsoAffectedVendors: list(r.also_affected_vendors),
    sources: list(r.sources),
    confidence: r.confidence as Confidence,
    notes: r.notes,
    rootCause: r.root_cause as RootCause | null,
    entryPath: r.entry_path as EntryPath | null,
    continuationOf: r.continuation_of,
    source: r.source_format === 'veris' ? { format: 'veris', id: r.source_id ?? '', attribution: r.source_attribution ?? '' } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  });

const withDerived = (i: Omit<Incident, 'derivedRootCause' | 'derivedEntryPath'>): Incident => ({ ...i, ...derivedClassification(i) });

const columns = (i: IncidentInput, now: string) => ({
  ref: i.ref,
  title: i.title,
  intrusion_start_date: i.intrusionStartDate,
  detected_by_vendor_date: i.detectedByVendorDate,
  first_reported_by_third_party_date: i.firstReportedByThirdPartyDate,
  first_reported_by: i.firstReportedBy,
  public_disclosure_date: i.publicDisclosureDate,
  initial_access_vectors: json(i.initialAccessVectors),
  initial_access_detail: i.initialAccessDetail,
  support_involved: bit(i.supportInvolved),
  support_involvement_type: i.supportInvolvementType,
  support_subprocessor: i.supportSubprocessor,
  support_detail: i.supportDetail,
  mfa_relevance: i.mfaRelevance,
  mfa_detail: i.mfaDetail,
  customers_affected: i.customersAffected,
  customers_affected_detail: i.customersAffectedDetail,
  threat_actor: i.threatActor,
  severity: i.severity,
  severity_rationale: i.severityRationale,
  related_incident_ids: json(i.relatedIncidentIds),
  also_affected_vendors: json(i.alsoAffectedVendors),
  sources: json(i.sources),
  confidence: i.confidence,
  notes: i.notes,
  root_cause: i.rootCause,
  entry_path: i.entryPath,
  continuation_of: i.continuationOf,
  now,
});

const COLUMNS = Object.keys(columns({} as IncidentInput, '')).filter((c) => c !== 'now');

const sourceColumns = (source: IncidentSource) => ({
  source_format: source?.format ?? null,
  source_id: source?.id ?? null,
  source_key: source?.id.toLowerCase() ?? null,
  source_attribution: source?.attribution ?? null,
});

// One statement for every combination of filters: a NULL parameter switches its clause off.
const LIST_WHERE = `WHERE (@vendor_id IS NULL OR vendor_id = @vendor_id)
  AND (@source IS NULL OR source_format = @source)
  AND (@year IS NULL OR substr(intrusion_start_date, 1, 4) = @year)`;

// Newest first by disclosure; undisclosed incidents (NULL) come first, they are the freshest news.
const ORDER = 'ORDER BY public_disclosure_date IS NOT NULL, public_disclosure_date DESC, id DESC';

export function incidentsRepo(db: Db) {
  const byId = db.prepare<[number], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
  const byVendor = db.prepare<[number], IncidentRow>(`SELECT * FROM incidents WHERE vendor_id = ? ${ORDER}`);
  const all = db.prepare<[], IncidentRow>(`SELECT * FROM incidents ${ORDER}`);
  const countFor = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM incidents WHERE vendor_id = ?');
  const insert = db.prepare(
    `INSERT INTO incidents (id, vendor_id, ${COLUMNS.join(', ')}, source_format, source_id, source_key, source_attribution, created_at, updated_at)
     VALUES (@id, @vendor_id, ${COLUMNS.map((c) => `@${c}`).join(', ')}, @source_format, @source_id, @source_key, @source_attribution, @created_at, @updated_at)`,
  );
  const bySource = db.prepare<[string, string], IncidentRow>('SELECT * FROM incidents WHERE source_format = ? AND source_key = ?');
  const page = db.prepare<Record<string, unknown>, IncidentRow>(`SELECT * FROM incidents ${LIST_WHERE} ${ORDER} LIMIT @limit OFFSET @offset`);
  const count = db.prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM incidents ${LIST_WHERE}`);
  const update = db.prepare(
    `UPDATE incidents SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now, version = version + 1
     WHERE id = @id AND (@expect IS NULL OR version = @expect)`,
  );
  const remove = db.prepare<{ id: number; expect: number | null }>('DELETE FROM incidents WHERE id = @id AND (@expect IS NULL OR version = @expect)');
  const link = db.prepare<{ id: number; continuation_of: number | null; now: string }>(
    'UPDATE incidents SET continuation_of = @continuation_of, updated_at = @now, version = version + 1 WHERE id = @id',
  );
  const continuations = db.prepare<[number], IncidentRow>(`SELECT * FROM incidents WHERE continuation_of = ? ${ORDER}`);

  return {
    find: (id: number): Incident | undefined => {
      const r = byId.get(id);
      return r && toIncident(r);
    },
    listByVendor: (vendorId: number): Incident[] => byVendor.all(vendorId).map(toIncident),
    all: (): Incident[] => all.all().map(toIncident),
    countByVendor: (vendorId: number): number => countFor.get(vendorId)!.n,
    /** The incident imported from this source record, if any (ids compared ignoring case). */
    findBySource: (format: string, id: string): Incident | undefined => {
      const r = bySource.get(format, id.toLowerCase());
      return r && toIncident(r);
    },
    /** Incidents across vendors, filtered and paged, newest disclosure first. */
    list: (f: IncidentFilter): { items: Incident[]; total: number } => {
      const p = { vendor_id: f.vendorId ?? null, source: f.source ?? null, year: f.year === undefined ? null : String(f.year) };
      return { items: page.all({ ...p, limit: f.limit, offset: f.offset }).map(toIncident), total: count.get(p)!.n };
    },
    /** Inserts an incident; a ref already used for this vendor throws SQLITE_CONSTRAINT_UNIQUE. */
    create: (vendorId: number, i: IncidentInput, now: string, source: IncidentSource = null, keep?: Kept): number =>
      Number(
        insert.run({
          ...columns(i, now),
          ...sourceColumns(source),
          vendor_id: vendorId,
          id: keep?.id ?? null,
          created_at: keep?.createdAt ?? now,
          updated_at: keep?.updatedAt ?? now,
        }).lastInsertRowid,
      ),
    /** Writes the incident and adds one to its version, only at version `expect` when given (false: nothing written). */
    update: (id: number, i: IncidentInput, now: string, expect?: number): boolean => update.run({ ...columns(i, now), id, expect: expect ?? null }).changes > 0,
    /** Deletes the incident, only at version `expect` when given. */
    remove: (id: number, expect?: number): boolean => remove.run({ id, expect: expect ?? null }).changes > 0,
    /** Sets or clears the incident an incident continues (seeding and restores set links once every incident exists). */
    setContinuationOf: (id: number, continuationOf: number | null, now: string): void => {
      link.run({ id, continuation_of: continuationOf, now });
    },
    /** The incidents that continue this one. */
    continuationsOf: (id: number): Incident[] => continuations.all(id).map(toIncident),
  };
}

export type IncidentsRepo = ReturnType<typeof incidentsRepo>;
