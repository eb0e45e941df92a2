/**
 * How much an incident still weighs, given how long ago it became known. A named policy, so a
 * reader sees which memory the score has. The default halves every three years: a critical breach
 * stays visible for years, where the rating products of the day forget it within weeks.
 */

export type DecayPolicy = { readonly name: string; readonly kind: 'half-life'; readonly halfLifeDays: number };

/** Remaining weight, 1 (just known) down towards 0. */
export function remainingWeight(policy: DecayPolicy, ageDays: number): number {
  const age = Math.max(0, ageDays);
  switch (policy.kind) {
    case 'half-life':
      return 0.5 ** (age / policy.halfLifeDays);
  }
}
