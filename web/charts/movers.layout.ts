/**
 * The report's movers chart, PURE: one diverging stacked bar per vendor whose risk moved, its
 * change split into causes (server/scoring/attribution.ts: methodology, decay, new incidents,
 * posture; they add up to the change). Rises stack right of zero, falls left, each cause in the
 * same order on both sides, so a bar that mixes both (Okta: incidents up, posture down) shows
 * each part, and a tick marks where they net out. Colours are Okabe–Ito's, chosen to stay apart
 * under the common colour-vision deficiencies and at least 3:1 on both the light and the dark
 * surface; the legend and the table say the same in words and numbers.
 */
import { scaleLinear } from 'd3-scale';

export const CAUSES = ['incidents', 'decay', 'posture', 'methodology'] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABEL: Readonly<Record<Cause, string>> = {
  incidents: 'New incidents',
  decay: 'Decay (incidents ageing)',
  posture: 'Posture (MFA, support, relationship)',
  methodology: 'Methodology change',
};

/** The short name, for table columns and sentences ("new incidents +21.5, decay −0.6"). */
export const CAUSE_SHORT: Readonly<Record<Cause, string>> = { incidents: 'New incidents', decay: 'Decay', posture: 'Posture', methodology: 'Methodology' };

/** Each cause in a sentence: "new incidents +21.5, decay −0.6"; causes that did not move are left out. */
export const causesText = (causes: Readonly<Record<Cause, number>>): string =>
  CAUSES.filter((c) => causes[c] !== 0)
    .map((c) => `${CAUSE_SHORT[c].toLowerCase()} ${signed(causes[c])}`)
    .join(', ');

export const CAUSE_COLOUR: Readonly<Record<Cause, string>> = {
  incidents: '#D55E00',
  decay: '#0072B2',
  posture: '#009E73',
  methodology: '#CC79A7',
};

export interface MoverInput {
  readonly vendorId: number;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  readonly causes: Readonly<Record<Cause, number>>;
}

export interface MoverSegment {
  readonly cause: Cause;
  readonly value: number;
  readonly x: number;
  readonly width: number;
  readonly fill: string;
}

export interface MoverRow {
  readonly vendorId: number;
  readonly name: string;
  readonly delta: number;
  /** Top of the row and of its bar. */
  readonly y: number;
  readonly barY: number;
  readonly barHeight: number;
  readonly segments: readonly MoverSegment[];
  /** Where the causes net out: the change itself. */
  readonly netX: number;
  /** The change in figures ("+20.9"), in the column at the right. */
  readonly deltaText: string;
  /** The row in words, for its title (hover) and for screen readers. */
  readonly description: string;
}

export interface MoversLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly x0: number; readonly x1: number; readonly top: number; readonly bottom: number };
  readonly zeroX: number;
  /** Where the vendors' names end (they are right-aligned against the plot). */
  readonly nameX: number;
  /** Where the change column ends. */
  readonly deltaX: number;
  readonly xTicks: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  readonly rows: readonly MoverRow[];
  readonly legend: ReadonlyArray<{ readonly cause: Cause; readonly label: string; readonly fill: string }>;
}

/** "+20.9", "−1.4" (a true minus sign), "0". */
export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  if (r === 0) return '0';
  return r > 0 ? `+${r}` : `−${Math.abs(r)}`;
}

const CHAR_W = 6.4;
const MARGIN = { top: 26, bottom: 8, gap: 10, delta: 52 };

/** The row in words: "Okta: +20.9 points (41 → 61.9): new incidents +21.5, decay −0.6". */
export function describeMover(m: MoverInput): string {
  const causes = causesText(m.causes);
  return `${m.name}: ${signed(m.delta)} points (${m.from} → ${m.to})${causes ? `: ${causes}` : ''}`;
}

/**
 * Lays out `movers` (in the order given) across `width`, one `rowHeight` each. The scale spans
 * the largest stack either way, so every segment fits and zero sits where the data puts it.
 */
export function layoutMovers(movers: readonly MoverInput[], width: number, rowHeight = 24): MoversLayout {
  const sums = movers.map((m) => {
    const values = CAUSES.map((c) => m.causes[c]);
    return { up: values.filter((v) => v > 0).reduce((a, v) => a + v, 0), down: values.filter((v) => v < 0).reduce((a, v) => a + v, 0) };
  });
  const lo = Math.min(0, ...sums.map((s) => s.down), ...movers.map((m) => m.delta));
  const hi = Math.max(0, ...sums.map((s) => s.up), ...movers.map((m) => m.delta));
  const longest = Math.max(0, ...movers.map((m) => m.name.length));
  const nameW = Math.min(170, Math.max(60, Math.ceil(longest * CHAR_W)));
  const x0 = nameW + MARGIN.gap;
  const x1 = Math.max(x0 + 40, width - MARGIN.delta - MARGIN.gap);
  const x = scaleLinear(lo === hi ? [-1, 1] : [lo, hi], [x0, x1]).nice(6);
  const zeroX = x(0);
  const bar = Math.max(8, Math.round(rowHeight * 0.62));
  const rows = movers.map((m, i): MoverRow => {
    const y = MARGIN.top + i * rowHeight;
    let up = 0;
    let down = 0;
    const segments = CAUSES.filter((c) => m.causes[c] !== 0).map((c): MoverSegment => {
      const v = m.causes[c];
      const start = v > 0 ? up : down;
      if (v > 0) up += v;
      else down += v;
      const a = x(start);
      const b = x(start + v);
      return { cause: c, value: v, x: Math.min(a, b), width: Math.abs(b - a), fill: CAUSE_COLOUR[c] };
    });
    return {
      vendorId: m.vendorId,
      name: m.name,
      delta: m.delta,
      y,
      barY: y + (rowHeight - bar) / 2,
      barHeight: bar,
      segments,
      netX: x(m.delta),
      deltaText: signed(m.delta),
      description: describeMover(m),
    };
  });
  const bottom = MARGIN.top + movers.length * rowHeight;
  return {
    width,
    height: bottom + MARGIN.bottom,
    plot: { x0, x1, top: MARGIN.top, bottom },
    zeroX,
    nameX: nameW,
    deltaX: width,
    xTicks: x.ticks(6).map((v) => ({ x: x(v), label: signed(v) })),
    rows,
    legend: CAUSES.map((c) => ({ cause: c, label: CAUSE_LABEL[c], fill: CAUSE_COLOUR[c] })),
  };
}
