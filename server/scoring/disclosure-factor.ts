/**
 * Factor `disclosure`: how long a vendor kept a known incident from its customers, and whether
 * customers or third parties found it before the vendor did.
 */
import { remainingWeight } from './decay.ts';
import { unionOf } from './arithmetic.ts';
import { factorScore, type RawPart } from './factor.ts';
import { exactDay, midpoint, parsePartialDate, spanBetween, type DayRange } from '../domain/partial-date.ts';
import { firstDay, incidentKnownAt, incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, IncidentFacts } from './types.ts';

export interface DisclosureLag {
  readonly days: number;
  /** False when no date says when the vendor learned of the incident (`days` is then 0). */
  readonly known: boolean;
  /** True when a date it rests on is a month or a year rather than a day: shown as "≈ N days". */
  readonly approximate: boolean;
}

const range = (d: string | null): DayRange | undefined => (d ? parsePartialDate(d) : undefined);

/**
 * The earlier of detection and the first outside report, by midpoint; on a tie the more precise
 * date, so that an exact day is not made approximate by a month that means the same.
 */
export function earliestAwareness(i: Pick<IncidentFacts, 'detectedByVendorDate' | 'firstReportedByThirdPartyDate'>): DayRange | undefined {
  const aware = [range(i.detectedByVendorDate), range(i.firstReportedByThirdPartyDate)].filter((r): r is DayRange => r !== undefined);
  const width = (r: DayRange) => r.last - r.first;
  return aware.reduce<DayRange | undefined>((best, r) => (!best || midpoint(r) < midpoint(best) || (midpoint(r) === midpoint(best) && width(r) < width(best)) ? r : best), undefined);
}

/**
 * Days from when the vendor knew (detection or first outside report, whichever midpoint is
 * earlier) to public disclosure, or, not disclosed yet, to `asOf`: the lag between the two dates'
 * midpoints (`spanBetween`, the one rule for intervals between partial dates), approximate when
 * either is a month or a year.
 */
export function disclosureLag(i: IncidentFacts, asOf: number): DisclosureLag {
  const aware = earliestAwareness(i);
  if (!aware) return { days: 0, known: false, approximate: false };
  // Not disclosed yet: the lag is still running.
  const span = spanBetween(aware, range(i.publicDisclosureDate) ?? exactDay(asOf));
  return { days: span.days, known: true, approximate: span.approximate };
}

/** "21 days", "≈ 6 days", "1 day". */
export const lagText = (lag: Pick<DisclosureLag, 'days' | 'approximate'>): string => `${lag.approximate ? '≈ ' : ''}${lag.days} day${lag.days === 1 ? '' : 's'}`;

/** True when someone outside told the vendor before the vendor itself detected the incident. */
export function foundByOthersFirst(i: IncidentFacts): boolean {
  const reported = firstDay(i.firstReportedByThirdPartyDate);
  const detected = firstDay(i.detectedByVendorDate);
  return reported !== undefined && (detected === undefined || reported < detected);
}

export function disclosureFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): FactorScore {
  const p = policy.disclosure;
  const parts: RawPart[] = incidents
    .filter((i) => incidentKnownAt(i, asOf))
    .map((i) => {
      const lag = disclosureLag(i, asOf);
      const days = lag.known ? lag.days : p.unknownLagDays;
      const others = foundByOthersFirst(i);
      const age = asOf - incidentKnownFrom(i);
      const decay = remainingWeight(policy.decay, Number.isFinite(age) ? age : 0);
      const raw = p.lagPoints * Math.min(1, days / p.fullLagDays) + (others ? p.foundByOthersPoints : 0);
      return {
        label: i.title,
        share: raw * p.severityScale[i.severity] * decay,
        ref: `incident:${i.id}`,
        detail:
          `${lag.known ? lagText(lag) : `lag unknown, counted as ${days} days`} to public disclosure` +
          `${i.publicDisclosureDate ? '' : ' (not disclosed yet)'}` +
          `${others ? `; found by others first (+${p.foundByOthersPoints})` : ''}; ` +
          `${i.severity} (×${p.severityScale[i.severity]}), ${Math.round(decay * 100)}% weight left`,
      };
    });
  return factorScore('disclosure', policy.weights.disclosure, true, unionOf(parts.map((x) => x.share)), parts);
}
