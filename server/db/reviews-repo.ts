/** SQL for procurement reviews and the contract conditions they carry. */
import type { Db } from './open.ts';
import type { Condition, ConditionState, Decision, Review } from '../domain/review.ts';
import type { FindingSeverity } from '../domain/score.ts';

interface ReviewRow {
  id: number;
  vendor_id: number;
  decision: string;
  rationale: string;
  decided_on: string;
  next_review_on: string | null;
  next_review_set: string;
  score: string;
  decided_by: string;
  created_at: string;
}

interface ConditionRow {
  id: number;
  review_id: number;
  vendor_id: number;
  text: string;
  finding_id: string | null;
  severity: string | null;
  state: string;
  owner: string | null;
  due_on: string | null;
  evidence: string | null;
  waiver_expires_on: string | null;
  waiver_approver: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const toCondition = (r: ConditionRow): Condition => ({
  id: r.id,
  reviewId: r.review_id,
  vendorId: r.vendor_id,
  text: r.text,
  findingId: r.finding_id,
  severity: r.severity as FindingSeverity | null,
  state: r.state as ConditionState,
  owner: r.owner,
  dueOn: r.due_on,
  evidence: r.evidence,
  waiverExpiresOn: r.waiver_expires_on,
  waiverApprover: r.waiver_approver,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const toReview = (r: ReviewRow, conditions: Condition[]): Review => ({
  id: r.id,
  vendorId: r.vendor_id,
  decision: r.decision as Decision,
  rationale: r.rationale,
  decidedOn: r.decided_on,
  nextReviewOn: r.next_review_on,
  nextReviewSet: r.next_review_set as Review['nextReviewSet'],
  decidedBy: r.decided_by,
  score: JSON.parse(r.score) as Review['score'],
  conditions,
  createdAt: r.created_at,
});

/** A review to store; its score is kept as the JSON it was frozen as. */
export type NewReview = Omit<Review, 'id' | 'conditions' | 'createdAt' | 'score'> & { readonly score: object };
export type NewCondition = Pick<Condition, 'text' | 'findingId' | 'severity' | 'owner' | 'dueOn'> &
  Partial<Pick<Condition, 'state' | 'evidence' | 'waiverExpiresOn' | 'waiverApprover'>>;
/** The changeable part of a condition, whole. */
export type ConditionFields = Pick<Condition, 'state' | 'owner' | 'dueOn' | 'evidence' | 'waiverExpiresOn' | 'waiverApprover'>;

const CONDITIONS = 'SELECT c.*, r.vendor_id FROM review_conditions c JOIN reviews r ON r.id = c.review_id';

export function reviewsRepo(db: Db) {
  const byVendor = db.prepare<[number], ReviewRow>('SELECT * FROM reviews WHERE vendor_id = ? ORDER BY decided_on DESC, id DESC');
  const all = db.prepare<[], ReviewRow>('SELECT * FROM reviews ORDER BY id');
  const allLatestFirst = db.prepare<[], ReviewRow>('SELECT * FROM reviews ORDER BY vendor_id, decided_on DESC, id DESC');
  const one = db.prepare<[number], ReviewRow>('SELECT * FROM reviews WHERE id = ?');
  const conditionsOfVendor = db.prepare<[number], ConditionRow>(`${CONDITIONS} WHERE r.vendor_id = ? ORDER BY c.id`);
  const allConditions = db.prepare<[], ConditionRow>(`${CONDITIONS} ORDER BY c.id`);
  const oneCondition = db.prepare<[number], ConditionRow>(`${CONDITIONS} WHERE c.id = ?`);
  const insert =
    db.prepare(`INSERT INTO reviews (id, vendor_id, decision, rationale, decided_on, next_review_on, next_review_set, score, decided_by, created_at)
    VALUES (@id, @vendor_id, @decision, @rationale, @decided_on, @next_review_on, @next_review_set, @score, @decided_by, @created_at)`);
  const insertCondition = db.prepare(`INSERT INTO review_conditions (id, review_id, text, finding_id, severity, state, owner, due_on, evidence,
      waiver_expires_on, waiver_approver, created_at, updated_at)
    VALUES (@id, @review_id, @text, @finding_id, @severity, @state, @owner, @due_on, @evidence, @waiver_expires_on, @waiver_approver, @created_at, @updated_at)`);
  const updateCondition = db.prepare(`UPDATE review_conditions SET state = @state, owner = @owner, due_on = @due_on, evidence = @evidence,
      waiver_expires_on = @waiver_expires_on, waiver_approver = @waiver_approver, updated_at = @now, version = version + 1
    WHERE id = @id AND (@expect IS NULL OR version = @expect)`);

  const withConditions = (rows: ReviewRow[], conditions: Condition[]): Review[] => {
    const byReview = new Map<number, Condition[]>();
    for (const c of conditions) byReview.set(c.reviewId, [...(byReview.get(c.reviewId) ?? []), c]);
    return rows.map((r) => toReview(r, byReview.get(r.id) ?? []));
  };

  return {
    /** A vendor's reviews, latest decision first. */
    listByVendor: (vendorId: number): Review[] => withConditions(byVendor.all(vendorId), conditionsOfVendor.all(vendorId).map(toCondition)),
    /** Every review, by id (the export), or by vendor with its latest decision first (due lists). */
    all: (o: { latestFirst?: boolean } = {}): Review[] => withConditions((o.latestFirst ? allLatestFirst : all).all(), allConditions.all().map(toCondition)),
    find: (id: number): Review | undefined => {
      const r = one.get(id);
      return r && withConditions([r], conditionsOfVendor.all(r.vendor_id).map(toCondition))[0];
    },
    findCondition: (id: number): Condition | undefined => {
      const r = oneCondition.get(id);
      return r && toCondition(r);
    },
    /** Adds a review; a restore passes the exported id and creation time. */
    create: (r: NewReview, now: string, keep?: { id: number; createdAt: string }): number =>
      Number(
        insert.run({
          id: keep?.id ?? null,
          vendor_id: r.vendorId,
          decision: r.decision,
          rationale: r.rationale,
          decided_on: r.decidedOn,
          next_review_on: r.nextReviewOn,
          next_review_set: r.nextReviewSet,
          score: JSON.stringify(r.score),
          decided_by: r.decidedBy,
          created_at: keep?.createdAt ?? now,
        }).lastInsertRowid,
      ),
    addCondition: (reviewId: number, c: NewCondition, now: string, keep?: { id: number; createdAt: string; updatedAt: string }): number =>
      Number(
        insertCondition.run({
          id: keep?.id ?? null,
          review_id: reviewId,
          text: c.text,
          finding_id: c.findingId,
          severity: c.severity,
          state: c.state ?? 'open',
          owner: c.owner,
          due_on: c.dueOn,
          evidence: c.evidence ?? null,
          waiver_expires_on: c.waiverExpiresOn ?? null,
          waiver_approver: c.waiverApprover ?? null,
          created_at: keep?.createdAt ?? now,
          updated_at: keep?.updatedAt ?? now,
        }).lastInsertRowid,
      ),
    /** Writes the condition and adds one to its version, only at version `expect` when given (false: nothing written). */
    updateCondition: (id: number, c: ConditionFields, now: string, expect?: number): boolean =>
      updateCondition.run({
        id,
        state: c.state,
        owner: c.owner,
        due_on: c.dueOn,
        evidence: c.evidence,
        waiver_expires_on: c.waiverExpiresOn,
        waiver_approver: c.waiverApprover,
        now,
        expect: expect ?? null,
      }).changes > 0,
  };
}

export type ReviewsRepo = ReturnType<typeof reviewsRepo>;
