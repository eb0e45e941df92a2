/**
 * Confidence: the share of the evidence a score needs that is known and fresh. It sits beside the
 * score so that a reader sees how much of it rests on counted unknowns.
 */
import { MFA_POPULATIONS } from '../domain/vocabulary.ts';
import { round2 } from './arithmetic.ts';
import { incidentKnownAt, subprocessorActiveAt, validFrom } from './known-at.ts';
import { postureAt } from './mfa-factor.ts';
import type { Policy } from './policy.ts';
import type { ScoringFacts } from './types.ts';

export function confidenceOf(facts: ScoringFacts, policy: Policy, asOf: number): number {
  const c = policy.confidence;
  const posture = postureAt(facts.mfa, asOf);
  const mfa =
    MFA_POPULATIONS.reduce((sum, p) => {
      const r = posture.get(p);
      if (!r) return sum;
      const fresh = asOf - validFrom(r.assessedOn) <= c.freshDays;
      return sum + policy.mfa.populationWeights[p] * (fresh ? 1 : 0.5);
    }, 0) / 100;
  const support = facts.subprocessors.some((s) => subprocessorActiveAt(s, asOf)) ? 1 : 0;
  const known = facts.incidents.filter((i) => incidentKnownAt(i, asOf));
  // With no incident on record there is nothing to doubt; the record's own confidence otherwise.
  const incidents = known.length === 0 ? 1 : known.reduce((s, i) => s + c.incidentConfidence[i.confidence], 0) / known.length;
  return round2(c.weights.mfa * mfa + c.weights.support * support + c.weights.incidents * incidents);
}
