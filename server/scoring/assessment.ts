/**
 * Assessed or not: how much of the likelihood weight rests on evidence rather than on the priors
 * that stand in for unknowns (contributions with `unknownShare`), and, for a vendor whose evidence
 * covers less than the methodology's `assessment.minEvidenceShare`, the least evidence that would
 * assess it. A not-assessed vendor is banded `not-assessed`: its residual risk rests too much on
 * priors to be a rating (DESIGN §4.8).
 */
import type { MfaPopulation } from '../domain/vocabulary.ts';
import { round1, round2 } from './arithmetic.ts';
import { POPULATION_LABELS } from './mfa-factor.ts';
import type { Policy } from './policy.ts';
import type { FactorScore, MissingEvidence } from './types.ts';

/** Two shares this close are equal: weights are decimals that do not add up exactly in binary. */
const EPS = 1e-9;

export interface Assessment {
  readonly assessed: boolean;
  readonly evidenceCoverage: number;
  readonly unknownPoints: number;
  readonly toAssess: readonly MissingEvidence[];
}

/** What to ask the vendor for, in words, for a contribution that rests on a prior. */
function askFor(factor: FactorScore, ref: string | null, label: string): string {
  if (factor.id === 'support') return 'The support chain: who can reach customer tenants, and how';
  if (factor.id === 'mfa' && ref?.startsWith('mfa:')) return `MFA for ${POPULATION_LABELS[ref.slice(4) as MfaPopulation].toLowerCase()}`;
  return label;
}

export function assessmentOf(factors: readonly FactorScore[], policy: Policy): Assessment {
  const missing: Array<MissingEvidence & { readonly raw: number }> = [];
  let coverage = 0;
  let unknown = 0;
  for (const f of factors) {
    let unknownShare = 0;
    for (const c of f.contributions) {
      if (c.unknownShare === undefined) continue;
      unknownShare += c.unknownShare;
      unknown += f.weight * c.points;
      const raw = f.weight * c.unknownShare;
      missing.push({ factor: f.id, ref: c.ref, text: askFor(f, c.ref, c.label), weight: round2(raw), raw });
    }
    coverage += f.weight * Math.max(0, 1 - unknownShare);
  }
  const needed = policy.assessment.minEvidenceShare;
  const assessed = coverage >= needed - EPS;
  // The largest missing pieces first, until they would lift the coverage to the minimum.
  const toAssess: MissingEvidence[] = [];
  if (!assessed) {
    let reached = coverage;
    for (const { raw, ...m } of [...missing].sort((a, b) => b.raw - a.raw)) {
      if (reached >= needed - EPS) break;
      toAssess.push(m);
      reached += raw;
    }
  }
  return { assessed, evidenceCoverage: round2(coverage), unknownPoints: round1(unknown), toAssess };
}

type Ranked = { readonly assessed: boolean; readonly risk: number; readonly inherentRisk: number; readonly name: string };

/**
 * The portfolio's order, riskiest first: the assessed vendors by residual risk, then the
 * not-assessed ones by inherent risk (the order to assess them in), then by residual risk. A
 * residual risk that rests on priors is no rating, so a not-assessed vendor never outranks an
 * assessed one.
 */
export function riskiestFirst(a: Ranked, b: Ranked): number {
  if (a.assessed !== b.assessed) return a.assessed ? -1 : 1;
  return (a.assessed ? b.risk - a.risk : b.inherentRisk - a.inherentRisk || b.risk - a.risk) || a.name.localeCompare(b.name);
}
