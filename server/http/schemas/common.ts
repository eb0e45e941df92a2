/** Request and response schemas shared by several routes. */
import { z } from 'zod';
import { fieldProblem } from '../../domain/field-problems.ts';
import { isoDay } from '../../domain/fields.ts';

export const idParam = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'expected a positive integer id')
  .transform(Number)
  .meta({ description: 'Numeric id' });

export const idParams = z.strictObject({ id: idParam });

/** A vendor tier in a query string, 1 (most critical to us) to 4. */
export const tierParam = z.coerce.number().int().min(1).max(4);

/** A `true`/`false` query flag; absent means false. */
export const flagParam = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const asOfQuery = z.strictObject({
  asOf: isoDay.optional().meta({ description: 'Score as of this day (YYYY-MM-DD); today when left out.' }),
});

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: 'Stable, machine-readable error code' }),
    instance: z.string(),
    errors: z.array(fieldProblem).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
