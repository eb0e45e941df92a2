/** Factor `incidents`: each known incident's severity, faded by age, raised by its reach. */
import { remainingWeight } from './decay.ts';
import { unionOf } from './arithmetic.ts';
import { factorScore, type RawPart } from './factor.ts';
import { incidentKnownAt, incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, IncidentFacts } from './types.ts';

export function incidentPoints(i: IncidentFacts, policy: Policy, asOf: number) {
  const p = policy.incidents;
  const age = asOf - incidentKnownFrom(i);
  const decay = remainingWeight(policy.decay, Number.isFinite(age) ? age : 0);
  const reach = Math.min(p.maxCustomersBoost, p.boostPerTenfoldCustomers * Math.log10(Math.max(1, i.customersAffected ?? 1)));
  const points = p.severityPoints[i.severity] * p.confidenceWeight[i.confidence] * decay * (1 + reach);
  return { points, decay, reach, age };
}

export function incidentsFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): FactorScore {
  const known = incidents.filter((i) => incidentKnownAt(i, asOf));
  const parts: RawPart[] = known.map((i) => {
    const { points, decay, reach } = incidentPoints(i, policy, asOf);
    const customers = i.customersAffected === null ? 'customers affected unknown' : `${i.customersAffected} customers affected (+${Math.round(reach * 100)}%)`;
    return {
      label: i.title,
      share: points,
      ref: `incident:${i.id}`,
      detail:
        `${i.severity} (${policy.incidents.severityPoints[i.severity]} points), ${i.confidence} confidence ` +
        `(×${policy.incidents.confidenceWeight[i.confidence]}), disclosed ${i.publicDisclosureDate ?? 'not yet'}, ` +
        `${Math.round(decay * 100)}% weight left under ${policy.decay.name}, ${customers}`,
    };
  });
  return factorScore('incidents', policy.weights.incidents, true, unionOf(parts.map((p) => p.share)), parts);
}
