/** Campaigns (continuationOf) counted once, and the cap on one incident's weight. */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { campaignsOf } from '../../../server/scoring/campaigns.ts';
import { campaignLag, countedLagDays, disclosureFactor } from '../../../server/scoring/disclosure-factor.ts';
import { ceilingsOf, largestParts } from '../../../server/scoring/incident-cap.ts';
import { incidentsFactor } from '../../../server/scoring/incidents-factor.ts';
import { DEFAULT_POLICY as P, type Policy } from '../../../server/scoring/policy.ts';
import { scoreVendor } from '../../../server/scoring/score-vendor.ts';
import { facts, incidentFacts } from '../../helpers/fixtures.ts';

const august = incidentFacts({
  id: 1,
  title: 'August',
  severity: 'medium',
  confidence: 'high',
  intrusionStartDate: '2022-08',
  detectedByVendorDate: '2022-08',
  publicDisclosureDate: '2022-08-25',
  initialAccessVectors: ['token-theft'],
  customersAffected: null,
});
const november = incidentFacts({
  id: 2,
  title: 'November',
  severity: 'critical',
  confidence: 'medium',
  intrusionStartDate: '2022-08-12',
  detectedByVendorDate: null,
  publicDisclosureDate: '2022-11-30',
  initialAccessVectors: ['vulnerability-exploit', 'stolen-credentials'],
  customersAffected: 1000,
  continuationOf: 1,
});
const apart: Policy = { ...P, campaigns: { countAsOne: false } };
const uncapped: Policy = { ...P, incidentCap: { likelihoodPoints: null } };
const DEC = dayNumber('2022-12-31');

describe('campaigns', () => {
  it('link a continuation to the incident it continues; every incident is its own when not counted as one', () => {
    expect(campaignsOf([august, november], P).map((c) => [c.root.title, c.members.map((m) => m.title)])).toEqual([['August', ['August', 'November']]]);
    expect(campaignsOf([november, august], P).map((c) => c.root.title)).toEqual(['August']);
    expect(campaignsOf([august, november], apart).map((c) => c.members.length)).toEqual([1, 1]);
  });

  it('ignore a link to an incident missing from the list or known after its continuation', () => {
    expect(campaignsOf([november], P).map((c) => c.members.length)).toEqual([1]);
    const early = { ...november, publicDisclosureDate: '2022-08-20', detectedByVendorDate: null };
    expect(campaignsOf([august, early], P)).toHaveLength(2);
  });

  it('make one campaign of links that point at each other on one day, rooted at the lowest id', () => {
    const a = incidentFacts({ id: 7, publicDisclosureDate: '2023-01-01', continuationOf: 8 });
    const b = incidentFacts({ id: 8, publicDisclosureDate: '2023-01-01', continuationOf: 7 });
    expect(campaignsOf([b, a], P).map((c) => [c.root.id, c.members.length])).toEqual([[7, 2]]);
  });

  it('count once in the incidents factor: the worst severity × confidence, the widest reach, faded from the latest news', () => {
    const f = incidentsFactor([august, november], uncapped, DEC);
    expect(f.contributions).toHaveLength(1);
    const c = f.contributions[0]!;
    expect(c).toMatchObject({ ref: 'incident:1', label: 'August (campaign of 2, counted once)' });
    // critical 60 × medium 0.85, reach log10(1000) × 0.1 = 0.3, decay from 30 November.
    const decay = 0.5 ** ((DEC - dayNumber('2022-11-30')) / 1095);
    expect(f.score).toBeCloseTo(60 * 0.85 * decay * 1.3, 1);
    expect(c.formula).toBe(
      `critical 60 × confidence 0.85 × decay ${Math.round(decay * 10_000) / 10_000} × (1 + reach 0.3) = ${(60 * 0.85 * decay * 1.3).toFixed(1)}`,
    );
    expect(incidentsFactor([august, november], { ...apart, incidentCap: { likelihoodPoints: null } }, DEC).contributions).toHaveLength(2);
  });

  it('has the lag of the whole: from the first awareness (August) to the last disclosure (30 November)', () => {
    const [campaign] = campaignsOf([august, november], P);
    const lag = campaignLag(campaign!, DEC);
    expect(lag).toMatchObject({ days: 106, known: true, approximate: true, someUnknown: true });
    expect(countedLagDays(lag, P)).toBe(106);
    const f = disclosureFactor([august, november], uncapped, DEC);
    expect(f.contributions.map((c) => c.ref)).toEqual(['incident:1']);
    expect(f.contributions[0]!.formula).toMatch(/^\(lag 40 × min\(1, 106 days \/ 90 days\) \+ found by others 0\) × critical 1 × decay [\d.]+ = [\d.]+$/);
  });

  it('counts a member whose lag is unknown as at least the unknown lag', () => {
    const quick = incidentFacts({ id: 3, publicDisclosureDate: '2022-01-05', detectedByVendorDate: '2022-01-01', intrusionStartDate: '2022-01-01' });
    const silent = incidentFacts({
      id: 4,
      publicDisclosureDate: '2022-01-06',
      detectedByVendorDate: null,
      firstReportedByThirdPartyDate: null,
      intrusionStartDate: null,
      continuationOf: 3,
    });
    const [campaign] = campaignsOf([quick, silent], P);
    expect(countedLagDays(campaignLag(campaign!, DEC), P)).toBe(P.disclosure.unknownLagDays);
  });

  it('raises one late-disclosure finding for the campaign, with the lag of the whole', () => {
    const s = scoreVendor(facts({ incidents: [august, november] }), P, '2022-12-31');
    const late = s.findings.filter((f) => f.rule === 'late-disclosure');
    expect(late.map((f) => [f.id, f.severity, f.refs])).toEqual([['late-disclosure:incident:1', 'high', ['incident:1', 'incident:2']]]);
    expect(late[0]!.title).toBe('Disclosed ≈ 106 days after the vendor knew');
  });
});

describe('the incident cap', () => {
  it('splits the cap into fixed ceilings in proportion to what each factor can take from one incident', () => {
    expect(largestParts(P)).toEqual({ incidents: 78, recurrence: 50, disclosure: 60 });
    const c = ceilingsOf(P);
    const cap = P.incidentCap.likelihoodPoints!;
    expect(P.weights.incidents * c.incidents + P.weights.recurrence * c.recurrence + P.weights.disclosure * c.disclosure).toBeCloseTo(cap, 9);
    expect(c.incidents / 78).toBeCloseTo(c.recurrence / 50, 9);
    expect(ceilingsOf(uncapped)).toEqual({ incidents: Infinity, recurrence: Infinity, disclosure: Infinity });
    // A cap above the most one incident can add cuts nothing.
    expect(ceilingsOf({ ...P, incidentCap: { likelihoodPoints: 100 } })).toEqual(largestParts(P));
  });

  it('cuts a part at its ceiling and says so', () => {
    const big = incidentFacts({ severity: 'critical', confidence: 'high', customersAffected: 100_000, publicDisclosureDate: '2022-12-30' });
    const f = incidentsFactor([big], { ...P, incidentCap: { likelihoodPoints: 10 } }, DEC);
    const ceiling = ceilingsOf({ ...P, incidentCap: { likelihoodPoints: 10 } }).incidents;
    expect(f.score).toBeCloseTo(ceiling, 1);
    expect(f.contributions[0]!.formula).toMatch(/^min\(critical 60 × confidence 1 × decay [\d.]+ × \(1 \+ reach 0.3\), cap [\d.]+\) = [\d.]+$/);
    expect(f.contributions[0]!.detail).toMatch(/cut to the cap of [\d.]+ points one incident may add here$/);
  });
});
