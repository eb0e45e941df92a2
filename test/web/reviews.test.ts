import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../web/api/client.ts';
import {
  addFreeCondition,
  addMonths,
  cadenceDate,
  cadenceFromForm,
  cadenceInWords,
  cadenceOutcome,
  calendarFeedUrl,
  changeCondition,
  conditionOutcome,
  conditionPatch,
  countByKind,
  draftErrors,
  draftFromForm,
  dueCsvHref,
  dueQuery,
  emptyDraft,
  keepFindings,
  localToday,
  monthsInWords,
  NO_DUE_FILTERS,
  ownersOf,
  parseDueFilters,
  reasonTarget,
  removeCondition,
  reviewBody,
  reviewKind,
  sortDue,
  type DecisionDraft,
} from '../../web/reviews.ts';

const CADENCE = { tier1: 6, tier2: 12, tier3: 24, tier4: null };
const TODAY = '2026-11-29';

const form = (entries: Array<[string, string]>): FormData => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe('the next review from the cadence', () => {
  it("adds the tier's months to the decision's day, clamped to the month's end", () => {
    expect(cadenceDate('2022-06-30', 1, CADENCE)).toBe('2022-12-30');
    expect(cadenceDate('2023-08-31', 1, CADENCE)).toBe('2024-02-29');
    expect(cadenceDate('2023-08-31', 2, CADENCE)).toBe('2024-08-31');
    expect(cadenceDate('2023-01-31', 3, CADENCE)).toBe('2025-01-31');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('gives none for a tier without periodic review, or before the day is a whole date', () => {
    expect(cadenceDate('2022-06-30', 4, CADENCE)).toBeNull();
    expect(cadenceDate('', 1, CADENCE)).toBeNull();
    expect(cadenceDate('2022-06', 1, CADENCE)).toBeNull();
  });

  it("dates by the reader's calendar, not UTC's", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('the decision draft and the request it makes', () => {
  const draft = (change: Partial<DecisionDraft> = {}): DecisionDraft => ({ ...emptyDraft(TODAY), ...change });

  it('leaves an unchanged today and a cadence-given next review to the server', () => {
    expect(reviewBody(draft({ decision: 'approved', rationale: '  Fine.  ' }), TODAY)).toEqual({ decision: 'approved', rationale: 'Fine.', conditions: [] });
  });

  it('sends an earlier day, a next review date, or none', () => {
    const body = reviewBody(draft({ decision: 'rejected', rationale: 'No.', decidedOn: '2022-06-30', next: 'date', nextOn: '2023-01-15' }), TODAY);
    expect(body).toMatchObject({ decidedOn: '2022-06-30', nextReviewOn: '2023-01-15' });
    expect(reviewBody(draft({ next: 'none' }), TODAY).nextReviewOn).toBeNull();
    // A cleared day or an empty date go as they are: the server names the problem beside the field.
    expect(reviewBody(draft({ decidedOn: '', next: 'date', nextOn: '' }), TODAY)).toMatchObject({ decidedOn: '', nextReviewOn: '' });
  });

  it('sends picked findings by id and free conditions by text, in the order of the rows, blanks as null', () => {
    let d = draftFromForm(
      form([
        ['decision', 'approved-with-conditions'],
        ['finding', 'late-disclosure:incident:1'],
      ]),
      draft(),
    );
    d = addFreeCondition(d);
    const [picked, free] = d.conditions;
    d = changeCondition(d, picked!.key, { owner: ' CISO ', dueOn: '2023-03-31' });
    d = changeCondition(d, free!.key, { text: ' HAR files sanitized ', owner: '' });
    expect(reviewBody(d, TODAY).conditions).toEqual([
      { findingId: 'late-disclosure:incident:1', owner: 'CISO', dueOn: '2023-03-31' },
      { text: 'HAR files sanitized', owner: null, dueOn: null },
    ]);
    expect(removeCondition(d, picked!.key).conditions.map((c) => c.key)).toEqual([free!.key]);
  });

  it('reads the form: fields, each row by its key, ticks added at the end and unticks removed', () => {
    const start = addFreeCondition(draft());
    const key = start.conditions[0]!.key;
    const read = draftFromForm(
      form([
        ['decision', 'needs-information'],
        ['rationale', 'Asked for the HAR policy.'],
        ['decidedOn', '2023-10-25'],
        ['next', 'none'],
        [`c.${key}.text`, 'Send the policy'],
        ['finding', 'a'],
        ['finding', 'b'],
      ]),
      start,
    );
    expect(read).toMatchObject({ decision: 'needs-information', rationale: 'Asked for the HAR policy.', decidedOn: '2023-10-25', next: 'none' });
    expect(read.conditions.map((c) => [c.findingId, c.text])).toEqual([
      [null, 'Send the policy'],
      ['a', ''],
      ['b', ''],
    ]);
    const keys = read.conditions.map((c) => c.key);
    expect(new Set(keys).size).toBe(3);
    // Unticking b keeps the others with their keys; an unknown "next" is the cadence.
    const again = draftFromForm(
      form([
        ['finding', 'a'],
        ['next', 'sometime'],
      ]),
      read,
    );
    expect(again.conditions.map((c) => c.key)).toEqual(keys.slice(0, 2));
    expect(again.next).toBe('cadence');
  });

  it('drops picks of findings the score of another day does not have', () => {
    const d = draftFromForm(
      form([
        ['finding', 'a'],
        ['finding', 'b'],
      ]),
      draft(),
    );
    expect(keepFindings(d, ['b', 'c']).conditions.map((c) => c.findingId)).toEqual(['b']);
    expect(keepFindings(d, ['a', 'b'])).toBe(d);
  });

  it("places the server's errors: the form's own fields, and each condition row by its key", () => {
    const d = addFreeCondition(draftFromForm(form([['finding', 'a']]), draft()));
    const [a, free] = d.conditions;
    const paths = {
      decidedOn: 'after today',
      conditions: 'give at least one',
      'conditions.0.findingId': 'no finding a',
      'conditions.0.dueOn': 'not a day',
      'conditions.1.text': 'too small',
      'conditions.7.owner': 'gone',
    };
    const { form: own, rows } = draftErrors(paths, d);
    // A row the draft no longer has is not lost: its message joins the list's own.
    expect(own).toEqual({ decidedOn: 'after today', conditions: 'give at least one; gone' });
    expect(rows.get(a!.key)).toEqual({ findingId: 'no finding a', dueOn: 'not a day' });
    expect(rows.get(free!.key)).toEqual({ text: 'too small' });
  });
});

describe('changing a condition', () => {
  it('asks for met with the evidence, waived until a day (the approver only when named), or owner and due date', () => {
    expect(conditionPatch('met', form([['evidence', ' SOC 2 report ']]))).toEqual({ state: 'met', evidence: 'SOC 2 report' });
    expect(
      conditionPatch(
        'waive',
        form([
          ['waiverExpiresOn', '2027-06-30'],
          ['waiverApprover', ' '],
        ]),
      ),
    ).toEqual({ state: 'waived', waiverExpiresOn: '2027-06-30' });
    expect(
      conditionPatch(
        'waive',
        form([
          ['waiverExpiresOn', ''],
          ['waiverApprover', 'CISO'],
        ]),
      ),
    ).toEqual({ state: 'waived', waiverExpiresOn: null, waiverApprover: 'CISO' });
    expect(
      conditionPatch(
        'edit',
        form([
          ['owner', ''],
          ['dueOn', '2027-01-31'],
        ]),
      ),
    ).toEqual({ owner: null, dueOn: '2027-01-31' });
  });

  it('says what was done', () => {
    expect(conditionOutcome({ state: 'met', evidence: 'x' })).toBe('Condition marked met.');
    expect(conditionOutcome({ state: 'waived', waiverExpiresOn: '2027-06-30' })).toBe('Condition waived until 2027-06-30.');
    expect(conditionOutcome({ state: 'open' })).toBe('Condition reopened.');
    expect(conditionOutcome({ owner: 'IT' })).toBe('Condition owner and due date saved.');
  });
});

describe('reasons and where they point', () => {
  const evidence = new Map([['incident:12', { anchor: 'incident-12', label: 'Incident: X' }]]);

  it('links incidents and subprocessors through the page, conditions and decisions to the review section', () => {
    expect(reasonTarget('incident:12', evidence)).toEqual({ anchor: 'incident-12', label: 'Incident: X' });
    expect(reasonTarget('condition:7', evidence)).toEqual({ anchor: 'condition-7', label: 'The condition' });
    expect(reasonTarget('review:3', evidence)).toEqual({ anchor: 'review-3', label: 'The decision' });
    expect(reasonTarget('subprocessor:9', evidence)).toBeUndefined();
    expect(reasonTarget(null, evidence)).toBeUndefined();
  });
});

describe('the due list', () => {
  const last = { id: 1, decision: 'approved' as const, decidedOn: '2022-06-30', band: 'high' };
  const item = (name: string, state: DueItem['state'], change: Partial<DueItem> = {}): DueItem => ({
    vendorId: name.length,
    asOf: '2023-10-31',
    state,
    reasons: [],
    lastReview: last,
    nextReviewOn: null,
    name,
    tier: 1,
    status: 'approved',
    businessOwner: null,
    ...change,
  });

  it('tells a vendor never reviewed from one whose date comes up', () => {
    expect(reviewKind(item('a', 'review-needed'))).toBe('flagged');
    // Issue 13: a vendor never decided on that a trigger flags is flagged, not merely never reviewed.
    expect(reviewKind(item('a', 'review-needed', { lastReview: null }))).toBe('flagged');
    expect(reviewKind(item('a', 'overdue'))).toBe('overdue');
    expect(reviewKind(item('a', 'due', { lastReview: null }))).toBe('never-reviewed');
    expect(reviewKind(item('a', 'due'))).toBe('due-soon');
    expect(reviewKind(item('a', 'ok'))).toBe('up-to-date');
  });

  it('sorts the most urgent first, then the nearest date (none last), the tier, the name; and counts each kind', () => {
    const items = [
      item('Zeta', 'due', { lastReview: null, tier: 2 }),
      item('Alpha', 'due', { lastReview: null, tier: 2 }),
      item('Beta', 'due', { lastReview: null, tier: 1 }),
      item('Soon', 'due', { nextReviewOn: '2023-11-20' }),
      item('Sooner', 'due', { nextReviewOn: '2023-11-05' }),
      item('Late', 'overdue', { nextReviewOn: '2023-01-10' }),
      item('Okta', 'review-needed', { nextReviewOn: '2024-06-30' }),
    ];
    expect(sortDue(items).map((i) => i.name)).toEqual(['Okta', 'Late', 'Sooner', 'Soon', 'Beta', 'Alpha', 'Zeta']);
    expect(countByKind(items)).toEqual({ flagged: 1, overdue: 1, 'due-soon': 2, 'never-reviewed': 3, 'up-to-date': 0 });
  });

  it('reads its filters from the URL, dropping what is malformed, and writes them back without empties', () => {
    const f = parseDueFilters(new URLSearchParams('owner=IT%20Operations&tier=1&before=2023-11-30&asOf=2023-10-31'));
    expect(f).toEqual({ owner: 'IT Operations', tier: 1, before: '2023-11-30', asOf: '2023-10-31' });
    expect(parseDueFilters(new URLSearchParams('tier=5&before=soon&asOf=2023-10'))).toEqual(NO_DUE_FILTERS);
    expect(dueQuery(f)).toEqual({ owner: 'IT Operations', tier: '1', before: '2023-11-30', asOf: '2023-10-31' });
    expect(dueQuery(NO_DUE_FILTERS)).toEqual({ owner: undefined, tier: undefined, before: undefined, asOf: undefined });
    expect(parseDueFilters(new URLSearchParams(dueCsvHref(f).split('?')[1]))).toEqual(f);
  });

  it('links the CSV of the list as filtered, and the calendar feed with owner and tier but live dates', () => {
    expect(dueCsvHref(NO_DUE_FILTERS)).toBe('/api/v1/reviews/due?format=csv');
    expect(dueCsvHref({ ...NO_DUE_FILTERS, tier: 2, asOf: '2023-10-31' })).toBe('/api/v1/reviews/due?tier=2&asOf=2023-10-31&format=csv');
    expect(calendarFeedUrl('https://vs.example', NO_DUE_FILTERS)).toBe('https://vs.example/api/v1/reviews/due.ics?token=<API token>');
    expect(calendarFeedUrl('https://vs.example', { owner: 'IT Ops', tier: 1, before: '2024-01-01', asOf: '2023-10-31' })).toBe(
      'https://vs.example/api/v1/reviews/due.ics?owner=IT+Ops&tier=1&token=<API token>',
    );
  });

  it('offers each business owner once, A→Z', () => {
    expect(ownersOf([{ businessOwner: 'IT' }, { businessOwner: null }, { businessOwner: 'Engineering' }, { businessOwner: 'IT' }])).toEqual([
      'Engineering',
      'IT',
    ]);
  });
});

describe('the review cadence', () => {
  it('says each tier in words, one month and none included', () => {
    expect(cadenceInWords(CADENCE)).toBe('Tier 1: every 6 months · Tier 2: every 12 months · Tier 3: every 24 months · Tier 4: no periodic review');
    expect(monthsInWords(1)).toBe('every month');
    expect(monthsInWords(null)).toBe('no periodic review');
    expect(cadenceOutcome({ ...CADENCE, tier1: 3 })).toBe(
      'Review cadence saved: Tier 1: every 3 months · Tier 2: every 12 months · Tier 3: every 24 months · Tier 4: no periodic review. ' +
        'Decisions recorded from now on take it; next review dates already set stay as they are.',
    );
  });

  it('reads the form: months as numbers, a ticked "no periodic review" as null whatever the months say', () => {
    const fd = form([
      ['tier1', ' 3 '],
      ['tier2', '12'],
      ['tier2-none', 'on'],
      ['tier3', '24'],
      ['tier4-none', 'on'],
    ]);
    expect(cadenceFromForm(fd)).toEqual({ tier1: 3, tier2: null, tier3: 24, tier4: null });
  });

  it('sends numbers out of range or not whole as numbers, and blanks or other text as they are, for the server to name', () => {
    const fd = form([
      ['tier1', '0'],
      ['tier2', '2.5'],
      ['tier3', ''],
      ['tier4', '1e2'],
    ]);
    expect(cadenceFromForm(fd)).toEqual({ tier1: 0, tier2: 2.5, tier3: '', tier4: '1e2' });
  });
});
