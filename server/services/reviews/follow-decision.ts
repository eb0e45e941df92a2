/**
 * One review status per vendor: the vendor's stored status follows its latest procurement
 * decision (in the decision's own transaction, audited as a change of the vendor, so the audit log
 * and the vendor's history say why the status moved), and the decisions the demo portfolio seeds
 * as examples are marked as such when they are read.
 */
import type { Store } from '../../db/store.ts';
import type { Actor } from '../../domain/account.ts';
import type { Review } from '../../domain/review.ts';
import type { Vendor } from '../../domain/vendor.ts';
import type { VendorStatus } from '../../domain/vocabulary.ts';

/** Meta key: the ids of the decisions the demo portfolio seeded as example settings (JSON array). */
export const EXAMPLE_REVIEWS_KEY = 'demo-example-reviews';

/** Sets the vendor's status and next review from a decision; audited when either moved. Call inside a transaction. */
export function followDecision(store: Store, actor: Actor, vendor: Vendor, status: VendorStatus, nextReviewOn: string | null, now: string): void {
  store.vendors.setReviewOutcome(vendor.id, status, nextReviewOn, now);
  if (vendor.status === status && vendor.nextReviewOn === nextReviewOn) return;
  const after = store.vendors.find(vendor.id)!;
  store.audit.append(
    actor,
    {
      action: 'update',
      entity: 'vendor',
      entityId: vendor.id,
      vendorId: vendor.id,
      before: { status: vendor.status, nextReviewOn: vendor.nextReviewOn },
      after: { status: after.status, nextReviewOn: after.nextReviewOn, reason: 'review-decision' },
    },
    now,
  );
}

/** The example decisions' ids. */
export function exampleReviewIds(store: Store): Set<number> {
  const raw = store.meta.get(EXAMPLE_REVIEWS_KEY);
  if (!raw) return new Set();
  try {
    const ids: unknown = JSON.parse(raw);
    return new Set(Array.isArray(ids) ? ids.filter((x): x is number => typeof x === 'number') : []);
  } catch {
    return new Set();
  }
}

/** Reviews with `isExample` set on the demo portfolio's example decisions. */
export function markExamples(store: Store, reviews: Review[]): Review[] {
  const examples = exampleReviewIds(store);
  return examples.size === 0 ? reviews : reviews.map((r) => (examples.has(r.id) ? { ...r, isExample: true } : r));
}
