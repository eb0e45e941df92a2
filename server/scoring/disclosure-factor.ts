/**
 * Factor `disclosure`: how long a vendor kept a known incident from its customers, and whether
 * customers or third parties found it before the vendor did.
 */
import { remainingWeight } from './decay.ts';
import { unionOf } from './arithmetic.ts';
import { factorScore, type RawPart } from './factor.ts';
import { firstDay, incidentKnownAt, incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, IncidentFacts } from './types.ts';

/** Days from when the vendor knew (detection or first outside report) to public disclosure. */
export function disclosureLag(i: IncidentFacts, asOf: number): { days: number; known: boolean } {
  const aware = [firstDay(i.detectedByVendorDate), firstDay(i.firstReportedByThirdPartyDate)].filter(
    (d): d is number => d !== undefined,
  );
  if (aware.length === 0) return { days: 0, known: false };
  // Not disclosed yet: the lag is still running.
  const end = firstDay(i.publicDisclosureDate) ?? asOf;
  return { days: Math.max(0, end - Math.min(...aware)), known: true };
}

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
          `${lag.known ? `${days} days` : `lag unknown, counted as ${days} days`} to public disclosure` +
          `${i.publicDisclosureDate ? '' : ' (not disclosed yet)'}` +
          `${others ? `; found by others first (+${p.foundByOthersPoints})` : ''}; ` +
          `${i.severity} (×${p.severityScale[i.severity]}), ${Math.round(decay * 100)}% weight left`,
      };
    });
  return factorScore('disclosure', policy.weights.disclosure, true, unionOf(parts.map((x) => x.share)), parts);
}
