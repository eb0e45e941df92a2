/**
 * How much an incident still weighs, given how long ago it became known. Named policies, so a
 * reader sees which memory a score has and can compare them:
 * - long-memory (the default) halves every three years: a critical breach stays visible for years;
 * - short-penalty is modelled on SecurityScorecard: gone 30 days after publication;
 * - peer-half-life is modelled on Bitsight: halves every 120 days, gone at two years.
 * Both peers had forgotten Okta's 2022 support breach when the 2023 one happened.
 */
import type { DecayPolicy, DecayPolicyName } from '../domain/methodology.ts';

export type { DecayPolicy } from '../domain/methodology.ts';

export const DECAY_POLICIES = {
  'long-memory': { name: 'long-memory', kind: 'half-life', halfLifeDays: 1095, cutoffDays: null },
  'short-penalty': { name: 'short-penalty', kind: 'linear', days: 30 },
  'peer-half-life': { name: 'peer-half-life', kind: 'half-life', halfLifeDays: 120, cutoffDays: 730 },
} as const satisfies Record<DecayPolicyName, DecayPolicy>;

/** Remaining weight, 1 (just known) down to 0. */
export function remainingWeight(policy: DecayPolicy, ageDays: number): number {
  const age = Math.max(0, ageDays);
  switch (policy.kind) {
    case 'half-life':
      return policy.cutoffDays !== null && age >= policy.cutoffDays ? 0 : 0.5 ** (age / policy.halfLifeDays);
    case 'linear':
      return Math.max(0, 1 - age / policy.days);
  }
}
