/**
 * MFA posture, one record per population. A population without a record is unknown, and the
 * scoring treats unknown as no better than a known weak posture.
 */
import { z } from 'zod';
import { MFA_METHODS, MFA_POPULATIONS } from './vocabulary.ts';
import { label, partialDate, prose } from './fields.ts';

export const MFA_EVIDENCE = ['public-statement', 'attestation', 'audit-report', 'observed'] as const;

export const mfaRecord = z
  .strictObject({
    population: z.enum(MFA_POPULATIONS),
    method: z.enum(MFA_METHODS).meta({ description: 'The weakest method the population may use.' }),
    enforced: z.boolean(),
    evidence: z.enum(MFA_EVIDENCE),
    source: label(2000).nullable().meta({ description: 'URL or citation of the evidence.' }),
    assessedOn: partialDate.meta({ description: 'The date the evidence speaks for; the record is valid from then.' }),
    notes: prose().default(null),
  })
  .meta({ id: 'MfaRecord' });

export const mfaPosture = z
  .strictObject({
    items: z
      .array(mfaRecord)
      .max(MFA_POPULATIONS.length)
      .refine((items) => new Set(items.map((i) => i.population)).size === items.length, {
        message: 'expected at most one record per population',
      }),
  })
  .meta({ id: 'MfaPosture' });

export type MfaRecord = z.output<typeof mfaRecord>;
export type MfaPosture = z.output<typeof mfaPosture>;
