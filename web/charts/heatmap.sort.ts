/** Sorting the heatmap rows, PURE. The sort lives in the URL (`?sort=risk&dir=desc`), so it is parsed here too. */
import type { HeatmapRow } from '../../server/http/contract.ts';
import type { SortDir } from '../events.ts';

export interface SortState {
  readonly key: string;
  readonly dir: SortDir;
}

export const DEFAULT_SORT: SortState = { key: 'risk', dir: 'desc' };
/** Risk bands low to critical; a not-assessed vendor has no rank (it sorts as unknown, last). */
const BAND_RANK: Readonly<Record<HeatmapRow['band'], number | null>> = { low: 0, moderate: 1, high: 2, critical: 3, 'not-assessed': null };
const BASE_KEYS = ['name', 'tier', 'likelihood', 'impact', 'risk', 'band', 'confidence'] as const;

/** Every column the heatmap can sort by: the fixed ones plus one per factor id. */
export const sortKeys = (factorIds: readonly string[]): string[] => [...BASE_KEYS, ...factorIds];

/** The direction a column starts in: "riskiest first", so names A→Z and tier 1 (most critical) first. */
export const defaultDir = (key: string): SortDir => (key === 'name' || key === 'tier' ? 'asc' : 'desc');

/** The sort a URL asks for, or the default when it names no known column. */
export function parseSort(query: URLSearchParams, factorIds: readonly string[]): SortState {
  const key = query.get('sort') ?? DEFAULT_SORT.key;
  if (!sortKeys(factorIds).includes(key)) return DEFAULT_SORT;
  const dir = query.get('dir');
  return { key, dir: dir === 'asc' || dir === 'desc' ? dir : defaultDir(key) };
}

/** The sort as URL query entries; the default direction is left out so `?sort=risk` stays short. */
export function sortQuery(s: SortState): Record<string, string> {
  return s.dir === defaultDir(s.key) ? { sort: s.key } : { sort: s.key, dir: s.dir };
}

function valueOf(row: HeatmapRow, key: string): number | string | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'band':
      return BAND_RANK[row.band];
    case 'risk':
      // A residual risk that rests on priors is no rating: it sorts as unknown.
      return row.assessed === false ? null : row.risk;
    case 'tier':
    case 'likelihood':
    case 'impact':
    case 'confidence':
      return row[key];
    default:
      return row.cells[key] ?? null;
  }
}

/**
 * A sorted copy. Unknown (null) values go last in either direction: an unknown is not a low or a
 * high score; a not-assessed vendor's risk and band are unknown in this sense. Ties fall back to
 * the portfolio's order (the assessed by risk, then the not-assessed by inherent risk: the order to
 * assess them in), then name, so the order is stable. The default sort (risk, descending) is the
 * server's order.
 */
/** The portfolio's order, as the server sends it: assessed by risk, then not-assessed by inherent risk, then risk and name. */
function riskiestFirst(a: HeatmapRow, b: HeatmapRow): number {
  const [aa, ba] = [a.assessed !== false, b.assessed !== false];
  if (aa !== ba) return aa ? -1 : 1;
  return (aa ? b.risk - a.risk : b.inherentRisk - a.inherentRisk || b.risk - a.risk) || a.name.localeCompare(b.name);
}

export function sortRows(rows: readonly HeatmapRow[], sort: SortState): HeatmapRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const cmp = (a: number | string, b: number | string) => (typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : a < b ? -1 : a > b ? 1 : 0);
  return rows
    .map((row) => ({ row, v: valueOf(row, sort.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v !== b.v) return a.v === null ? 1 : -1;
      } else {
        const c = sign * cmp(a.v, b.v);
        if (c !== 0) return c;
      }
      return riskiestFirst(a.row, b.row) || a.row.vendorId - b.row.vendorId;
    })
    .map((x) => x.row);
}
