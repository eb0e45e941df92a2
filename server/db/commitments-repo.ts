/** SQL for vendor commitments (notify-within days, security contact): one row per vendor and field. */
import type { Db } from './open.ts';
import type { Commitment, CommitmentField } from '../domain/commitment.ts';
import { readSource, writeSource, type FactConfidence } from '../domain/fact-source.ts';

interface CommitmentRow {
  vendor_id: number;
  field: string;
  value: string;
  confidence: string;
  origin: string | null;
  known_from: string;
  updated_at: string;
}

const toCommitment = (r: CommitmentRow): Commitment => ({
  vendorId: r.vendor_id,
  field: r.field as CommitmentField,
  value: JSON.parse(r.value) as number | string,
  confidence: r.confidence as FactConfidence,
  // The column is `origin`; the field, as the issue names it, `source`.
  source: readSource(r.origin),
  knownFrom: r.known_from,
  updatedAt: r.updated_at,
});

const ORDER = `ORDER BY vendor_id, CASE field WHEN 'notifyWithinDays' THEN 1 WHEN 'securityContactName' THEN 2 ELSE 3 END`;

export function commitmentsRepo(db: Db) {
  const byVendor = db.prepare<[number], CommitmentRow>(`SELECT * FROM vendor_commitments WHERE vendor_id = ? ${ORDER}`);
  const all = db.prepare<[], CommitmentRow>(`SELECT * FROM vendor_commitments ${ORDER}`);
  const upsert = db.prepare(`INSERT INTO vendor_commitments (vendor_id, field, value, confidence, origin, known_from, updated_at)
    VALUES (@vendor_id, @field, @value, @confidence, @origin, @known_from, @updated_at)
    ON CONFLICT (vendor_id, field) DO UPDATE SET value = excluded.value, confidence = excluded.confidence,
      origin = excluded.origin, known_from = excluded.known_from, updated_at = excluded.updated_at`);
  return {
    listByVendor: (vendorId: number): Commitment[] => byVendor.all(vendorId).map(toCommitment),
    all: (): Commitment[] => all.all().map(toCommitment),
    /** Sets one commitment of a vendor (replacing the one it had). */
    put: (c: Commitment): void => {
      upsert.run({
        vendor_id: c.vendorId,
        field: c.field,
        value: JSON.stringify(c.value),
        confidence: c.confidence,
        origin: writeSource(c.source),
        known_from: c.knownFrom,
        updated_at: c.updatedAt,
      });
    },
  };
}

export type CommitmentsRepo = ReturnType<typeof commitmentsRepo>;
