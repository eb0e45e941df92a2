/**
 * Procurement reviews: the decision taken on a vendor, the contract conditions it carries, the
 * review cadence by tier, and a vendor's review status. The single source of their shapes.
 */
import { z } from 'zod';
import { atLeastOneField, id, isoDay, label, prose, recordVersion, timestamp } from './fields.ts';
import type { VendorStatus } from './vocabulary.ts';
import { BANDS } from './methodology.ts';
import { FINDING_SEVERITIES } from './score.ts';

export const DECISIONS = ['approved', 'approved-with-conditions', 'rejected', 'needs-information'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The vendor status a decision leaves behind. */
export const STATUS_OF_DECISION: Readonly<Record<Decision, VendorStatus>> = {
  approved: 'approved',
  'approved-with-conditions': 'approved-with-conditions',
  rejected: 'rejected',
  'needs-information': 'under-review',
};

export const CONDITION_STATES = ['open', 'met', 'waived'] as const;
export type ConditionState = (typeof CONDITION_STATES)[number];

/** A condition as proposed with a decision: picked from a finding (its text by default), or written freely. */
export const conditionInput = z
  .strictObject({
    findingId: z
      .string()
      .min(1)
      .max(300)
      .nullable()
      .default(null)
      .meta({ description: 'A finding of the score decided on; its suggestedCondition is the default text' }),
    text: label(2000).nullable().default(null),
    owner: label(200).nullable().default(null),
    dueOn: isoDay.nullable().default(null),
  })
  .refine((c) => c.findingId !== null || c.text !== null, { message: 'give a findingId or a text', path: ['text'] })
  .meta({ id: 'ConditionInput' });

export const reviewInput = z
  .strictObject({
    decision: z.enum(DECISIONS),
    rationale: label(5000),
    conditions: z.array(conditionInput).max(100).default([]),
    decidedOn: isoDay.optional().meta({ description: 'Defaults to today; a past day records an earlier decision' }),
    nextReviewOn: isoDay.nullable().optional().meta({ description: "Defaults from the vendor's tier (the review cadence); null for none" }),
  })
  .meta({ id: 'ReviewInput' });

export type ReviewInput = z.output<typeof reviewInput>;
export type ConditionInput = z.output<typeof conditionInput>;

export const conditionPatch = z
  .strictObject({
    state: z.enum(CONDITION_STATES),
    owner: label(200).nullable(),
    dueOn: isoDay.nullable(),
    evidence: prose(5000),
    waiverExpiresOn: isoDay.nullable(),
    waiverApprover: label(200).nullable(),
  })
  .partial()
  .refine(...atLeastOneField)
  .meta({ id: 'ConditionPatch' });

export type ConditionPatch = z.output<typeof conditionPatch>;

export const condition = z
  .object({
    id,
    reviewId: id,
    vendorId: id,
    text: z.string(),
    findingId: z.string().nullable(),
    severity: z.enum(FINDING_SEVERITIES).nullable().meta({ description: 'The severity of the finding the condition answers; null for one written by hand' }),
    state: z.enum(CONDITION_STATES),
    owner: z.string().nullable(),
    dueOn: z.string().nullable(),
    evidence: z.string().nullable(),
    waiverExpiresOn: z.string().nullable(),
    waiverApprover: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: recordVersion,
  })
  .meta({ id: 'Condition' });

export type Condition = z.output<typeof condition>;

export const review = z
  .object({
    id,
    vendorId: id,
    decision: z.enum(DECISIONS),
    rationale: z.string(),
    decidedOn: z.string(),
    nextReviewOn: z.string().nullable(),
    nextReviewSet: z.enum(['tier', 'manual']).meta({ description: 'Whether the next review date came from the cadence or was set by hand' }),
    decidedBy: z.string(),
    /** The score the decision was taken on, frozen. */
    score: z.looseObject({
      asOf: z.string(),
      methodologyVersion: z.string(),
      risk: z.number(),
      band: z.enum(BANDS),
      findings: z.array(z.looseObject({ id: z.string() })).readonly(),
    }),
    conditions: z.array(condition),
    createdAt: timestamp,
    isExample: z
      .boolean()
      .optional()
      .meta({ description: 'True on a decision the demo portfolio seeds as an example setting (like its relationships), not one anybody took' }),
  })
  .meta({ id: 'Review' });

export type Review = z.output<typeof review>;

/** Months between reviews per tier; null means no periodic review. */
export const cadence = z
  .strictObject({
    tier1: z.number().int().min(1).max(120).nullable(),
    tier2: z.number().int().min(1).max(120).nullable(),
    tier3: z.number().int().min(1).max(120).nullable(),
    tier4: z.number().int().min(1).max(120).nullable(),
  })
  .meta({ id: 'ReviewCadence', description: 'Months between reviews for each tier; null for none' });
/** The cadence as the API answers it: with its version, for If-Match. */
export const storedCadence = cadence.extend({ version: recordVersion }).meta({ id: 'StoredReviewCadence' });
export type StoredCadence = z.output<typeof storedCadence>;

export type Cadence = z.output<typeof cadence>;
export const DEFAULT_CADENCE: Cadence = { tier1: 6, tier2: 12, tier3: 24, tier4: null };

export const REVIEW_STATES = ['ok', 'due', 'overdue', 'review-needed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REASON_CODES = [
  'never-reviewed',
  'overdue',
  'due-soon',
  'band-rose',
  'incident-disclosed',
  'root-cause-repeated',
  'subprocessor-added',
  'waiver-expired',
  'evidence-expired',
  'evidence-expiring',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const reviewReason = z
  .object({
    code: z.enum(REASON_CODES),
    text: z.string(),
    ref: z.string().nullable(),
    on: isoDay.optional().meta({ description: 'The day the reason is about, where it is not today: the day evidence expires (evidence-expiring)' }),
  })
  .meta({ id: 'ReviewReason' });
export type ReviewReason = z.output<typeof reviewReason>;

export const reviewStatus = z
  .object({
    vendorId: id,
    asOf: z.string(),
    state: z.enum(REVIEW_STATES),
    reasons: z.array(reviewReason),
    lastReview: z.object({ id, decision: z.enum(DECISIONS), decidedOn: z.string(), band: z.string() }).nullable(),
    nextReviewOn: z.string().nullable(),
  })
  .meta({ id: 'ReviewStatus' });

export type ReviewStatus = z.output<typeof reviewStatus>;
