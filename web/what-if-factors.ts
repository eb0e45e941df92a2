/**
 * Which parts of the score a what-if moved, PURE: each likelihood factor (its 0–100 score) and
 * each part of the impact (tier, data access, access into our environment), before → after with
 * the change, only those that moved, in the order the score lists them.
 */
import type { Contribution, VendorScore } from '../server/http/contract.ts';
import { delta, type Delta } from './what-if.ts';

export interface FactorMove {
  /** The factor's id (`support`) or the impact part's ref (`impact:tier`). */
  readonly key: string;
  readonly kind: 'likelihood' | 'impact';
  readonly label: string;
  readonly before: number;
  readonly after: number;
  readonly delta: Delta;
}

type Scored = Pick<VendorScore, 'factors' | 'impactContributions'>;

// Scores are shown to one decimal: a move smaller than that is no move.
const moved = (a: number, b: number) => Math.abs(b - a) >= 0.05;

// An impact part's label names its value ("Tier 2"), so the parts pair up by ref.
const IMPACT_LABEL: Readonly<Record<string, string>> = {
  'impact:tier': 'Tier',
  'impact:data-access': 'Data access',
  'impact:environment-access': 'Access into our environment',
};
const impactKey = (c: Contribution) => c.ref ?? c.label;

export function factorMoves(before: Scored, after: Scored): FactorMove[] {
  const factors = before.factors.flatMap((b): FactorMove[] => {
    const a = after.factors.find((f) => f.id === b.id);
    return a && moved(b.score, a.score)
      ? [{ key: b.id, kind: 'likelihood', label: b.label, before: b.score, after: a.score, delta: delta(a.score - b.score) }]
      : [];
  });
  const impact = before.impactContributions.flatMap((b): FactorMove[] => {
    const a = after.impactContributions.find((c) => impactKey(c) === impactKey(b));
    const key = impactKey(b);
    return a && moved(b.points, a.points)
      ? [{ key, kind: 'impact', label: `${IMPACT_LABEL[key] ?? b.label} (impact)`, before: b.points, after: a.points, delta: delta(a.points - b.points) }]
      : [];
  });
  return [...factors, ...impact];
}

/** The factors that did not move, by label: said in one line so "only support moved" is plain. */
export function unmovedFactors(before: Scored, after: Scored): string[] {
  const movedKeys = new Set(factorMoves(before, after).map((m) => m.key));
  return before.factors.filter((f) => !movedKeys.has(f.id)).map((f) => f.label);
}
