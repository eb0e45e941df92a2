/**
 * Why a vendor's risk moved between two days: the change split into methodology, decay, new
 * incidents and posture, by recomputing with one part moved at a time, in that order:
 *
 *   from (as frozen) ─methodology→ old facts, new method, old day
 *                    ─decay──────→ old facts, new method, new day (only the incidents' age moves)
 *                    ─incidents──→ + the incidents that became known in between
 *                    ─posture────→ to (as frozen): MFA, support arrangements and relationship changes
 *
 * Each step's effect is the difference it makes, so the causes add up to the change exactly.
 */
import { dayNumber } from '../domain/partial-date.ts';
import { incidentKnownAt, knownAt, mfaInForceAt, subprocessorActiveAt } from './known-at.ts';
import type { Policy } from './policy.ts';
import { scoreVendor } from './score-vendor.ts';
import type { ScoringFacts } from './types.ts';

export const CAUSES = ['methodology', 'decay', 'incidents', 'posture'] as const;
export type Causes = Record<(typeof CAUSES)[number], number>;

/** The facts as they stood on `day`, held there: later incidents and posture changes left out. */
export function factsAsOf(facts: ScoringFacts, day: string): ScoringFacts {
  const d = dayNumber(day);
  const known = knownAt(facts, d);
  return {
    ...known,
    // Arrangements active then stay active (their knownFrom is already past): their end belongs to the posture step.
    subprocessors: known.subprocessors.filter((s) => subprocessorActiveAt(s, d)).map((s) => ({ ...s, since: null, until: null })),
    mfa: known.mfa.filter((r) => mfaInForceAt(r, d)),
  };
}

export function explainChange(
  facts: ScoringFacts,
  from: { day: string; policy: Policy; risk: number },
  to: { day: string; policy: Policy; risk: number },
): Causes {
  const held = factsAsOf(facts, from.day);
  const withIncidents: ScoringFacts = { ...held, incidents: facts.incidents.filter((i) => incidentKnownAt(i, dayNumber(to.day))) };
  const steps = [
    from.risk,
    scoreVendor(held, to.policy, from.day).risk,
    scoreVendor(held, to.policy, to.day).risk,
    scoreVendor(withIncidents, to.policy, to.day).risk,
    to.risk,
  ];
  return roundCauses(
    CAUSES.map((_, i) => steps[i + 1]! - steps[i]!),
    to.risk - from.risk,
  );
}

/** Rounds each cause to a tenth, then puts the rounding remainder on the largest, so they sum to `total`. */
export function roundCauses(raw: readonly number[], total: number): Causes {
  const rounded = raw.map((r) => Math.round(r * 10) / 10);
  const target = Math.round(total * 10);
  const diff = target - rounded.reduce((a, r) => a + Math.round(r * 10), 0);
  if (diff !== 0) {
    const largest = raw.reduce((best, r, i) => (Math.abs(r) > Math.abs(raw[best]!) ? i : best), 0);
    rounded[largest] = Math.round(rounded[largest]! * 10 + diff) / 10;
  }
  return Object.fromEntries(CAUSES.map((c, i) => [c, rounded[i]! === 0 ? 0 : rounded[i]!])) as Causes;
}
