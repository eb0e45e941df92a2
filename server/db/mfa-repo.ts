/** SQL for MFA posture: one record per vendor and population. */
import type { Db } from './open.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import type { MfaMethod, MfaPopulation } from '../domain/vocabulary.ts';
import type { MFA_EVIDENCE } from '../domain/mfa.ts';
import { isFactSource, readSource, writeSource, type FactConfidence } from '../domain/fact-source.ts';

interface MfaRow {
  vendor_id: number;
  population: string;
  method: string;
  enforced: number;
  evidence: string;
  source: string | null;
  assessed_on: string;
  notes: string | null;
  known_from: string | null;
  updated_at: string;
  confidence: string;
  origin: string | null;
}

const toRecord = (r: MfaRow): MfaRecord => ({
  population: r.population as MfaPopulation,
  method: r.method as MfaMethod,
  enforced: r.enforced === 1,
  evidence: r.evidence as (typeof MFA_EVIDENCE)[number],
  // Two columns, one field: `source` holds a citation, `origin` (JSON) the answer a record came from; the answer wins.
  source: readSource(r.origin) ?? r.source,
  assessedOn: r.assessed_on,
  notes: r.notes,
  // Rows from before knownFrom was recorded have none: the day they were last written stands in.
  knownFrom: r.known_from ?? r.updated_at.slice(0, 10),
  confidence: r.confidence as FactConfidence,
});

// Populations in the order people read them: who holds the keys first.
const ORDER = `ORDER BY CASE population WHEN 'admins' THEN 1 WHEN 'support' THEN 2 WHEN 'workforce' THEN 3
  WHEN 'contractors' THEN 4 ELSE 5 END`;

export function mfaRepo(db: Db) {
  const byVendor = db.prepare<[number], MfaRow>(`SELECT * FROM mfa_postures WHERE vendor_id = ? ${ORDER}`);
  const all = db.prepare<[], MfaRow>(`SELECT * FROM mfa_postures ${ORDER}`);
  const clear = db.prepare<[number]>('DELETE FROM mfa_postures WHERE vendor_id = ?');
  // The posture's version lives on its vendor (vendors.mfa_version); it moves with every replacement.
  const bump = db.prepare<{ id: number; expect: number | null }>(
    'UPDATE vendors SET mfa_version = mfa_version + 1 WHERE id = @id AND (@expect IS NULL OR mfa_version = @expect)',
  );
  const insert =
    db.prepare(`INSERT INTO mfa_postures (vendor_id, population, method, enforced, evidence, source, assessed_on, notes, known_from, updated_at, confidence, origin)
    VALUES (@vendor_id, @population, @method, @enforced, @evidence, @source, @assessed_on, @notes, @known_from, @now, @confidence, @origin)`);

  return {
    listByVendor: (vendorId: number): MfaRecord[] => byVendor.all(vendorId).map(toRecord),
    /** Every vendor's records, grouped by vendor id. */
    allByVendor: (): Map<number, MfaRecord[]> => {
      const out = new Map<number, MfaRecord[]>();
      for (const r of all.all()) {
        const list = out.get(r.vendor_id);
        if (list) list.push(toRecord(r));
        else out.set(r.vendor_id, [toRecord(r)]);
      }
      return out;
    },
    /**
     * Replaces the vendor's whole posture with these records and adds one to its version, atomically;
     * only at version `expect` when given (false: nothing written).
     */
    replace: db.transaction((vendorId: number, items: readonly MfaRecord[], now: string, expect?: number): boolean => {
      if (bump.run({ id: vendorId, expect: expect ?? null }).changes === 0) return false;
      clear.run(vendorId);
      for (const i of items) {
        insert.run({
          vendor_id: vendorId,
          population: i.population,
          method: i.method,
          enforced: i.enforced ? 1 : 0,
          evidence: i.evidence,
          source: isFactSource(i.source) ? null : i.source,
          assessed_on: i.assessedOn,
          notes: i.notes,
          known_from: i.knownFrom,
          now,
          // A record without them (typed, or from an older export) is recorded by an analyst.
          confidence: i.confidence ?? 'recorded',
          origin: isFactSource(i.source) ? writeSource(i.source) : null,
        });
      }
      return true;
    }),
  };
}

export type MfaRepo = ReturnType<typeof mfaRepo>;
