/** A public statement about a vendor's posture, as the reference dataset states it, with its sources. */
import { z } from 'zod';
import { CONFIDENCES, POSTURE_FACT_TYPES } from './vocabulary.ts';
import { id } from './fields.ts';

export const postureFact = z
  .object({
    id,
    vendorId: id,
    ref: z.string(),
    factType: z.enum(POSTURE_FACT_TYPES),
    appliesTo: z.string(),
    statement: z.string(),
    statedDate: z.string().nullable(),
    relatedIncidentIds: z.array(z.string()),
    sources: z.array(z.string()),
    confidence: z.enum(CONFIDENCES),
    notes: z.string().nullable(),
  })
  .meta({ id: 'PostureFact' });

export type PostureFact = z.output<typeof postureFact>;
