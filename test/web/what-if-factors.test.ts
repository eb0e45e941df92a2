import { describe, expect, it } from 'vitest';
import type { Contribution, FactorScore } from '../../server/scoring/types.ts';
import { factorMoves, unmovedFactors } from '../../web/what-if-factors.ts';

const factor = (id: FactorScore['id'], label: string, score: number): FactorScore => ({ id, label, score, weight: 0.2, known: true, contributions: [] });
const part = (ref: string, label: string, points: number): Contribution => ({ ref, label, points, detail: '' });
const score = (support: number, tier: number, tierLabel: string) => ({
  factors: [factor('incidents', 'Incidents', 40), factor('support', 'Support chain', support), factor('mfa', 'MFA', 30.04)],
  impactContributions: [part('impact:tier', tierLabel, tier), part('impact:data-access', 'Data access: confidential', 20)],
});

describe('factorMoves', () => {
  it('lists the factors and impact parts that moved, before → after with the change', () => {
    const moves = factorMoves(score(72.6, 40, 'Tier 1'), score(20.1, 10, 'Tier 4'));
    expect(moves.map((m) => [m.key, m.kind, m.label, m.before, m.after, m.delta.text])).toEqual([
      ['support', 'likelihood', 'Support chain', 72.6, 20.1, '▼ 52.5'],
      ['impact:tier', 'impact', 'Tier (impact)', 40, 10, '▼ 30.0'],
    ]);
    expect(unmovedFactors(score(72.6, 40, 'Tier 1'), score(20.1, 10, 'Tier 4'))).toEqual(['Incidents', 'MFA']);
  });

  it('lists nothing when nothing moved by a tenth or more', () => {
    const a = score(50, 40, 'Tier 1');
    const b = { ...score(50.04, 40, 'Tier 1') };
    expect(factorMoves(a, b)).toEqual([]);
    expect(factorMoves(score(50, 40, 'Tier 1'), score(60, 40, 'Tier 1'))[0]!.delta.text).toBe('▲ 10.0');
  });
});
