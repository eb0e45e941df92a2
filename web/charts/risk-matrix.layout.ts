/**
 * The 5×5 risk matrix, PURE: likelihood levels as rows (5 at the top), impact levels as columns,
 * each cell with its vendors, their count, and a level. The engine puts a vendor in the cell of
 * its likelihood and impact levels (each 0–100 cut into fifths). Risk is continuous inside a cell
 * (risk = likelihood × impact ÷ 100), so the vendors of one cell can sit in different bands: each
 * vendor's marker takes its own band, and an occupied cell takes the WORST band among its vendors,
 * so a High vendor never sits in a cell that reads Moderate. An empty cell, faded, shows the band a
 * vendor in its middle would get. Every cell says its level (and its vendors' bands) in words too.
 *
 * A not-assessed vendor has no place in a cell: its likelihood rests on priors, so placing it would
 * rate it. It is listed apart, beside the matrix, by inherent risk (`notAssessed`).
 */
import { interpolateRgb } from 'd3-interpolate';
import { scaleBand } from 'd3-scale';
import type { Heatmap, HeatmapRow } from '../../server/http/contract.ts';
import type { RiskBand } from '../../server/domain/methodology.ts';
import { BAND_INK, BAND_LABEL, BAND_TINT, bandAt, DEFAULT_BANDS } from './heatmap.bands.ts';
import { inkOn } from './heatmap.layout.ts';

export const LEVELS = [1, 2, 3, 4, 5] as const;

/** The risk bands, least risk first (the web takes only types from the server). */
const RISK_BANDS: readonly RiskBand[] = ['low', 'moderate', 'high', 'critical'];

export interface CellKey {
  readonly likelihood: number;
  readonly impact: number;
}

/** "4-5": likelihood 4, impact 5 (as in `/matrix?cell=4-5`). */
export const cellKey = (c: CellKey): string => `${c.likelihood}-${c.impact}`;

/** The cell a URL names, or null for anything that is not two levels 1–5. */
export function parseCell(text: string | null | undefined): CellKey | null {
  const m = /^([1-5])-([1-5])$/.exec(text ?? '');
  return m ? { likelihood: Number(m[1]), impact: Number(m[2]) } : null;
}

/** The 0–100 values a level stands for: "60–80". */
export const levelRange = (level: number): string => `${(level - 1) * 20}–${level * 20}`;

/** The band at the middle of a cell. */
export function cellLevel(c: CellKey, bands: Heatmap['bands'] = DEFAULT_BANDS): RiskBand {
  return bandAt(((c.likelihood * 20 - 10) * (c.impact * 20 - 10)) / 100, bands);
}

/** The highest of the given bands (low < moderate < high < critical); null for none. */
export function worstBand(bands: Iterable<RiskBand>): RiskBand | null {
  let worst: RiskBand | null = null;
  for (const b of bands) if (worst === null || RISK_BANDS.indexOf(b) > RISK_BANDS.indexOf(worst)) worst = b;
  return worst;
}

/** One vendor's dot in its cell, in the tint of its own band. */
export interface MatrixMarker {
  readonly vendorId: number;
  readonly name: string;
  readonly band: RiskBand;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly fill: string;
}

export interface MatrixCell extends CellKey {
  readonly key: string;
  /** Position in the keyboard grid: row 0 is likelihood 5, column 0 impact 1. */
  readonly row: number;
  readonly col: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly vendors: readonly HeatmapRow[];
  /** The worst band among the cell's vendors; for an empty cell, the band at its middle. */
  readonly level: RiskBand;
  /** Whether `level` is the worst of the cell's vendors (false: an empty cell's middle band). */
  readonly occupied: boolean;
  /** The vendors' markers, riskiest first, as many as fit one row; `more` counts the rest. */
  readonly markers: readonly MatrixMarker[];
  readonly more: number;
  /** The marker row's baseline, where "+N" is written when not all fit. */
  readonly moreAt: { readonly x: number; readonly y: number };
  readonly fill: string;
  readonly ink: string;
  /** The cell in words, for its accessible name. */
  readonly label: string;
}

export interface MatrixLayout {
  readonly width: number;
  readonly height: number;
  /** The plot area (the 25 cells), inside the margins that hold the axes. */
  readonly plot: { readonly x: number; readonly y: number; readonly size: number };
  /** Row by row from likelihood 5 down, each from impact 1 to 5. */
  readonly rows: ReadonlyArray<readonly MatrixCell[]>;
  readonly xTicks: ReadonlyArray<{ readonly level: number; readonly x: number; readonly range: string }>;
  readonly yTicks: ReadonlyArray<{ readonly level: number; readonly y: number; readonly range: string }>;
  /** Every vendor, in the cells and apart. */
  readonly total: number;
  /** The vendors not assessed, listed apart, highest inherent risk first. */
  readonly notAssessed: readonly HeatmapRow[];
}

const MARGIN = { left: 76, right: 8, top: 8, bottom: 58 };
/** Width the axes take beside the cells. */
export const MATRIX_MARGIN_X = MARGIN.left + MARGIN.right;
/** Empty cells keep their level's hue but fade towards white, so the occupied ones stand out; the ink is chosen for the faded fill. */
const EMPTY_STRENGTH = 0.4;
const faded = (tint: string) => interpolateRgb('#ffffff', tint)(EMPTY_STRENGTH);
const plural = (n: number) => `${n} vendor${n === 1 ? '' : 's'}`;

/** "2 High, 1 Moderate": how many of the cell's vendors are in each band, worst first. */
export function bandCounts(vendors: readonly Pick<HeatmapRow, 'band'>[]): string {
  return [...RISK_BANDS]
    .reverse()
    .map((b) => [b, vendors.filter((v) => v.band === b).length] as const)
    .filter(([, n]) => n > 0)
    .map(([b, n]) => `${n} ${BAND_LABEL[b]}`)
    .join(', ');
}

/** The markers of a cell along its top edge: as many as fit, the last slot given to "+N" when some do not. */
function markersOf(vendors: readonly HeatmapRow[], x: number, y: number, size: number): Pick<MatrixCell, 'markers' | 'more' | 'moreAt'> {
  const r = Math.max(3, Math.round(size * 0.055 * 10) / 10);
  const step = 2 * r + 3;
  const fit = Math.max(1, Math.floor((size - 8) / step));
  const shown = vendors.length > fit ? vendors.slice(0, fit - 1) : vendors;
  const cy = y + 5 + r;
  const markers = shown.map((v, i): MatrixMarker => {
    const band = v.band as RiskBand;
    return { vendorId: v.vendorId, name: v.name, band, cx: x + 4 + r + i * step, cy, r, fill: BAND_TINT[band] };
  });
  return { markers, more: vendors.length - shown.length, moreAt: { x: x + 4 + shown.length * step, y: cy + r - 1 } };
}

export function layoutRiskMatrix(rows: readonly HeatmapRow[], bands: Heatmap['bands'] = DEFAULT_BANDS, cellSize = 84, gap = 4): MatrixLayout {
  const size = cellSize * 5;
  const x = scaleBand<number>([...LEVELS], [MARGIN.left, MARGIN.left + size]).paddingInner(gap / cellSize);
  const y = scaleBand<number>([...LEVELS].reverse(), [MARGIN.top, MARGIN.top + size]).paddingInner(gap / cellSize);
  const byCell = new Map<string, HeatmapRow[]>();
  const notAssessed: HeatmapRow[] = [];
  for (const r of rows) {
    if (r.band === 'not-assessed') {
      notAssessed.push(r);
      continue;
    }
    const k = cellKey(r.cell);
    const list = byCell.get(k);
    if (list) list.push(r);
    else byCell.set(k, [r]);
  }
  const grid = [...LEVELS].reverse().map((likelihood, row) =>
    LEVELS.map((impact, col): MatrixCell => {
      const key = cellKey({ likelihood, impact });
      const vendors = (byCell.get(key) ?? []).sort((a, b) => b.risk - a.risk || a.name.localeCompare(b.name));
      const worst = worstBand(vendors.map((v) => v.band as RiskBand));
      const level = worst ?? cellLevel({ likelihood, impact }, bands);
      const occupied = worst !== null;
      // It starts with what the cell shows (its count and level), as speech-input users say it.
      const where = `at likelihood ${likelihood} (${levelRange(likelihood)}), impact ${impact} (${levelRange(impact)})`;
      const label = occupied
        ? `${vendors.length} ${BAND_LABEL[level]}: ${plural(vendors.length)} ${where}; worst band ${BAND_LABEL[level]} (${bandCounts(vendors)})`
        : `0 vendors ${where}; a vendor in its middle would be ${BAND_LABEL[level]}`;
      const fill = occupied ? BAND_TINT[level] : faded(BAND_TINT[level]);
      const ink = occupied ? BAND_INK[level] : inkOn(fill);
      const cx = x(impact)!;
      const cy = y(likelihood)!;
      const size = x.bandwidth();
      return { key, likelihood, impact, row, col, x: cx, y: cy, size, vendors, level, occupied, ...markersOf(vendors, cx, cy, size), fill, ink, label };
    }),
  );
  return {
    width: MARGIN.left + size + MARGIN.right,
    height: MARGIN.top + size + MARGIN.bottom,
    plot: { x: MARGIN.left, y: MARGIN.top, size },
    rows: grid,
    xTicks: LEVELS.map((level) => ({ level, x: x(level)! + x.bandwidth() / 2, range: levelRange(level) })),
    yTicks: LEVELS.map((level) => ({ level, y: y(level)! + y.bandwidth() / 2, range: levelRange(level) })),
    total: rows.length,
    notAssessed: notAssessed.sort((a, b) => b.inherentRisk - a.inherentRisk || b.risk - a.risk || a.name.localeCompare(b.name)),
  };
}
