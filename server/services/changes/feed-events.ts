/**
 * What changed, besides score changes (those come from the kept scores): the events a write causes
 * (a new incident; a vendor entering a state that needs a review) recorded in the write's own
 * transaction, and the daily sweep of what time alone brings (a condition overdue, evidence about
 * to go stale or lapse; reviews that fell due). Every event goes through `changes.record`.
 *
 * Each is recorded once: a review state once per entry (the state last seen is kept per vendor,
 * store.feed), a time-based event once per kind, vendor, ref and day (checked before it is recorded),
 * so the sweep can run at every start and every new day, as often as it likes.
 */
import type { Store } from '../../db/store.ts';
import type { NewChange } from '../../domain/change.ts';
import type { Incident } from '../../domain/incident.ts';
import { dayNumber, isoDay } from '../../domain/partial-date.ts';
import type { ReviewState, ReviewStatus } from '../../domain/review.ts';
import type { Vendor } from '../../domain/vendor.ts';
import { evidenceInForce } from '../../scoring/evidence-expiry.ts';
import { validFrom } from '../../scoring/known-at.ts';
import { groupBy } from '../facts-loader.ts';
import { POPULATION_LABELS, postureAt } from '../../scoring/mfa-factor.ts';
import type { Clock } from '../clock.ts';
import type { MethodologyService } from '../methodology-service.ts';
import type { ReviewsService } from '../reviews/reviews-service.ts';
import type { ChangesService } from './changes-service.ts';
import { incidentAdded, reviewEntered } from './feed-titles.ts';

/** Evidence whose validity ends within this many days is "expiring". */
export const EXPIRING_WITHIN_DAYS = 30;

/** How urgent a review state is: an event is recorded when a vendor moves to a more urgent one. */
const URGENCY: Readonly<Record<ReviewState, number>> = { ok: 0, due: 1, overdue: 2, 'review-needed': 3 };

/** Vendors we have no relationship with are never due for review (as reviews-service says). */
const inScope = (v: Vendor) => v.status !== 'not-engaged' && v.status !== 'offboarded';

export interface SweepResult {
  readonly day: string;
  readonly recorded: number;
}

export function feedEvents(
  store: Store,
  clock: Clock,
  changes: ChangesService,
  reviews: Pick<ReviewsService, 'status' | 'due'>,
  methodology: Pick<MethodologyService, 'active'>,
) {
  /** Records the review state a vendor is in now; an event when it is more urgent than the one last seen. */
  const enter = (v: Vendor, s: Pick<ReviewStatus, 'state' | 'reasons' | 'lastReview' | 'nextReviewOn'>, today: string): NewChange[] => {
    const before = (store.feed.reviewState(v.id) ?? 'ok') as ReviewState;
    if (before !== s.state) store.feed.setReviewState(v.id, s.state, today);
    return URGENCY[s.state] > URGENCY[before] ? [reviewEntered(v, s, today)] : [];
  };

  /** Looks at the review state of these vendors as of today (after a write that may trigger a review). */
  const reviewCheck = (vendorIds: Iterable<number>): void => {
    const today = clock.today();
    const events: NewChange[] = [];
    for (const id of new Set(vendorIds)) {
      const v = store.vendors.find(id);
      if (!v) continue;
      if (!inScope(v)) {
        store.feed.setReviewState(id, 'ok', today);
        continue;
      }
      events.push(...enter(v, reviews.status(id, today), today));
    }
    changes.record(events);
  };

  /** Time-based events, each recorded once: the same (kind, vendor, ref, day) is never recorded twice. */
  const once = (events: readonly NewChange[]): NewChange[] => {
    const seen = new Set<string>();
    return events.filter((e) => {
      const key = `${e.kind} ${e.vendorId} ${e.ref} ${e.day}`;
      if (seen.has(key) || store.changes.recorded(e.kind, e.vendorId!, e.ref!, e.day)) return false;
      seen.add(key);
      return true;
    });
  };

  const overdueConditions = (today: string, byId: Map<number, Vendor>): NewChange[] =>
    store.reviews.all().flatMap((r) =>
      r.conditions
        .filter((c) => c.state === 'open' && c.dueOn !== null && c.dueOn < today && byId.has(c.vendorId))
        .map((c): NewChange => {
          const v = byId.get(c.vendorId)!;
          return {
            vendorId: v.id,
            vendorName: v.name,
            kind: 'condition-overdue',
            // The first day it was overdue: a sweep that runs late still dates it right (and records it once).
            day: isoDay(dayNumber(c.dueOn!) + 1),
            title: `Condition overdue since ${c.dueOn}: ${c.text}`,
            ref: `condition:${c.id}`,
            detail: { reviewId: r.id, dueOn: c.dueOn, owner: c.owner, severity: c.severity },
          };
        }),
    );

  /**
   * Evidence whose validity ends within EXPIRING_WITHIN_DAYS: a condition's waiver (waiverExpiresOn),
   * and the MFA record in force for each population, which the methodology counts as stale
   * `confidence.freshDays` after it was assessed. Dated the day it came within the window.
   */
  const expiringEvidence = (today: string, byId: Map<number, Vendor>): NewChange[] => {
    const from = dayNumber(today);
    const to = from + EXPIRING_WITHIN_DAYS;
    const within = (end: number) => end >= from && end <= to;
    const out: NewChange[] = [];
    for (const r of store.reviews.all()) {
      for (const c of r.conditions) {
        const v = byId.get(c.vendorId);
        if (!v || c.state !== 'waived' || c.waiverExpiresOn === null || !within(dayNumber(c.waiverExpiresOn))) continue;
        out.push({
          vendorId: v.id,
          vendorName: v.name,
          kind: 'evidence-expiring',
          day: isoDay(dayNumber(c.waiverExpiresOn) - EXPIRING_WITHIN_DAYS),
          title: `The waiver of "${c.text}" expires on ${c.waiverExpiresOn}`,
          ref: `condition:${c.id}`,
          detail: { evidence: 'waiver', expiresOn: c.waiverExpiresOn, approver: c.waiverApprover },
        });
      }
    }
    const freshDays = methodology.active().confidence.freshDays;
    for (const [vendorId, records] of store.mfa.allByVendor()) {
      const v = byId.get(vendorId);
      if (!v || !inScope(v)) continue;
      for (const [population, rec] of postureAt(records, from)) {
        const end = validFrom(rec.assessedOn) + freshDays;
        if (!within(end)) continue;
        out.push({
          vendorId: v.id,
          vendorName: v.name,
          kind: 'evidence-expiring',
          day: isoDay(end - EXPIRING_WITHIN_DAYS),
          title: `Evidence about ${POPULATION_LABELS[population].toLowerCase()} MFA (assessed ${rec.assessedOn}) goes stale on ${isoDay(end)}`,
          ref: `mfa:${population}`,
          detail: { evidence: 'mfa', population, assessedOn: rec.assessedOn, expiresOn: isoDay(end) },
        });
      }
    }
    // A SOC 2 report or certificate (the one counting per kind) about to lapse.
    for (const [vendorId, documents] of groupBy(store.documents.all(), (d) => d.vendorId)) {
      const v = byId.get(vendorId);
      if (!v || !inScope(v)) continue;
      for (const e of evidenceInForce(documents, from)) {
        if (!within(e.lastDay)) continue;
        out.push({
          vendorId: v.id,
          vendorName: v.name,
          kind: 'evidence-expiring',
          // The day it came within the window, or the day we learned of it when that was later (never before it was known).
          day: isoDay(Math.max(e.lastDay - EXPIRING_WITHIN_DAYS, e.knownDay)),
          title: `${e.label} expires on ${e.expiresOn}`,
          ref: `document:${e.id}`,
          detail: { evidence: 'document', kind: e.kind, documentId: e.id, expiresOn: e.expiresOn },
        });
      }
    }
    return out;
  };

  return {
    /** A new incident, in the transaction that created it: incident-added on its own vendor, then the review check. */
    incidentsAdded: (incidents: readonly Incident[]): void => {
      if (incidents.length === 0) return;
      const today = clock.today();
      const vendors = new Map<number, Vendor | null>();
      const events = incidents.flatMap((i) => {
        if (!vendors.has(i.vendorId)) vendors.set(i.vendorId, store.vendors.find(i.vendorId) ?? null);
        const v = vendors.get(i.vendorId);
        return v ? [incidentAdded(v, i, today)] : [];
      });
      changes.record(events);
      reviewCheck(vendors.keys());
    },

    reviewCheck,

    /**
     * The daily sweep, idempotent: review states as of `today` (entries recorded, exits remembered),
     * conditions overdue, evidence expiring. One transaction.
     */
    sweep: (today: string): SweepResult =>
      store.transaction(() => {
        const vendors = store.vendors.all();
        const byId = new Map(vendors.map((v) => [v.id, v]));
        const due = new Map(reviews.due({ asOf: today, before: isoDay(dayNumber(today) + EXPIRING_WITHIN_DAYS) }).map((d) => [d.vendorId, d]));
        const events: NewChange[] = [];
        for (const [id, d] of due) events.push(...enter(byId.get(id)!, d, today));
        // Whoever is not on the due list needs no review now: leaving the state lets a later entry count again.
        for (const id of store.feed.watchedVendors()) if (!due.has(id) && store.feed.reviewState(id) !== 'ok') store.feed.setReviewState(id, 'ok', today);
        events.push(...once([...overdueConditions(today, byId), ...expiringEvidence(today, byId)]));
        return { day: today, recorded: changes.record(events).length };
      }),
  };
}

export type FeedEvents = ReturnType<typeof feedEvents>;
