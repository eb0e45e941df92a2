/**
 * One vendor's review status from its loaded facts and its reviews: shared by the reviews service
 * (any day) and the kept scores (today's, kept with the score so that the due list reads it).
 */
import type { Band } from '../../domain/methodology.ts';
import type { Review, ReviewStatus } from '../../domain/review.ts';
import type { Policy } from '../../scoring/policy.ts';
import { reviewStatusOf, type ReviewFacts } from '../../scoring/review-status.ts';
import { scoreVendor } from '../../scoring/score-vendor.ts';
import type { LoadedFacts } from '../facts-loader.ts';

/** A review date this close (or closer) counts as due. */
export const DUE_SOON_DAYS = 30;

/** Reviews latest decision first. `bandNow`, when the caller has scored the vendor already, saves scoring it again. */
export function reviewStatusFor(f: LoadedFacts, reviews: readonly Review[], policy: Policy, asOf: string, bandNow?: Band): ReviewStatus {
  const last = reviews.find((r) => r.decidedOn <= asOf) ?? null;
  // The latest decision's date lives on the vendor too, where it can be moved by hand afterwards.
  const next = last === null ? null : last.id === reviews[0]?.id ? f.vendor.nextReviewOn : last.nextReviewOn;
  const facts: ReviewFacts = {
    tier: f.vendor.tier,
    lastReview: last && { id: last.id, decision: last.decision, decidedOn: last.decidedOn, nextReviewOn: next, band: last.score.band },
    bandNow: bandNow ?? scoreVendor(f, policy, asOf).band,
    incidents: f.incidents,
    // A subprocessor counts from the later of its start and the day it became known (knownFrom).
    subprocessors: f.subprocessors.map((s) => ({ id: s.id, name: s.name, accessLevel: s.accessLevel, since: s.since, knownFrom: s.knownFrom })),
    conditions: reviews.filter((r) => r.decidedOn <= asOf).flatMap((r) => r.conditions),
    documents: f.documents,
  };
  const s = reviewStatusOf(facts, policy, asOf, DUE_SOON_DAYS);
  return {
    vendorId: f.vendor.id,
    asOf,
    state: s.state,
    reasons: [...s.reasons],
    lastReview: last && { id: last.id, decision: last.decision, decidedOn: last.decidedOn, band: last.score.band },
    nextReviewOn: next,
  };
}
