/**
 * Factor `incidents`: each known incident's severity, faded by age, raised by its reach. A campaign
 * (campaigns.ts) counts once: its worst severity × confidence, its widest reach, faded from the
 * day its latest member became known. Each part is cut at the incident cap's ceiling (incident-cap.ts).
 */
import { remainingWeight } from './decay.ts';
import { unionOf } from './arithmetic.ts';
import { campaignLabel, campaignsOf, latestKnownFrom, memberTitles, type Campaign } from './campaigns.ts';
import { factorScore, type RawPart } from './factor.ts';
import { cappedAt, num } from './formula.ts';
import { ceilingsOf } from './incident-cap.ts';
import { incidentKnownAt, incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, IncidentFacts } from './types.ts';

const reachOf = (customers: number | null, policy: Policy): number =>
  Math.min(policy.incidents.maxCustomersBoost, policy.incidents.boostPerTenfoldCustomers * Math.log10(Math.max(1, customers ?? 1)));

const decayAt = (policy: Policy, age: number): number => remainingWeight(policy.decay, Number.isFinite(age) ? age : 0);

/** One incident's points on its own, before any campaign or cap. */
export function incidentPoints(i: IncidentFacts, policy: Policy, asOf: number) {
  const p = policy.incidents;
  const age = asOf - incidentKnownFrom(i);
  const decay = decayAt(policy, age);
  const reach = reachOf(i.customersAffected, policy);
  const points = p.severityPoints[i.severity] * p.confidenceWeight[i.confidence] * decay * (1 + reach);
  return { points, decay, reach, age };
}

/** A campaign's points: its worst member (severity × confidence), its widest reach, faded from its latest news; uncapped. */
export function campaignPoints(c: Campaign, policy: Policy, asOf: number) {
  const p = policy.incidents;
  const base = (i: IncidentFacts) => p.severityPoints[i.severity] * p.confidenceWeight[i.confidence];
  // The first member with the highest base: severity and confidence are shown as that member's.
  const worst = c.members.reduce((a, b) => (base(b) > base(a) ? b : a));
  const known = c.members.map((m) => m.customersAffected).filter((n): n is number => n !== null);
  const customers = known.length > 0 ? Math.max(...known) : null;
  const decay = decayAt(policy, asOf - latestKnownFrom(c));
  const reach = reachOf(customers, policy);
  return { points: base(worst) * decay * (1 + reach), worst, customers, decay, reach };
}

/** `campaigns`, when given, are campaignsOf(the incidents known at asOf) (scoreVendor finds them once per score). */
export function incidentsFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number, campaigns?: readonly Campaign[]): FactorScore {
  const ceiling = ceilingsOf(policy).incidents;
  const parts: RawPart[] = (
    campaigns ??
    campaignsOf(
      incidents.filter((i) => incidentKnownAt(i, asOf)),
      policy,
    )
  ).map((c) => {
    const { points, worst, customers, decay, reach } = campaignPoints(c, policy, asOf);
    const p = policy.incidents;
    const { formula, points: share } = cappedAt(
      `${worst.severity} ${num(p.severityPoints[worst.severity])} × confidence ${num(p.confidenceWeight[worst.confidence])} × decay ${num(decay)} × (1 + reach ${num(reach)})`,
      points,
      ceiling,
    );
    const reachText = customers === null ? 'customers affected unknown' : `${customers} customers affected (+${Math.round(reach * 100)}%)`;
    const campaign = c.members.length > 1 ? `one campaign of ${memberTitles(c)}, counted once at its worst, ` : '';
    const last = c.members.length > 1 ? 'last disclosed' : 'disclosed';
    const disclosed = c.members.map((m) => m.publicDisclosureDate).reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);
    return {
      label: campaignLabel(c),
      share,
      ref: `incident:${c.root.id}`,
      detail:
        `${campaign}${worst.severity} (${p.severityPoints[worst.severity]} points), ${worst.confidence} confidence ` +
        `(×${p.confidenceWeight[worst.confidence]}), ${last} ${disclosed ?? 'not yet'}, ` +
        `${Math.round(decay * 100)}% weight left under ${policy.decay.name}, ${reachText}` +
        (share < points ? `; cut to the cap of ${num(ceiling)} points one incident may add here` : ''),
      formula,
    };
  });
  return factorScore('incidents', policy.weights.incidents, true, unionOf(parts.map((p) => p.share)), parts);
}
