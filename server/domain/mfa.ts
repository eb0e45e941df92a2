/**
 * MFA posture, one record per population. A population without a record is unknown, and the
 * scoring treats unknown as no better than a known weak posture. A record is true from
 * `assessedOn` and known from `knownFrom`; a score as of a day uses it only when both are past.
 */
import { z } from 'zod';
import { MFA_METHODS, MFA_POPULATIONS } from './vocabulary.ts';
import { label, partialDate, prose, recordVersion } from './fields.ts';
import { knownBeforeItsDay, knownFromField, knownFromInput } from './known-from.ts';
import { factConfidence, factSource } from './fact-source.ts';

export const MFA_EVIDENCE = ['public-statement', 'attestation', 'audit-report', 'observed'] as const;

const KNOWN_FROM_NOTE = 'Not before assessedOn: evidence cannot be published before the day it speaks for.';

const fields = {
  population: z.enum(MFA_POPULATIONS),
  method: z.enum(MFA_METHODS).meta({ description: 'The weakest method the population may use.' }),
  enforced: z.boolean(),
  evidence: z.enum(MFA_EVIDENCE),
  source: z
    .union([label(2000), factSource])
    .nullable()
    .meta({
      description:
        'URL or citation of the evidence; for a record from a questionnaire answer, the answer ({ kind: "questionnaire", requestId, questionId } or an imported sheet\'s). Sent back unchanged, an answer stays the source; a questionnaire source that is not the stored record\'s is refused.',
    }),
  assessedOn: partialDate.meta({ description: 'The date the evidence speaks for; the record is true from then.' }),
  notes: prose().default(null),
};

/** knownFrom wholly before assessedOn: the evidence would speak for a day after it was published. */
export function knownTooEarly(r: { knownFrom: string | null; assessedOn: string }): string | null {
  return r.knownFrom === null ? null : knownBeforeItsDay(r.knownFrom, r.assessedOn, 'assessedOn');
}

const refineKnownFrom = (r: { knownFrom: string | null; assessedOn: string }, ctx: z.RefinementCtx) => {
  const problem = knownTooEarly(r);
  if (problem) ctx.addIssue({ code: 'custom', path: ['knownFrom'], message: problem });
};

/**
 * A record as stored and answered: knownFrom always set; confidence always answered (recorded for a
 * record an analyst typed; self-attested, with the answer as its source, only from a questionnaire).
 */
export const mfaRecordShape = z.strictObject({ ...fields, knownFrom: knownFromField(KNOWN_FROM_NOTE), confidence: factConfidence.optional() });
export const mfaRecord = mfaRecordShape.superRefine(refineKnownFrom).meta({ id: 'MfaRecord' });

/**
 * A record as sent: knownFrom may be left out. It then keeps the day the population's stored
 * record was known from when that record is unchanged, and is the day of the change otherwise.
 */
export const mfaRecordInput = z
  .strictObject({
    ...fields,
    knownFrom: knownFromInput(`${KNOWN_FROM_NOTE} Left out, a record unchanged from the stored one keeps its knownFrom.`),
  })
  .superRefine(refineKnownFrom)
  .meta({ id: 'MfaRecordInput' });

const ONE_PER_POPULATION = { message: 'expected at most one record per population' };
const distinct = (items: ReadonlyArray<{ population: string }>) => new Set(items.map((i) => i.population)).size === items.length;

export const mfaPosture = z
  .strictObject({ items: z.array(mfaRecord).max(MFA_POPULATIONS.length).refine(distinct, ONE_PER_POPULATION) })
  .meta({ id: 'MfaPosture' });
/** The posture as the API answers it: with its version, for If-Match (it is replaced as a whole). */
export const storedMfaPosture = mfaPosture
  .extend({ version: recordVersion.meta({ description: 'The posture’s version, apart from the vendor’s: send it back as If-Match: "v<version>"' }) })
  .meta({ id: 'StoredMfaPosture' });
export type StoredMfaPosture = z.output<typeof storedMfaPosture>;
export const mfaPostureInput = z
  .strictObject({ items: z.array(mfaRecordInput).max(MFA_POPULATIONS.length).refine(distinct, ONE_PER_POPULATION) })
  .meta({ id: 'MfaPostureInput' });

export type MfaRecord = z.output<typeof mfaRecord>;
export type MfaRecordInput = z.output<typeof mfaRecordInput>;
export type MfaPosture = z.output<typeof mfaPosture>;
export type MfaPostureInput = z.output<typeof mfaPostureInput>;
