/**
 * The trend heatmap, PURE: vendors × quarters coloured by risk on the portfolio's own ramp, each
 * quarter live or frozen, each vendor's change over the range in words and arrows (never colour
 * alone), the biggest movers marked. Also the view the URL holds: range, movers only, sort.
 */
import type { Trends } from '../api/client.ts';
import type { Band } from '../../server/domain/methodology.ts';
import { swatchOf, UNKNOWN_FILL } from './heatmap.layout.ts';
import { isQuarter, quarterState, quarterText } from './trend.quarters.ts';

export type TrendRow = Trends['rows'][number];
export type TrendSort = 'risk' | 'delta' | 'name';
export const TREND_SORTS: ReadonlyArray<{ readonly key: TrendSort; readonly label: string }> = [
  { key: 'risk', label: 'Current risk, highest first' },
  { key: 'delta', label: 'Biggest change first' },
  { key: 'name', label: 'Name, A to Z' },
];

export interface TrendView {
  /** '' leaves the range to the server (the last eight quarters). */
  readonly from: string;
  readonly to: string;
  readonly movers: boolean;
  readonly sort: TrendSort;
}

export function parseTrendView(query: URLSearchParams): TrendView {
  const from = query.get('from');
  const to = query.get('to');
  const sort = query.get('sort');
  return {
    from: isQuarter(from) ? from : '',
    to: isQuarter(to) ? to : '',
    movers: query.get('movers') === '1',
    sort: TREND_SORTS.some((s) => s.key === sort) ? (sort as TrendSort) : 'risk',
  };
}

/** The view as URL query entries; defaults are left out. */
export const trendQuery = (v: TrendView): Record<string, string | undefined> => ({
  from: v.from || undefined,
  to: v.to || undefined,
  movers: v.movers ? '1' : undefined,
  sort: v.sort === 'risk' ? undefined : v.sort,
});

/**
 * A sorted copy: current (last quarter's) risk highest first, the largest change either way first,
 * or names A→Z. Ties fall back to current risk, then name, so the order is stable.
 */
export function sortTrendRows(rows: readonly TrendRow[], sort: TrendSort): TrendRow[] {
  const risk = (r: TrendRow) => r.risks.at(-1) ?? 0;
  const key = (r: TrendRow): number => (sort === 'risk' ? risk(r) : sort === 'delta' ? Math.abs(r.delta) : 0);
  return [...rows].sort((a, b) =>
    sort === 'name' ? a.name.localeCompare(b.name) || a.vendorId - b.vendorId : key(b) - key(a) || risk(b) - risk(a) || a.name.localeCompare(b.name),
  );
}

export interface TrendDelta {
  readonly direction: 'up' | 'down' | 'flat';
  /** ▲, ▼ or –: the direction as a shape. */
  readonly arrow: string;
  /** "+7.7", "−7.9", "0.0". */
  readonly text: string;
  /** For screen readers: "up 7.7 points (riskier)". */
  readonly words: string;
}

export function deltaOf(delta: number): TrendDelta {
  const size = Math.abs(delta).toFixed(1);
  if (size === '0.0') return { direction: 'flat', arrow: '–', text: '0.0', words: 'no change' };
  return delta > 0
    ? { direction: 'up', arrow: '▲', text: `+${size}`, words: `up ${size} points (riskier)` }
    : { direction: 'down', arrow: '▼', text: `−${size}`, words: `down ${size} points (less risky)` };
}

export interface TrendCell {
  readonly risk: number;
  readonly band: Band;
  readonly fill: string;
  readonly ink: string;
  readonly text: string;
  /** Not assessed that quarter: grey with a dashed edge, never a point on the ramp. */
  readonly notAssessed: boolean;
}

/** A quarter's cell: its risk on the ramp, or, not assessed, the grey of an unknown with the residual risk in words. */
function trendCell(risk: number, band: Band): TrendCell {
  if (band === 'not-assessed') return { risk, band, fill: UNKNOWN_FILL, ink: '#3d434c', text: risk.toFixed(1), notAssessed: true };
  return { risk, band, ...swatchOf(risk), text: risk.toFixed(1), notAssessed: false };
}

export interface TrendLayout {
  readonly quarters: ReadonlyArray<{ readonly quarter: string; readonly text: string; readonly state: 'live' | 'frozen'; readonly asOf: string }>;
  readonly rows: ReadonlyArray<{ readonly row: TrendRow; readonly cells: readonly TrendCell[]; readonly delta: TrendDelta }>;
  /** Vendors in the data, and movers among them (whatever the view shows). */
  readonly total: number;
  readonly movers: number;
}

/** The rows the view shows (movers only or all, sorted), each with its cells and change. `current` is today's quarter. */
export function layoutTrends(data: Trends | undefined, view: Pick<TrendView, 'movers' | 'sort'>, current: string): TrendLayout {
  const all = data?.rows ?? [];
  const shown = sortTrendRows(view.movers ? all.filter((r) => r.mover) : all, view.sort);
  return {
    quarters: (data?.quarters ?? []).map((quarter, i) => ({
      quarter,
      text: quarterText(quarter),
      state: quarterState(quarter, data?.asOf[i], current),
      asOf: data?.asOf[i] ?? '',
    })),
    rows: shown.map((row) => ({
      row,
      cells: row.risks.map((risk, i) => trendCell(risk, row.bands[i] ?? 'low')),
      delta: deltaOf(row.delta),
    })),
    total: all.length,
    movers: all.filter((r) => r.mover).length,
  };
}
