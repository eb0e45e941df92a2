/**
 * Factor `mfa`: per population, the residual risk of its weakest permitted method, weighted towards
 * the populations that hold the keys. A population with no record takes the methodology's prior
 * (`mfa.unknownPrior`), never better than a known weak posture, and is marked as resting on no
 * evidence.
 */
import { MFA_POPULATIONS, type MfaMethod, type MfaPopulation } from '../domain/vocabulary.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import { factorScore, type RawPart } from './factor.ts';
import { mfaInForceAt, validFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore } from './types.ts';
import { minus, stated, term, times, type Formula } from './formula.ts';

export const POPULATION_LABELS: Record<MfaPopulation, string> = {
  admins: 'Admins',
  support: 'Support staff',
  workforce: 'Workforce',
  contractors: 'Contractors and subprocessor staff',
  customers: 'Customer-facing login',
};

export const METHOD_LABELS: Record<MfaMethod, string> = {
  none: 'no MFA',
  sms: 'SMS codes',
  totp: 'TOTP codes',
  push: 'push approval',
  'push-number-matching': 'push with number matching',
  fido2: 'FIDO2 / passkeys',
};

/** Residual risk 0–1 of a method, with its arithmetic; unenforced MFA keeps only part of its benefit. */
export function methodRiskFormula(policy: Policy, method: MfaMethod, enforced: boolean): Formula {
  const r = term('method risk', policy.mfa.methodRisk[method]);
  return enforced ? r : minus(term('', 1), times(minus(term('', 1), r), term('unenforced benefit', policy.mfa.unenforcedBenefit)));
}

/** Residual risk 0–1 of a method; unenforced MFA keeps only part of its benefit. */
export const methodRisk = (policy: Policy, method: MfaMethod, enforced: boolean): number => methodRiskFormula(policy, method, enforced).value;

/** The record in force at asOf for each population: the latest one both assessed and known by then. */
export function postureAt(records: readonly MfaRecord[], asOf: number): Map<MfaPopulation, MfaRecord> {
  const out = new Map<MfaPopulation, MfaRecord>();
  for (const r of records) {
    if (!mfaInForceAt(r, asOf)) continue;
    const prev = out.get(r.population);
    if (!prev || validFrom(prev.assessedOn) <= validFrom(r.assessedOn)) out.set(r.population, r);
  }
  return out;
}

export function mfaFactor(records: readonly MfaRecord[], policy: Policy, asOf: number): FactorScore {
  const posture = postureAt(records, asOf);
  const parts: RawPart[] = MFA_POPULATIONS.map((population) => {
    const weight = policy.mfa.populationWeights[population];
    const r = posture.get(population);
    if (!r) {
      const prior = policy.mfa.unknownPrior;
      const share = times(term('weight', weight), term('prior', prior));
      return {
        label: `${POPULATION_LABELS[population]}: unknown`,
        share: share.value,
        ref: `mfa:${population}`,
        detail: `no record: the methodology's prior for an unknown population, residual risk ${Math.round(prior * 1000) / 10}% of ${weight} points`,
        formula: stated(share),
        unknownShare: weight / 100,
      };
    }
    const risk = methodRiskFormula(policy, r.method, r.enforced);
    const share = times(term('weight', weight), risk);
    return {
      label: `${POPULATION_LABELS[population]}: ${METHOD_LABELS[r.method]}`,
      share: share.value,
      ref: `mfa:${population}`,
      detail: `${METHOD_LABELS[r.method]}, ${r.enforced ? 'enforced' : 'not enforced'} (${r.evidence}, true since ${r.assessedOn}, known from ${r.knownFrom}); residual risk ${Math.round(risk.value * 100)}% of ${weight} points`,
      formula: stated(share),
    };
  });
  const total = parts.reduce((a, p) => a + p.share, 0);
  return factorScore('mfa', policy.weights.mfa, posture.size > 0, total, parts);
}
