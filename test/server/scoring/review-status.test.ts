import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../../server/domain/partial-date.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { addMonths, reviewStatusOf, reviewTriggers, type ReviewFacts } from '../../../server/scoring/review-status.ts';
import { incidentFacts } from '../../helpers/fixtures.ts';

const DECIDED = '2022-06-30';
const AS_OF = '2023-10-31';

/** A vendor approved on DECIDED in band `moderate`, next review a year on, nothing since. */
const calm = (o: Partial<ReviewFacts> = {}): ReviewFacts => ({
  tier: 2,
  lastReview: { id: 7, decision: 'approved', decidedOn: DECIDED, nextReviewOn: '2024-06-30', band: 'moderate' },
  bandNow: 'moderate',
  incidents: [],
  subprocessors: [],
  conditions: [],
  ...o,
});
const codes = (f: ReviewFacts, asOf = AS_OF) => reviewTriggers(f, DEFAULT_POLICY, asOf).map((r) => r.code);
const status = (f: ReviewFacts, asOf = AS_OF) => reviewStatusOf(f, DEFAULT_POLICY, asOf, 30);

describe('re-review triggers', () => {
  it('fire on nothing when nothing happened', () => {
    expect(codes(calm())).toEqual([]);
    expect(status(calm())).toEqual({ state: 'ok', reasons: [] });
  });

  it('band-rose: fires when the band is higher than at the decision, not when equal or lower', () => {
    expect(codes(calm({ bandNow: 'high' }))).toEqual(['band-rose']);
    expect(codes(calm({ bandNow: 'low' }))).toEqual([]);
  });

  it('band-rose and not-assessed: becoming not assessed is no rise; being assessed after a decision taken without a rating is', () => {
    expect(codes(calm({ bandNow: 'not-assessed' }))).toEqual([]);
    const unrated = calm({ lastReview: { id: 7, decision: 'approved', decidedOn: DECIDED, nextReviewOn: '2024-06-30', band: 'not-assessed' } });
    expect(codes({ ...unrated, bandNow: 'not-assessed' })).toEqual([]);
    const assessed = reviewTriggers({ ...unrated, bandNow: 'low' }, DEFAULT_POLICY, AS_OF);
    expect(assessed).toEqual([expect.objectContaining({ code: 'band-rose', text: expect.stringContaining('the band is now low') })]);
  });

  it('incident-disclosed: a high or critical incident known after the decision, not a low one or an earlier one', () => {
    const late = incidentFacts({ severity: 'critical', publicDisclosureDate: '2023-10-20', intrusionStartDate: '2023-09-29' });
    expect(reviewTriggers(calm({ incidents: [late] }), DEFAULT_POLICY, AS_OF)[0]).toMatchObject({ code: 'incident-disclosed', ref: `incident:${late.id}` });
    expect(codes(calm({ incidents: [{ ...late, severity: 'medium' }] }))).toEqual([]);
    expect(codes(calm({ incidents: [{ ...late, publicDisclosureDate: '2022-03-22' }] }))).toEqual([]);
    // Not yet known as of the day asked about.
    expect(codes(calm({ incidents: [late] }), '2023-10-19')).toEqual([]);
  });

  it('root-cause-repeated: a later incident through the same path as an earlier one', () => {
    // A support agent's stolen credentials both times (methodology 2 matches root cause and entry path; an unknown root cause never repeats).
    const first = incidentFacts({
      severity: 'low',
      supportInvolvementType: 'outsourced-support-provider',
      supportInvolved: true,
      initialAccessVectors: ['stolen-credentials'],
      publicDisclosureDate: '2022-03-22',
    });
    const again = incidentFacts({
      severity: 'low',
      supportInvolvementType: 'in-house-support-system',
      supportInvolved: true,
      initialAccessVectors: ['stolen-credentials'],
      intrusionStartDate: '2023-09-28',
      detectedByVendorDate: '2023-10-19',
      publicDisclosureDate: '2023-10-20',
    });
    const other = { ...again, supportInvolvementType: 'none' as const, supportInvolved: false, initialAccessVectors: ['vulnerability-exploit' as const] };
    expect(codes(calm({ incidents: [first, again] }))).toEqual(['root-cause-repeated']);
    expect(codes(calm({ incidents: [first, other] }))).toEqual([]);
    // Both before the decision: the decision knew.
    expect(codes(calm({ incidents: [first, again] }), '2023-10-19')).toEqual([]);
  });

  it('subprocessor-added: one with tenant access added after the decision; not metadata-only, not earlier', () => {
    const sub = { id: 3, name: 'TaskUs', accessLevel: 'session-artifacts' as const, since: '2023-02', knownFrom: '2023-02-01' };
    expect(reviewTriggers(calm({ subprocessors: [sub] }), DEFAULT_POLICY, AS_OF)).toEqual([
      { code: 'subprocessor-added', text: 'TaskUs was added on 2023-02 with session-artifacts access to tenants.', ref: 'subprocessor:3' },
    ]);
    expect(codes(calm({ subprocessors: [{ ...sub, accessLevel: 'metadata' }] }))).toEqual([]);
    expect(codes(calm({ subprocessors: [{ ...sub, since: '2021-01-01', knownFrom: '2021-01-01' }] }))).toEqual([]);
  });

  it('subprocessor-added: one that began before the decision but became known after it reopens the decision, from the day it became known', () => {
    // TaskUs served Coinbase from 2017; the public learned of it in May 2025.
    const sub = { id: 3, name: 'TaskUs', accessLevel: 'customer-data' as const, since: '2017', knownFrom: '2023-05' };
    expect(reviewTriggers(calm({ subprocessors: [sub] }), DEFAULT_POLICY, AS_OF)).toEqual([
      { code: 'subprocessor-added', text: 'TaskUs became known on 2023-05 with customer-data access to tenants.', ref: 'subprocessor:3' },
    ]);
    // Not yet known on the day asked about: nothing to reopen.
    expect(codes(calm({ subprocessors: [sub] }), '2023-05-30')).toEqual([]);
    expect(codes(calm({ subprocessors: [sub] }), '2023-05-31')).toEqual(['subprocessor-added']);
    // Start unknown: it counts from the day it became known.
    expect(codes(calm({ subprocessors: [{ ...sub, since: null, knownFrom: '2022-01-10' }] }))).toEqual([]);
  });

  it('waiver-expired: a waiver that lapsed between the decision and asOf; not one still running, not a met condition', () => {
    const waived = { id: 9, text: 'Phishing-resistant MFA for support staff', state: 'waived' as const, waiverExpiresOn: '2023-06-30' };
    expect(codes(calm({ conditions: [waived] }))).toEqual(['waiver-expired']);
    expect(codes(calm({ conditions: [{ ...waived, waiverExpiresOn: '2023-10-31' }] }))).toEqual([]); // good through its last day
    expect(codes(calm({ conditions: [{ ...waived, state: 'met', waiverExpiresOn: null }] }))).toEqual([]);
  });

  it('band-rose needs a decision: without one there is no band to rise from', () => {
    expect(codes(calm({ lastReview: null, bandNow: 'critical' }))).toEqual([]);
  });
});

describe('re-review triggers as issue 13 sets them', () => {
  const medium = incidentFacts({ severity: 'medium', publicDisclosureDate: '2023-10-20', intrusionStartDate: '2023-09-29' });

  // Observed gap: a medium incident at a tier-1 vendor never reopened its decision.
  it('incident-disclosed: a medium incident at a tier-1 vendor reopens the decision; at tier 2 to 4 it takes a high one', () => {
    expect(reviewTriggers(calm({ tier: 1, incidents: [medium] }), DEFAULT_POLICY, AS_OF)).toEqual([
      { code: 'incident-disclosed', text: `A medium incident became known on 2023-10-20: ${medium.title}.`, ref: `incident:${medium.id}` },
    ]);
    for (const tier of [2, 3, 4]) expect(codes(calm({ tier, incidents: [medium] }))).toEqual([]);
    expect(codes(calm({ tier: 1, incidents: [{ ...medium, severity: 'low' }] }))).toEqual([]);
    for (const tier of [1, 2, 3, 4]) expect(codes(calm({ tier, incidents: [{ ...medium, severity: 'high' }] }))).toEqual(['incident-disclosed']);
  });

  it('the lowest severity that reopens a decision is a methodology parameter, per tier', () => {
    const policy = {
      ...DEFAULT_POLICY,
      reviewTriggers: { ...DEFAULT_POLICY.reviewTriggers, minIncidentSeverity: { 1: 'low', 2: 'medium', 3: 'critical', 4: 'critical' } },
    } as const;
    const at = (tier: number, severity: 'low' | 'medium' | 'high') =>
      reviewTriggers(calm({ tier, incidents: [{ ...medium, severity }] }), policy, AS_OF).length;
    expect([at(1, 'low'), at(2, 'low'), at(2, 'medium'), at(3, 'high')]).toEqual([1, 0, 1, 0]);
  });

  it('root-cause-repeated: any repeat reopens the decision, whatever its severity and the tier', () => {
    // A support agent's stolen credentials through the support channel, twice (an unknown root cause never repeats).
    const first = incidentFacts({
      severity: 'low',
      supportInvolvementType: 'outsourced-support-provider',
      supportInvolved: true,
      initialAccessVectors: ['stolen-credentials'],
      publicDisclosureDate: '2022-03-22',
    });
    const again = incidentFacts({
      severity: 'low',
      supportInvolvementType: 'in-house-support-system',
      supportInvolved: true,
      initialAccessVectors: ['stolen-credentials'],
      publicDisclosureDate: '2023-10-20',
    });
    for (const tier of [1, 2, 3, 4]) expect(codes(calm({ tier, incidents: [first, again] }))).toEqual(['root-cause-repeated']);
  });

  // Observed gap: a vendor with no decision stayed "due: never reviewed" whatever happened to it.
  describe('for a vendor with no decision yet', () => {
    const undecided = (o: Partial<ReviewFacts> = {}) => calm({ lastReview: null, ...o });
    const high = { ...medium, severity: 'high' as const };

    it('is review-needed with the reasons when a trigger fires, the never-reviewed reason kept last', () => {
      const s = status(undecided({ incidents: [high] }));
      expect(s.state).toBe('review-needed');
      expect(s.reasons.map((r) => r.code)).toEqual(['incident-disclosed', 'never-reviewed']);
      expect(s.reasons[0]).toMatchObject({ ref: `incident:${high.id}` });
    });

    it('counts what became known within the look-back (default three years before asOf), not older history', () => {
      const days = DEFAULT_POLICY.reviewTriggers.lookbackWithoutDecisionDays;
      expect(days).toBe(1095);
      const known = dayNumber('2023-10-20');
      expect(codes(undecided({ incidents: [high] }), isoDay(known + days - 1))).toEqual(['incident-disclosed']);
      expect(codes(undecided({ incidents: [high] }), isoDay(known + days))).toEqual([]);
      expect(status(undecided({ incidents: [high] }), isoDay(known + days))).toMatchObject({ state: 'due', reasons: [{ code: 'never-reviewed' }] });
      // Not yet known on the day asked about.
      expect(codes(undecided({ incidents: [high] }), '2023-10-19')).toEqual([]);
    });

    it('applies the tier rule, repeats, and new subprocessors with tenant access as with a decision', () => {
      expect(codes(undecided({ tier: 1, incidents: [medium] }))).toEqual(['incident-disclosed']);
      expect(codes(undecided({ tier: 2, incidents: [medium] }))).toEqual([]);
      const first = incidentFacts({
        severity: 'low',
        supportInvolved: true,
        supportInvolvementType: 'outsourced-support-provider',
        initialAccessVectors: ['stolen-credentials'],
        publicDisclosureDate: '2022-03-22',
      });
      const again = incidentFacts({
        severity: 'low',
        supportInvolved: true,
        supportInvolvementType: 'in-house-support-system',
        initialAccessVectors: ['stolen-credentials'],
        publicDisclosureDate: '2023-10-20',
      });
      expect(codes(undecided({ incidents: [first, again] }))).toEqual(['root-cause-repeated']);
      const sub = { id: 3, name: 'TaskUs', accessLevel: 'session-artifacts' as const, since: '2023-02', knownFrom: '2023-02-01' };
      expect(codes(undecided({ subprocessors: [sub] }))).toEqual(['subprocessor-added']);
    });

    it('stays due, never reviewed, when nothing fired', () => {
      expect(status(undecided())).toEqual({
        state: 'due',
        reasons: [{ code: 'never-reviewed', text: 'No procurement decision has been recorded for this vendor.', ref: null }],
      });
    });
  });
});

describe('review state', () => {
  it('is due for a vendor never reviewed', () => {
    expect(status(calm({ lastReview: null }))).toMatchObject({ state: 'due', reasons: [{ code: 'never-reviewed' }] });
  });

  it('is due within 30 days of the next review, overdue after it, ok before', () => {
    expect(status(calm(), '2024-05-31').state).toBe('due');
    expect(status(calm(), '2024-05-30').state).toBe('ok');
    expect(status(calm(), '2024-06-30').state).toBe('due');
    expect(status(calm(), '2024-07-01')).toMatchObject({ state: 'overdue', reasons: [{ code: 'overdue', ref: 'review:7' }] });
  });

  it('has no calendar when the decision set no next review', () => {
    expect(status(calm({ lastReview: { ...calm().lastReview!, nextReviewOn: null } }), '2030-01-01').state).toBe('ok');
  });

  it('puts a trigger above the calendar, keeping both reasons', () => {
    const s = status(calm({ bandNow: 'critical' }), '2024-07-01');
    expect(s.state).toBe('review-needed');
    expect(s.reasons.map((r) => r.code)).toEqual(['band-rose', 'overdue']);
  });
});

describe('addMonths', () => {
  it('keeps the day, clamped to the end of a shorter month', () => {
    expect(addMonths('2022-06-30', 6)).toBe('2022-12-30');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(addMonths('2022-11-15', 24)).toBe('2024-11-15');
  });

  it('always lands in the month n months on, never on a later day of the month than it started', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2090-12-31') }), fc.integer({ min: 1, max: 120 }), (day, n) => {
        const from = isoDay(day);
        const to = addMonths(from, n);
        const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
        const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
        expect(ty * 12 + tm - (fy * 12 + fm)).toBe(n);
        expect(td).toBeLessThanOrEqual(fd);
        if (fd <= 28) expect(td).toBe(fd);
      }),
    );
  });
});
