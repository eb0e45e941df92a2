/**
 * Why a vendor's risk moved between two frozen quarter-end snapshots, from what each snapshot
 * knew and nothing recorded since: the same four steps as `explainChange`, but the earlier facts
 * are the earlier snapshot's own (held at its day) and the incidents added are those the later
 * snapshot knew. So a comparison of two frozen reports is a pure function of the two snapshots:
 *
 *   from (frozen) ─methodology→ earlier facts, later method, earlier day
 *                 ─decay──────→ earlier facts, later method, later day
 *                 ─incidents──→ + the later snapshot's incidents (and minus any it no longer had)
 *                 ─posture────→ to (frozen): MFA, support arrangements, relationship
 */
import { CAUSES, roundCauses, type Causes } from './attribution.ts';
import type { Policy } from './policy.ts';
import { scoreVendor } from './score-vendor.ts';
import type { ScoringFacts } from './types.ts';

export function explainBetweenSnapshots(
  before: ScoringFacts,
  after: ScoringFacts,
  from: { day: string; policy: Policy; risk: number },
  to: { day: string; policy: Policy; risk: number },
): Causes {
  const steps = [
    from.risk,
    scoreVendor(before, to.policy, from.day).risk,
    scoreVendor(before, to.policy, to.day).risk,
    scoreVendor({ ...before, incidents: after.incidents }, to.policy, to.day).risk,
    to.risk,
  ];
  return roundCauses(
    CAUSES.map((_, i) => steps[i + 1]! - steps[i]!),
    to.risk - from.risk,
  );
}
