/**
 * SQL for the review of questionnaire answers (issue 16, part A): what the review reads and
 * writes of requests and answers (migration 0018). Minimal on purpose: the request lifecycle
 * (create, send, respond) has its own repository, merged with this one by name.
 */
import type { Db } from './open.ts';
import type { QuestionnaireAnswer, StoredRequestState } from '../domain/questionnaire.ts';

export interface RequestRow {
  id: number;
  vendor_id: number;
  template_id: string;
  template_version: string;
  state: string;
  due_on: string;
  contact_name: string;
  contact_email: string;
  message: string | null;
  token_hash: string | null;
  link_expires_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  opened_at: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  revoked_at: string | null;
  version: number;
}

interface AnswerRow {
  request_id: number;
  question_id: string;
  value: string;
  answered_at: string;
  submitted_at: string | null;
  decision: 'accepted' | 'rejected' | null;
  decision_comment: string | null;
  decided_at: string | null;
}

/** A request as stored (the API's shape adds the derived `overdue` and the effective state). */
export interface StoredRequest {
  readonly id: number;
  readonly vendorId: number;
  readonly templateId: string;
  readonly templateVersion: string;
  readonly state: StoredRequestState;
  readonly dueOn: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly message: string | null;
  readonly linkExpiresOn: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
  readonly openedAt: string | null;
  readonly submittedAt: string | null;
  readonly reviewedAt: string | null;
  readonly revokedAt: string | null;
  readonly version: number;
}

const toRequest = (r: RequestRow): StoredRequest => ({
  id: r.id,
  vendorId: r.vendor_id,
  templateId: r.template_id,
  templateVersion: r.template_version,
  state: r.state as StoredRequestState,
  dueOn: r.due_on,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  message: r.message,
  linkExpiresOn: r.link_expires_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  openedAt: r.opened_at,
  submittedAt: r.submitted_at,
  reviewedAt: r.reviewed_at,
  revokedAt: r.revoked_at,
  version: r.version,
});

const toAnswer = (r: AnswerRow): QuestionnaireAnswer => ({
  requestId: r.request_id,
  questionId: r.question_id,
  value: JSON.parse(r.value) as unknown,
  answeredAt: r.answered_at,
  submittedAt: r.submitted_at,
  decision: r.decision,
  decisionComment: r.decision_comment,
  decidedAt: r.decided_at,
});

/** A new request's columns (the lifecycle's repository writes these in the product; tests seed with it). */
export interface NewRequestRow {
  vendorId: number;
  templateId: string;
  templateVersion: string;
  state: StoredRequestState;
  dueOn: string;
  contactName: string;
  contactEmail: string;
  linkExpiresOn?: string | null;
  submittedAt?: string | null;
  now: string;
}

export function questionnaireReviewRepo(db: Db) {
  const byId = db.prepare<[number], RequestRow>('SELECT * FROM questionnaire_requests WHERE id = ?');
  const answers = db.prepare<[number], AnswerRow>('SELECT * FROM questionnaire_answers WHERE request_id = ? ORDER BY question_id');
  const decide = db.prepare(`UPDATE questionnaire_answers SET decision = @decision, decision_comment = @comment, decided_by = @by, decided_at = @at,
      -- A rejected answer is the vendor's to change again: no longer a submitted value.
      submitted_at = CASE WHEN @decision = 'rejected' THEN NULL ELSE submitted_at END
    WHERE request_id = @request_id AND question_id = @question_id AND submitted_at IS NOT NULL`);
  const setState = db.prepare(`UPDATE questionnaire_requests SET state = @state, reviewed_at = @at, updated_at = @at, version = version + 1
    WHERE id = @id AND version = @expect`);
  const insertRequest = db.prepare(`INSERT INTO questionnaire_requests (vendor_id, template_id, template_version, state, due_on, contact_name,
      contact_email, link_expires_on, created_at, updated_at, submitted_at)
    VALUES (@vendorId, @templateId, @templateVersion, @state, @dueOn, @contactName, @contactEmail, @linkExpiresOn, @now, @now, @submittedAt)`);
  const insertAnswer = db.prepare(`INSERT INTO questionnaire_answers (request_id, question_id, value, answered_at, submitted_at)
    VALUES (@requestId, @questionId, @value, @answeredAt, @submittedAt)`);

  return {
    find: (id: number): StoredRequest | undefined => {
      const r = byId.get(id);
      return r && toRequest(r);
    },
    answers: (requestId: number): QuestionnaireAnswer[] => answers.all(requestId).map(toAnswer),
    /** Records a decision on a submitted answer; a rejection makes it a draft again. False when there is no submitted answer. */
    decide: (d: { requestId: number; questionId: string; decision: 'accepted' | 'rejected'; comment: string | null; by: number | null; at: string }): boolean =>
      decide.run({ request_id: d.requestId, question_id: d.questionId, decision: d.decision, comment: d.comment, by: d.by, at: d.at }).changes > 0,
    /** Moves a reviewed request to `state`, only at version `expect` (false: someone moved it meanwhile). */
    setReviewed: (id: number, state: StoredRequestState, at: string, expect: number): boolean => setState.run({ id, state, at, expect }).changes > 0,
    insertRequest: (r: NewRequestRow): number =>
      Number(insertRequest.run({ linkExpiresOn: null, submittedAt: null, ...r }).lastInsertRowid),
    insertAnswer: (a: { requestId: number; questionId: string; value: unknown; answeredAt: string; submittedAt: string | null }): void => {
      insertAnswer.run({ ...a, value: JSON.stringify(a.value) });
    },
  };
}

export type QuestionnaireReviewRepo = ReturnType<typeof questionnaireReviewRepo>;
