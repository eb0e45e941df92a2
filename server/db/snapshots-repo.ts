/** SQL for frozen quarter-end score snapshots. */
import type { Db } from './open.ts';
import type { VendorScore } from '../scoring/types.ts';

export interface Snapshot {
  readonly vendorId: number;
  readonly quarter: string;
  readonly frozenAt: string;
  readonly score: VendorScore;
}

/** A vendor as a trend row names it. */
export interface TrendVendor {
  readonly id: number;
  readonly name: string;
  readonly tier: number;
}

interface Row {
  vendor_id: number;
  quarter: string;
  score: string;
  frozen_at: string;
}

const toSnapshot = (r: Row): Snapshot => ({ vendorId: r.vendor_id, quarter: r.quarter, frozenAt: r.frozen_at, score: JSON.parse(r.score) as VendorScore });

export function snapshotsRepo(db: Db) {
  const forVendor = db.prepare<[number, string, string], Row>(
    'SELECT vendor_id, quarter, score, frozen_at FROM score_snapshots WHERE vendor_id = ? AND quarter BETWEEN ? AND ? ORDER BY quarter',
  );
  const forQuarter = db.prepare<[string], Row>('SELECT vendor_id, quarter, score, frozen_at FROM score_snapshots WHERE quarter = ?');
  const risks = db.prepare<[string], { vendorId: number; risk: number; band: VendorScore['band'] }>(
    'SELECT vendor_id AS vendorId, risk, band FROM score_snapshots WHERE quarter = ?',
  );
  const trendVendors = db.prepare<[], TrendVendor>("SELECT id, name, tier FROM vendors WHERE status <> 'not-engaged' ORDER BY name COLLATE NOCASE, id");
  const all = db.prepare<[], Row>('SELECT vendor_id, quarter, score, frozen_at FROM score_snapshots ORDER BY quarter, vendor_id');
  const clear = db.prepare('DELETE FROM score_snapshots');
  const upsert = db.prepare(`INSERT INTO score_snapshots (vendor_id, quarter, as_of, methodology_version, likelihood, impact, risk, band,
      confidence, score, frozen_at)
    VALUES (@vendor_id, @quarter, @as_of, @methodology_version, @likelihood, @impact, @risk, @band, @confidence, @score, @frozen_at)
    ON CONFLICT (vendor_id, quarter) DO UPDATE SET as_of = excluded.as_of, methodology_version = excluded.methodology_version,
      likelihood = excluded.likelihood, impact = excluded.impact, risk = excluded.risk, band = excluded.band,
      confidence = excluded.confidence, score = excluded.score, frozen_at = excluded.frozen_at`);
  return {
    /** A vendor's snapshots for quarters in [from, to] (labels sort as text). */
    forVendor: (vendorId: number, from: string, to: string): Snapshot[] => forVendor.all(vendorId, from, to).map(toSnapshot),
    forQuarter: (quarter: string): Snapshot[] => forQuarter.all(quarter).map(toSnapshot),
    /** A quarter's frozen risk and band per vendor, from their own columns: no score JSON is read. */
    risksForQuarter: (quarter: string): Array<{ vendorId: number; risk: number; band: VendorScore['band'] }> => risks.all(quarter),
    /** The vendors the trends show (every one engaged), with just what a trend row names: no counts, no relationship. */
    trendVendors: (): TrendVendor[] => trendVendors.all(),
    all: (): Snapshot[] => all.all().map(toSnapshot),
    clear: (): void => {
      clear.run();
    },
    /** Stores (or, for an explicit recompute, replaces) a vendor's snapshot of a quarter. */
    put: (quarter: string, score: VendorScore, now: string): void => {
      upsert.run({
        vendor_id: score.vendorId,
        quarter,
        as_of: score.asOf,
        methodology_version: score.methodologyVersion,
        likelihood: score.likelihood,
        impact: score.impact,
        risk: score.risk,
        band: score.band,
        confidence: score.confidence,
        score: JSON.stringify(score),
        frozen_at: now,
      });
    },
  };
}

export type SnapshotsRepo = ReturnType<typeof snapshotsRepo>;
