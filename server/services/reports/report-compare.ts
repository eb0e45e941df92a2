/**
 * A report compared with another quarter, PURE: from two sides (each a report body and its basis:
 * two frozen snapshots, two restated views, or the live quarter and a frozen one), the comparison
 * columns: each vendor's previous risk and change, the movers with their causes, the vendors new
 * since the other quarter and those no longer in the report. Nothing recorded after the sides were
 * taken can enter it, so comparing two frozen snapshots gives the same answer every time.
 */
import { round1 } from '../../scoring/arithmetic.ts';
import { CAUSES, type Causes } from '../../scoring/attribution.ts';
import { explainBetweenSnapshots } from '../../scoring/attribution-frozen.ts';
import type { Policy } from '../../scoring/policy.ts';
import type { Band } from '../../domain/methodology.ts';
import type { BasisVendor, ReportBasis, ReportBody } from './report-body.ts';

export { CAUSES };

/** Movers: vendors whose risk changed by at least this much. */
export const MOVER_POINTS = 1;

export interface ReportSide {
  readonly body: ReportBody;
  readonly basis: ReportBasis;
  /** The stored snapshot this side is (or restates); null for the live current quarter. */
  readonly snapshotId: number | null;
  readonly generatedAt: string;
}

export interface Mover {
  vendorId: number;
  name: string;
  tier: number;
  from: number;
  to: number;
  delta: number;
  causes: Causes;
}

export interface VendorComparison {
  /** The risk in the quarter compared with; null for a vendor not in that quarter's report. */
  previousRisk: number | null;
  delta: number | null;
  /** In this report, not in the other quarter's ("new since 2022-Q4"). */
  newSinceVs: boolean;
}

export interface LeftVendor {
  vendorId: number;
  name: string;
  tier: number;
  risk: number;
  band: Band;
}

export function compareSides(side: ReportSide, vs: ReportSide, policyOf: (version: string) => Policy) {
  const before = new Map(vs.basis.vendors.map((v) => [v.vendorId, v]));
  const after = new Map(side.basis.vendors.map((v) => [v.vendorId, v]));
  const columns = new Map<number, VendorComparison>(
    side.body.vendors.map((v) => {
      const was = before.get(v.vendorId);
      return [v.vendorId, { previousRisk: was ? was.risk : null, delta: was ? round1(v.risk - was.risk) : null, newSinceVs: !was }];
    }),
  );
  const causes = (was: BasisVendor, now: BasisVendor): Causes =>
    explainBetweenSnapshots(
      was.facts,
      now.facts,
      { day: vs.body.asOf, policy: policyOf(was.methodologyVersion), risk: was.risk },
      { day: side.body.asOf, policy: policyOf(now.methodologyVersion), risk: now.risk },
    );
  const movers: Mover[] = side.body.vendors
    .flatMap((v) => {
      const was = before.get(v.vendorId);
      const now = after.get(v.vendorId);
      const delta = columns.get(v.vendorId)!.delta;
      if (!was || !now || delta === null || Math.abs(delta) < MOVER_POINTS) return [];
      return [{ vendorId: v.vendorId, name: v.name, tier: v.tier, from: was.risk, to: v.risk, delta, causes: causes(was, now) }];
    })
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name));
  const leftSinceVs: LeftVendor[] = vs.body.vendors
    .filter((v) => !after.has(v.vendorId))
    .map((v) => ({ vendorId: v.vendorId, name: v.name, tier: v.tier, risk: v.risk, band: v.band }));
  return {
    columns,
    movers,
    comparison: {
      snapshotId: vs.snapshotId,
      generatedAt: vs.generatedAt,
      summary: { vendors: vs.body.summary.vendors, averageRisk: vs.body.summary.averageRisk },
      newSinceVs: [...columns.values()].filter((c) => c.newSinceVs).length,
      leftSinceVs,
    },
  };
}
