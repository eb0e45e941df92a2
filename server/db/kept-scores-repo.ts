/** SQL for the kept scores (migration 0013): the rows, the stale queue the triggers fill, the generation. */
import type { Db } from './open.ts';
import type { Band } from '../domain/methodology.ts';

export const STALE_REASONS = ['incidents', 'posture', 'review', 'methodology', 'day'] as const;
export type StaleReason = (typeof STALE_REASONS)[number];

/** A kept row with its JSON still as text: the heatmap serves rows without parsing whole scores. */
export interface KeptRow {
  vendorId: number;
  methodologyVersion: string;
  asOf: string;
  status: string;
  risk: number;
  band: string;
  score: string;
  heatmapRow: string;
  reviewStatus: string;
  recordedRisk: number;
  recordedBand: string;
  pendingCauses: string;
}

export interface KeptWrite extends Omit<KeptRow, 'status'> {
  status: string;
  likelihood: number;
  impact: number;
  inherentRisk: number;
  assessed: boolean;
  computedAt: string;
}

const COLUMNS = `vendor_id AS vendorId, methodology_version AS methodologyVersion, as_of AS asOf, status, risk, band, score,
  heatmap_row AS heatmapRow, review_status AS reviewStatus, recorded_risk AS recordedRisk, recorded_band AS recordedBand, pending_causes AS pendingCauses`;

export function keptScoresRepo(db: Db) {
  const one = db.prepare<[number], KeptRow>(`SELECT ${COLUMNS} FROM kept_scores WHERE vendor_id = ? ORDER BY as_of DESC LIMIT 1`);
  const all = db.prepare<[], KeptRow>(`SELECT ${COLUMNS} FROM kept_scores ORDER BY vendor_id`);
  const rowsOf = db.prepare<[string, string], Pick<KeptRow, 'vendorId' | 'status' | 'heatmapRow'>>(
    'SELECT vendor_id AS vendorId, status, heatmap_row AS heatmapRow FROM kept_scores WHERE methodology_version = ? AND as_of = ?',
  );
  const statusesOf = db.prepare<[string, string], Pick<KeptRow, 'vendorId' | 'reviewStatus'>>(
    'SELECT vendor_id AS vendorId, review_status AS reviewStatus FROM kept_scores WHERE methodology_version = ? AND as_of = ?',
  );
  const risksOf = db.prepare<[string, string], { vendorId: number; risk: number; band: Band }>(
    'SELECT vendor_id AS vendorId, risk, band FROM kept_scores WHERE methodology_version = ? AND as_of = ?',
  );
  const scoresOf = db.prepare<[string, string], Pick<KeptRow, 'vendorId' | 'score'>>(
    'SELECT vendor_id AS vendorId, score FROM kept_scores WHERE methodology_version = ? AND as_of = ?',
  );
  const dropOthers = db.prepare<[number, string]>('DELETE FROM kept_scores WHERE vendor_id = ? AND methodology_version <> ?');
  const upsert = db.prepare(`INSERT OR REPLACE INTO kept_scores (vendor_id, methodology_version, as_of, status, risk, band, likelihood, impact,
      inherent_risk, assessed, score, heatmap_row, review_status, recorded_risk, recorded_band, pending_causes, computed_at)
    VALUES (@vendorId, @methodologyVersion, @asOf, @status, @risk, @band, @likelihood, @impact, @inherentRisk, @assessed, @score,
      @heatmapRow, @reviewStatus, @recordedRisk, @recordedBand, @pendingCauses, @computedAt)`);
  const removeKept = db.prepare<[number]>('DELETE FROM kept_scores WHERE vendor_id = ?');
  const anyStale = db.prepare<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM kept_stale) AS n');
  const countStale = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM (SELECT DISTINCT vendor_id FROM kept_stale LIMIT ?)');
  const staleIds = db.prepare<[number], { vendorId: number }>('SELECT DISTINCT vendor_id AS vendorId FROM kept_stale ORDER BY vendor_id LIMIT ?');
  const reasonsOf = db.prepare<[number], { reason: StaleReason; seq: number }>('SELECT reason, seq FROM kept_stale WHERE vendor_id = ?');
  const maxSeq = db.prepare<[], { n: number | null }>('SELECT MAX(seq) AS n FROM kept_stale');
  const clearVendor = db.prepare<[number]>('DELETE FROM kept_stale WHERE vendor_id = ?');
  const outdated = db.prepare<{ asOf: string; version: string }, { n: number }>(
    'SELECT EXISTS (SELECT 1 FROM kept_scores WHERE as_of < @asOf OR as_of > @asOf OR methodology_version <> @version) AS n',
  );
  const markOutdated = db.prepare<{ asOf: string; version: string }>(
    `INSERT INTO kept_stale (vendor_id, reason) SELECT vendor_id, 'day' FROM kept_scores WHERE as_of <> @asOf OR methodology_version <> @version`,
  );
  const markMissing = db.prepare(
    `INSERT INTO kept_stale (vendor_id, reason) SELECT id, 'posture' FROM vendors WHERE id NOT IN (SELECT vendor_id FROM kept_scores)`,
  );
  const markAll = db.prepare<[string]>('INSERT INTO kept_stale (vendor_id, reason) SELECT id, ? FROM vendors');
  const generation = db.prepare<[], { g: number }>('SELECT generation AS g FROM kept_generation WHERE id = 1');
  const bump = db.prepare('UPDATE kept_generation SET generation = generation + 1 WHERE id = 1');

  return {
    /** The latest kept row of a vendor, whatever its version and day (the caller checks both). */
    find: (vendorId: number): KeptRow | undefined => one.get(vendorId),
    all: (): KeptRow[] => all.all(),
    heatmapRows: (version: string, asOf: string) => rowsOf.all(version, asOf),
    reviewStatuses: (version: string, asOf: string) => statusesOf.all(version, asOf),
    scores: (version: string, asOf: string) => scoresOf.all(version, asOf),
    /** Risk and band alone (the trends' current column): no score JSON read. */
    risks: (version: string, asOf: string) => risksOf.all(version, asOf),
    /** Writes a vendor's row and drops the rows of other methodology versions. */
    put: (w: KeptWrite): void => {
      dropOthers.run(w.vendorId, w.methodologyVersion);
      upsert.run({ ...w, assessed: w.assessed ? 1 : 0 });
    },
    remove: (vendorId: number): void => {
      removeKept.run(vendorId);
    },
    anyStale: (): boolean => anyStale.get()!.n === 1,
    /** How many vendors are stale, counting no further than `upTo`. */
    staleCount: (upTo: number): number => countStale.get(upTo)!.n,
    staleVendors: (limit: number): number[] => staleIds.all(limit).map((r) => r.vendorId),
    reasons: (vendorId: number) => reasonsOf.all(vendorId),
    maxSeq: (): number => maxSeq.get()!.n ?? 0,
    clear: (vendorId: number): void => {
      clearVendor.run(vendorId);
    },
    /** True when some kept row is of another day or methodology version than these. */
    outdated: (asOf: string, version: string): boolean => outdated.get({ asOf, version })!.n === 1,
    /** Marks stale what is kept for another day, and vendors nothing is kept for. */
    markOutdated: (asOf: string, version: string): void => {
      markOutdated.run({ asOf, version });
      markMissing.run();
    },
    markAll: (reason: StaleReason): void => {
      markAll.run(reason);
    },
    generation: (): number => generation.get()!.g,
    bumpGeneration: (): void => {
      bump.run();
    },
  };
}

export type KeptScoresRepo = ReturnType<typeof keptScoresRepo>;
