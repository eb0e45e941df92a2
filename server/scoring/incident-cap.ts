/**
 * The cap on one incident's weight (`incidentCap.likelihoodPoints`): an incident, or a campaign
 * counted as one, adds at most that many likelihood points through the incidents, recurrence and
 * disclosure factors together, so that counting one breach three ways stays bounded.
 *
 * The cap is split ahead of time into a fixed ceiling per factor, in proportion to the most each
 * factor can take from one incident (its weight × its largest possible part). A shared budget
 * would not do: a new repeat of an incident would take room from its disclosure part, and adding
 * an incident would then lower a factor, which the methodology promises never happens. With fixed
 * ceilings each part is its own points, cut at its ceiling, and the ceilings' weighted sum is the cap.
 */
import type { Policy } from './policy.ts';

export interface Ceilings {
  readonly incidents: number;
  readonly recurrence: number;
  readonly disclosure: number;
}

const max = (o: Readonly<Record<string, number>>): number => Math.max(0, ...Object.values(o));

/** The largest part one incident can add to each factor under the policy, before any cap. */
export function largestParts(policy: Policy): Ceilings {
  const r = policy.recurrence;
  return {
    incidents: max(policy.incidents.severityPoints) * max(policy.incidents.confidenceWeight) * (1 + policy.incidents.maxCustomersBoost),
    recurrence: r.repeatPoints * max(r.matchOn === 'classes' ? r.classWeights : r.rootCauseWeights) * max(r.severityScale),
    disclosure: (policy.disclosure.lagPoints + policy.disclosure.foundByOthersPoints) * max(policy.disclosure.severityScale),
  };
}

/** Each factor's ceiling for one incident's part; Infinity when the policy sets no cap. */
export function ceilingsOf(policy: Policy): Ceilings {
  const cap = policy.incidentCap.likelihoodPoints;
  if (cap === null) return { incidents: Infinity, recurrence: Infinity, disclosure: Infinity };
  const most = largestParts(policy);
  const w = policy.weights;
  const total = w.incidents * most.incidents + w.recurrence * most.recurrence + w.disclosure * most.disclosure;
  const scale = total > cap ? cap / total : 1;
  return { incidents: most.incidents * scale, recurrence: most.recurrence * scale, disclosure: most.disclosure * scale };
}
