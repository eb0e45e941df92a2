/**
 * What a vendor commits to outside the score's facts (issue 16): the days within which it notifies
 * customers of a breach, its security contact. One per vendor and field; accepted from a
 * questionnaire (self-attested) or recorded. Not scored: shown on the dossier, carried by exports.
 */
import { z } from 'zod';
import { COMMITMENT_FIELDS } from './questionnaire.ts';
import { id, timestamp } from './fields.ts';
import { factConfidence, factSource } from './fact-source.ts';
import { knownFromField } from './known-from.ts';

export type CommitmentField = (typeof COMMITMENT_FIELDS)[number];

export const COMMITMENT_LABELS: Readonly<Record<CommitmentField, string>> = {
  notifyWithinDays: 'Notifies customers of a breach within (days)',
  securityContactName: 'Security contact',
  securityContactEmail: 'Security contact e-mail',
};

/** The value each field holds. */
export const commitmentValue = {
  notifyWithinDays: z.number().int().min(0).max(3650),
  securityContactName: z.string().trim().min(1).max(200),
  securityContactEmail: z.email().max(320),
} satisfies Record<CommitmentField, z.ZodType>;

export const commitment = z
  .strictObject({
    vendorId: id,
    field: z.enum(COMMITMENT_FIELDS),
    value: z.union([z.number(), z.string()]).meta({ description: 'Days for notifyWithinDays; text for the contact.' }),
    confidence: factConfidence,
    source: factSource.nullable().meta({ description: 'The questionnaire answer it came from; null when an analyst recorded it.' }),
    knownFrom: knownFromField('For an accepted answer: the day it was submitted.'),
    updatedAt: timestamp,
  })
  .meta({ id: 'VendorCommitment' });
export type Commitment = z.output<typeof commitment>;

export const commitmentList = z.strictObject({ items: z.array(commitment) }).meta({ id: 'VendorCommitments' });
