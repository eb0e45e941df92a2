/** The documented shape of a vendor's dossier document (GET /vendors/:id/dossier). */
import { z } from 'zod';
import { vendor } from '../../domain/vendor.ts';
import { incident } from '../../domain/incident.ts';
import { subprocessor } from '../../domain/subprocessor.ts';
import { mfaRecord } from '../../domain/mfa.ts';
import { postureFact } from '../../domain/posture-fact.ts';
import { review, reviewStatus } from '../../domain/review.ts';
import { MFA_POPULATIONS } from '../../domain/vocabulary.ts';
import { vendorScore } from './score.ts';

const count = z.number().int().min(0);

export const dossier = z
  .object({
    asOf: z.string().meta({ description: 'The day the dossier is as of: only what was known that day is in it' }),
    generatedAt: z.string(),
    vendor,
    score: vendorScore.meta({ description: 'The score as of the day, with its findings (each with a suggested condition) and gaps' }),
    review: z.object({
      status: reviewStatus,
      decisions: z
        .array(review)
        .meta({ description: 'Decisions taken by the day, latest first, each with its conditions (in their state today: conditions keep no history)' }),
    }),
    incidents: z.array(incident).meta({ description: 'Incidents known by the day (disclosed, or failing that first known)' }),
    supportChain: z.array(subprocessor).meta({ description: 'Support arrangements and subprocessors known by the day, ended ones included' }),
    mfa: z.object({
      items: z.array(mfaRecord).meta({ description: 'MFA records in force on the day (assessed and known by then)' }),
      unknown: z.array(z.enum(MFA_POPULATIONS)).meta({ description: 'Populations with no record in force: unknown' }),
    }),
    statements: z.array(postureFact).meta({ description: 'Public posture statements known by the day' }),
    sources: z
      .array(z.object({ about: z.string(), source: z.string() }))
      .meta({ description: 'Every URL or citation the facts above rest on, with the fact it supports' }),
    leftOut: z
      .object({ incidents: count, supportChain: count, mfa: count, statements: count, decisions: count })
      .meta({ description: 'How many records exist but were not yet known (or, for MFA, not yet in force; for decisions, not yet taken) on the day' }),
  })
  .meta({ id: 'Dossier' });
