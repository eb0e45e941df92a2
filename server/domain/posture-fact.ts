/** A public statement about a vendor's posture, as the reference dataset states it, with its sources. */
import { z } from 'zod';
import { CONFIDENCES, POSTURE_FACT_TYPES } from './vocabulary.ts';
import { id } from './fields.ts';
import { knownBeforeItsDay, knownFromField } from './known-from.ts';

export const postureFact = z
  .object({
    id,
    vendorId: id,
    ref: z.string(),
    factType: z.enum(POSTURE_FACT_TYPES),
    appliesTo: z.string(),
    statement: z.string(),
    statedDate: z
      .string()
      .nullable()
      .meta({ description: 'When it was stated or took effect, at the precision the source gives; null when no source gave a date.' }),
    relatedIncidentIds: z.array(z.string()),
    sources: z.array(z.string()),
    confidence: z.enum(CONFIDENCES),
    notes: z.string().nullable(),
    knownFrom: knownFromField(
      'For the demo seed: the statement’s statedDate, or the day it was seeded when no source dates it. Never before statedDate: a statement cannot be known before it was stated.',
    ),
  })
  .meta({ id: 'PostureFact' });

export type PostureFact = z.output<typeof postureFact>;

/** A statement cannot be known before it was stated. */
export const knownBeforeStated = (f: Pick<PostureFact, 'knownFrom' | 'statedDate'>): string | null =>
  knownBeforeItsDay(f.knownFrom, f.statedDate, 'statedDate');
