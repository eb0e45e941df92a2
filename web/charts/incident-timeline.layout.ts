/**
 * A vendor's incidents on one time axis, PURE: a row per incident (oldest first), a marker per
 * known date (intrusion, first outside report, vendor detection, public disclosure), and the
 * disclosure lag as a bar from whoever knew first to the disclosure (midpoint to midpoint for a
 * month or a year, as the lag is counted; "≈" when it rests on one). A date known only to the
 * month or year is a range of days: it is drawn as that range, its marker in the middle.
 * Intrusion and disclosure sit above each row's line, report and detection below it, so that
 * dates a day apart (Okta 2023: intrusion 28 Sep, report 29 Sep) do not cover each other.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import type { Incident } from '../../server/domain/incident.ts';
import { disclosureLag, lagDays, partialDate } from '../format.ts';
import { utcAxis, utcTickFormat } from './utc-axis.ts';

export type TimelineIncident = Pick<
  Incident,
  'id' | 'title' | 'intrusionStartDate' | 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'publicDisclosureDate'
>;
export type MarkKind = 'intrusion' | 'reported' | 'detected' | 'disclosed';

/** The four dates in the order they usually happen, with what the legend and the table call them. */
export const MARK_KINDS: ReadonlyArray<{ readonly kind: MarkKind; readonly field: keyof TimelineIncident; readonly label: string; readonly above: boolean }> = [
  { kind: 'intrusion', field: 'intrusionStartDate', label: 'Intrusion began', above: true },
  { kind: 'reported', field: 'firstReportedByThirdPartyDate', label: 'First outside report', above: false },
  { kind: 'detected', field: 'detectedByVendorDate', label: 'Vendor detected', above: false },
  { kind: 'disclosed', field: 'publicDisclosureDate', label: 'Publicly disclosed', above: true },
];

export interface TimelineMark {
  readonly kind: MarkKind;
  /** Centre of the marker: the day itself, or the middle of a month or year. */
  readonly x: number;
  readonly y: number;
  /** The range a partial date covers (x0 === x1 for a day). */
  readonly x0: number;
  readonly x1: number;
  readonly partial: boolean;
  /** "20 Oct 2023", "Mar 2022", "2021". */
  readonly text: string;
}

export interface TimelineRow {
  readonly id: number;
  readonly title: string;
  /** The title cut to fit the width, with an ellipsis when cut. */
  readonly shortTitle: string;
  readonly titleY: number;
  readonly lineY: number;
  readonly marks: readonly TimelineMark[];
  readonly lag: {
    readonly x0: number;
    readonly x1: number;
    readonly days: number;
    readonly approximate: boolean;
    readonly text: string;
    readonly textX: number;
    readonly anchor: 'start' | 'end';
  } | null;
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly rows: readonly TimelineRow[];
  readonly ticks: ReadonlyArray<{ readonly x: number; readonly text: string }>;
  readonly axisY: number;
}

const DAY_MS = 86_400_000;
const ROW_H = 72;
const TOP = 4;
const AXIS_H = 26;
const LEFT = 12;
const RIGHT = 72;
const LANE = 11;
/** Roughly how wide a character of the 12 px title is, to cut titles without measuring text. */
const CHAR_W = 6.6;
/** Below this the drawing keeps its width and scrolls in its own box. */
export const MIN_TIMELINE_WIDTH = 520;

/** The first and last day (as UTC dates) a partial date can mean; undefined for none or a malformed one. */
export function dayRange(text: string | null): { first: Date; last: Date; partial: boolean } | undefined {
  const m = text ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text) : null;
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
    return { first: d, last: d, partial: false };
  }
  if (m[2] !== undefined) return { first: new Date(Date.UTC(y, Number(m[2]) - 1, 1)), last: new Date(Date.UTC(y, Number(m[2]), 0)), partial: true };
  return { first: new Date(Date.UTC(y, 0, 1)), last: new Date(Date.UTC(y, 11, 31)), partial: true };
}

const cut = (text: string, chars: number): string => (text.length <= chars ? text : `${text.slice(0, Math.max(1, chars - 1)).trimEnd()}…`);

/** The layout; rows without any known date are left out (the table still lists them). */
export function layoutIncidentTimeline(incidents: readonly TimelineIncident[], width: number): TimelineLayout {
  const w = Math.max(MIN_TIMELINE_WIDTH, Math.floor(width));
  const dated = incidents
    .map((i) => ({ i, ranges: MARK_KINDS.map((k) => ({ ...k, r: dayRange(i[k.field] as string | null) })) }))
    .filter((d) => d.ranges.some((k) => k.r));
  const firsts = dated.flatMap((d) => d.ranges.flatMap((k) => (k.r ? [k.r.first.getTime()] : [])));
  const lasts = dated.flatMap((d) => d.ranges.flatMap((k) => (k.r ? [k.r.last.getTime()] : [])));
  const lo = firsts.length > 0 ? Math.min(...firsts) : 0;
  const hi = lasts.length > 0 ? Math.max(...lasts) : DAY_MS;
  // A little air at both ends (at least two weeks), so end markers are not cut by the frame.
  const pad = Math.max(14 * DAY_MS, (hi - lo) * 0.04);
  const x = utcAxis(new Date(lo - pad), new Date(hi + pad), [LEFT, w - RIGHT]);
  const at = (d: Date) => x(d);

  const rows = [...dated]
    .sort(
      (a, b) =>
        Math.min(...a.ranges.flatMap((k) => (k.r ? [k.r.first.getTime()] : []))) - Math.min(...b.ranges.flatMap((k) => (k.r ? [k.r.first.getTime()] : []))),
    )
    .map(({ i, ranges }, n): TimelineRow => {
      const top = TOP + n * ROW_H;
      const lineY = top + 44;
      const marks = ranges.flatMap((k): TimelineMark[] => {
        if (!k.r) return [];
        const x0 = at(k.r.first);
        const x1 = at(new Date(k.r.last.getTime() + (k.r.partial ? DAY_MS : 0)));
        return [
          {
            kind: k.kind,
            x: k.r.partial ? (x0 + x1) / 2 : x0,
            y: lineY + (k.above ? -LANE : LANE),
            x0,
            x1: k.r.partial ? x1 : x0,
            partial: k.r.partial,
            text: partialDate(i[k.field] as string),
          },
        ];
      });
      const lag = disclosureLag(i);
      const from = lag ? dayRange(lag.from === 'third-party' ? i.firstReportedByThirdPartyDate : i.detectedByVendorDate) : undefined;
      const to = dayRange(i.publicDisclosureDate);
      let lagBar: TimelineRow['lag'] = null;
      if (lag && from && to) {
        // As the lag is counted: each end narrowed to the days the other leaves possible (a disclosure
        // cannot precede the knowledge), then midpoint to midpoint; an unnarrowed month's bar end sits on its marker.
        const middle = (r: NonNullable<typeof from>) => (r.partial ? (at(r.first) + at(new Date(r.last.getTime() + DAY_MS))) / 2 : at(r.first));
        const start = { ...from, last: from.last < to.last ? from.last : to.last };
        const end = { ...to, first: to.first > from.first ? to.first : from.first };
        const narrowed = start.first <= start.last && end.first <= end.last;
        const x0 = middle(narrowed ? start : from);
        const x1 = Math.max(x0 + 2, middle(narrowed ? end : to));
        const text = lagDays(lag);
        // The length goes after the bar and the disclosure's marker (or its month or year), or before the bar near the right edge.
        const shown = marks.find((m) => m.kind === 'disclosed');
        const after = Math.max(x1, shown?.x1 ?? x1, (shown?.x ?? x1) + 6) + 8;
        const fitsAfter = after + text.length * CHAR_W <= w;
        lagBar = { x0, x1, days: lag.days, approximate: lag.approximate, text, textX: fitsAfter ? after : x0 - 10, anchor: fitsAfter ? 'start' : 'end' };
      }
      return { id: i.id, title: i.title, shortTitle: cut(i.title, Math.floor((w - LEFT - 8) / CHAR_W)), titleY: top + 14, lineY, marks, lag: lagBar };
    });

  const axisY = TOP + rows.length * ROW_H + 4;
  const ticks = x.ticks(Math.max(2, Math.floor((w - LEFT - RIGHT) / 90))).map((d) => ({ x: x(d), text: utcTickFormat(d) }));
  return { width: w, height: axisY + AXIS_H, left: LEFT, right: w - RIGHT, rows, ticks, axisY };
}

/** Each date's marker, centred on 0,0 (d3 symbols): the shape, not the colour, says which date it is. */
export const MARK_PATH: Readonly<Record<MarkKind, string>> = {
  intrusion: symbol(symbolCircle, 80)()!,
  reported: symbol(symbolTriangle, 80)()!,
  detected: symbol(symbolSquare, 72)()!,
  disclosed: symbol(symbolDiamond, 90)()!,
};
