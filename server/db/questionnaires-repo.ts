/**
 * SQL for questionnaire requests and their answers (migration 0018). Rows come back as stored: the
 * derived state (`expired`) and `overdue` are the service's to add, since they depend on the day.
 * The token itself is never here, only its SHA-256.
 */
import type { Db } from './open.ts';
import type { StoredRequestState } from '../domain/questionnaire.ts';

interface RequestRow {
  id: number;
  vendor_id: number;
  template_id: string;
  template_version: string;
  state: string;
  due_on: string;
  contact_name: string;
  contact_email: string;
  message: string | null;
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
  decision: string | null;
  decision_comment: string | null;
  decided_by: number | null;
  decided_at: string | null;
}

/** A request as stored (no token hash: it never leaves the repo). */
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
  readonly createdBy: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
  readonly openedAt: string | null;
  readonly submittedAt: string | null;
  readonly reviewedAt: string | null;
  readonly revokedAt: string | null;
  readonly version: number;
}

export interface StoredAnswer {
  readonly requestId: number;
  readonly questionId: string;
  readonly value: unknown;
  readonly answeredAt: string;
  readonly submittedAt: string | null;
  readonly decision: 'accepted' | 'rejected' | null;
  readonly decisionComment: string | null;
  readonly decidedBy: number | null;
  readonly decidedAt: string | null;
}

export interface NewRequest {
  readonly vendorId: number;
  readonly templateId: string;
  readonly templateVersion: string;
  readonly state: 'draft' | 'sent';
  readonly dueOn: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly message: string | null;
  readonly tokenHash: string | null;
  readonly linkExpiresOn: string | null;
  readonly createdBy: number | null;
  readonly sentAt: string | null;
}

/** The stored fields a state move may set (a subset; the rest stay). */
export interface RequestChange {
  readonly state?: StoredRequestState;
  readonly tokenHash?: string | null;
  readonly linkExpiresOn?: string | null;
  readonly sentAt?: string | null;
  readonly openedAt?: string | null;
  readonly submittedAt?: string | null;
  readonly reviewedAt?: string | null;
  readonly revokedAt?: string | null;
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
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  sentAt: r.sent_at,
  openedAt: r.opened_at,
  submittedAt: r.submitted_at,
  reviewedAt: r.reviewed_at,
  revokedAt: r.revoked_at,
  version: r.version,
});

const toAnswer = (r: AnswerRow): StoredAnswer => ({
  requestId: r.request_id,
  questionId: r.question_id,
  value: JSON.parse(r.value),
  answeredAt: r.answered_at,
  submittedAt: r.submitted_at,
  decision: r.decision as StoredAnswer['decision'],
  decisionComment: r.decision_comment,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

const COLUMNS = `id, vendor_id, template_id, template_version, state, due_on, contact_name, contact_email, message, link_expires_on,
  created_by, created_at, updated_at, sent_at, opened_at, submitted_at, reviewed_at, revoked_at, version`;

const CHANGE_COLUMNS = {
  state: 'state',
  tokenHash: 'token_hash',
  linkExpiresOn: 'link_expires_on',
  sentAt: 'sent_at',
  openedAt: 'opened_at',
  submittedAt: 'submitted_at',
  reviewedAt: 'reviewed_at',
  revokedAt: 'revoked_at',
} as const satisfies Record<keyof RequestChange, string>;

export function questionnairesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO questionnaire_requests (vendor_id, template_id, template_version, state, due_on, contact_name, contact_email,
      message, token_hash, link_expires_on, created_by, created_at, updated_at, sent_at)
    VALUES (@vendorId, @templateId, @templateVersion, @state, @dueOn, @contactName, @contactEmail, @message, @tokenHash, @linkExpiresOn, @createdBy, @now, @now, @sentAt)`);
  const byId = db.prepare<[number], RequestRow>(`SELECT ${COLUMNS} FROM questionnaire_requests WHERE id = ?`);
  const byToken = db.prepare<[string], RequestRow>(`SELECT ${COLUMNS} FROM questionnaire_requests WHERE token_hash = ?`);
  const byVendor = db.prepare<[number], RequestRow>(`SELECT ${COLUMNS} FROM questionnaire_requests WHERE vendor_id = ? ORDER BY id DESC`);
  const all = db.prepare<[], RequestRow>(`SELECT ${COLUMNS} FROM questionnaire_requests ORDER BY id DESC`);
  const overdue = db.prepare<[string], RequestRow>(
    `SELECT ${COLUMNS} FROM questionnaire_requests WHERE state IN ('sent', 'opened', 'in-progress') AND due_on < ? ORDER BY due_on, id`,
  );
  const answers = db.prepare<[number], AnswerRow>('SELECT * FROM questionnaire_answers WHERE request_id = ? ORDER BY question_id');
  const answer = db.prepare<[number, string], AnswerRow>('SELECT * FROM questionnaire_answers WHERE request_id = ? AND question_id = ?');
  const upsertAnswer = db.prepare(`INSERT INTO questionnaire_answers (request_id, question_id, value, answered_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (request_id, question_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at, submitted_at = NULL,
      decision = NULL, decision_comment = NULL, decided_by = NULL, decided_at = NULL`);
  const deleteAnswer = db.prepare('DELETE FROM questionnaire_answers WHERE request_id = ? AND question_id = ?');
  const submitAnswers = db.prepare('UPDATE questionnaire_answers SET submitted_at = ? WHERE request_id = ? AND submitted_at IS NULL');
  const decide = db.prepare(`UPDATE questionnaire_answers SET decision = @decision, decision_comment = @comment, decided_by = @by, decided_at = @at,
      -- A rejected answer is the vendor's to change again: no longer a submitted value.
      submitted_at = CASE WHEN @decision = 'rejected' THEN NULL ELSE submitted_at END
    WHERE request_id = @request_id AND question_id = @question_id AND submitted_at IS NOT NULL`);

  return {
    create: (r: NewRequest, now: string): number => Number(insert.run({ ...r, now }).lastInsertRowid),
    find: (id: number): StoredRequest | undefined => {
      const r = byId.get(id);
      return r && toRequest(r);
    },
    findByTokenHash: (hash: string): StoredRequest | undefined => {
      const r = byToken.get(hash);
      return r && toRequest(r);
    },
    listByVendor: (vendorId: number): StoredRequest[] => byVendor.all(vendorId).map(toRequest),
    all: (): StoredRequest[] => all.all().map(toRequest),
    /** Requests still open for answers whose due day passed before `today` (expiry is the caller's to judge). */
    openPastDue: (today: string): StoredRequest[] => overdue.all(today).map(toRequest),
    /**
     * Sets the given fields and moves the version on, only if the request is still at `version`
     * (two moves at once cannot both win). False when it was not.
     */
    update: (id: number, change: RequestChange, now: string, version: number): boolean => {
      const keys = (Object.keys(change) as Array<keyof RequestChange>).filter((k) => change[k] !== undefined);
      const sets = keys.map((k) => `${CHANGE_COLUMNS[k]} = @${k}`);
      const sql = `UPDATE questionnaire_requests SET ${[...sets, 'updated_at = @now', 'version = version + 1'].join(', ')} WHERE id = @id AND version = @version`;
      return db.prepare(sql).run({ ...Object.fromEntries(keys.map((k) => [k, change[k]])), now, id, version }).changes === 1;
    },
    answers: (requestId: number): StoredAnswer[] => answers.all(requestId).map(toAnswer),
    answer: (requestId: number, questionId: string): StoredAnswer | undefined => {
      const r = answer.get(requestId, questionId);
      return r && toAnswer(r);
    },
    /** Saves a draft value (a new value clears an earlier submission and decision of that answer). */
    saveAnswer: (requestId: number, questionId: string, value: unknown, now: string): void => {
      upsertAnswer.run(requestId, questionId, JSON.stringify(value), now);
    },
    deleteAnswer: (requestId: number, questionId: string): boolean => deleteAnswer.run(requestId, questionId).changes === 1,
    /** Freezes the request's draft answers as submitted at `now`. */
    submitAnswers: (requestId: number, now: string): number => submitAnswers.run(now, requestId).changes,
    /** Records the analyst's decision on a submitted answer; a rejection makes it a draft again. False when there is no submitted answer. */
    decide: (d: { requestId: number; questionId: string; decision: 'accepted' | 'rejected'; comment: string | null; by: number | null; at: string }): boolean =>
      decide.run({ request_id: d.requestId, question_id: d.questionId, decision: d.decision, comment: d.comment, by: d.by, at: d.at }).changes > 0,
  };
}

export type QuestionnairesRepo = ReturnType<typeof questionnairesRepo>;
