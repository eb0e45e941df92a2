/**
 * Factor `recurrence`: an incident that repeats the root cause or path of an earlier one (known at
 * most `windowDays` before it) shows a weakness that was not fixed. Each repeat adds a bounded
 * amount; repeats combine like independent risks.
 */
import type { IncidentClass } from '../domain/methodology.ts';
import { unionOf } from './arithmetic.ts';
import { remainingWeight } from './decay.ts';
import { factorScore, type RawPart } from './factor.ts';
import { CLASS_LABELS, incidentClasses } from './incident-classes.ts';
import { incidentKnownAt, incidentKnownFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, IncidentFacts } from './types.ts';

export interface Repeat {
  readonly incident: IncidentFacts;
  readonly earlier: IncidentFacts;
  readonly shared: readonly IncidentClass[];
  readonly daysApart: number;
}

/** Each known incident that repeats an earlier one, paired with the closest such earlier incident. */
export function repeatsAt(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): Repeat[] {
  const known = incidents.filter((i) => incidentKnownAt(i, asOf));
  const out: Repeat[] = [];
  for (const i of known) {
    const classes = incidentClasses(i);
    const candidates = known
      .filter((j) => j !== i && incidentKnownFrom(j) < incidentKnownFrom(i))
      .map((j) => ({ j, daysApart: incidentKnownFrom(i) - incidentKnownFrom(j), shared: [...incidentClasses(j)].filter((c) => classes.has(c)) }))
      .filter((c) => c.shared.length > 0 && c.daysApart <= policy.recurrence.windowDays)
      .sort((a, b) => a.daysApart - b.daysApart);
    const best = candidates[0];
    if (best) out.push({ incident: i, earlier: best.j, shared: best.shared, daysApart: best.daysApart });
  }
  return out;
}

export function recurrenceFactor(incidents: readonly IncidentFacts[], policy: Policy, asOf: number): FactorScore {
  const r = policy.recurrence;
  const parts: RawPart[] = repeatsAt(incidents, policy, asOf).map(({ incident, earlier, shared, daysApart }) => {
    const weight = Math.max(...shared.map((c) => r.classWeights[c]));
    const age = asOf - incidentKnownFrom(incident);
    const decay = remainingWeight(policy.decay, Number.isFinite(age) ? age : 0);
    return {
      label: `Repeat: ${incident.title}`,
      share: r.repeatPoints * weight * r.severityScale[incident.severity] * decay,
      ref: `incident:${incident.id}`,
      detail:
        `through ${shared.map((c) => CLASS_LABELS[c]).join(' and ')} again, like "${earlier.title}" ${daysApart} days earlier ` +
        `(${r.repeatPoints} points × ${weight}); ${incident.severity} (×${r.severityScale[incident.severity]}), ${Math.round(decay * 100)}% weight left`,
    };
  });
  return factorScore('recurrence', policy.weights.recurrence, true, unionOf(parts.map((p) => p.share)), parts);
}
