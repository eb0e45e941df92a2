/**
 * Procurement reviews in words and as requests, PURE: the vocabulary of decisions, review states
 * and conditions; the cadence in words, the body its form sends, and the next review date it
 * gives; the decision form's draft and the ReviewBody it sends (its conditions in the draft's
 * order, so that the server's `conditions.N.*` errors land on row N); the due list's kinds, counts
 * and order; and its filters as a URL query. The server checks everything again.
 */
import type { ConditionState, Decision, ReviewState } from '../server/domain/review.ts';
import type { VendorStatus } from '../server/domain/vocabulary.ts';
import type { Cadence, ConditionChange, DueItem, Review, ReviewBody, ReviewStatus } from './api/client.ts';
import { STATUS_LABEL } from './format.ts';
import type { EvidenceTarget } from './evidence.ts';

export const DECISIONS = ['approved', 'approved-with-conditions', 'needs-information', 'rejected'] as const satisfies readonly Decision[];

export const DECISION_LABEL: Readonly<Record<Decision, string>> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'needs-information': 'Needs information',
  rejected: 'Rejected',
};

/** What each decision means for the form: when conditions go with it. */
export const DECISION_HINT: Readonly<Record<Decision, string>> = {
  approved: 'No conditions.',
  'approved-with-conditions': 'At least one condition.',
  'needs-information': 'The vendor stays under review; conditions optional.',
  rejected: 'No conditions.',
};

export const REVIEW_STATE_LABEL: Readonly<Record<ReviewState, string>> = {
  'review-needed': 'Review needed',
  overdue: 'Overdue',
  due: 'Due',
  ok: 'In good standing',
};

export const CONDITION_STATE_LABEL: Readonly<Record<ConditionState, string>> = { open: 'Open', met: 'Met', waived: 'Waived' };

/** Finer than the state: "due" covers both a date coming up and no decision at all, which call for different work. */
export type ReviewKind = 'flagged' | 'overdue' | 'due-soon' | 'never-reviewed' | 'up-to-date';
export const REVIEW_KINDS = ['flagged', 'overdue', 'due-soon', 'never-reviewed', 'up-to-date'] as const satisfies readonly ReviewKind[];
export const REVIEW_KIND_LABEL: Readonly<Record<ReviewKind, string>> = {
  flagged: 'Review needed',
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'never-reviewed': 'Never reviewed',
  'up-to-date': 'Up to date',
};

export function reviewKind(s: Pick<ReviewStatus, 'state' | 'lastReview'>): ReviewKind {
  if (s.state === 'review-needed') return 'flagged';
  if (s.state === 'overdue') return 'overdue';
  if (s.lastReview === null) return 'never-reviewed';
  return s.state === 'due' ? 'due-soon' : 'up-to-date';
}

/** Most urgent first, then the nearest review date (none last), the most critical tier, the name. */
export function sortDue<T extends DueItem>(items: readonly T[]): T[] {
  const rank = (i: DueItem) => REVIEW_KINDS.indexOf(reviewKind(i));
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || (a.nextReviewOn ?? '9999').localeCompare(b.nextReviewOn ?? '9999') || a.tier - b.tier || a.name.localeCompare(b.name),
  );
}

export function countByKind(items: readonly Pick<ReviewStatus, 'state' | 'lastReview'>[]): Record<ReviewKind, number> {
  const out = Object.fromEntries(REVIEW_KINDS.map((k) => [k, 0])) as Record<ReviewKind, number>;
  for (const i of items) out[reviewKind(i)]++;
  return out;
}

/**
 * Where a reason's ref is shown on the vendor page: incidents and subprocessors through the
 * page's evidence targets, conditions and decisions in the review section itself.
 */
export function reasonTarget(ref: string | null, evidence: ReadonlyMap<string, EvidenceTarget>): EvidenceTarget | undefined {
  if (!ref) return undefined;
  const own = /^(condition|review):(\d+)$/.exec(ref);
  if (own) return { anchor: `${own[1]}-${own[2]}`, label: own[1] === 'condition' ? 'The condition' : 'The decision' };
  return evidence.get(ref);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The reader's own calendar day (not UTC's: a decision is dated as the reader lives it). */
export const localToday = (now = new Date()): string => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** `day` plus whole calendar months, clamped to the month's end, as the server schedules (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The next review the cadence gives a decision of `decidedOn` for a vendor of `tier`: null when the tier has none (or the day is not one). */
export function cadenceDate(decidedOn: string, tier: number, cadence: Cadence): string | null {
  const months = cadence[`tier${tier}` as keyof Cadence] ?? null;
  return months === null || !DAY.test(decidedOn) ? null : addMonths(decidedOn, months);
}

/** The cadence's keys, tier 1 (the most critical) first. */
export const CADENCE_TIERS = ['tier1', 'tier2', 'tier3', 'tier4'] as const satisfies readonly (keyof Cadence)[];

/** One tier's months in words: "every 6 months", "every month", or "no periodic review" (null). */
export const monthsInWords = (months: number | null): string =>
  months === null ? 'no periodic review' : months === 1 ? 'every month' : `every ${months} months`;

/** The cadence in words: "Tier 1: every 6 months · Tier 2: every 12 months · … · Tier 4: no periodic review". */
export const cadenceInWords = (c: Cadence): string => CADENCE_TIERS.map((k, i) => `Tier ${i + 1}: ${monthsInWords(c[k])}`).join(' · ');

/**
 * The cadence a submitted form asks for: per tier null when its "no periodic review" box (`tierN-none`)
 * is ticked, else its months (`tierN`): a number as a number, even one out of range or not whole;
 * a blank or anything else as it is, for the server to name.
 */
export function cadenceFromForm(fd: FormData): Cadence {
  const months = (v: string): number => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : (v as unknown as number));
  return Object.fromEntries(CADENCE_TIERS.map((k) => [k, fd.has(`${k}-none`) ? null : months(text(fd, k).trim())])) as Cadence;
}

/** What a saved cadence changed, in words, for the reviews page's status line. */
export const cadenceOutcome = (c: Cadence): string =>
  `Review cadence saved: ${cadenceInWords(c)}. Decisions recorded from now on take it; next review dates already set stay as they are.`;

/** One condition of the draft: picked from a finding (findingId) or written freely (text). `key` is stable while rows come and go. */
export interface DraftCondition {
  readonly key: number;
  readonly findingId: string | null;
  readonly text: string;
  readonly owner: string;
  readonly dueOn: string;
}

export type NextReviewChoice = 'cadence' | 'date' | 'none';

export interface DecisionDraft {
  readonly decision: Decision | '';
  readonly rationale: string;
  readonly decidedOn: string;
  readonly next: NextReviewChoice;
  readonly nextOn: string;
  readonly conditions: readonly DraftCondition[];
}

export const emptyDraft = (today: string): DecisionDraft => ({ decision: '', rationale: '', decidedOn: today, next: 'cadence', nextOn: '', conditions: [] });

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * The request a draft makes. An unchanged "today" is left out, so the server dates the decision by
 * its own clock (a reader east of UTC would otherwise date it tomorrow); "from the cadence" leaves
 * the next review out too. Blank entries go as they are, for the server to name.
 */
export function reviewBody(d: DecisionDraft, today: string): ReviewBody {
  return {
    decision: d.decision as Decision,
    rationale: d.rationale.trim(),
    ...(d.decidedOn === today ? {} : { decidedOn: d.decidedOn }),
    ...(d.next === 'cadence' ? {} : { nextReviewOn: d.next === 'none' ? null : d.nextOn }),
    conditions: d.conditions.map((c) => ({
      ...(c.findingId === null ? { text: c.text.trim() } : { findingId: c.findingId }),
      owner: orNull(c.owner),
      dueOn: orNull(c.dueOn),
    })),
  };
}

const nextKey = (d: DecisionDraft) => Math.max(0, ...d.conditions.map((c) => c.key)) + 1;

const text = (fd: FormData, name: string): string => {
  const v = fd.get(name);
  return typeof v === 'string' ? v : '';
};

/**
 * The draft a form shows now: its fields read, each condition row's inputs (`c.<key>.owner`…) read
 * into its row, and the findings ticked (`finding`) added as rows at the end or, unticked, removed.
 * A row the form does not show yet keeps what it had.
 */
export function draftFromForm(fd: FormData, prev: DecisionDraft): DecisionDraft {
  const ticked = new Set(fd.getAll('finding').filter((v): v is string => typeof v === 'string'));
  const keep = (c: DraftCondition, field: 'text' | 'owner' | 'dueOn') => (fd.has(`c.${c.key}.${field}`) ? text(fd, `c.${c.key}.${field}`) : c[field]);
  const conditions: DraftCondition[] = prev.conditions
    .filter((c) => c.findingId === null || ticked.has(c.findingId))
    .map((c) => ({ ...c, text: keep(c, 'text'), owner: keep(c, 'owner'), dueOn: keep(c, 'dueOn') }));
  let key = nextKey(prev);
  for (const id of ticked) if (!conditions.some((c) => c.findingId === id)) conditions.push({ key: key++, findingId: id, text: '', owner: '', dueOn: '' });
  const next = text(fd, 'next');
  return {
    decision: text(fd, 'decision') as Decision | '',
    rationale: text(fd, 'rationale'),
    decidedOn: text(fd, 'decidedOn'),
    next: next === 'date' || next === 'none' ? next : 'cadence',
    nextOn: text(fd, 'nextOn'),
    conditions,
  };
}

export const addFreeCondition = (d: DecisionDraft): DecisionDraft => ({
  ...d,
  conditions: [...d.conditions, { key: nextKey(d), findingId: null, text: '', owner: '', dueOn: '' }],
});

export const removeCondition = (d: DecisionDraft, key: number): DecisionDraft => ({ ...d, conditions: d.conditions.filter((c) => c.key !== key) });

export const changeCondition = (d: DecisionDraft, key: number, change: Partial<Omit<DraftCondition, 'key' | 'findingId'>>): DecisionDraft => ({
  ...d,
  conditions: d.conditions.map((c) => (c.key === key ? { ...c, ...change } : c)),
});

/** Drops picks of findings the score (of another day) no longer has: they could only be refused. */
export function keepFindings(d: DecisionDraft, findingIds: readonly string[]): DecisionDraft {
  const known = new Set(findingIds);
  const conditions = d.conditions.filter((c) => c.findingId === null || known.has(c.findingId));
  return conditions.length === d.conditions.length ? d : { ...d, conditions };
}

/** The server's errors by path (`conditions.2.dueOn`) split into the form's own fields and each condition row's (by key). */
export function draftErrors(
  paths: Readonly<Record<string, string>>,
  d: DecisionDraft,
): { form: Record<string, string>; rows: Map<number, Record<string, string>> } {
  const form: Record<string, string> = {};
  const rows = new Map<number, Record<string, string>>();
  for (const [path, message] of Object.entries(paths)) {
    const m = /^conditions\.(\d+)\.(\w+)/.exec(path);
    const row = m ? d.conditions[Number(m[1])] : undefined;
    const put = (into: Record<string, string>, k: string) => (into[k] = into[k] ? `${into[k]}; ${message}` : message);
    if (m?.[2] && row) put(rows.get(row.key) ?? rows.set(row.key, {}).get(row.key)!, m[2]);
    else put(form, path.split('.')[0] ?? path);
  }
  return { form, rows };
}

/**
 * The change a condition's small form asks for: met with its evidence; waived until a day, by the
 * approver named (left out when blank: the server records whoever waives it); or its owner and
 * due date (blank clears them). Blank evidence or expiry go as they are, for the server to name.
 */
export function conditionPatch(mode: 'met' | 'waive' | 'edit', fd: FormData): ConditionChange {
  if (mode === 'met') return { state: 'met', evidence: text(fd, 'evidence').trim() };
  if (mode === 'waive') {
    const approver = orNull(text(fd, 'waiverApprover'));
    return { state: 'waived', waiverExpiresOn: orNull(text(fd, 'waiverExpiresOn')), ...(approver ? { waiverApprover: approver } : {}) };
  }
  return { owner: orNull(text(fd, 'owner')), dueOn: orNull(text(fd, 'dueOn')) };
}

/** What a condition change did, in words, for the list's status line. */
export function conditionOutcome(patch: ConditionChange): string {
  if (patch.state === 'met') return 'Condition marked met.';
  if (patch.state === 'waived') return `Condition waived until ${patch.waiverExpiresOn ?? '?'}.`;
  if (patch.state === 'open') return 'Condition reopened.';
  return 'Condition owner and due date saved.';
}

export const decisionOutcome = (body: ReviewBody, vendor: string): string =>
  `Decision recorded: ${DECISION_LABEL[body.decision] ?? body.decision}${body.decidedOn ? ` on ${body.decidedOn}` : ''} for ${vendor}. The review status has been recomputed.`;

/** The due list's filters, as the URL holds them (`/reviews?tier=1&owner=IT%20Operations&before=…&asOf=…`). */
export interface DueFilters {
  readonly owner: string;
  readonly tier: number | null;
  readonly before: string;
  readonly asOf: string;
}

export const NO_DUE_FILTERS: DueFilters = { owner: '', tier: null, before: '', asOf: '' };

/** Anything malformed in the URL is dropped rather than sent (the page shows the default instead). */
export function parseDueFilters(q: URLSearchParams): DueFilters {
  const tier = Number(q.get('tier'));
  const day = (k: string) => (DAY.test(q.get(k) ?? '') ? q.get(k)! : '');
  return { owner: (q.get('owner') ?? '').trim().slice(0, 200), tier: [1, 2, 3, 4].includes(tier) ? tier : null, before: day('before'), asOf: day('asOf') };
}

/** The filters as a query (for the URL and the API alike); empty ones are left out. */
export const dueQuery = (f: DueFilters): Record<'owner' | 'tier' | 'before' | 'asOf', string | undefined> => ({
  owner: f.owner || undefined,
  tier: f.tier === null ? undefined : String(f.tier),
  before: f.before || undefined,
  asOf: f.asOf || undefined,
});

const withQuery = (path: string, q: Record<string, string | undefined>) => {
  const p = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]));
  return p.size > 0 ? `${path}?${p}` : path;
};

/** The CSV download of the list as filtered. */
export const dueCsvHref = (f: DueFilters, base = '/api/v1'): string => withQuery(`${base}/reviews/due`, { ...dueQuery(f), format: 'csv' });

/**
 * The calendar feed's address for a calendar app: the owner and tier filters kept, the dates left
 * to the server's today (a feed is read for months). The token goes last, as a placeholder to replace.
 */
export const calendarFeedUrl = (origin: string, f: DueFilters, base = '/api/v1'): string => {
  const path = withQuery(`${origin}${base}/reviews/due.ics`, { owner: f.owner || undefined, tier: f.tier === null ? undefined : String(f.tier) });
  return `${path}${path.includes('?') ? '&' : '?'}token=<API token>`;
};

/** Distinct business owners, A→Z, for the owner filter. */
export const ownersOf = (vendors: readonly { businessOwner: string | null }[]): string[] =>
  [...new Set(vendors.map((v) => v.businessOwner).filter((o): o is string => !!o))].sort((a, b) => a.localeCompare(b));

/** The vendor status a decision leaves behind, as the server sets it (server/domain/review.ts STATUS_OF_DECISION). */
export const STATUS_OF_DECISION = {
  approved: 'approved',
  'approved-with-conditions': 'approved-with-conditions',
  rejected: 'rejected',
  'needs-information': 'under-review',
} as const satisfies Readonly<Record<Decision, VendorStatus>>;

export interface StatusSource {
  /** The status in words: "Approved with conditions". */
  readonly label: string;
  /** Where it came from: the latest decision, or set on the relationship by hand. */
  readonly from: 'decision' | 'relationship';
  /** The provenance in words, to show beside it. */
  readonly note: string;
}

/**
 * One review status per vendor: the relationship's stored status follows its latest decision, so
 * the status is the decision's, said as such; where no decision is recorded (or the status was set
 * by hand after the latest one), it says it was set on the relationship.
 */
export function statusSource(status: VendorStatus, latest: Pick<Review, 'decision' | 'decidedOn'> | null, day: (d: string) => string = (d) => d): StatusSource {
  const label = STATUS_LABEL[status];
  if (!latest) return { label, from: 'relationship', note: 'set on the relationship (no review decision recorded)' };
  if (STATUS_OF_DECISION[latest.decision] === status) return { label, from: 'decision', note: `from the review decision of ${day(latest.decidedOn)}` };
  return {
    label,
    from: 'relationship',
    note: `set on the relationship after the last review decision (${DECISION_LABEL[latest.decision]}, ${day(latest.decidedOn)})`,
  };
}
