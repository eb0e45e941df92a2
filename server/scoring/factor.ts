/** Turning raw parts into a factor whose rounded contributions add up to its rounded score. */
import { apportion, round1 } from './arithmetic.ts';
import { FACTOR_LABELS, type Contribution, type FactorId, type FactorScore } from './types.ts';

export interface RawPart {
  readonly label: string;
  /** Unrounded weight of this part in the factor. */
  readonly share: number;
  readonly ref: string | null;
  readonly detail: string;
  /** The arithmetic with its numbers (Contribution.formula). */
  readonly formula?: string;
  /** Set when the part is a prior standing in for missing evidence (Contribution.unknownShare). */
  readonly unknownShare?: number;
}

export function factorScore(
  id: FactorId,
  weight: number,
  known: boolean,
  total: number,
  parts: readonly RawPart[],
  /** How the parts combine, when it is not their sum (FactorScore.formula). */
  formula?: string,
): FactorScore {
  const points = apportion(
    total,
    parts.map((p) => p.share),
  );
  const contributions: Contribution[] = parts.map((p, i) => ({
    label: p.label,
    points: points[i]!,
    ref: p.ref,
    detail: p.detail,
    ...(p.formula === undefined ? {} : { formula: p.formula }),
    ...(p.unknownShare === undefined ? {} : { unknownShare: p.unknownShare }),
  }));
  return { id, label: FACTOR_LABELS[id], score: round1(total), weight, known, contributions, ...(formula === undefined ? {} : { formula }) };
}
