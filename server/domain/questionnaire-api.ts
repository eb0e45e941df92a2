/**
 * Questionnaire API shapes (issue 16, part E): the answers the analyst's pages read, declared once so
 * that the routes (parts A and B) use them as their response schemas and the web takes their types.
 * Built from the record shapes in ./questionnaire.ts; nothing here is stored.
 */
import { z } from 'zod';
import { id, isoDay, label } from './fields.ts';
import { ANSWER_DECISIONS, question, questionnaireAnswer, questionnaireRequest, questionnaireTemplate } from './questionnaire.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

// ---------------------------------------------------------------------------------------------
// Templates (B)

/** One template in `GET /questionnaire-templates`. */
export const questionnaireTemplateSummary = z
  .object({
    id: slug,
    version: z.string(),
    title: z.string(),
    description: z.string(),
    questionCount: z.number().int().nonnegative(),
    sections: z.array(z.object({ id: slug, title: z.string(), questionCount: z.number().int().nonnegative() })),
  })
  .meta({ id: 'QuestionnaireTemplateSummary' });
export type QuestionnaireTemplateSummary = z.output<typeof questionnaireTemplateSummary>;

export const questionnaireTemplateList = z.object({ items: z.array(questionnaireTemplateSummary) }).meta({ id: 'QuestionnaireTemplateList' });
export type QuestionnaireTemplateList = z.output<typeof questionnaireTemplateList>;

// ---------------------------------------------------------------------------------------------
// Requests (B)

/**
 * The body of `POST /vendors/:id/questionnaire-requests`. Declared here so that the web's send form
 * and the route agree; part B owns the route and may tighten the checks (they stay field-named).
 */
export const newQuestionnaireRequest = z
  .strictObject({
    templateId: slug,
    dueOn: isoDay,
    contactName: label(200),
    contactEmail: z.email().max(320),
    message: z.string().trim().max(4000).nullable().optional().meta({ description: 'Shown to the contact above the questions and in the mail' }),
    linkExpiresOn: isoDay.nullable().optional().meta({ description: 'The last day the link works; the due day + 30 days when left out' }),
    send: z.boolean().meta({ description: 'true: create and send (the answer carries the link); false: keep as a draft' }),
  })
  .meta({ id: 'NewQuestionnaireRequest' });
export type NewQuestionnaireRequest = z.input<typeof newQuestionnaireRequest>;

/** The answer of create (201) and of send: the link is in it only here, only once. */
export const sentQuestionnaireRequest = z
  .object({
    request: questionnaireRequest,
    link: z
      .string()
      .nullable()
      .meta({ description: '<origin>/respond#token=<token>: shown this once and never again (only its hash is kept); null for a draft' }),
    mailed: z.boolean().meta({ description: 'Whether the link was also mailed to the contact (outgoing mail configured and accepted)' }),
  })
  .meta({ id: 'SentQuestionnaireRequest' });
export type SentQuestionnaireRequest = z.output<typeof sentQuestionnaireRequest>;

/** The answer of revoke and reopen. */
export const questionnaireRequestAnswer = z.object({ request: questionnaireRequest }).meta({ id: 'QuestionnaireRequestAnswer' });
export type QuestionnaireRequestAnswer = z.output<typeof questionnaireRequestAnswer>;

export const questionnaireRequestList = z.object({ items: z.array(questionnaireRequest) }).meta({ id: 'QuestionnaireRequestList' });
export type QuestionnaireRequestList = z.output<typeof questionnaireRequestList>;

/** An item of the portfolio-wide list `GET /questionnaire-requests`. */
export const questionnaireRequestWithVendor = questionnaireRequest.extend({ vendorName: z.string() }).meta({ id: 'QuestionnaireRequestWithVendor' });
export type QuestionnaireRequestWithVendor = z.output<typeof questionnaireRequestWithVendor>;
export const portfolioQuestionnaireRequests = z.object({ items: z.array(questionnaireRequestWithVendor) }).meta({ id: 'PortfolioQuestionnaireRequests' });

/** `GET /questionnaire-requests/:id`: the request with its template and answers. */
export const questionnaireRequestDetail = z
  .object({
    request: questionnaireRequest,
    template: questionnaireTemplate,
    answers: z.array(questionnaireAnswer),
    vendorName: z.string(),
  })
  .meta({ id: 'QuestionnaireRequestDetail' });
export type QuestionnaireRequestDetail = z.output<typeof questionnaireRequestDetail>;

/**
 * An overdue request in the review due list (`GET /reviews/due`, field `questionnaires`, beside the
 * vendors' review items, and a VEVENT in its calendar feed): past its due day, not submitted, not
 * revoked.
 */
export const dueQuestionnaire = z
  .object({
    kind: z.literal('questionnaire'),
    requestId: id,
    vendorId: id,
    vendorName: z.string(),
    tier: z.number().int(),
    businessOwner: z.string().nullable(),
    templateTitle: z.string(),
    state: questionnaireRequest.shape.state,
    dueOn: isoDay,
    contactName: z.string(),
    daysOverdue: z.number().int().nonnegative(),
  })
  .meta({ id: 'DueQuestionnaire' });
export type DueQuestionnaire = z.output<typeof dueQuestionnaire>;

// ---------------------------------------------------------------------------------------------
// Review (A)

export const PROPOSAL_FACTS = ['mfa', 'support', 'subprocessors', 'commitment'] as const;

/** One field a mapped answer would change, as text for the page and as the field's name. */
export const proposalChange = z
  .object({
    field: z.string().meta({ description: 'The fact field, e.g. "method" or "accessLevel"' }),
    label: z.string().meta({ description: 'The field as shown: "Support staff MFA method"' }),
    old: z.string().nullable().meta({ description: 'What is on record now, in words; null when nothing is' }),
    new: z.string().nullable().meta({ description: 'What it would become if accepted, in words; null when it would be cleared' }),
  })
  .meta({ id: 'ProposalChange' });
export type ProposalChange = z.output<typeof proposalChange>;

/** What accepting a mapped answer would create or change. */
export const answerProposal = z
  .object({
    fact: z.enum(PROPOSAL_FACTS),
    label: z.string().meta({ description: 'The fact as shown: "MFA · support staff"' }),
    changes: z.array(proposalChange).meta({ description: 'Empty when the answer agrees with the record' }),
    feeds: z.array(z.string()).meta({ description: 'The parts of the score the fact moves' }),
  })
  .meta({ id: 'AnswerProposal' });
export type AnswerProposal = z.output<typeof answerProposal>;

export const reviewItem = z
  .object({
    question,
    section: z.object({ id: slug, title: z.string() }),
    answer: questionnaireAnswer.nullable().meta({ description: 'null when the question was left unanswered' }),
    proposal: answerProposal.nullable().meta({ description: 'null for a question mapped to no fact (or unanswered)' }),
  })
  .meta({ id: 'QuestionnaireReviewItem' });
export type ReviewItem = z.output<typeof reviewItem>;

/** `GET /questionnaire-requests/:id/review`: every question in template order. */
export const questionnaireReview = z
  .object({ request: questionnaireRequest, vendorName: z.string(), items: z.array(reviewItem) })
  .meta({ id: 'QuestionnaireReview' });
export type QuestionnaireReview = z.output<typeof questionnaireReview>;

export const MAX_DECISION_COMMENT = 2000;

export const answerDecision = z
  .strictObject({
    questionId: slug,
    decision: z.enum(ANSWER_DECISIONS),
    comment: z.string().trim().max(MAX_DECISION_COMMENT).optional().meta({ description: 'Required for a rejection: the vendor sees it' }),
  })
  .refine((d) => d.decision !== 'rejected' || (d.comment ?? '').length > 0, { message: 'a rejection needs a comment', path: ['comment'] })
  .meta({ id: 'AnswerDecision' });
export type AnswerDecision = z.input<typeof answerDecision>;

/** `POST /questionnaire-requests/:id/decisions`. */
export const reviewDecisions = z
  .strictObject({
    decisions: z
      .array(answerDecision)
      .min(1)
      .max(500)
      .refine((ds) => new Set(ds.map((d) => d.questionId)).size === ds.length, { message: 'each question once' }),
  })
  .meta({ id: 'ReviewDecisions' });
export type ReviewDecisions = z.input<typeof reviewDecisions>;

export const appliedDecision = z
  .object({
    questionId: slug,
    fact: z.enum(PROPOSAL_FACTS),
    ref: z.string().meta({ description: 'The fact written, e.g. "mfa:support-staff" or "subprocessor:42"' }),
  })
  .meta({ id: 'AppliedDecision' });
export type AppliedDecision = z.output<typeof appliedDecision>;

export const reviewDecisionsResult = z.object({ request: questionnaireRequest, applied: z.array(appliedDecision) }).meta({ id: 'ReviewDecisionsResult' });
export type ReviewDecisionsResult = z.output<typeof reviewDecisionsResult>;
