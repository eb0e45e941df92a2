/**
 * Factor `disclosure`: how long a vendor kept a known incident from its customers, and whether
 * customers or third parties found it before the vendor did. A campaign (campaigns.ts) counts
 * once, with the lag of the whole: from the first awareness of any member to the last disclosure.
 */
import { remainingWeight } from './decay.ts';
import { unionOf } from './arithmetic.ts';
import { campaignLabel, campaignsOf, latestKnownFrom, memberTitles, type Campaign } from './campaigns.ts';
import { factorScore, type RawPart } from './factor.ts';
import { cappedAt, num } from './formula.ts';
import { ceilingsOf } from './incident-cap.ts';
import { exactDay, midpoint, parsePartialDate, spanBetween, type DayRange, type Span } from '../domain/partial-date.ts';
import { firstDay, incidentKnownAt } from './known-at.ts';
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
  const detected = range(i.detectedByVendorDate);
  const reported = range(i.firstReportedByThirdPartyDate);
  if (!detected || !reported) return detected ?? reported;
  const width = (r: DayRange) => r.last - r.first;
  return midpoint(reported) < midpoint(detected) || (midpoint(reported) === midpoint(detected) && width(reported) < width(detected)) ? reported : detected;
}

/**
 * Days from when the vendor knew (detection or first outside report, whichever midpoint is
 * earlier) to public disclosure, or, not disclosed yet, to `asOf`: the lag between the two dates'
 * midpoints (`spanBetween`, the one rule for intervals between partial dates), approximate when
 * either is a month or a year.
 */
export function disclosureLag(i: IncidentFacts, asOf: number): DisclosureLag {
  return lagFrom(earliestAwareness(i), i, asOf);
}

/** disclosureLag with the incident's earliest awareness already found. */
function lagFrom(aware: DayRange | undefined, i: IncidentFacts, asOf: number): DisclosureLag {
  if (!aware) return { days: 0, known: false, approximate: false };
  // Not disclosed yet: the lag is still running.
  const span = spanBetween(aware, range(i.publicDisclosureDate) ?? exactDay(asOf));
  return { days: span.days, known: true, approximate: span.approximate };
}

/** "21 days", "≈ 6 days", "1 day". */
export const lagText = (lag: Pick<DisclosureLag, 'days' | 'approximate'>): string =>
  `${lag.approximate ? '≈ ' : ''}${lag.days} day${lag.days === 1 ? '' : 's'}`;

/** True when someone outside told the vendor before the vendor itself detected the incident. */
export function foundByOthersFirst(i: IncidentFacts): boolean {
  const reported = firstDay(i.firstReportedByThirdPartyDate);
  const detected = firstDay(i.detectedByVendorDate);
  return reported !== undefined && (detected === undefined || reported < detected);
}

/** A campaign's lag: the longest from any member's awareness to any member's disclosure (or asOf). */
export interface CampaignLag extends DisclosureLag {
  /** Some member has no date saying when the vendor learned of it. */
  readonly someUnknown: boolean;
}

/**
 * The lag of a campaign as a whole: the longest span from a member's awareness to a member's
 * disclosure (still running at asOf for one not disclosed yet), which is the first awareness to the
 * last disclosure; for a campaign of one, its incident's lag. Longest over all pairs, so a new
 * member never shortens it.
 */
export function campaignLag(c: Campaign, asOf: number): CampaignLag {
  // Each member's awareness and disclosure found once; the pairs stay pairs (spanBetween clamps, so
  // the longest span is not simply the first awareness to the last disclosure), but campaigns are small.
  const awareness = c.members.map(earliestAwareness);
  const someUnknown = awareness.some((a) => !a);
  if (c.members.length === 1) return { ...lagFrom(awareness[0], c.root, asOf), someUnknown };
  const disclosed = c.members.map((d) => range(d.publicDisclosureDate) ?? exactDay(asOf));
  let longest: Span | undefined;
  for (const aware of awareness) {
    if (!aware) continue;
    for (const to of disclosed) {
      const span = spanBetween(aware, to);
      if (!longest || span.days > longest.days) longest = span;
    }
  }
  return longest
    ? { days: longest.days, known: true, approximate: longest.approximate, someUnknown }
    : { days: 0, known: false, approximate: false, someUnknown };
}

/**
 * The days the factor counts: the lag when it is known; a member whose lag is unknown counts as
 * `unknownLagDays`, so the whole counts at least that (an unknown lag is not a short one).
 */
export function countedLagDays(lag: CampaignLag, policy: Policy): number {
  if (!lag.known) return policy.disclosure.unknownLagDays;
  return lag.someUnknown ? Math.max(lag.days, policy.disclosure.unknownLagDays) : lag.days;
}

/** `campaigns`, when given, are campaignsOf(the incidents known at asOf) (scoreVendor finds them once per score). */
export function disclosureFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number, campaigns?: readonly Campaign[]): FactorScore {
  const p = policy.disclosure;
  const ceiling = ceilingsOf(policy).disclosure;
  const parts: RawPart[] = (
    campaigns ??
    campaignsOf(
      incidents.filter((i) => incidentKnownAt(i, asOf)),
      policy,
    )
  ).map((c) => {
    const lag = campaignLag(c, asOf);
    const days = countedLagDays(lag, policy);
    const others = c.members.some(foundByOthersFirst);
    const worst = c.members.reduce((a, b) => (p.severityScale[b.severity] > p.severityScale[a.severity] ? b : a));
    const age = asOf - latestKnownFrom(c);
    const decay = remainingWeight(policy.decay, Number.isFinite(age) ? age : 0);
    const raw = p.lagPoints * Math.min(1, days / p.fullLagDays) + (others ? p.foundByOthersPoints : 0);
    const { formula, points } = cappedAt(
      `(lag ${num(p.lagPoints)} × min(1, ${num(days)} days / ${num(p.fullLagDays)} days) + found by others ${others ? num(p.foundByOthersPoints) : 0}) × ${worst.severity} ${num(p.severityScale[worst.severity])} × decay ${num(decay)}`,
      raw * p.severityScale[worst.severity] * decay,
      ceiling,
    );
    const single = c.members.length === 1;
    const undisclosed = c.members.some((m) => !m.publicDisclosureDate);
    return {
      label: campaignLabel(c),
      share: points,
      ref: `incident:${c.root.id}`,
      detail:
        (single ? '' : `one campaign of ${memberTitles(c)}, from its first awareness to its last disclosure: `) +
        `${lag.known ? lagText(lag) : `lag unknown, counted as ${days} days`} to public disclosure` +
        (lag.known && days > lag.days ? ` (a member's lag is unknown: counted as ${days} days)` : '') +
        `${undisclosed ? ' (not disclosed yet)' : ''}` +
        `${others ? `; found by others first (+${p.foundByOthersPoints})` : ''}; ` +
        `${worst.severity} (×${p.severityScale[worst.severity]}), ${Math.round(decay * 100)}% weight left` +
        (points < raw * p.severityScale[worst.severity] * decay ? `; cut to the cap of ${num(ceiling)} points one incident may add here` : ''),
      formula,
    };
  });
  return factorScore('disclosure', policy.weights.disclosure, true, unionOf(parts.map((x) => x.share)), parts);
}
