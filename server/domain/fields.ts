/** Field schemas shared by the record shapes: dates, URLs, bounded text. */
import { z } from 'zod';
import { parsePartialDate } from './partial-date.ts';

export const partialDate = z
  .string()
  .refine((s) => parsePartialDate(s) !== undefined, {
    message: 'expected a real date as YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .meta({ id: 'PartialDate', description: 'A date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.' });

export const isoDay = z
  .string()
  .refine((s) => parsePartialDate(s)?.precision === 'day', { message: 'expected a real date as YYYY-MM-DD' })
  .meta({ id: 'IsoDay', description: 'A calendar day, YYYY-MM-DD.' });

export const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);

/** Single-line text: trimmed, non-empty, bounded. */
export const label = (max: number) => z.string().trim().min(1).max(max);
/** Free text that may be absent. */
export const prose = (max = 5000) => z.string().trim().max(max).nullable();

export const id = z.number().int().positive().meta({ id: 'Id' });
export const timestamp = z.string().meta({ description: 'ISO-8601 UTC timestamp' });
/** A record's version: every write adds one; the answer's ETag is made from it and If-Match names it. */
export const recordVersion = z
  .number()
  .int()
  .positive()
  .meta({ description: 'Incremented by every change; send it back as If-Match: "v<version>" to change only this version (412 edit-conflict otherwise)' });

/** Refinement for PATCH bodies: an empty patch is a mistake, not a no-op. */
export const atLeastOneField = [
  (o: object) => Object.keys(o).length > 0,
  // Only when the fields themselves passed: `{ "id": 1 }` is an unknown field, not an empty patch.
  { message: 'give at least one field to change', when: (p: { issues: readonly unknown[] }) => p.issues.length === 0 },
] as const;
