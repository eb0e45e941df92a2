/** The events a write causes, in words: what the feed, the bell and the alerts say. */
import type { NewChange } from '../../domain/change.ts';
import type { Incident } from '../../domain/incident.ts';
import type { ReviewState, ReviewStatus } from '../../domain/review.ts';
import type { Vendor } from '../../domain/vendor.ts';
import { incidentKnownDate } from '../../scoring/known-at.ts';
import { parsePartialDate, isoDay } from '../../domain/partial-date.ts';

/** The day an incident became known (the last day of its known date), or today when it has no date or a later one. */
function knownDay(i: Incident, today: string): string {
  const d = incidentKnownDate(i);
  const last = d ? parsePartialDate(d)?.last : undefined;
  if (last === undefined) return today;
  const day = isoDay(last);
  return day > today ? today : day;
}

export const incidentAdded = (v: Vendor, i: Incident, today: string): NewChange => ({
  vendorId: v.id,
  vendorName: v.name,
  kind: 'incident-added',
  day: knownDay(i, today),
  title: `New ${i.severity} incident: ${i.title}`,
  ref: `incident:${i.id}`,
  detail: { incidentId: i.id, severity: i.severity, knownDate: incidentKnownDate(i) },
});

const STATE_WORDS: Readonly<Record<ReviewState, string>> = {
  ok: 'Review not needed',
  due: 'Review due',
  overdue: 'Review overdue',
  'review-needed': 'Review needed',
};

export const reviewEntered = (v: Vendor, s: Pick<ReviewStatus, 'state' | 'reasons' | 'lastReview' | 'nextReviewOn'>, today: string): NewChange => {
  // The trigger (or calendar reason) that put it there names what the event is about.
  const first = s.reasons[0];
  return {
    vendorId: v.id,
    vendorName: v.name,
    kind: 'review-needed',
    day: today,
    title: `${STATE_WORDS[s.state]}${first ? `: ${first.text}` : ''}`,
    ref: first?.ref ?? (s.lastReview ? `review:${s.lastReview.id}` : `vendor:${v.id}`),
    detail: { state: s.state, reasons: s.reasons, nextReviewOn: s.nextReviewOn },
  };
};
