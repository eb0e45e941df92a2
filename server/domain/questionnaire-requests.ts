/**
 * The shapes of the request API (the analyst sends, revokes, reopens) and of the response API
 * (the vendor's contact answers through the link). The template and answer shapes themselves are
 * in ./questionnaire.ts.
 */
import { z } from 'zod';
import { isoDay, label, timestamp } from './fields.ts';
import { questionnaireAnswer, questionnaireRequest, questionnaireTemplate, REQUEST_STATES } from './questionnaire.ts';

/** Days a link works after the due day when the analyst names no expiry. */
export const DEFAULT_LINK_DAYS_AFTER_DUE = 30;

/** The largest answer value kept, as JSON (a `rows` answer of 100 subprocessors fits easily). */
export const MAX_ANSWER_BYTES = 64 * 1024;

export const newQuestionnaireRequest = z
  .strictObject({
    templateId: z.string().min(1).max(64).meta({ description: 'A template id from GET /questionnaire-templates' }),
    dueOn: isoDay.meta({ description: 'The answers are due by the end of this day (today or later)' }),
    contactName: label(200),
    contactEmail: z.email().max(320),
    message: z.string().trim().max(4000).nullable().optional().meta({ description: 'A note to the contact, sent with the link' }),
    linkExpiresOn: isoDay
      .nullable()
      .optional()
      .meta({ description: `The link works through this day; the due day + ${DEFAULT_LINK_DAYS_AFTER_DUE} days when left out` }),
    send: z.boolean().meta({ description: 'Send now (a link is made, and mailed when e-mail is set up), or keep as a draft' }),
  })
  .meta({ id: 'NewQuestionnaireRequest' });
export type NewQuestionnaireRequest = z.output<typeof newQuestionnaireRequest>;

export const sentRequest = z
  .object({
    request: questionnaireRequest,
    link: z.string().nullable().meta({ description: 'The response link, shown this once (null for a draft): it is not stored and cannot be shown again' }),
    mailed: z.boolean().meta({ description: 'Whether the link was mailed to the contact' }),
  })
  .meta({ id: 'SentQuestionnaireRequest' });

export const requestWithVendor = questionnaireRequest.extend({ vendorName: z.string() }).meta({ id: 'QuestionnaireRequestListed' });

export const requestDetail = z
  .object({ request: questionnaireRequest, template: questionnaireTemplate, answers: z.array(questionnaireAnswer), vendorName: z.string() })
  .meta({ id: 'QuestionnaireRequestDetail' });

export const requestListQuery = z.strictObject({
  state: z.enum(REQUEST_STATES).optional().meta({ description: 'Only requests in this state (expired as derived)' }),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .meta({ description: 'Only overdue requests (true) or only others (false)' }),
});

export const templateSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    description: z.string(),
    questionCount: z.number().int(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), questionCount: z.number().int() })),
  })
  .meta({ id: 'QuestionnaireTemplateSummary' });

/** What the vendor's contact sees of their request: nothing of the analyst's side. */
export const respondView = z
  .object({
    request: z.object({
      id: z.number().int(),
      state: z.enum(REQUEST_STATES),
      dueOn: isoDay,
      vendorName: z.string(),
      contactName: z.string(),
      templateTitle: z.string(),
      message: z.string().nullable(),
      submittedAt: timestamp.nullable(),
      readOnly: z.boolean().meta({ description: 'Submitted (or decided): answers cannot change until the analyst reopens the request' }),
    }),
    template: questionnaireTemplate,
    answers: z.array(
      z.object({
        questionId: z.string(),
        value: z.unknown(),
        decision: z.enum(['accepted', 'rejected']).nullable(),
        decisionComment: z.string().nullable(),
      }),
    ),
    documents: z.array(z.object({ id: z.number().int(), fileName: z.string(), kind: z.string(), size: z.number().int() })),
  })
  .meta({ id: 'QuestionnaireResponse' });
export type RespondView = z.output<typeof respondView>;

export const answerInput = z.strictObject({ value: z.unknown().refine((v) => v !== undefined, 'give a value') }).meta({ id: 'AnswerInput' });

export const respondAnswer = z.object({ answer: questionnaireAnswer.omit({ decision: true, decisionComment: true, decidedAt: true }) });

/** The header that carries a response token: never a query parameter (URLs end up in logs and histories). */
export const RESPONSE_TOKEN_HEADER = 'X-Response-Token';
