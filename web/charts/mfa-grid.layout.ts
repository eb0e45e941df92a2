/**
 * The MFA grid's model, PURE: a row per population (most at stake first), a column per method
 * from weakest to strongest, and in each row the one cell of the method on record. A population
 * with no record is an explicit unknown, and its row says which cell the score counts it as
 * (the methodology's MFA prior, `mfa.unknownPrior`: the residual risk of SMS, not enforced, by
 * default; `unknownReading` finds its cell), never a good one. As of
 * a day, a record not yet known (or not yet true) then says so: the score of that day counts its
 * population as unknown.
 */
import type { MfaPosture, MfaRecord } from '../../server/domain/mfa.ts';
import type { MfaMethod, MfaPopulation } from '../../server/domain/vocabulary.ts';
import { MFA_EVIDENCE_LABEL, MFA_METHOD_LABEL, MFA_METHOD_SHORT, MFA_POPULATION_LABEL, MFA_POPULATIONS, partialDate } from '../format.ts';
import { mfaDates, mfaNotInForce } from '../known.ts';

/** Weakest first, as server/domain/vocabulary.ts MFA_METHODS orders them. */
export const MFA_METHODS_WEAK_FIRST = ['none', 'sms', 'totp', 'push', 'push-number-matching', 'fido2'] as const satisfies readonly MfaMethod[];

export interface UnknownCountsAs {
  readonly method: MfaMethod;
  readonly enforced: boolean;
}

/** The default methodology's reading of an unknown population. */
export const UNKNOWN_COUNTS_AS: UnknownCountsAs = { method: 'sms', enforced: false };

/**
 * The cell of the grid an unknown population's prior stands for: the strongest posture whose
 * residual risk is no lower than the prior (the prior equals SMS, not enforced, by default).
 */
export function unknownReading(mfa: {
  readonly methodRisk: Readonly<Record<MfaMethod, number>>;
  readonly unenforcedBenefit: number;
  readonly unknownPrior: number;
}): UnknownCountsAs {
  const postures = MFA_METHODS_WEAK_FIRST.flatMap((method) =>
    [false, true].map((enforced) => ({ method, enforced, risk: enforced ? mfa.methodRisk[method] : 1 - (1 - mfa.methodRisk[method]) * mfa.unenforcedBenefit })),
  );
  const noBetter = postures.filter((p) => p.risk >= mfa.unknownPrior - 1e-9).sort((a, b) => a.risk - b.risk);
  const p = noBetter[0] ?? postures[0]!;
  return { method: p.method, enforced: p.enforced };
}

export interface MfaGridCell {
  readonly method: MfaMethod;
  /** The method on record for this population. */
  readonly recorded: boolean;
  /** For an unknown row: the cell the score counts it as. */
  readonly countedAs: boolean;
  /** Weaker than the method on record (or counted as): drawn as the part of the scale the population has reached. */
  readonly below: boolean;
}

export interface MfaGridRow {
  readonly population: MfaPopulation;
  readonly label: string;
  readonly record: MfaRecord | null;
  readonly cells: readonly MfaGridCell[];
  /** What the marked cell says: "enforced" / "not enforced", or the unknown's reading. */
  readonly status: string;
  /** "Public statement · Sep 2023", or '' for an unknown. */
  readonly evidence: string;
  /** "true since Sep 2023; known from Sep 2023", or '' for an unknown. */
  readonly dates: string;
  /** As of the day shown: why the record did not count then ("not known on 19 Oct 2023 — known from 20 Oct 2023"), else null. */
  readonly notYet: string | null;
  /** The whole row in one sentence, for screen readers and the tests. */
  readonly summary: string;
}

/** The grid; `asOf` (YYYY-MM-DD, or '' for none) marks the records that did not count on that day. */
export function mfaGrid(posture: MfaPosture, unknownAs: UnknownCountsAs = UNKNOWN_COUNTS_AS, asOf = ''): MfaGridRow[] {
  const byPopulation = new Map(posture.items.map((r) => [r.population, r]));
  return MFA_POPULATIONS.map((population): MfaGridRow => {
    const record = byPopulation.get(population) ?? null;
    const at = MFA_METHODS_WEAK_FIRST.indexOf(record ? record.method : unknownAs.method);
    const cells = MFA_METHODS_WEAK_FIRST.map((method, n) => ({ method, recorded: !!record && n === at, countedAs: !record && n === at, below: n < at }));
    const label = MFA_POPULATION_LABEL[population];
    if (!record) {
      const counted = `${MFA_METHOD_SHORT[unknownAs.method]}, ${unknownAs.enforced ? 'enforced' : 'not enforced'}`;
      return {
        population,
        label,
        record,
        cells,
        status: `unknown: counted as ${counted}`,
        evidence: '',
        dates: '',
        notYet: null,
        summary: `${label}: unknown, no record; the score counts it as ${counted}.`,
      };
    }
    const status = record.enforced ? 'enforced' : 'not enforced';
    const evidence = `${MFA_EVIDENCE_LABEL[record.evidence]} · ${partialDate(record.assessedOn)}`;
    const notYet = mfaNotInForce(record, asOf);
    const summary = `${label}: ${MFA_METHOD_LABEL[record.method]}, ${status} (${evidence}).${notYet ? ` ${notYet}: the score of that day counts it as unknown.` : ''}`;
    return { population, label, record, cells, status, evidence, dates: mfaDates(record, asOf).both, notYet, summary };
  });
}
