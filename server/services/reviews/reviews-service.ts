/**
 * Procurement reviews: record a decision (frozen with the score it was taken on), carry its
 * conditions, schedule the next review by the tier's cadence, and tell which vendors need one.
 */
import type { Store } from '../../db/store.ts';
import type { Actor } from '../../domain/account.ts';
import { STATUS_OF_DECISION, type Condition, type ConditionPatch, type Review, type ReviewInput, type ReviewStatus } from '../../domain/review.ts';
import type { Vendor } from '../../domain/vendor.ts';
import { addMonths } from '../../scoring/review-status.ts';
import { scoreVendor } from '../../scoring/score-vendor.ts';
import type { VendorScore } from '../../scoring/types.ts';
import type { Clock } from '../clock.ts';
import { checkVersion, EditConflict, found, invalid, ServiceError } from '../errors.ts';
import { groupBy, loadAllFacts, loadFacts } from '../facts-loader.ts';
import type { MethodologyService } from '../methodology-service.ts';
import { cadenceStore } from './cadence.ts';
import { checkConditionChange } from './condition-rules.ts';
import { DUE_SOON_DAYS, reviewStatusFor } from './review-status-of.ts';
import { followDecision, markExamples } from './follow-decision.ts';

export { DUE_SOON_DAYS };

export interface DueQuery {
  readonly before: string;
  readonly asOf: string;
  readonly owner?: string | undefined;
  readonly tier?: number | undefined;
}

export interface DueItem extends ReviewStatus {
  readonly name: string;
  readonly tier: number;
  readonly status: Vendor['status'];
  readonly businessOwner: string | null;
}

/** Vendors we have no relationship with are never due for review. */
const outOfScope = (v: Vendor) => v.status === 'not-engaged' || v.status === 'offboarded';

/** Today's review statuses as kept with the scores (server/services/kept/). */
export interface TodayStatuses {
  today(): string;
  reviewStatus(vendorId: number): ReviewStatus;
  reviewStatuses(): Map<number, ReviewStatus>;
}

/** `kept` gives today's statuses; `watch` looks at a vendor's review state again after a decision or a condition change (What changed). */
export function reviewsService(
  store: Store,
  clock: Clock,
  methodology: Pick<MethodologyService, 'active'>,
  kept?: TodayStatuses,
  watch?: { reviewCheck(vendorIds: Iterable<number>): void },
) {
  const cadence = cadenceStore(store, clock);

  const statusOf = reviewStatusFor;

  const conditionsFrom = (score: VendorScore, input: ReviewInput) =>
    input.conditions.map((c, i) => {
      if (c.findingId === null) return { text: c.text!, findingId: null, severity: null, owner: c.owner, dueOn: c.dueOn };
      const f = score.findings.find((x) => x.id === c.findingId);
      if (!f)
        throw invalid('A condition names a finding the score does not have.', [
          { path: `body.conditions.${i}.findingId`, message: `no finding ${c.findingId} in the score as of ${score.asOf}` },
        ]);
      return { text: c.text ?? f.suggestedCondition, findingId: f.id, severity: f.severity, owner: c.owner, dueOn: c.dueOn };
    });

  const checkDecision = (input: ReviewInput, decidedOn: string, today: string) => {
    const n = input.conditions.length;
    if (decidedOn > today) throw invalid('A decision cannot be dated in the future.', [{ path: 'body.decidedOn', message: `after today (${today})` }]);
    if (input.decision === 'approved-with-conditions' && n === 0)
      throw invalid('An approval with conditions needs at least one condition.', [{ path: 'body.conditions', message: 'give at least one condition' }]);
    if ((input.decision === 'approved' || input.decision === 'rejected') && n > 0) {
      throw invalid(`A decision "${input.decision}" carries no conditions; use approved-with-conditions.`, [
        { path: 'body.conditions', message: `not allowed with ${input.decision}` },
      ]);
    }
    if (input.nextReviewOn && input.nextReviewOn <= decidedOn)
      throw invalid('The next review must come after the decision.', [{ path: 'body.nextReviewOn', message: `not after ${decidedOn}` }]);
  };

  return {
    cadence: cadence.stored,
    setCadence: cadence.set,

    list: (vendorId: number): Review[] => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      return markExamples(store, store.reviews.listByVendor(vendorId));
    },

    create: (actor: Actor, vendorId: number, input: ReviewInput): Review =>
      store.transaction(() => {
        const v = found(store.vendors.find(vendorId), 'vendor', vendorId);
        const now = clock.now();
        const decidedOn = input.decidedOn ?? clock.today();
        checkDecision(input, decidedOn, clock.today());
        const score = scoreVendor(loadFacts(store, v), methodology.active(), decidedOn);
        const conditions = conditionsFrom(score, input);
        const months = cadence.get()[`tier${v.tier as 1 | 2 | 3 | 4}`];
        const byTier = months === null ? null : addMonths(decidedOn, months);
        const nextReviewOn = input.nextReviewOn === undefined ? byTier : input.nextReviewOn;
        const id = store.reviews.create(
          {
            vendorId,
            decision: input.decision,
            rationale: input.rationale,
            decidedOn,
            nextReviewOn,
            nextReviewSet: input.nextReviewOn === undefined ? 'tier' : 'manual',
            decidedBy: actor.label,
            score,
          },
          now,
        );
        for (const c of conditions) store.reviews.addCondition(id, c, now);
        // The vendor's stored status follows its latest decision (one review status everywhere),
        // audited as a change of the vendor; recording an older decision leaves it as it is.
        const latest = store.reviews.listByVendor(vendorId)[0]!;
        if (latest.id === id) followDecision(store, actor, v, STATUS_OF_DECISION[input.decision], nextReviewOn, now);
        const created = store.reviews.find(id)!;
        store.audit.append(
          actor,
          {
            action: 'create',
            entity: 'review',
            entityId: id,
            vendorId,
            after: { ...created, score: { risk: score.risk, band: score.band, asOf: score.asOf } },
          },
          now,
        );
        watch?.reviewCheck([vendorId]);
        return created;
      }),

    updateCondition: (actor: Actor, id: number, patch: ConditionPatch, ifMatch?: number): Condition =>
      store.transaction(() => {
        const current = found(store.reviews.findCondition(id), 'condition', id);
        checkVersion('condition', current, ifMatch);
        const next = checkConditionChange(current, patch, actor.label);
        if (!store.reviews.updateCondition(id, next, clock.now(), current.version))
          throw new EditConflict('condition', store.reviews.findCondition(id)!, current.version);
        const after = store.reviews.findCondition(id)!;
        store.audit.append(actor, { action: 'update', entity: 'condition', entityId: id, vendorId: current.vendorId, before: current, after }, clock.now());
        watch?.reviewCheck([current.vendorId]);
        return after;
      }),

    status: (vendorId: number, asOf: string): ReviewStatus => {
      const v = found(store.vendors.find(vendorId), 'vendor', vendorId);
      if (kept && asOf === kept.today()) return kept.reviewStatus(v.id);
      return statusOf(loadFacts(store, v), store.reviews.listByVendor(vendorId), methodology.active(), asOf);
    },

    /** Vendors overdue, due by `before`, or flagged, most urgent first. */
    due: (q: DueQuery): DueItem[] => {
      if (q.before < q.asOf)
        throw new ServiceError('invalid', 'validation-failed', '`before` lies before `asOf`.', [
          { path: 'query.before', message: `is before the as-of day (${q.asOf})` },
        ]);
      const policy = methodology.active();
      // Latest decision first within each vendor, as statusOf expects.
      const reviews = groupBy(store.reviews.all({ latestFirst: true }), (r) => r.vendorId);
      const owner = q.owner?.trim().toLowerCase();
      const order = { 'review-needed': 0, overdue: 1, due: 2, ok: 3 } as const;
      const inScope = (v: Vendor) => !outOfScope(v) && (q.tier === undefined || v.tier === q.tier) && (!owner || v.businessOwner?.toLowerCase() === owner);
      const listed = (s: ReviewStatus) =>
        s.state === 'review-needed' ||
        s.state === 'overdue' ||
        s.lastReview === null ||
        (s.nextReviewOn !== null && s.nextReviewOn <= q.before) ||
        // Evidence lapsing soon (30 days ahead) is on the list before it lapses.
        s.reasons.some((r) => r.code === 'evidence-expiring');
      const urgentFirst = (a: DueItem, b: DueItem) =>
        order[a.state] - order[b.state] || (a.nextReviewOn ?? '').localeCompare(b.nextReviewOn ?? '') || a.tier - b.tier || a.name.localeCompare(b.name);
      if (kept && q.asOf === kept.today()) {
        // Today's statuses are kept with the scores: no vendor is scored here.
        const statuses = kept.reviewStatuses();
        return store.vendors
          .all()
          .filter(inScope)
          .flatMap((v): DueItem[] => {
            const s = statuses.get(v.id);
            return s && listed(s) ? [{ ...s, name: v.name, tier: v.tier, status: v.status, businessOwner: v.businessOwner }] : [];
          })
          .sort(urgentFirst);
      }
      return loadAllFacts(store)
        .filter(({ vendor: v }) => inScope(v))
        .map((f) => ({ f, s: statusOf(f, reviews.get(f.vendor.id) ?? [], policy, q.asOf) }))
        .filter(({ s }) => listed(s))
        .map(({ f, s }): DueItem => ({ ...s, name: f.vendor.name, tier: f.vendor.tier, status: f.vendor.status, businessOwner: f.vendor.businessOwner }))
        .sort(urgentFirst);
    },
  };
}

export type ReviewsService = ReturnType<typeof reviewsService>;
