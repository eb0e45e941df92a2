/** Impact: how much a breach at this vendor would hurt us. It reads only our relationship. */
import { apportion, round1 } from './arithmetic.ts';
import { stated, term, times } from './formula.ts';
import type { Policy } from './policy.ts';
import type { Contribution, VendorFacts } from './types.ts';

export function impactOf(v: VendorFacts, policy: Policy): { impact: number; contributions: Contribution[] } {
  const { weights, tierPoints, dataAccessPoints, environmentAccessPoints } = policy.impact;
  const tier = tierPoints[v.tier as 1 | 2 | 3 | 4] ?? 0;
  // Weight × points, in the order the engine has always multiplied them.
  const part = (label: string, ref: string, weight: number, points: number, what: string) => {
    const share = times(term('weight', weight), term(what, points));
    return { label, share: share.value, ref, detail: `${points} points × ${weight}`, formula: stated(share) };
  };
  const parts = [
    part(`Tier ${v.tier}`, 'impact:tier', weights.tier, tier, 'tier points'),
    part(`Data access: ${v.dataAccess}`, 'impact:data-access', weights.dataAccess, dataAccessPoints[v.dataAccess], 'data-access points'),
    part(
      `Access into our environment: ${v.environmentAccess}`,
      'impact:environment-access',
      weights.environmentAccess,
      environmentAccessPoints[v.environmentAccess],
      'environment-access points',
    ),
  ];
  const total = parts.reduce((a, p) => a + p.share, 0);
  const points = apportion(
    total,
    parts.map((p) => p.share),
  );
  return {
    impact: round1(total),
    contributions: parts.map((p, i) => ({ label: p.label, points: points[i]!, ref: p.ref, detail: p.detail, formula: p.formula })),
  };
}
