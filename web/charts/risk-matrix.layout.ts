/**
 * The 5×5 risk matrix, PURE: likelihood levels as rows (5 at the top), impact levels as columns,
 * each cell with its vendors, their count, and a level. The engine puts a vendor in the cell of
 * its likelihood and impact levels (each 0–100 cut into fifths); a cell's level is the band a
 * vendor in the middle of the cell would get (risk = likelihood × impact ÷ 100), so the colours
 * follow the same bands as everywhere else, and every cell says its level in words too.
 *
 * A not-assessed vendor has no place in a cell: its likelihood rests on priors, so placing it would
 * rate it. It is listed apart, beside the matrix, by inherent risk (`notAssessed`).
 */
import { interpolateRgb, scaleBand } from 'd3';
import type { RiskBand } from '../../server/scoring/types.ts';
import type { Heatmap, HeatmapRow } from '../../server/services/scoring-service.ts';
import { BAND_INK, BAND_LABEL, BAND_TINT, bandAt, DEFAULT_BANDS } from './heatmap.bands.ts';
import { inkOn } from './heatmap.layout.ts';

export const LEVELS = [1, 2, 3, 4, 5] as const;

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

export interface MatrixCell extends CellKey {
  readonly key: string;
  /** Position in the keyboard grid: row 0 is likelihood 5, column 0 impact 1. */
  readonly row: number;
  readonly col: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly vendors: readonly HeatmapRow[];
  readonly level: RiskBand;
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
      const level = cellLevel({ likelihood, impact }, bands);
      // It starts with what the cell shows (its count and level), as speech-input users say it.
      const label = `${vendors.length} ${BAND_LABEL[level]}: ${plural(vendors.length)} at likelihood ${likelihood} (${levelRange(likelihood)}), impact ${impact} (${levelRange(impact)})`;
      const fill = vendors.length > 0 ? BAND_TINT[level] : faded(BAND_TINT[level]);
      const ink = vendors.length > 0 ? BAND_INK[level] : inkOn(fill);
      return { key, likelihood, impact, row, col, x: x(impact)!, y: y(likelihood)!, size: x.bandwidth(), vendors, level, fill, ink, label };
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
