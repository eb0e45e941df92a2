/** What changed: the events of the feed, the bell and the alerts. The single source of their shape. */
import { z } from 'zod';
import { BANDS } from './methodology.ts';
import { isoDay, timestamp } from './fields.ts';

export const CHANGE_KINDS = [
  'score-changed',
  'incident-added',
  'finding-new',
  'finding-resolved',
  'review-needed',
  'condition-overdue',
  'evidence-expiring',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The split the quarterly report uses (scoring/attribution.ts CAUSES): points of risk each cause moved. */
export const changeCauses = z
  .object({ methodology: z.number(), decay: z.number(), incidents: z.number(), posture: z.number() })
  .meta({ description: 'Points of the risk change by cause; they add up to newRisk − oldRisk' });

export const change = z
  .object({
    id: z.number().int(),
    vendorId: z.number().int().nullable().meta({ description: 'Null once the vendor is deleted (its name is kept)' }),
    vendorName: z.string(),
    day: isoDay.meta({ description: 'The day the change is true for' }),
    at: timestamp.meta({ description: 'When Vendorscope recorded it' }),
    kind: z.enum(CHANGE_KINDS),
    title: z.string().meta({ description: 'The change in words' }),
    oldRisk: z.number().nullable(),
    newRisk: z.number().nullable(),
    oldBand: z.enum(BANDS).nullable(),
    newBand: z.enum(BANDS).nullable(),
    causes: changeCauses.nullable(),
    ref: z.string().nullable().meta({ description: 'What it is about: incident:12, finding:<id>, condition:3…' }),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'Change' });
export type Change = z.infer<typeof change>;

/** A change about to be recorded: the store gives it its id and the time. */
export type NewChange = Omit<Change, 'id' | 'at' | 'oldRisk' | 'newRisk' | 'oldBand' | 'newBand' | 'causes' | 'ref' | 'detail'> &
  Partial<Pick<Change, 'oldRisk' | 'newRisk' | 'oldBand' | 'newBand' | 'causes' | 'ref' | 'detail'>>;
