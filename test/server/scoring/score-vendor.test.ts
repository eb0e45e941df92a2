import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { bandOf, matrixLevel, scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { remainingWeight } from '../../../server/scoring/decay.ts';
import { disclosureLag, foundByOthersFirst } from '../../../server/scoring/disclosure-factor.ts';
import { methodRisk } from '../../../server/scoring/mfa-factor.ts';
import { subprocessorPoints, unknownSupportPoints } from '../../../server/scoring/support-factor.ts';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { facts, incidentFacts, mfaRecord, subprocessorFacts } from '../../helpers/fixtures.ts';

const factor = (s: ReturnType<typeof scoreVendor>, id: string) => s.factors.find((f) => f.id === id)!;

describe('scoreVendor', () => {
  it('is deterministic: the same input gives the same output', () => {
    const f = facts({ incidents: [incidentFacts()], subprocessors: [subprocessorFacts()], mfa: [mfaRecord()] });
    expect(scoreVendor(f, P, '2024-01-01')).toEqual(scoreVendor(structuredClone(f), P, '2024-01-01'));
  });

  it('scores a vendor with no evidence as unknown, never as safe', () => {
    const s = scoreVendor(facts(), P, '2024-01-01');
    expect(factor(s, 'incidents').score).toBe(0);
    expect(factor(s, 'support')).toMatchObject({ known: false, score: Math.round(unknownSupportPoints(P) * 10) / 10 });
    expect(factor(s, 'mfa')).toMatchObject({ known: false });
    expect(factor(s, 'mfa').score).toBeGreaterThan(80);
    expect(s.confidence).toBeCloseTo(0.2); // only the (empty) incident record is "known"
    expect(s.likelihood).toBeGreaterThan(20);
  });

  it('computes impact from the relationship alone', () => {
    const s = scoreVendor(facts(), P, '2024-01-01');
    expect(s.impact).toBe(91); // tier 1: 40, confidential: 21, identity provider: 30
    expect(s.impactContributions.map((c) => c.points)).toEqual([40, 21, 30]);
    const low = scoreVendor(facts({ vendor: { id: 2, name: 'x', tier: 4, dataAccess: 'none', environmentAccess: 'none' } }), P, '2024-01-01');
    expect(low.impact).toBe(6);
    expect(low.likelihood).toBe(s.likelihood); // impact never leaks into likelihood
  });

  it('risk is likelihood scaled by impact, banded and placed on the 5×5 matrix', () => {
    // A known support chain makes it assessed (unknown-scores.test.ts has the vendors that are not).
    const s = scoreVendor(facts({ incidents: [incidentFacts({ severity: 'critical' })], subprocessors: [subprocessorFacts()] }), P, '2022-03-01');
    expect(s.assessed).toBe(true);
    expect(s.risk).toBeCloseTo(Math.round(((s.likelihood * s.impact) / 100) * 10) / 10, 9);
    expect(s.band).toBe(bandOf(s.risk, P));
    expect(s.cell).toEqual({ likelihood: matrixLevel(s.likelihood), impact: matrixLevel(s.impact) });
    expect([bandOf(0, P), bandOf(14.9, P), bandOf(15, P), bandOf(30, P), bandOf(50, P), bandOf(100, P)]).toEqual([
      'low',
      'low',
      'moderate',
      'high',
      'critical',
      'critical',
    ]);
    expect([0, 19.9, 20, 99.9, 100].map(matrixLevel)).toEqual([1, 1, 2, 5, 5]);
  });

  it('ignores incidents disclosed after asOf; a month-precise disclosure counts from its last day', () => {
    const i = incidentFacts({ publicDisclosureDate: '2023-10', detectedByVendorDate: null, intrusionStartDate: null });
    expect(factor(scoreVendor(facts({ incidents: [i] }), P, '2023-10-30'), 'incidents').score).toBe(0);
    expect(factor(scoreVendor(facts({ incidents: [i] }), P, '2023-10-31'), 'incidents').score).toBeGreaterThan(0);
  });

  it('ignores posture assessed after asOf and subprocessors outside their period', () => {
    const f = facts({
      mfa: [mfaRecord({ population: 'admins', assessedOn: '2023-06-01' })],
      subprocessors: [subprocessorFacts({ since: '2020', until: '2022-03' })],
    });
    const early = scoreVendor(f, P, '2023-05-31');
    const late = scoreVendor(f, P, '2023-06-01');
    expect(factor(late, 'mfa').score).toBeLessThan(factor(early, 'mfa').score);
    expect(factor(scoreVendor(f, P, '2019-12-31'), 'support').known).toBe(false);
    expect(factor(scoreVendor(f, P, '2022-03-31'), 'support').known).toBe(true);
    expect(factor(scoreVendor(f, P, '2022-04-01'), 'support').known).toBe(false);
  });

  it('ignores an arrangement or an MFA record not yet known on asOf, however long it was true; a partial knownFrom counts from its last day', () => {
    // True since 2020, but only known from April 2022 (its last day, the 30th).
    const sub = subprocessorFacts({ since: '2020', until: null, knownFrom: '2022-04' });
    const f = facts({ subprocessors: [sub], mfa: [mfaRecord({ population: 'support', method: 'fido2', assessedOn: '2021-01-01', knownFrom: '2022-04-30' })] });
    const before = scoreVendor(f, P, '2022-04-29');
    const after = scoreVendor(f, P, '2022-04-30');
    expect(factor(before, 'support').known).toBe(false);
    expect(factor(after, 'support').contributions.map((c) => c.ref)).toEqual([`subprocessor:${sub.id}`]);
    expect(before.gaps.map((g) => g.ref)).toContain('mfa:support');
    expect(after.gaps.map((g) => g.ref)).not.toContain('mfa:support');
    // An unknown start counts from the day it became known, never "always".
    const unknownStart = facts({ subprocessors: [subprocessorFacts({ since: null, knownFrom: '2023-10-20' })] });
    expect(factor(scoreVendor(unknownStart, P, '2023-10-19'), 'support').known).toBe(false);
    expect(factor(scoreVendor(unknownStart, P, '2023-10-20'), 'support').known).toBe(true);
    // Announced before it starts: counted from its start.
    const announced = facts({ subprocessors: [subprocessorFacts({ since: '2024-03-01', knownFrom: '2024-01-15' })] });
    expect(factor(scoreVendor(announced, P, '2024-02-29'), 'support').known).toBe(false);
    expect(factor(scoreVendor(announced, P, '2024-03-01'), 'support').known).toBe(true);
  });
});

describe('the parts', () => {
  it('decay keeps a breach visible for years: half after three years, not gone after weeks', () => {
    expect(remainingWeight(P.decay, 0)).toBe(1);
    expect(remainingWeight(P.decay, 90)).toBeGreaterThan(0.9);
    expect(remainingWeight(P.decay, 1095)).toBeCloseTo(0.5);
    expect(remainingWeight(P.decay, -5)).toBe(1);
  });

  it('disclosure lag runs from the earliest awareness to disclosure, or on to asOf while undisclosed', () => {
    const okta2023 = incidentFacts({ detectedByVendorDate: '2023-10-19', firstReportedByThirdPartyDate: '2023-09-29', publicDisclosureDate: '2023-10-20' });
    expect(disclosureLag(okta2023, dayNumber('2024-01-01'))).toEqual({ days: 21, known: true, approximate: false });
    expect(foundByOthersFirst(okta2023)).toBe(true);
    const undisclosed = incidentFacts({ detectedByVendorDate: '2024-01-01', publicDisclosureDate: null });
    expect(disclosureLag(undisclosed, dayNumber('2024-01-31'))).toEqual({ days: 30, known: true, approximate: false });
    expect(disclosureLag(incidentFacts({ detectedByVendorDate: null }), 0)).toEqual({ days: 0, known: false, approximate: false });
  });

  it('a lag with a month-only date runs midpoint to midpoint, approximately: detected 2023-01-10, disclosed "2023-01" is ≈ 11 days, not 0', () => {
    // The observed bug: the month was read from its first day, a 0-day lag.
    const i = incidentFacts({
      intrusionStartDate: '2023-01-02',
      detectedByVendorDate: '2023-01-10',
      firstReportedByThirdPartyDate: null,
      publicDisclosureDate: '2023-01',
    });
    // The disclosure cannot precede the detection: the month narrows to 10–31 January, midpoint the 20½th.
    expect(disclosureLag(i, dayNumber('2023-06-30'))).toEqual({ days: 11, known: true, approximate: true });
    const s = scoreVendor(facts({ incidents: [i] }), P, '2023-06-30');
    expect(factor(s, 'disclosure').contributions[0]!.detail).toMatch(/^≈ 11 days to public disclosure;/);
    // Reported in "2023-10", disclosed on the 4th (Atlassian's Confluence flaw): reported on the 1st to the 4th, ≈ 2 days, not 0.
    const reported = incidentFacts({
      intrusionStartDate: null,
      detectedByVendorDate: null,
      firstReportedByThirdPartyDate: '2023-10',
      publicDisclosureDate: '2023-10-04',
    });
    expect(disclosureLag(reported, dayNumber('2023-12-31'))).toEqual({ days: 2, known: true, approximate: true });
  });

  it('earliest awareness is whichever of detection and the first outside report has the earlier midpoint; a tie goes to the exact day', () => {
    // Reported "2023-01" (midpoint 16 January) comes before a detection on 20 January.
    const reported = incidentFacts({ detectedByVendorDate: '2023-01-20', firstReportedByThirdPartyDate: '2023-01', publicDisclosureDate: '2023-02-15' });
    expect(disclosureLag(reported, 0)).toEqual({ days: 30, known: true, approximate: true });
    // Detected on 16 January, the month's own midpoint: the exact day wins, the lag is exact.
    const tie = incidentFacts({ detectedByVendorDate: '2023-01-16', firstReportedByThirdPartyDate: '2023-01', publicDisclosureDate: '2023-02-15' });
    expect(disclosureLag(tie, 0)).toEqual({ days: 30, known: true, approximate: false });
    // Not disclosed yet: to the as-of day, an exact day.
    expect(
      disclosureLag(incidentFacts({ detectedByVendorDate: '2023-01', publicDisclosureDate: null, intrusionStartDate: null }), dayNumber('2023-03-01')),
    ).toEqual({ days: 44, known: true, approximate: true });
  });

  it('a late-disclosure finding says "≈" when its lag rests on a month', () => {
    const i = incidentFacts({ severity: 'critical', detectedByVendorDate: '2023-01-10', firstReportedByThirdPartyDate: null, publicDisclosureDate: '2023-03' });
    const late = scoreVendor(facts({ incidents: [i] }), P, '2023-06-30').findings.find((f) => f.rule === 'late-disclosure')!;
    expect(late.title).toBe('Disclosed ≈ 65 days after the vendor knew');
    expect(late.rationale).toContain('became public ≈ 65 days after');
  });

  it('grades MFA methods from none to FIDO2, and unenforced MFA keeps little of its benefit', () => {
    const order = (['none', 'sms', 'totp', 'push', 'push-number-matching', 'fido2'] as const).map((m) => methodRisk(P, m, true));
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(methodRisk(P, 'fido2', false)).toBeGreaterThan(methodRisk(P, 'sms', true));
  });

  it('scores a support arrangement by access, outsourcing, staff MFA and artefact handling', () => {
    const base = { accessLevel: 'session-artifacts', outsourced: false, staffMfa: 'fido2', artifactsSanitized: true, retentionDays: 7 } as const;
    const p = (o: object) => subprocessorPoints({ ...base, ...o }, P).points;
    expect(p({})).toBeCloseTo(50 * 0.525);
    expect(p({ outsourced: true })).toBeCloseTo(50 * 1.2 * 0.525);
    expect(p({ artifactsSanitized: false })).toBeCloseTo(p({}) + 10);
    expect(p({ artifactsSanitized: null })).toBe(p({ artifactsSanitized: false }));
    expect(p({ retentionDays: 365 })).toBeCloseTo(p({}) + 5);
    expect(p({ accessLevel: 'none' })).toBe(0);
    expect(p({ staffMfa: null })).toBeGreaterThanOrEqual(p({ staffMfa: 'sms' }));
  });
});
