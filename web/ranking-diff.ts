/**
 * The portfolio ranked under each decay policy, and who moves, PURE. The same facts ranked with
 * a different memory show what the choice of policy does: a vendor that climbs when old incidents
 * are forgotten is one whose risk lives in its history.
 */
import type { Heatmap } from '../server/http/contract.ts';

export interface RankedVendor {
  /** 1 for the riskiest; vendors of equal risk share a rank (1, 2, 2, 4). */
  readonly rank: number;
  readonly vendorId: number;
  readonly name: string;
  readonly risk: number;
  readonly band: Heatmap['rows'][number]['band'];
}

export interface RankingColumn {
  readonly policy: string;
  readonly inForce: boolean;
  readonly rows: readonly RankedVendor[];
}

export interface Mover {
  readonly vendorId: number;
  readonly name: string;
  /** Highest rank number minus lowest across the policies: how many places the policy choice moves it. */
  readonly spread: number;
  /** Its rank under the policy that ranks it riskiest, and under the one that ranks it safest. */
  readonly highest: { readonly policy: string; readonly rank: number };
  readonly lowest: { readonly policy: string; readonly rank: number };
}

export interface Rankings {
  readonly columns: readonly RankingColumn[];
  /** Vendors whose rank changes most, largest move first. */
  readonly movers: readonly Mover[];
}

/** Competition ranking, riskiest first; names break ties in the order, not in the rank. */
export function rankRows(rows: readonly Pick<RankedVendor, 'vendorId' | 'name' | 'risk' | 'band'>[]): RankedVendor[] {
  const sorted = [...rows].sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.risk !== sorted[i - 1]!.risk) rank = i + 1;
    return { rank, vendorId: r.vendorId, name: r.name, risk: r.risk, band: r.band };
  });
}

/**
 * Columns in the order given, and the movers: vendors whose spread is among the `top` largest
 * (ties at the cut-off all count), never one that does not move.
 */
export function rankings(maps: ReadonlyArray<{ readonly policy: string; readonly inForce: boolean; readonly rows: Heatmap['rows'] }>, top = 5): Rankings {
  const columns = maps.map((m) => ({ policy: m.policy, inForce: m.inForce, rows: rankRows(m.rows) }));
  const ranks = new Map<number, Array<{ policy: string; rank: number }>>();
  const names = new Map<number, string>();
  for (const c of columns) {
    for (const r of c.rows) {
      ranks.set(r.vendorId, [...(ranks.get(r.vendorId) ?? []), { policy: c.policy, rank: r.rank }]);
      names.set(r.vendorId, r.name);
    }
  }
  const all = [...ranks].map(([vendorId, rs]): Mover => {
    const best = rs.reduce((a, b) => (b.rank < a.rank ? b : a));
    const worst = rs.reduce((a, b) => (b.rank > a.rank ? b : a));
    return { vendorId, name: names.get(vendorId)!, spread: worst.rank - best.rank, highest: best, lowest: worst };
  });
  all.sort((a, b) => b.spread - a.spread || a.name.localeCompare(b.name));
  const cut = all[Math.min(top, all.length) - 1]?.spread ?? 0;
  return { columns, movers: all.filter((m) => m.spread > 0 && m.spread >= cut) };
}
