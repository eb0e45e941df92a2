/**
 * Portfolio heatmap geometry and colours, PURE: data and cell size in, plain values out. d3 is
 * used for math only (scales, colour); nothing here touches the DOM, so it is tested in node.
 */
import { rgb } from 'd3-color';
import { scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateMagma } from 'd3-scale-chromatic';
import type { Heatmap, HeatmapRow } from '../../server/http/contract.ts';

/**
 * Colour of a factor score, 0–100 (higher is riskier). Magma is perceptually uniform and its
 * lightness falls monotonically, so the order of the colours survives deuteranopia, protanopia,
 * tritanopia and greyscale printing (a red–green ramp would not). It is reversed so that more
 * risk means more ink, and trimmed at both ends: the palest end stays visible on white, and the
 * darkest stops short of black so the white numbers on it still read as a colour.
 */
const PALE = 0.97;
const DARK = 0.16;
export const riskColor = scaleSequential<string>([0, 100], (t) => interpolateMagma(PALE - (PALE - DARK) * t)).clamp(true);

/**
 * The colour a LINE drawn at `ramp` on the ramp takes on a dark canvas: the ramp's light half,
 * mirrored (100 → 5, 40 → 32), so that more risk still means more contrast with the ground.
 * Filled cells keep their colour in both schemes (they carry their own ink); thin lines cannot.
 */
export const onDark = (ramp: number): string => riskColor(5 + (100 - ramp) * 0.45);

/** Background of an unknown cell; the hatch drawn over it is what marks it. */
export const UNKNOWN_FILL = '#f3f4f6';
export const UNKNOWN_STROKE = '#8a919c';
// Pure black, not the page's ink: mid-ramp magentas need every bit of contrast to keep 4.5:1.
const INK_DARK = '#000000';
const INK_LIGHT = '#ffffff';

function luminance(colour: string): number {
  const c = rgb(colour);
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG contrast ratio of two colours (1–21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour, dark or white, that reads best on `fill`. */
export const inkOn = (fill: string): string => (contrast(fill, INK_DARK) >= contrast(fill, INK_LIGHT) ? INK_DARK : INK_LIGHT);

/** Diagonal hatch lines covering a w×h box (the box's own SVG clips the overhang). */
export function hatchPath(w: number, h: number, gap = 6): string {
  const parts: string[] = [];
  for (let c = -h; c < w; c += gap) parts.push(`M${c},${h}L${c + h},0`);
  return parts.join('');
}

export interface HeatCell {
  readonly factorId: string;
  readonly value: number | null;
  readonly unknown: boolean;
  readonly fill: string;
  readonly ink: string;
  /** What the cell shows: the rounded score, or "unknown". */
  readonly text: string;
  /** The full statement for tooltips and screen readers. */
  readonly label: string;
}

export interface HeatmapLayout {
  readonly factors: ReadonlyArray<Heatmap['factors'][number] & { weightText: string }>;
  readonly rows: ReadonlyArray<{ readonly row: HeatmapRow; readonly cells: readonly HeatCell[] }>;
  readonly cell: { readonly width: number; readonly height: number; readonly hatch: string };
  readonly unknownCount: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A score's fill and ink, memoized: the ramp and the contrast check cost microseconds each, and
 * 5,000 vendors × 5 factors would spend most of a frame on them. Scores come rounded to one
 * decimal, so a few hundred distinct values cover a whole portfolio; the cap only guards odd input.
 */
const SWATCHES = new Map<number, { readonly fill: string; readonly ink: string }>();
export function swatchOf(value: number): { readonly fill: string; readonly ink: string } {
  let s = SWATCHES.get(value);
  if (!s) {
    if (SWATCHES.size >= 5000) SWATCHES.clear();
    const fill = riskColor(value);
    s = { fill, ink: inkOn(fill) };
    SWATCHES.set(value, s);
  }
  return s;
}

export function layoutHeatmap(data: Pick<Heatmap, 'factors' | 'rows'> | undefined, size: { cellWidth: number; cellHeight: number }): HeatmapLayout {
  const factors = (data?.factors ?? []).map((f) => ({ ...f, weightText: pct(f.weight) }));
  let unknownCount = 0;
  const rows = (data?.rows ?? []).map((row) => ({
    row,
    cells: factors.map((f): HeatCell => {
      const value = row.cells[f.id] ?? null;
      if (value === null) {
        unknownCount++;
        const label = `${f.label}: unknown (no evidence; counted in the score as a weak posture)`;
        return { factorId: f.id, value, unknown: true, fill: UNKNOWN_FILL, ink: '#3d434c', text: 'unknown', label };
      }
      const { fill, ink } = swatchOf(value);
      const label = `${f.label}: ${value.toFixed(1)} of 100 (weight ${f.weightText})`;
      return { factorId: f.id, value, unknown: false, fill, ink, text: String(Math.round(value)), label };
    }),
  }));
  const cell = { width: size.cellWidth, height: size.cellHeight, hatch: hatchPath(size.cellWidth, size.cellHeight) };
  return { factors, rows, cell, unknownCount };
}

export interface LegendLayout {
  readonly width: number;
  readonly barHeight: number;
  readonly steps: ReadonlyArray<{ x: number; width: number; fill: string }>;
  readonly ticks: ReadonlyArray<{ x: number; label: string; anchor: 'start' | 'middle' | 'end' }>;
  readonly swatch: { readonly size: number; readonly fill: string; readonly hatch: string };
}

/** The colour ramp as `steps` rectangles (no gradient ids to resolve across shadow roots) and its ticks. */
export function layoutLegend(width: number, barHeight = 12, steps = 40): LegendLayout {
  const x = scaleLinear([0, 100], [0, Math.max(0, width)]);
  const edges = Array.from({ length: steps + 1 }, (_, i) => Math.round(x((100 * i) / steps)));
  return {
    width,
    barHeight,
    steps: edges.slice(0, -1).map((x0, i) => ({ x: x0, width: (edges[i + 1] ?? x0) - x0, fill: riskColor(((i + 0.5) * 100) / steps) })),
    ticks: x.ticks(5).map((v, i, all) => ({
      x: x(v),
      label: String(v),
      anchor: i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle',
    })),
    swatch: { size: barHeight + 4, fill: UNKNOWN_FILL, hatch: hatchPath(barHeight + 4, barHeight + 4, 5) },
  };
}
