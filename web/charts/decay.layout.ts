/**
 * The decay-policy plot, PURE: how much of an incident's weight each policy keeps as it ages,
 * over six years, one line per policy. The curves are the server's samples (the engine is their
 * source); between samples the line is straight, but a cut-off drops where it falls (policyWeight).
 * Lines differ by dash pattern and by direct label, not by colour alone; the policy in force is
 * drawn heavier and says so.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { DecayPolicyCurve } from '../api/client.ts';
import { onDark, riskColor } from './heatmap.layout.ts';

export const YEAR_DAYS = 365;
export const SPAN_DAYS = 6 * YEAR_DAYS;

/**
 * The methodology's worked example (DESIGN §4.4): Okta disclosed its Sitel support breach on
 * 22 March 2022 and its support-case-system breach on 20 October 2023, 577 days later. What a
 * policy keeps at that age decides whether the second breach reads as a repeat.
 */
export const REFERENCE_GAP = { days: 577, label: 'Okta 2022 → 2023' } as const;

/** A policy in words: "halves every 1095 days, never forgotten entirely". */
export function describeDecay(p: Pick<DecayPolicyCurve, 'kind'> & Partial<Record<'halfLifeDays' | 'cutoffDays' | 'days', number | null>>): string {
  if (p.kind === 'linear') return `falls in a straight line to nothing over ${p.days} days`;
  const cut = p.cutoffDays ? `, and counts for nothing from ${p.cutoffDays} days on` : ', never forgotten entirely';
  return `halves every ${p.halfLifeDays} days${cut}`;
}

/** Ages the table equivalent reads the curves at. */
export const TABLE_AGES = [30, 120, YEAR_DAYS, REFERENCE_GAP.days, 2 * YEAR_DAYS, 3 * YEAR_DAYS, SPAN_DAYS] as const;

/** One look per line, in the order the server lists the policies. Dark enough for 3:1 on white. */
const LOOKS = [
  { dash: '', colour: riskColor(95), dark: onDark(95) },
  { dash: '9 5', colour: riskColor(62), dark: onDark(62) },
  { dash: '2 4', colour: riskColor(45), dark: onDark(45) },
  { dash: '12 4 3 4', colour: riskColor(80), dark: onDark(80) },
] as const;

export interface DecayLine {
  readonly name: string;
  readonly inForce: boolean;
  readonly path: string;
  readonly dash: string;
  readonly colour: string;
  /** The colour on a dark canvas (onDark). */
  readonly colourDark: string;
  readonly width: number;
  /** The direct label, beside the line, clear of the other lines and labels. */
  readonly label: { readonly x: number; readonly y: number; readonly text: string };
  /** Weight kept at the reference gap, where to mark it, and where its figure goes (clear of the others'). */
  readonly atGap: { readonly weight: number; readonly x: number; readonly y: number; readonly labelY: number };
}

export interface DecayPlotLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly xTicks: ReadonlyArray<{ readonly x: number; readonly label: string }>;
  readonly yTicks: ReadonlyArray<{ readonly y: number; readonly label: string }>;
  readonly lines: readonly DecayLine[];
  /** The 577-day mark; its words run left of the line when they would leave the plot on the right. */
  readonly gap: { readonly x: number; readonly label: string; readonly anchor: 'start' | 'end' };
}

/** The weight a sampled curve keeps at `days`, straight between samples; 0 past the last sample. */
export function weightAt(curve: ReadonlyArray<{ days: number; weight: number }>, days: number): number {
  const after = curve.findIndex((p) => p.days >= days);
  if (after === -1) return curve.at(-1)?.weight ?? 0;
  const b = curve[after]!;
  const a = curve[after - 1];
  if (!a || b.days === days) return b.weight;
  return a.weight + ((b.weight - a.weight) * (days - a.days)) / (b.days - a.days);
}

type Params = Pick<DecayPolicyCurve, 'kind' | 'curve'> & Partial<Record<'halfLifeDays' | 'cutoffDays' | 'days', number | null>>;

/**
 * The weight a policy keeps at `days`: from its parameters for the kinds the engine documents
 * (server/scoring/decay.ts, docs/METHODOLOGY.md), since a cut-off falls between the 30-day
 * samples and a straight line across it would show weight that is gone; from the samples otherwise.
 */
export function policyWeight(p: Params, days: number): number {
  const age = Math.max(0, days);
  if (p.kind === 'linear' && p.days) return Math.max(0, 1 - age / p.days);
  if (p.kind === 'half-life' && p.halfLifeDays) return p.cutoffDays && age >= p.cutoffDays ? 0 : 0.5 ** (age / p.halfLifeDays);
  return weightAt(p.curve, days);
}

/** The samples, plus the exact corners a cut-off or a linear end makes, so the drawn line drops where the weight does. */
function plotted(p: Params): Array<{ days: number; weight: number }> {
  const corners = [p.kind === 'half-life' ? p.cutoffDays : p.days].filter((d): d is number => typeof d === 'number' && d > 0 && d < SPAN_DAYS);
  const points = p.curve.filter((c) => c.days <= SPAN_DAYS).map((c) => ({ days: c.days, weight: policyWeight(p, c.days) }));
  for (const d of corners) points.push({ days: d - 0.001, weight: policyWeight(p, d - 0.001) }, { days: d, weight: policyWeight(p, d) });
  return points.sort((a, b) => a.days - b.days);
}

/** The first age at which a curve is down to `w` (straight between points), or its last point's age. */
function ageAtWeight(curve: ReadonlyArray<{ days: number; weight: number }>, w: number): number {
  const i = curve.findIndex((p) => p.weight <= w);
  const b = curve[i];
  const a = curve[i - 1];
  if (!b) return curve.at(-1)?.days ?? 0;
  if (!a || a.weight === b.weight) return b.days;
  return a.days + ((a.weight - w) * (b.days - a.days)) / (a.weight - b.weight);
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}
type Pt = readonly [number, number];

/** Whether a polyline passes through a box (each segment sampled every pixel or so). */
function crosses(box: Box, pts: readonly Pt[]): boolean {
  const inside = ([px, py]: Pt) => px >= box.x0 && px <= box.x1 && py >= box.y0 && py <= box.y1;
  return pts.some((p, i) => {
    const q = pts[i + 1];
    if (!q) return inside(p);
    const n = Math.max(1, Math.ceil(Math.hypot(q[0] - p[0], q[1] - p[1])));
    return Array.from({ length: n + 1 }, (_, k): Pt => [p[0] + ((q[0] - p[0]) * k) / n, p[1] + ((q[1] - p[1]) * k) / n]).some(inside);
  });
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

const LABEL_H = 15;
const CHAR_W = 6.6;

export function layoutDecayPlot(policies: ReadonlyArray<Params & Pick<DecayPolicyCurve, 'name' | 'inForce'>>, width: number, height: number): DecayPlotLayout {
  const margin = { top: 28, right: 16, bottom: 40, left: 48 };
  const x = scaleLinear([0, SPAN_DAYS], [margin.left, Math.max(margin.left + 1, width - margin.right)]);
  const y = scaleLinear([0, 1], [Math.max(margin.top + 1, height - margin.bottom), margin.top]);
  const path = line<{ days: number; weight: number }>()
    .x((p) => x(p.days))
    .y((p) => y(p.weight));

  const drawn = policies.map((p) => plotted(p));
  const px = drawn.map((c) => c.map((p): Pt => [x(p.days), y(p.weight)]));
  const placed: Box[] = [];
  const lines = policies.map((p, i): DecayLine => {
    const look = LOOKS[i % LOOKS.length]!;
    const curve = drawn[i]!;
    const text = p.inForce ? `${p.name} (in force)` : p.name;
    const w = text.length * CHAR_W;
    // Beside the line where it crosses half weight, else a tenth, else most; the first spot that no
    // other line and no label already placed runs through (else the first, pushed below the others).
    const spots = [0.5, 0.1, 0.8].flatMap((weight) => {
      const at = x(ageAtWeight(curve, weight)) + 8;
      return [y(weight) - 6, y(weight) + 14].map((ly) => ({ x: at, y: ly, box: { x0: at, y0: ly - 11, x1: at + w, y1: ly + 3 } }));
    });
    const inPlot = (b: Box) => b.x1 <= width - margin.right && b.y0 >= margin.top && b.y1 <= height - margin.bottom;
    const gapLine: Pt[] = [
      [x(REFERENCE_GAP.days), margin.top - 10],
      [x(REFERENCE_GAP.days), height - margin.bottom],
    ];
    const others = [...px.filter((_, j) => j !== i), gapLine];
    let spot = spots.find((c) => inPlot(c.box) && !placed.some((o) => overlaps(o, c.box)) && !others.some((o) => crosses(c.box, o))) ?? spots[0]!;
    while (placed.some((o) => overlaps(o, spot.box)))
      spot = { ...spot, y: spot.y + LABEL_H, box: { ...spot.box, y0: spot.box.y0 + LABEL_H, y1: spot.box.y1 + LABEL_H } };
    placed.push(spot.box);
    const kept = policyWeight(p, REFERENCE_GAP.days);
    return {
      name: p.name,
      inForce: p.inForce,
      path: path(curve) ?? '',
      dash: look.dash,
      colour: look.colour,
      colourDark: look.dark,
      width: p.inForce ? 4 : 2.25,
      label: { x: spot.x, y: spot.y, text },
      atGap: { weight: kept, x: x(REFERENCE_GAP.days), y: y(kept), labelY: y(kept) - 6 },
    };
  });
  // The figures at the gap stack upwards from the lowest, at least a line apart (0% and 4% sit close).
  const byHeight = [...lines].sort((a, b) => b.atGap.y - a.atGap.y);
  let floor = Infinity;
  const labelY = new Map<string, number>();
  for (const l of byHeight) {
    const yy = Math.min(l.atGap.y - 6, floor - LABEL_H + 2);
    labelY.set(l.name, yy);
    floor = yy;
  }
  const gx = x(REFERENCE_GAP.days);
  const gapLabel = `${REFERENCE_GAP.days} days: ${REFERENCE_GAP.label}`;
  const placedLines = lines.map((l) => ({ ...l, atGap: { ...l.atGap, labelY: labelY.get(l.name)! } }));
  return {
    width,
    height,
    margin,
    xTicks: Array.from({ length: 7 }, (_, n) => ({ x: x(n * YEAR_DAYS), label: n === 0 ? 'disclosed' : `${n} yr` })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((w) => ({ y: y(w), label: `${w * 100}%` })),
    lines: placedLines,
    gap: { x: gx, label: gapLabel, anchor: gx + 6 + gapLabel.length * CHAR_W > width - margin.right ? 'end' : 'start' },
  };
}
