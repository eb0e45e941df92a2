/** SQL for public posture statements (read by the dossier, written by the demo seed). */
import type { Db } from './open.ts';
import { json, list } from './row-codec.ts';
import type { PostureFact } from '../domain/posture-fact.ts';
import type { Confidence, PostureFactType } from '../domain/vocabulary.ts';

interface PostureFactRow {
  id: number;
  vendor_id: number;
  ref: string;
  fact_type: string;
  applies_to: string;
  statement: string;
  stated_date: string | null;
  related_incident_ids: string;
  sources: string;
  confidence: string;
  notes: string | null;
  known_from: string | null;
}

const toFact = (r: PostureFactRow): PostureFact => ({
  id: r.id,
  vendorId: r.vendor_id,
  ref: r.ref,
  factType: r.fact_type as PostureFactType,
  appliesTo: r.applies_to,
  statement: r.statement,
  statedDate: r.stated_date,
  relatedIncidentIds: list(r.related_incident_ids),
  sources: list(r.sources),
  confidence: r.confidence as Confidence,
  notes: r.notes,
  knownFrom: r.known_from ?? r.stated_date ?? '',
});

/** A statement to store; a null knownFrom is the day it is first stored (and kept on later updates). */
export type NewPostureFact = Omit<PostureFact, 'id' | 'vendorId' | 'knownFrom'> & { readonly knownFrom: string | null };

export function postureFactsRepo(db: Db) {
  const all = db.prepare<[], PostureFactRow>('SELECT * FROM posture_facts ORDER BY id');
  const byVendor = db.prepare<[number], PostureFactRow>('SELECT * FROM posture_facts WHERE vendor_id = ? ORDER BY stated_date IS NULL, stated_date DESC, id');
  const upsert = db.prepare(`INSERT INTO posture_facts (id, vendor_id, ref, fact_type, applies_to, statement, stated_date,
      related_incident_ids, sources, confidence, notes, known_from)
    VALUES (@id, @vendor_id, @ref, @fact_type, @applies_to, @statement, @stated_date, @related_incident_ids, @sources, @confidence, @notes,
      COALESCE(@known_from, @today))
    ON CONFLICT (vendor_id, ref) DO UPDATE SET fact_type = excluded.fact_type, applies_to = excluded.applies_to,
      statement = excluded.statement, stated_date = excluded.stated_date, related_incident_ids = excluded.related_incident_ids,
      sources = excluded.sources, confidence = excluded.confidence, notes = excluded.notes,
      known_from = COALESCE(@known_from, posture_facts.known_from)`);

  return {
    listByVendor: (vendorId: number): PostureFact[] => byVendor.all(vendorId).map(toFact),
    all: (): PostureFact[] => all.all().map(toFact),
    /** Adds or updates a fact by (vendor, ref), on `today` (YYYY-MM-DD); a restore passes the exported id. */
    upsert: (vendorId: number, f: NewPostureFact, today: string, id: number | null = null): void => {
      upsert.run({
        id,
        vendor_id: vendorId,
        ref: f.ref,
        fact_type: f.factType,
        applies_to: f.appliesTo,
        statement: f.statement,
        stated_date: f.statedDate,
        related_incident_ids: json(f.relatedIncidentIds),
        sources: json(f.sources),
        confidence: f.confidence,
        notes: f.notes,
        known_from: f.knownFrom,
        today,
      });
    },
  };
}

export type PostureFactsRepo = ReturnType<typeof postureFactsRepo>;
