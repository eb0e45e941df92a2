/**
 * Factor `mfa`: per population, the residual risk of its weakest permitted method, weighted towards
 * the populations that hold the keys. Unknown counts as a known weak posture, never as a good one.
 */
import { MFA_POPULATIONS, type MfaMethod, type MfaPopulation } from '../domain/vocabulary.ts';
import type { MfaRecord } from '../domain/mfa.ts';
import { factorScore, type RawPart } from './factor.ts';
import { mfaInForceAt, validFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import type { FactorScore } from './types.ts';

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

/** Residual risk 0–1 of a method; unenforced MFA keeps only part of its benefit. */
export function methodRisk(policy: Policy, method: MfaMethod, enforced: boolean): number {
  const r = policy.mfa.methodRisk[method];
  return enforced ? r : 1 - (1 - r) * policy.mfa.unenforcedBenefit;
}

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
  const unknown = policy.mfa.unknownCountsAs;
  const parts: RawPart[] = MFA_POPULATIONS.map((population) => {
    const weight = policy.mfa.populationWeights[population];
    const r = posture.get(population);
    const risk = r ? methodRisk(policy, r.method, r.enforced) : methodRisk(policy, unknown.method, unknown.enforced);
    const what = r
      ? `${METHOD_LABELS[r.method]}, ${r.enforced ? 'enforced' : 'not enforced'} (${r.evidence}, true since ${r.assessedOn}, known from ${r.knownFrom})`
      : `unknown, counted as ${METHOD_LABELS[unknown.method]}${unknown.enforced ? '' : ' not enforced'}`;
    return {
      label: `${POPULATION_LABELS[population]}: ${r ? METHOD_LABELS[r.method] : 'unknown'}`,
      share: weight * risk,
      ref: `mfa:${population}`,
      detail: `${what}; residual risk ${Math.round(risk * 100)}% of ${weight} points`,
    };
  });
  const total = parts.reduce((a, p) => a + p.share, 0);
  return factorScore('mfa', policy.weights.mfa, posture.size > 0, total, parts);
}
