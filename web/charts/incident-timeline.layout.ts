/**
 * One incident's dates on a day axis, with the disclosure lag as a band, PURE. Partial dates sit
 * on their first day and are flagged, so the drawing can show them as approximate.
 */
import { scaleLinear } from 'd3';
import type { Incident } from '../../server/domain/incident.ts';

export type TimelineDates = Pick<Incident, 'intrusionStartDate' | 'detectedByVendorDate' | 'firstReportedByThirdPartyDate' | 'publicDisclosureDate'>;

export interface TimelineMark {
  readonly key: 'intrusion' | 'reported' | 'detected' | 'disclosed';
  readonly label: string;
  readonly x: number;
  readonly approximate: boolean;
  /** Labels alternate above and below the axis so neighbours do not collide. */
  readonly above: boolean;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly axisY: number;
  readonly x0: number;
  readonly x1: number;
  readonly marks: readonly TimelineMark[];
  /** From when the vendor (or anyone who told it) knew, to public disclosure. */
  readonly lag: { readonly x0: number; readonly x1: number; readonly days: number } | null;
}

const DAY_MS = 86_400_000;
const PAD = 12;
const HEIGHT = 64;

function dayOf(text: string | null): { day: number; approximate: boolean } | undefined {
  const m = text ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text) : null;
  if (!m) return undefined;
  return { day: Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / DAY_MS, approximate: m[3] === undefined };
}

/** The layout, or null when fewer than two dates are known (a line needs two ends). */
export function layoutIncidentTimeline(i: TimelineDates, width: number): TimelineLayout | null {
  const raw = [
    { key: 'intrusion', label: 'intrusion', d: dayOf(i.intrusionStartDate) },
    { key: 'reported', label: 'outside report', d: dayOf(i.firstReportedByThirdPartyDate) },
    { key: 'detected', label: 'vendor detected', d: dayOf(i.detectedByVendorDate) },
    { key: 'disclosed', label: 'disclosed', d: dayOf(i.publicDisclosureDate) },
  ] as const;
  const known = raw.flatMap((r) => (r.d ? [{ ...r, d: r.d }] : [])).sort((a, b) => a.d.day - b.d.day);
  if (known.length < 2 || width <= 2 * PAD) return null;
  const first = known[0]!.d.day;
  const last = known.at(-1)!.d.day;
  const x = scaleLinear([first, last === first ? first + 1 : last], [PAD, width - PAD]);
  const edge = Math.min(90, width / 4);
  const marks = known.map((r, n): TimelineMark => {
    const at = x(r.d.day);
    return { key: r.key, label: r.label, x: at, approximate: r.d.approximate, above: n % 2 === 0, anchor: at < edge ? 'start' : at > width - edge ? 'end' : 'middle' };
  });
  const aware = [dayOf(i.detectedByVendorDate), dayOf(i.firstReportedByThirdPartyDate)].flatMap((d) => (d ? [d.day] : []));
  const disclosed = dayOf(i.publicDisclosureDate)?.day;
  const from = aware.length > 0 ? Math.min(...aware) : undefined;
  const lag = from !== undefined && disclosed !== undefined ? { x0: x(Math.min(from, disclosed)), x1: x(disclosed), days: Math.max(0, disclosed - from) } : null;
  return { width, height: HEIGHT, axisY: HEIGHT / 2, x0: PAD, x1: width - PAD, marks, lag };
}
