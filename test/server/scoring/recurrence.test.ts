import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { incidentClasses } from '../../../server/scoring/incident-classes.ts';
import { DEFAULT_POLICY as P, type Policy } from '../../../server/scoring/policy.ts';
import { recurrenceFactor, repeatsAt } from '../../../server/scoring/recurrence-factor.ts';
import { incidentFacts } from '../../helpers/fixtures.ts';
import { V1_POLICY } from '../../helpers/policies.ts';

const sitel2022 = incidentFacts({
  title: 'Sitel',
  severity: 'high',
  publicDisclosureDate: '2022-03-22',
  initialAccessVectors: ['subprocessor-compromise', 'stolen-credentials'],
  supportInvolved: true,
  supportInvolvementType: 'outsourced-support-provider',
});
const harFiles2023 = incidentFacts({
  title: 'HAR files',
  severity: 'critical',
  intrusionStartDate: '2023-09-28',
  detectedByVendorDate: '2023-10-19',
  publicDisclosureDate: '2023-10-20',
  initialAccessVectors: ['stolen-credentials', 'token-theft'],
  supportInvolved: true,
  supportInvolvementType: 'in-house-support-system',
});
/** A minor credential incident between the two, not through support. */
const minor2023 = incidentFacts({
  title: 'Minor',
  severity: 'low',
  intrusionStartDate: '2023-02-01',
  detectedByVendorDate: '2023-02-02',
  publicDisclosureDate: '2023-02-03',
  initialAccessVectors: ['stolen-credentials'],
});
const OCT = dayNumber('2023-10-31');
const uncapped: Policy = { ...P, incidentCap: { likelihoodPoints: null } };

describe('methodology 1.x classes', () => {
  it('derive root-cause classes and paths from vectors and support involvement', () => {
    expect([...incidentClasses(sitel2022)].sort()).toEqual(['credential-theft', 'subprocessor', 'support-channel']);
    expect([...incidentClasses(harFiles2023)].sort()).toEqual(['credential-theft', 'support-channel', 'token-theft']);
    expect([...incidentClasses(incidentFacts())]).toEqual([]);
  });

  it('pair with the closest match: the minor incident in between turns the support repeat into two credential repeats (the 1.x behaviour, kept for stored 1.x versions)', () => {
    const [repeat] = repeatsAt([sitel2022, harFiles2023], V1_POLICY, OCT);
    expect(repeat).toMatchObject({ incident: harFiles2023, earlier: sitel2022, daysApart: 577, shared: ['support-channel', 'credential-theft'] });
    expect(recurrenceFactor([sitel2022, harFiles2023], V1_POLICY, OCT).score).toBeCloseTo(49.7, 1);
    const withMinor = repeatsAt([sitel2022, minor2023, harFiles2023], V1_POLICY, OCT);
    expect(withMinor.map((r) => [r.incident.title, r.earlier.title, r.shared])).toEqual([
      ['Minor', 'Sitel', ['credential-theft']],
      ['HAR files', 'Minor', ['credential-theft']],
    ]);
  });
});

describe('recurrence (methodology 2: root cause and entry path)', () => {
  it('sees Okta 2023 as a repeat of Okta 2022: a support agent’s stolen credentials, through the support channel', () => {
    const [repeat] = repeatsAt([sitel2022, harFiles2023], P, OCT);
    expect(repeat).toMatchObject({ incident: harFiles2023, earlier: sitel2022, daysApart: 577, weight: 1, critical: true });
    expect(repeat!.shared).toEqual(['support-credential-theft', 'support-channel']);
    const f = recurrenceFactor([sitel2022, harFiles2023], uncapped, OCT);
    expect(f.score).toBeCloseTo(49.7, 1);
    expect(f.contributions[0]!.detail).toMatch(
      /through a support agent's stolen credentials or session and the support channel again, like "Sitel" 577 days earlier/,
    );
  });

  it('pairs with the strongest earlier match, not the closest: a minor incident in between changes nothing', () => {
    const withMinor = repeatsAt([sitel2022, minor2023, harFiles2023], P, OCT);
    expect(withMinor.map((r) => [r.incident.title, r.earlier.title])).toEqual([['HAR files', 'Sitel']]);
    expect(recurrenceFactor([sitel2022, minor2023, harFiles2023], P, OCT).score).toBe(recurrenceFactor([sitel2022, harFiles2023], P, OCT).score);
  });

  it('the strongest pairing also holds with 1.x classes: the support-channel match wins over the closer credential one', () => {
    const strongest: Policy = { ...V1_POLICY, recurrence: { ...V1_POLICY.recurrence, pairWith: 'strongest' } };
    const withMinor = repeatsAt([sitel2022, minor2023, harFiles2023], strongest, OCT);
    expect(withMinor.map((r) => [r.incident.title, r.earlier.title, r.weight])).toEqual([
      ['Minor', 'Sitel', 0.7],
      ['HAR files', 'Sitel', 1],
    ]);
    expect(recurrenceFactor([sitel2022, minor2023, harFiles2023], strongest, OCT).score).toBeGreaterThan(
      recurrenceFactor([sitel2022, harFiles2023], strongest, OCT).score,
    );
  });

  it('among equal matches, pairs with the more severe earlier incident, then the closer', () => {
    const low = { ...sitel2022, id: 901, title: 'Low one', severity: 'low' as const, publicDisclosureDate: '2023-01-10' };
    const [repeat] = repeatsAt([sitel2022, low, harFiles2023], P, OCT);
    expect(repeat!.earlier.title).toBe('Sitel');
  });

  it('needs the same entry path: the same root cause through another way in is no repeat', () => {
    const spray2021 = incidentFacts({
      title: 'Password spray of a test tenant',
      publicDisclosureDate: '2023-01-19',
      initialAccessVectors: ['stolen-credentials'],
      initialAccessDetail: 'A password spray compromised a corporate test account.',
    });
    const customers = incidentFacts({
      title: 'Customer logins',
      publicDisclosureDate: '2023-06-02',
      initialAccessVectors: ['stolen-credentials'],
      initialAccessDetail: 'Credential stuffing of customer accounts.',
    });
    expect(repeatsAt([spray2021, customers], P, OCT)).toEqual([]);
    const anyPath: Policy = { ...P, recurrence: { ...P.recurrence, requireSameEntryPath: false } };
    expect(repeatsAt([spray2021, customers], anyPath, OCT).map((r) => r.shared)).toEqual([['credential-stuffing']]);
  });

  it('never pairs an unknown root cause or path', () => {
    const blank = (title: string, day: string) =>
      incidentFacts({ title, publicDisclosureDate: day, supportInvolved: true, supportInvolvementType: 'in-house-support-tool' });
    expect(repeatsAt([blank('a', '2022-01-01'), blank('b', '2023-01-01')], P, OCT)).toEqual([]);
  });

  it('an analyst’s root cause and entry path replace the derived ones', () => {
    const set = { ...minor2023, rootCause: 'support-credential-theft' as const, entryPath: 'support-channel' as const };
    expect(repeatsAt([sitel2022, set], P, OCT).map((r) => r.earlier.title)).toEqual(['Sitel']);
    const apart = { ...harFiles2023, entryPath: 'employee' as const };
    expect(repeatsAt([sitel2022, apart], P, OCT)).toEqual([]);
  });

  it('a continuation is no repeat of its campaign; a campaign adds one repeat at most', () => {
    const cont = { ...harFiles2023, id: 902, title: 'HAR files, part two', publicDisclosureDate: '2023-10-25', continuationOf: harFiles2023.id };
    const sameCampaign = { ...cont, continuationOf: sitel2022.id, publicDisclosureDate: '2023-10-25' };
    expect(repeatsAt([sitel2022, sameCampaign], P, OCT)).toEqual([]);
    // Both members of the 2023 campaign repeat 2022: one part, named by the campaign's first incident.
    const f = recurrenceFactor([sitel2022, harFiles2023, cont], P, OCT);
    expect(f.contributions.map((c) => c.ref)).toEqual([`incident:${harFiles2023.id}`]);
    // Not counted as one (1.x): each repeats.
    const apart: Policy = { ...P, campaigns: { countAsOne: false } };
    expect(recurrenceFactor([sitel2022, harFiles2023, cont], apart, OCT).contributions).toHaveLength(2);
  });

  it('is nothing before the repeat is known, and nothing outside the window', () => {
    expect(recurrenceFactor([sitel2022, harFiles2023], P, dayNumber('2023-10-19')).score).toBe(0);
    const late = { ...harFiles2023, publicDisclosureDate: '2025-06-01', detectedByVendorDate: null };
    expect(repeatsAt([sitel2022, late], P, dayNumber('2025-12-31'))).toEqual([]);
  });

  it('is bounded: one repeat is worth at most the repeat points, and at most its cap ceiling', () => {
    const f = recurrenceFactor([sitel2022, harFiles2023], P, dayNumber('2023-10-20'));
    expect(f.score).toBeLessThanOrEqual(P.recurrence.repeatPoints);
    const tight: Policy = { ...P, incidentCap: { likelihoodPoints: 10 } };
    const capped = recurrenceFactor([sitel2022, harFiles2023], tight, dayNumber('2023-10-20'));
    expect(capped.score).toBeLessThan(f.score);
    expect(capped.contributions[0]!.formula).toMatch(/^min\(repeat 50 × support-credential-theft 1 × critical 1 × decay 1, cap [\d.]+\) = [\d.]+$/);
  });
});
