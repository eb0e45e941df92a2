/** A hypothetical change to a vendor's facts, scored side by side with the real ones. */
import { z } from 'zod';
import { DATA_ACCESS, ENVIRONMENT_ACCESS, MFA_METHODS, MFA_POPULATIONS } from './vocabulary.ts';
import { id, isoDay, partialDate } from './fields.ts';
import { incidentInput } from './incident.ts';
import { subprocessorInput, subprocessorPatch } from './subprocessor.ts';
import { MFA_EVIDENCE } from './mfa.ts';

const hypotheticalMfa = z.strictObject({
  population: z.enum(MFA_POPULATIONS),
  method: z.enum(MFA_METHODS),
  enforced: z.boolean(),
  evidence: z.enum(MFA_EVIDENCE).default('observed'),
  source: z.string().max(2000).nullable().default(null),
  assessedOn: partialDate.optional().meta({ description: 'Defaults to asOf, so the change counts' }),
  notes: z.string().max(5000).nullable().default(null),
});

export const whatIf = z
  .strictObject({
    asOf: isoDay.optional().meta({ description: 'Score as of this day; today when left out' }),
    mfa: z
      .array(hypotheticalMfa)
      .max(MFA_POPULATIONS.length)
      .refine((a) => new Set(a.map((r) => r.population)).size === a.length, { message: 'expected at most one record per population' })
      .optional()
      .meta({ description: 'Each record replaces its population' }),
    subprocessors: z
      .array(z.strictObject({ id, ...subprocessorPatch.shape }))
      .max(50)
      .optional()
      .meta({ description: 'Changed fields of existing subprocessors, by id' }),
    removeSubprocessorIds: z.array(id).max(50).optional(),
    addSubprocessors: z.array(subprocessorInput).max(20).optional(),
    addIncidents: z.array(incidentInput).max(20).optional(),
    relationship: z
      .strictObject({ tier: z.number().int().min(1).max(4), dataAccess: z.enum(DATA_ACCESS), environmentAccess: z.enum(ENVIRONMENT_ACCESS) })
      .partial()
      .optional()
      .meta({ description: 'Changes to our relationship (impact)' }),
  })
  .meta({ id: 'WhatIf' });

export type WhatIf = z.output<typeof whatIf>;
