/** Documents that lapse, PURE: the gap, the review trigger and the due-soon reason, each from the document that counts on the day. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from '../../../server/domain/partial-date.ts';
import { evidenceInForce } from '../../../server/scoring/evidence-expiry.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { reviewStatusOf, type ReviewFacts } from '../../../server/scoring/review-status.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import type { DocumentFacts } from '../../../server/scoring/types.ts';
import { facts } from '../../helpers/fixtures.ts';

const soc2 = (id: number, periodEnd: string, knownFrom = '2025-01-01'): DocumentFacts => ({
  id,
  kind: 'soc2',
  knownFrom,
  details: { type: 'type2', periodStart: '2024-01-01', periodEnd, auditor: 'Example LLP', exceptions: 0, bridgeLetter: false, title: null },
});
const iso = (id: number, expiresOn: string, knownFrom = '2025-01-01'): DocumentFacts => ({
  id,
  kind: 'iso27001',
  knownFrom,
  details: { certificateNumber: 'IS 7', expiresOn, title: null },
});
const docGaps = (documents: DocumentFacts[], asOf: string) =>
  scoreVendor(facts({ documents }), DEFAULT_POLICY, asOf).gaps.filter((g) => g.ref?.startsWith('document:'));

describe('lapsed evidence in the score', () => {
  it('is a gap once a SOC 2 report is more than 12 months past its period end', () => {
    const doc = [soc2(1, '2025-06-30')];
    expect(docGaps(doc, '2026-06-30')).toEqual([]);
    expect(docGaps(doc, '2026-07-01')).toEqual([
      { factor: 'mfa', ref: 'document:1', text: 'SOC 2 report (Type II, period ended 2025-06-30) expired on 2026-06-30: ask the vendor for a current one' },
    ]);
  });

  it('is a gap once an ISO 27001 certificate is past its expiry, and not for pentests or other documents', () => {
    expect(docGaps([iso(2, '2026-01-31')], '2026-02-01').map((g) => g.ref)).toEqual(['document:2']);
    expect(docGaps([{ id: 3, kind: 'pentest', knownFrom: '2020-01-01', details: { testedOn: '2020-01-01', scope: 'x', title: null } }], '2026-02-01')).toEqual(
      [],
    );
  });

  it('goes once a newer report is known, and not before it was known (no hindsight)', () => {
    const docs = [soc2(1, '2024-06-30'), soc2(2, '2025-06-30', '2025-09-15')];
    expect(docGaps(docs, '2025-09-14').map((g) => g.ref)).toEqual(['document:1']);
    expect(docGaps(docs, '2025-09-15')).toEqual([]);
    // A document not yet known says nothing.
    expect(docGaps([iso(2, '2024-01-01', '2026-01-01')], '2025-12-31')).toEqual([]);
  });

  it('property: a single certificate is a gap exactly on the days after its expiry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 19000, max: 22000 }), fc.integer({ min: -400, max: 400 }), (expiry, offset) => {
        const asOf = isoDay(expiry + Math.max(offset, -10));
        const gaps = docGaps([iso(1, isoDay(expiry), isoDay(expiry - 20))], asOf);
        expect(gaps.length).toBe(dayNumber(asOf) > expiry ? 1 : 0);
      }),
    );
  });

  it('picks per kind the document that runs longest', () => {
    const inForce = evidenceInForce([soc2(1, '2025-06-30'), soc2(2, '2024-06-30'), iso(3, '2027-01-01')], dayNumber('2026-01-01'));
    expect(inForce.map((e) => [e.id, e.expiresOn])).toEqual([
      [1, '2026-06-30'],
      [3, '2027-01-01'],
    ]);
  });
});

describe('lapsed evidence in the review status', () => {
  const calm = (documents: DocumentFacts[]): ReviewFacts => ({
    tier: 2,
    lastReview: { id: 7, decision: 'approved', decidedOn: '2026-01-15', nextReviewOn: '2027-01-15', band: 'moderate' },
    bandNow: 'moderate',
    incidents: [],
    subprocessors: [],
    conditions: [],
    documents,
  });

  it('reopens a decision once evidence expired after it: "evidence expired"', () => {
    const s = reviewStatusOf(calm([iso(4, '2026-03-31')]), DEFAULT_POLICY, '2026-04-01', 30);
    expect(s).toEqual({
      state: 'review-needed',
      reasons: [{ code: 'evidence-expired', text: 'Evidence expired: ISO 27001 certificate IS 7 expired on 2026-03-31.', ref: 'document:4' }],
    });
    // Lapsed before the decision: the decision took it into account.
    expect(reviewStatusOf(calm([iso(4, '2025-12-31')]), DEFAULT_POLICY, '2026-04-01', 30).state).toBe('ok');
  });

  it('puts the vendor on the due list from 30 days before the evidence lapses, with the day it lapses', () => {
    const docs = [iso(4, '2026-03-31')];
    expect(reviewStatusOf(calm(docs), DEFAULT_POLICY, '2026-02-28', 30).state).toBe('ok');
    expect(reviewStatusOf(calm(docs), DEFAULT_POLICY, '2026-03-01', 30)).toEqual({
      state: 'due',
      reasons: [{ code: 'evidence-expiring', text: 'ISO 27001 certificate IS 7 expires on 2026-03-31, in 30 days.', ref: 'document:4', on: '2026-03-31' }],
    });
  });
});
