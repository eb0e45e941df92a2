/** SQL for subprocessors (support arrangements and other fourth parties). */
import type { Db } from './open.ts';
import { bit, bool, json, list, type Kept } from './row-codec.ts';
import type { Subprocessor, SubprocessorInput } from '../domain/subprocessor.ts';
import type { AccessLevel, MfaMethod } from '../domain/vocabulary.ts';
import { readSource, writeSource, type FactConfidence, type FactSource } from '../domain/fact-source.ts';

/** How sure an arrangement is and where it came from: set by a questionnaire's review, kept by other edits. */
export interface Provenance {
  readonly confidence: FactConfidence;
  readonly source: FactSource | null;
}
const provenanceColumns = (p: Provenance | undefined) => ({
  confidence: p?.confidence ?? null,
  origin: p ? writeSource(p.source) : null,
  set_provenance: p ? 1 : 0,
});

interface SubprocessorRow {
  id: number;
  parent_vendor_id: number;
  name: string;
  function: string;
  outsourced: number;
  access_level: string;
  artifacts_sanitized: number | null;
  retention_days: number | null;
  staff_mfa: string | null;
  vendor_id: number | null;
  location: string | null;
  since: string | null;
  until: string | null;
  evidence: string | null;
  sources: string;
  known_from: string | null;
  confidence: string;
  origin: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const toSubprocessor = (r: SubprocessorRow): Subprocessor => ({
  id: r.id,
  parentVendorId: r.parent_vendor_id,
  name: r.name,
  function: r.function,
  outsourced: r.outsourced === 1,
  accessLevel: r.access_level as AccessLevel,
  artifactsSanitized: bool(r.artifacts_sanitized),
  retentionDays: r.retention_days,
  staffMfa: r.staff_mfa as MfaMethod | null,
  vendorId: r.vendor_id,
  location: r.location,
  since: r.since,
  until: r.until,
  evidence: r.evidence,
  sources: list(r.sources),
  // Rows from before knownFrom was recorded have none: the day they were recorded stands in.
  knownFrom: r.known_from ?? r.created_at.slice(0, 10),
  confidence: r.confidence as FactConfidence,
  // The column is `origin`; the field, as the issue names it, `source`.
  source: readSource(r.origin),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const columns = (s: SubprocessorInput, now: string) => ({
  name: s.name,
  function: s.function,
  outsourced: bit(s.outsourced),
  access_level: s.accessLevel,
  artifacts_sanitized: bit(s.artifactsSanitized),
  retention_days: s.retentionDays,
  staff_mfa: s.staffMfa,
  vendor_id: s.vendorId,
  location: s.location,
  since: s.since,
  until: s.until,
  evidence: s.evidence,
  sources: json(s.sources),
  known_from: s.knownFrom,
  now,
});

export function subprocessorsRepo(db: Db) {
  const byId = db.prepare<[number], SubprocessorRow>('SELECT * FROM subprocessors WHERE id = ?');
  const byParent = db.prepare<[number], SubprocessorRow>('SELECT * FROM subprocessors WHERE parent_vendor_id = ? ORDER BY name, id');
  const all = db.prepare<[], SubprocessorRow>('SELECT * FROM subprocessors ORDER BY parent_vendor_id, name, id');
  const insert = db.prepare(`INSERT INTO subprocessors (id, parent_vendor_id, name, function, outsourced, access_level,
      artifacts_sanitized, retention_days, staff_mfa, vendor_id, location, since, until, evidence, sources, known_from, created_at, updated_at,
      confidence, origin)
    VALUES (@id, @parent_vendor_id, @name, @function, @outsourced, @access_level, @artifacts_sanitized, @retention_days,
      @staff_mfa, @vendor_id, @location, @since, @until, @evidence, @sources, COALESCE(@known_from, substr(@created_at, 1, 10)), @created_at, @updated_at,
      COALESCE(@confidence, 'recorded'), @origin)`);
  const update = db.prepare(`UPDATE subprocessors SET name = @name, function = @function, outsourced = @outsourced,
      access_level = @access_level, artifacts_sanitized = @artifacts_sanitized, retention_days = @retention_days,
      staff_mfa = @staff_mfa, vendor_id = @vendor_id, location = @location, since = @since, until = @until,
      evidence = @evidence, sources = @sources, known_from = COALESCE(@known_from, known_from), updated_at = @now,
      confidence = CASE WHEN @set_provenance = 1 THEN @confidence ELSE confidence END,
      origin = CASE WHEN @set_provenance = 1 THEN @origin ELSE origin END,
      version = version + 1
    WHERE id = @id AND (@expect IS NULL OR version = @expect)`);
  const remove = db.prepare<{ id: number; expect: number | null }>('DELETE FROM subprocessors WHERE id = @id AND (@expect IS NULL OR version = @expect)');

  return {
    find: (id: number): Subprocessor | undefined => {
      const r = byId.get(id);
      return r && toSubprocessor(r);
    },
    listByVendor: (parentVendorId: number): Subprocessor[] => byParent.all(parentVendorId).map(toSubprocessor),
    all: (): Subprocessor[] => all.all().map(toSubprocessor),
    /** Inserts an arrangement; without a knownFrom it is known from the day it is recorded (created); without provenance, recorded. */
    create: (parentVendorId: number, s: SubprocessorInput, now: string, keep?: Kept, provenance?: Provenance): number =>
      Number(
        insert.run({
          ...columns(s, now),
          ...provenanceColumns(provenance),
          parent_vendor_id: parentVendorId,
          id: keep?.id ?? null,
          created_at: keep?.createdAt ?? now,
          updated_at: keep?.updatedAt ?? now,
        }).lastInsertRowid,
      ),
    /** Changes an arrangement; without a knownFrom it keeps the one it has, without provenance the one it has. */
    update: (id: number, s: SubprocessorInput, now: string, expect?: number, provenance?: Provenance): boolean =>
      update.run({ ...columns(s, now), ...provenanceColumns(provenance), id, expect: expect ?? null }).changes > 0,
    /** Deletes the arrangement, only at version `expect` when given. */
    remove: (id: number, expect?: number): boolean => remove.run({ id, expect: expect ?? null }).changes > 0,
  };
}

export type SubprocessorsRepo = ReturnType<typeof subprocessorsRepo>;
