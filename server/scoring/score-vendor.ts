/**
 * scoreVendor(facts, policy, asOf): the whole engine. Pure: it reads no database, clock or
 * environment, and the same input always gives the same output.
 */
import { dayNumber } from '../domain/partial-date.ts';
import { clamp, round1 } from './arithmetic.ts';
import { confidenceOf } from './confidence.ts';
import { disclosureFactor } from './disclosure-factor.ts';
import { impactOf } from './impact.ts';
import { incidentsFactor } from './incidents-factor.ts';
import { mfaFactor } from './mfa-factor.ts';
import type { Policy } from './policy.ts';
import { supportFactor } from './support-factor.ts';
import { recurrenceFactor, repeatsAt } from './recurrence-factor.ts';
import { campaignsOf } from './campaigns.ts';
import { findingsOf } from './findings/index.ts';
import { gapsOf } from './gaps.ts';
import { knownAt } from './known-at.ts';
import { assessmentOf } from './assessment.ts';
import { inherentOf } from './inherent.ts';
import { NOT_ASSESSED, type RiskBand, type ScoringFacts, type VendorScore } from './types.ts';

export function bandOf(risk: number, policy: Policy): RiskBand {
  return (policy.bands.find((b) => risk >= b.minRisk) ?? policy.bands.at(-1)!).band;
}

/** Axis level 1–5 of the risk matrix for a 0–100 value. */
export const matrixLevel = (value: number): number => clamp(Math.floor(value / 20) + 1, 1, 5);

/** Scores one vendor as of `asOf` (YYYY-MM-DD), from what was known on that day. */
export function scoreVendor(all: ScoringFacts, policy: Policy, asOf: string): VendorScore {
  const day = dayNumber(asOf);
  // Everything below sees only what was known on the day: no hindsight can reach a factor, a finding or a gap.
  const facts = knownAt(all, day);
  // Found once per score, for the factors and the findings alike (they were the hot spots, found up to five times).
  const campaigns = campaignsOf(facts.incidents, policy);
  const repeats = repeatsAt(facts.incidents, policy, day, campaigns);
  const factors = [
    incidentsFactor(facts.incidents, policy, day, campaigns),
    recurrenceFactor(facts.incidents, policy, day, repeats),
    supportFactor(facts.subprocessors, policy, day),
    mfaFactor(facts.mfa, policy, day),
    disclosureFactor(facts.incidents, policy, day, campaigns),
  ];
  const likelihood = round1(factors.reduce((sum, f) => sum + f.weight * f.score, 0));
  const { impact, contributions: impactContributions } = impactOf(facts.vendor, policy);
  // Risk is likelihood scaled by impact: a certain breach at a vendor that cannot hurt us is no risk.
  const risk = round1((likelihood * impact) / 100);
  // Too little evidence is not a rating: the band says so, and the inherent risk stands beside the residual one.
  const assessment = assessmentOf(factors, policy);
  const inherent = inherentOf(facts.vendor, impact, policy, (r) => bandOf(r, policy));
  return {
    vendorId: facts.vendor.id,
    asOf,
    methodologyVersion: policy.version,
    likelihood,
    impact,
    risk,
    band: assessment.assessed ? bandOf(risk, policy) : NOT_ASSESSED,
    assessed: assessment.assessed,
    evidenceCoverage: assessment.evidenceCoverage,
    unknownPoints: assessment.unknownPoints,
    toAssess: assessment.toAssess,
    inherentLikelihood: inherent.likelihood,
    inherentRisk: inherent.risk,
    inherentBand: inherent.band,
    inherentContributions: inherent.contributions,
    confidence: confidenceOf(facts, policy, day),
    cell: { likelihood: matrixLevel(likelihood), impact: matrixLevel(impact) },
    factors,
    impactContributions,
    findings: findingsOf(facts, policy, day, { campaigns, repeats }),
    gaps: gapsOf(facts, policy, day),
  };
}
