/**
 * The review of a submitted questionnaire (issue 16, part A): what the analyst sees per answer, and
 * the decisions sent back. The shapes are the contract's (/work/issue16-contract.md, "Review");
 * part E declares the same review answer in questionnaire-api.ts, which replaces this one's
 * response schema after merging.
 */
import { z } from 'zod';
import { ANSWER_DECISIONS, question, questionnaireAnswer, questionnaireRequest } from './questionnaire.ts';

export const factChange = z.strictObject({
  field: z.string(),
  label: z.string(),
  old: z.string().nullable().meta({ description: 'What is on record, in words; null when nothing is.' }),
  new: z.string().nullable(),
});

export const reviewProposal = z
  .strictObject({
    fact: z.enum(['mfa', 'support', 'subprocessors', 'commitment']),
    label: z.string().meta({ description: 'The fact, in words: "Support staff MFA".' }),
    changes: z.array(factChange).meta({ description: 'What accepting the answer would change; empty when it agrees with what is on record.' }),
    feeds: z.array(z.string()),
  })
  .meta({ id: 'ReviewProposal' });

export const reviewItem = z.strictObject({
  question,
  section: z.strictObject({ id: z.string(), title: z.string() }),
  answer: questionnaireAnswer.nullable(),
  proposal: reviewProposal.nullable().meta({ description: 'The fact the answer would create or change; null for an unmapped question or no answer.' }),
});

export const questionnaireReview = z
  .strictObject({ request: questionnaireRequest, vendorName: z.string(), items: z.array(reviewItem) })
  .meta({ id: 'QuestionnaireReview' });
export type QuestionnaireReview = z.output<typeof questionnaireReview>;

export const MAX_DECISION_COMMENT = 2000;

export const reviewDecisions = z
  .strictObject({
    decisions: z
      .array(
        z.strictObject({
          questionId: z.string().max(64),
          decision: z.enum(ANSWER_DECISIONS),
          comment: z.string().trim().max(MAX_DECISION_COMMENT).optional().meta({ description: 'Required for a rejection: what the vendor should change.' }),
        }),
      )
      .min(1)
      .max(500),
  })
  .meta({ id: 'ReviewDecisions' });
export type ReviewDecisions = z.output<typeof reviewDecisions>;

export const reviewResult = z
  .strictObject({
    request: questionnaireRequest,
    applied: z
      .array(
        z.strictObject({
          questionId: z.string(),
          fact: reviewProposal.shape.fact,
          ref: z.string().meta({ description: 'The fact written: mfa:support, subprocessor:12, commitment:notifyWithinDays' }),
        }),
      )
      .meta({ description: 'The facts the accepted answers created or changed (answers that agree with the record change nothing).' }),
  })
  .meta({ id: 'QuestionnaireReviewResult' });
export type ReviewResult = z.output<typeof reviewResult>;
