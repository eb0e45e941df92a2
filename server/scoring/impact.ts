/** Impact: how much a breach at this vendor would hurt us. It reads only our relationship. */
import { apportion, round1 } from './arithmetic.ts';
import type { Policy } from './policy.ts';
import type { Contribution, VendorFacts } from './types.ts';

export function impactOf(v: VendorFacts, policy: Policy): { impact: number; contributions: Contribution[] } {
  const { weights, tierPoints, dataAccessPoints, environmentAccessPoints } = policy.impact;
  const tier = tierPoints[v.tier as 1 | 2 | 3 | 4] ?? 0;
  const parts = [
    { label: `Tier ${v.tier}`, share: weights.tier * tier, ref: 'impact:tier', detail: `${tier} points × ${weights.tier}` },
    {
      label: `Data access: ${v.dataAccess}`,
      share: weights.dataAccess * dataAccessPoints[v.dataAccess],
      ref: 'impact:data-access',
      detail: `${dataAccessPoints[v.dataAccess]} points × ${weights.dataAccess}`,
    },
    {
      label: `Access into our environment: ${v.environmentAccess}`,
      share: weights.environmentAccess * environmentAccessPoints[v.environmentAccess],
      ref: 'impact:environment-access',
      detail: `${environmentAccessPoints[v.environmentAccess]} points × ${weights.environmentAccess}`,
    },
  ];
  const total = parts.reduce((a, p) => a + p.share, 0);
  const points = apportion(total, parts.map((p) => p.share));
  return {
    impact: round1(total),
    contributions: parts.map((p, i) => ({ label: p.label, points: points[i]!, ref: p.ref, detail: p.detail })),
  };
}
