/**
 * The report's disclosure lags: each new incident's lag is the scoring's own (`disclosureLag`, the
 * one rule for intervals between partial dates), marked approximate when it rests on a month or a
 * year, and the quarter's figures use a true median.
 */
import { precisionOf } from '../../domain/partial-date.ts';
import { disclosureLag } from '../../scoring/disclosure-factor.ts';
import type { IncidentFacts } from '../../scoring/types.ts';

/** The methodology counts a disclosure later than this as late. */
export const LATE_DAYS = 14;

export interface ReportLag {
  /** Days from when the vendor knew to public disclosure; null when no date says when it knew. */
  readonly days: number | null;
  /** True when a date it rests on is only a month or a year ("≈ 15 days"). */
  readonly approximate: boolean;
}

/**
 * Until the scoring's lag says whether it is approximate, a lag is taken as approximate when any
 * date it can rest on is not a single day. Once `disclosureLag` returns `approximate`, that wins.
 */
const restsOnPartialDate = (i: IncidentFacts): boolean =>
  [i.detectedByVendorDate, i.firstReportedByThirdPartyDate, i.publicDisclosureDate].some((d) => d !== null && precisionOf(d) !== 'day');

export function reportLag(i: IncidentFacts, asOf: number): ReportLag {
  const lag: { days: number; known: boolean; approximate?: boolean } = disclosureLag(i, asOf);
  if (!lag.known) return { days: null, approximate: false };
  return { days: lag.days, approximate: lag.approximate ?? restsOnPartialDate(i) };
}

/** The median: the middle value, or the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface DisclosureLags {
  readonly incidents: number;
  readonly known: number;
  /** How many of the known lags rest on a month or a year. */
  readonly approximate: number;
  readonly medianDays: number | null;
  readonly maxDays: number | null;
  readonly overFourteenDays: number;
  readonly foundByOthersFirst: number;
}

export function disclosureLagFigures(
  incidents: ReadonlyArray<{ lagDays: number | null; lagApproximate: boolean; foundByOthersFirst: boolean }>,
): DisclosureLags {
  const known = incidents.filter((n): n is typeof n & { lagDays: number } => n.lagDays !== null);
  const days = known.map((n) => n.lagDays);
  return {
    incidents: incidents.length,
    known: known.length,
    approximate: known.filter((n) => n.lagApproximate).length,
    medianDays: median(days),
    maxDays: days.length ? Math.max(...days) : null,
    overFourteenDays: days.filter((d) => d > LATE_DAYS).length,
    foundByOthersFirst: incidents.filter((n) => n.foundByOthersFirst).length,
  };
}
