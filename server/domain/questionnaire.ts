/**
 * Questionnaires (issue 16): templates as data, the answers a vendor's contact gives, and the
 * requests that carry them. Shared by the template loader, the response API, the review and the
 * web (types only). A template's `maps` says which Vendorscope fact an answer would create or
 * change; `feeds` says which part of the score that fact moves (shown beside the question).
 */
import { z } from 'zod';
import { ACCESS_LEVELS, MFA_METHODS, MFA_POPULATIONS } from './vocabulary.ts';
import { id, isoDay, label, timestamp } from './fields.ts';

export const ANSWER_TYPES = ['yes-no', 'choice', 'multi-choice', 'number', 'date', 'text', 'rows', 'document'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** A column of a `rows` question (a list of rows, e.g. subprocessors with tenant access). */
export const ROW_COLUMN_TYPES = ['text', 'yes-no', 'choice', 'number'] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a lower-case slug (a-z, 0-9, -)');
const option = z.strictObject({ value: slug, label: label(200) });

/**
 * Where an answer goes among Vendorscope's facts:
 * - `mfa`: a field of the MFA record of one population;
 * - `support`: a field of the vendor's support arrangement (a subprocessor record whose function is
 *   customer support; created when there is none);
 * - `subprocessors`: each row of a `rows` question is a subprocessor with tenant access, its columns
 *   mapped to subprocessor fields by the columns' own `field`;
 * - `commitment`: what the vendor commits to outside the score's facts (days to notify customers of
 *   a breach, the security contact).
 */
export const SUPPORT_FIELDS = [
  'provider',
  'outsourced',
  'location',
  'accessLevel',
  'artifactsSanitized',
  'retentionDays',
  'sessionControls',
  'staffMfa',
] as const;
export const SUBPROCESSOR_COLUMN_FIELDS = [
  'name',
  'function',
  'outsourced',
  'accessLevel',
  'location',
  'staffMfa',
  'artifactsSanitized',
  'retentionDays',
] as const;
export const COMMITMENT_FIELDS = ['notifyWithinDays', 'securityContactName', 'securityContactEmail'] as const;

export const questionMapping = z.discriminatedUnion('fact', [
  z.strictObject({ fact: z.literal('mfa'), population: z.enum(MFA_POPULATIONS), field: z.enum(['method', 'enforced']) }),
  z.strictObject({ fact: z.literal('support'), field: z.enum(SUPPORT_FIELDS) }),
  z.strictObject({ fact: z.literal('subprocessors') }),
  z.strictObject({ fact: z.literal('commitment'), field: z.enum(COMMITMENT_FIELDS) }),
]);
export type QuestionMapping = z.output<typeof questionMapping>;

const rowColumn = z.strictObject({
  id: slug,
  label: label(200),
  type: z.enum(ROW_COLUMN_TYPES),
  required: z.boolean().default(false),
  options: z.array(option).max(50).optional(),
  field: z.enum(SUBPROCESSOR_COLUMN_FIELDS).optional(),
});

export const question = z.strictObject({
  id: slug,
  text: label(1000),
  help: z.string().trim().max(2000).default(''),
  type: z.enum(ANSWER_TYPES),
  required: z.boolean(),
  options: z.array(option).min(2).max(50).optional().meta({ description: 'For choice and multi-choice questions.' }),
  columns: z.array(rowColumn).min(1).max(12).optional().meta({ description: 'For rows questions.' }),
  maps: questionMapping.nullable().default(null),
  feeds: z.array(label(100)).max(5).default([]).meta({ description: 'The parts of the score the mapped fact moves, as shown: "MFA · support staff".' }),
});
export type Question = z.output<typeof question>;

export const templateSection = z.strictObject({ id: slug, title: label(200), questions: z.array(question).min(1).max(100) });
export const questionnaireTemplate = z
  .strictObject({
    id: slug,
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: label(200),
    description: z.string().trim().max(4000).default(''),
    sections: z.array(templateSection).min(1).max(30),
  })
  .meta({ id: 'QuestionnaireTemplate' });
export type QuestionnaireTemplate = z.output<typeof questionnaireTemplate>;

export const MAX_TEXT_ANSWER = 4000;
export const MAX_ROWS = 100;

/** The value an answer to `q` must have. */
export function answerValueSchema(q: Question): z.ZodType {
  const values = (q.options ?? []).map((o) => o.value);
  switch (q.type) {
    case 'yes-no':
      return z.boolean();
    case 'choice':
      return z.enum(values as [string, ...string[]]);
    case 'multi-choice':
      return z
        .array(z.enum(values as [string, ...string[]]))
        .max(values.length)
        .refine((a) => new Set(a).size === a.length, 'expected each choice once');
    case 'number':
      return z.number().finite().min(0).max(1_000_000);
    case 'date':
      return isoDay;
    case 'text':
      return z.string().trim().min(1).max(MAX_TEXT_ANSWER);
    case 'document':
      return z.array(id).min(1).max(10).meta({ description: 'Ids of documents uploaded for this request.' });
    case 'rows': {
      const shape: Record<string, z.ZodType> = {};
      for (const c of q.columns ?? []) {
        const base =
          c.type === 'yes-no'
            ? z.boolean()
            : c.type === 'number'
              ? z.number().finite().min(0).max(1_000_000)
              : c.type === 'choice'
                ? z.enum((c.options ?? []).map((o) => o.value) as [string, ...string[]])
                : z.string().trim().min(1).max(500);
        shape[c.id] = c.required ? base : base.nullable().optional();
      }
      return z.array(z.strictObject(shape)).max(MAX_ROWS);
    }
  }
}

export const REQUEST_STATES = ['draft', 'sent', 'opened', 'in-progress', 'submitted', 'accepted', 'partially-accepted', 'expired', 'revoked'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
/** States stored in the database; `expired` is derived (effectiveState). */
export type StoredRequestState = Exclude<RequestState, 'expired'>;

/** States in which the vendor's contact may still answer. */
export const OPEN_STATES: readonly StoredRequestState[] = ['sent', 'opened', 'in-progress'];

/**
 * The state a request is in on `today`: a link that passed its expiry before the answers were
 * submitted has expired, whatever was stored.
 */
export function effectiveState(r: { state: StoredRequestState; linkExpiresOn: string | null }, today: string): RequestState {
  if (OPEN_STATES.includes(r.state) && r.linkExpiresOn !== null && r.linkExpiresOn < today) return 'expired';
  return r.state;
}

/** Where a fact that came from a questionnaire answer came from. */
export const questionnaireSource = z
  .strictObject({ kind: z.literal('questionnaire'), requestId: id, questionId: slug })
  .meta({ id: 'QuestionnaireSource', description: 'The answer this fact was accepted from.' });
export type QuestionnaireSource = z.output<typeof questionnaireSource>;

/** Evidence a vendor attested itself, weighed below evidence verified independently (docs/METHODOLOGY.md). */
export const SELF_ATTESTED = 'self-attested' as const;

export const questionnaireRequest = z
  .object({
    id,
    vendorId: id,
    templateId: slug,
    templateVersion: z.string(),
    state: z.enum(REQUEST_STATES),
    dueOn: isoDay,
    contactName: label(200),
    contactEmail: z.email().max(320),
    message: z.string().nullable(),
    linkExpiresOn: isoDay.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    sentAt: timestamp.nullable(),
    openedAt: timestamp.nullable(),
    submittedAt: timestamp.nullable(),
    reviewedAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    overdue: z.boolean().meta({ description: 'Past its due day and not yet submitted.' }),
    version: z.number().int().positive(),
  })
  .meta({ id: 'QuestionnaireRequest' });
export type QuestionnaireRequest = z.output<typeof questionnaireRequest>;

export const ANSWER_DECISIONS = ['accepted', 'rejected'] as const;
export const questionnaireAnswer = z
  .object({
    requestId: id,
    questionId: slug,
    value: z.unknown(),
    answeredAt: timestamp,
    submittedAt: timestamp.nullable(),
    decision: z.enum(ANSWER_DECISIONS).nullable(),
    decisionComment: z.string().nullable(),
    decidedAt: timestamp.nullable(),
  })
  .meta({ id: 'QuestionnaireAnswer' });
export type QuestionnaireAnswer = z.output<typeof questionnaireAnswer>;

// Re-exported for template files' validation messages and the mapping's checks.
export { ACCESS_LEVELS, MFA_METHODS };
