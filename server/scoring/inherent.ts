/**
 * Inherent risk: the risk of the relationship alone, before any evidence about the vendor. The
 * category prior (how likely a breach at a vendor of this kind is) times the impact of our
 * relationship (tier, data access, access into our environment), like risk = likelihood × impact.
 */
import { categoryRow } from '../domain/category-priors.ts';
import type { RiskBand } from '../domain/methodology.ts';
import { round1 } from './arithmetic.ts';
import { divide, stated, term, times } from './formula.ts';
import type { Policy } from './policy.ts';
import type { Contribution, VendorFacts } from './types.ts';

export interface Inherent {
  readonly likelihood: number;
  readonly risk: number;
  readonly band: RiskBand;
  readonly contributions: readonly Contribution[];
}

export function inherentOf(v: VendorFacts, impact: number, policy: Policy, bandOf: (risk: number) => RiskBand): Inherent {
  const row = categoryRow(policy.inherent.categoryPriors, v.category);
  const prior = row?.prior ?? policy.inherent.otherCategoriesPrior;
  const f = divide(times(term('category prior', prior), term('impact', impact)), term('', 100));
  const risk = round1(f.value);
  const category = v.category?.trim() ? `“${v.category.trim()}”` : 'none given';
  return {
    likelihood: prior,
    risk,
    band: bandOf(risk),
    contributions: [
      {
        label: `Category prior (${row ? row.category : 'other categories'}) × impact`,
        points: risk,
        ref: 'inherent:category',
        detail: row
          ? `category ${category} is one of “${row.category}” (prior ${prior}): ${row.rationale}`
          : `category ${category} matches no row of the category table: the prior for other categories (${prior})`,
        formula: stated(f),
      },
    ],
  };
}
