/**
 * A vendor's review status as of a day, PURE: whether its last procurement decision still stands.
 * A decision is reopened (`review-needed`) by what happened since it was taken — the band rose, an
 * incident became known that is severe enough for the vendor's tier (the methodology's
 * `reviewTriggers.minIncidentSeverity`: medium at tier 1, high elsewhere), an incident repeated an
 * earlier one (whatever its severity), a subprocessor with tenant access was added, a waiver
 * expired — and is otherwise `overdue`, `due` (within `dueSoonDays`) or `ok` by its next review
 * date. Okta approved in mid-2022 is reopened by its October 2023 support-system incident: same
 * channel, critical. A vendor with no decision yet is reopened by the same triggers over the
 * look-back (`reviewTriggers.lookbackWithoutDecisionDays`) — except band-rose, which needs a
 * decided band — so "never reviewed" becomes "review needed" with its reasons.
 */
import { NOT_ASSESSED, RISK_BANDS, type Band } from '../domain/methodology.ts';
import { dayNumber, isoDay } from '../domain/partial-date.ts';
import type { Condition, Decision, ReviewReason, ReviewState } from '../domain/review.ts';
import { SEVERITIES, type AccessLevel } from '../domain/vocabulary.ts';
import { CLASS_LABELS } from './incident-classes.ts';
import { firstDay, incidentKnownFrom, knownFromDay, subprocessorCountsFrom } from './known-at.ts';
import type { Policy } from './policy.ts';
import { evidenceInForce } from './evidence-expiry.ts';
import { repeatsAt } from './recurrence-factor.ts';
import type { DocumentFacts, IncidentFacts } from './types.ts';

/** Access levels that reach into a customer's tenant or its data. */
export const TENANT_ACCESS: ReadonlySet<AccessLevel> = new Set(['customer-data', 'session-artifacts', 'admin']);

export interface LastDecision {
  readonly id: number;
  readonly decision: Decision;
  readonly decidedOn: string;
  readonly nextReviewOn: string | null;
  /** The band of the score the decision was taken on. */
  readonly band: Band;
}

export interface ReviewFacts {
  /** The vendor's tier (1 is the most critical): how severe an incident must be to reopen a decision. */
  readonly tier: number;
  /** The latest decision taken on or before asOf, or null. */
  readonly lastReview: LastDecision | null;
  /** The band as of asOf. */
  readonly bandNow: Band;
  readonly incidents: readonly IncidentFacts[];
  /** Subprocessors, added on the day they started to count: the later of their start and the day they became known. */
  readonly subprocessors: ReadonlyArray<{
    readonly id: number;
    readonly name: string;
    readonly accessLevel: AccessLevel;
    readonly since: string | null;
    readonly knownFrom: string;
  }>;
  readonly conditions: readonly Pick<Condition, 'id' | 'text' | 'state' | 'waiverExpiresOn'>[];
  /** Evidence documents (metadata): a SOC 2 report or certificate that lapsed reopens the decision. */
  readonly documents?: readonly DocumentFacts[];
}

export interface ReviewStatusResult {
  readonly state: ReviewState;
  readonly reasons: readonly ReviewReason[];
}

// Risk bands rank low to critical; not-assessed is no rank (-1): becoming not assessed is no rise.
const rank = (b: Band) => (RISK_BANDS as readonly Band[]).indexOf(b);

/** Whether an incident of this severity reopens a decision on a vendor of this tier. */
export function severeEnough(severity: IncidentFacts['severity'], tier: number, policy: Policy): boolean {
  const min = policy.reviewTriggers.minIncidentSeverity[tier as 1 | 2 | 3 | 4] ?? 'high';
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}

/**
 * What reopened the decision, oldest cause first: what happened after the decision, or, with no
 * decision yet, what became known within the look-back before asOf.
 */
export function reviewTriggers(f: ReviewFacts, policy: Policy, asOf: string): ReviewReason[] {
  const last = f.lastReview;
  const to = dayNumber(asOf);
  const from = last ? dayNumber(last.decidedOn) : to - policy.reviewTriggers.lookbackWithoutDecisionDays;
  const since = (day: number) => day > from && day <= to;
  const out: ReviewReason[] = [];
  if (last && last.band === NOT_ASSESSED && f.bandNow !== NOT_ASSESSED) {
    // A decision taken before the vendor could be rated is reopened once it is.
    out.push({
      code: 'band-rose',
      text: `Assessed since the decision of ${last.decidedOn}, when it was not assessed: the band is now ${f.bandNow}.`,
      ref: null,
    });
  } else if (last && rank(f.bandNow) > rank(last.band)) {
    out.push({ code: 'band-rose', text: `The band rose from ${last.band} to ${f.bandNow} since the decision of ${last.decidedOn}.`, ref: null });
  }
  for (const i of f.incidents) {
    const known = incidentKnownFrom(i);
    if (severeEnough(i.severity, f.tier, policy) && since(known)) {
      out.push({ code: 'incident-disclosed', text: `A ${i.severity} incident became known on ${isoDay(known)}: ${i.title}.`, ref: `incident:${i.id}` });
    }
  }
  for (const r of repeatsAt(f.incidents, policy, to)) {
    if (!since(incidentKnownFrom(r.incident))) continue;
    const how = r.shared.map((c) => CLASS_LABELS[c]).join(' and ');
    out.push({
      code: 'root-cause-repeated',
      text: `${r.incident.title} happened through ${how} again, like ${r.earlier.title} ${r.daysApart} days earlier.`,
      ref: `incident:${r.incident.id}`,
    });
  }
  for (const s of f.subprocessors) {
    const added = subprocessorCountsFrom(s);
    if (Number.isFinite(added) && TENANT_ACCESS.has(s.accessLevel) && since(added)) {
      // Said by the date that made it count: its start, or the day we learned of it when that came later.
      const when =
        s.since !== null && (firstDay(s.since) ?? -Infinity) >= knownFromDay(s.knownFrom) ? `was added on ${s.since}` : `became known on ${s.knownFrom}`;
      out.push({ code: 'subprocessor-added', text: `${s.name} ${when} with ${s.accessLevel} access to tenants.`, ref: `subprocessor:${s.id}` });
    }
  }
  for (const c of f.conditions) {
    // A waiver is good through its expiry day; it lapsed when the day after falls in the span.
    const lapsed = c.state === 'waived' && c.waiverExpiresOn !== null ? dayNumber(c.waiverExpiresOn) + 1 : undefined;
    if (lapsed !== undefined && since(lapsed)) {
      out.push({ code: 'waiver-expired', text: `The waiver of "${c.text}" expired on ${c.waiverExpiresOn}.`, ref: `condition:${c.id}` });
    }
  }
  // Evidence that lapsed (the one counting on asOf, known by then): it lapsed the day after its last day.
  for (const e of evidenceInForce(f.documents, to)) {
    if (since(e.lastDay + 1)) out.push({ code: 'evidence-expired', text: `Evidence expired: ${e.label} expired on ${e.expiresOn}.`, ref: `document:${e.id}` });
  }
  return out;
}

/** The status: triggers first, then the calendar. */
export function reviewStatusOf(f: ReviewFacts, policy: Policy, asOf: string, dueSoonDays: number): ReviewStatusResult {
  const triggers = reviewTriggers(f, policy, asOf);
  const last = f.lastReview;
  const today = dayNumber(asOf);
  const calendar: ReviewReason[] = [];
  let state: ReviewState = 'ok';
  if (!last) {
    calendar.push({ code: 'never-reviewed', text: 'No procurement decision has been recorded for this vendor.', ref: null });
    state = 'due';
  } else if (last.nextReviewOn !== null) {
    const next = dayNumber(last.nextReviewOn);
    if (next < today) {
      calendar.push({ code: 'overdue', text: `The review was due on ${last.nextReviewOn}, ${today - next} days ago.`, ref: `review:${last.id}` });
      state = 'overdue';
    } else if (next - today <= dueSoonDays) {
      calendar.push({ code: 'due-soon', text: `The next review is due on ${last.nextReviewOn}, in ${next - today} days.`, ref: `review:${last.id}` });
      state = 'due';
    }
  }
  // Evidence that lapses within the due-soon window puts the vendor on the due list ahead of it.
  for (const e of evidenceInForce(f.documents, today)) {
    const left = e.lastDay - today;
    if (left < 0 || left > dueSoonDays) continue;
    calendar.push({ code: 'evidence-expiring', text: `${e.label} expires on ${e.expiresOn}, in ${left} days.`, ref: `document:${e.id}`, on: e.expiresOn });
    if (state === 'ok') state = 'due';
  }
  return { state: triggers.length > 0 ? 'review-needed' : state, reasons: [...triggers, ...calendar] };
}

/** `day` plus whole calendar months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
