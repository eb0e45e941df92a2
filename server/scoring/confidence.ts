/**
 * Confidence: the share of the evidence a score needs that is known and fresh. It sits beside the
 * score so that a reader sees how much of it rests on counted unknowns. A self-attested fact (the
 * vendor's own questionnaire answer) counts `confidence.selfAttestedWeight` of an independent one.
 */
import { isSelfAttested } from '../domain/fact-source.ts';
import { MFA_POPULATIONS } from '../domain/vocabulary.ts';
import { round2 } from './arithmetic.ts';
import { incidentKnownAt, subprocessorActiveAt, validFrom } from './known-at.ts';
import { postureAt } from './mfa-factor.ts';
import type { Policy } from './policy.ts';
import type { ScoringFacts } from './types.ts';

export function confidenceOf(facts: ScoringFacts, policy: Policy, asOf: number): number {
  const c = policy.confidence;
  const attested = (f: Parameters<typeof isSelfAttested>[0]) => (isSelfAttested(f) ? c.selfAttestedWeight : 1);
  const posture = postureAt(facts.mfa, asOf);
  const mfa =
    MFA_POPULATIONS.reduce((sum, p) => {
      const r = posture.get(p);
      if (!r) return sum;
      const fresh = asOf - validFrom(r.assessedOn) <= c.freshDays;
      return sum + policy.mfa.populationWeights[p] * (fresh ? 1 : 0.5) * attested(r);
    }, 0) / 100;
  // The support chain is known as surely as the surest arrangement on record.
  const support = facts.subprocessors.filter((s) => subprocessorActiveAt(s, asOf)).reduce((best, s) => Math.max(best, attested(s)), 0);
  const known = facts.incidents.filter((i) => incidentKnownAt(i, asOf));
  // With no incident on record there is nothing to doubt; the record's own confidence otherwise.
  const incidents = known.length === 0 ? 1 : known.reduce((s, i) => s + c.incidentConfidence[i.confidence], 0) / known.length;
  return round2(c.weights.mfa * mfa + c.weights.support * support + c.weights.incidents * incidents);
}
