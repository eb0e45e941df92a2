/**
 * The questionnaire tables (migration 0018) as whole rows, for the full export and restore only:
 * the request and answer services (issue 16 part B) have their own repository. Who created or
 * decided (user ids) and the link's token hash are not carried: accounts and secrets stay with their
 * database, so a restored request needs a new link.
 */
import type { Db } from './open.ts';
import type { StoredAnswer, StoredRequest } from './questionnaires-repo.ts';

/** A request as exported: the stored request without who created it and its version (a restore starts at 1). */
export type TransferRequest = Omit<StoredRequest, 'createdBy' | 'version' | 'state'> & { readonly state: string };
/** An answer as exported: without who decided it. */
export type TransferAnswer = Omit<StoredAnswer, 'decidedBy'>;

const REQUEST_COLUMNS = `id, vendor_id AS vendorId, template_id AS templateId, template_version AS templateVersion, state, due_on AS dueOn,
  contact_name AS contactName, contact_email AS contactEmail, message, link_expires_on AS linkExpiresOn, created_at AS createdAt,
  updated_at AS updatedAt, sent_at AS sentAt, opened_at AS openedAt, submitted_at AS submittedAt, reviewed_at AS reviewedAt, revoked_at AS revokedAt`;

export function questionnaireTransferRepo(db: Db) {
  const requests = db.prepare<[], TransferRequest>(`SELECT ${REQUEST_COLUMNS} FROM questionnaire_requests ORDER BY id`);
  const answers = db.prepare<[], Omit<TransferAnswer, 'value'> & { value: string }>(`SELECT request_id AS requestId, question_id AS questionId, value,
    answered_at AS answeredAt, submitted_at AS submittedAt, decision, decision_comment AS decisionComment, decided_at AS decidedAt
    FROM questionnaire_answers ORDER BY request_id, question_id`);
  const insertRequest = db.prepare(`INSERT INTO questionnaire_requests (id, vendor_id, template_id, template_version, state, due_on, contact_name,
      contact_email, message, link_expires_on, created_at, updated_at, sent_at, opened_at, submitted_at, reviewed_at, revoked_at)
    VALUES (@id, @vendorId, @templateId, @templateVersion, @state, @dueOn, @contactName, @contactEmail, @message, @linkExpiresOn, @createdAt,
      @updatedAt, @sentAt, @openedAt, @submittedAt, @reviewedAt, @revokedAt)`);
  const insertAnswer =
    db.prepare(`INSERT INTO questionnaire_answers (request_id, question_id, value, answered_at, submitted_at, decision, decision_comment, decided_at)
    VALUES (@requestId, @questionId, @value, @answeredAt, @submittedAt, @decision, @decisionComment, @decidedAt)`);
  const findSame = db.prepare<[number, string, string], { id: number }>(
    'SELECT id FROM questionnaire_requests WHERE vendor_id = ? AND template_id = ? AND created_at = ?',
  );
  return {
    requests: (): TransferRequest[] => requests.all(),
    answers: (): TransferAnswer[] => answers.all().map((a) => ({ ...a, value: JSON.parse(a.value) as unknown })),
    /** Inserts a request; `id` null gives it a new one. Returns its id. */
    insertRequest: (r: TransferRequest, id: number | null): number => Number(insertRequest.run({ ...r, id }).lastInsertRowid),
    insertAnswer: (a: TransferAnswer): void => {
      insertAnswer.run({ ...a, value: JSON.stringify(a.value) });
    },
    /** A request of this vendor and template created at the same instant: the same request (a merge adds it once). */
    findSame: (vendorId: number, templateId: string, createdAt: string): number | undefined => findSame.get(vendorId, templateId, createdAt)?.id,
  };
}
