import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../server/domain/partial-date.ts';
import { incidentClasses } from '../../../server/scoring/incident-classes.ts';
import { DEFAULT_POLICY as P } from '../../../server/scoring/policy.ts';
import { recurrenceFactor, repeatsAt } from '../../../server/scoring/recurrence-factor.ts';
import { incidentFacts } from '../../helpers/fixtures.ts';

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

describe('incident classes', () => {
  it('derive root-cause classes and paths from vectors and support involvement', () => {
    expect([...incidentClasses(sitel2022)].sort()).toEqual(['credential-theft', 'subprocessor', 'support-channel']);
    expect([...incidentClasses(harFiles2023)].sort()).toEqual(['credential-theft', 'support-channel', 'token-theft']);
    expect([...incidentClasses(incidentFacts())]).toEqual([]);
  });
});

describe('recurrence', () => {
  it('sees Okta 2023 as a repeat of Okta 2022 through the support channel', () => {
    const asOf = dayNumber('2023-10-31');
    const [repeat] = repeatsAt([sitel2022, harFiles2023], P, asOf);
    expect(repeat).toMatchObject({ incident: harFiles2023, earlier: sitel2022, daysApart: 577 });
    expect(repeat!.shared).toEqual(['support-channel', 'credential-theft']);
    const f = recurrenceFactor([sitel2022, harFiles2023], P, asOf);
    expect(f.score).toBeCloseTo(49.7, 1);
    expect(f.contributions[0]!.detail).toMatch(/through the support channel and stolen credentials again, like "Sitel" 577 days earlier/);
  });

  it('is nothing before the repeat is known, and nothing outside the window', () => {
    expect(recurrenceFactor([sitel2022, harFiles2023], P, dayNumber('2023-10-19')).score).toBe(0);
    const late = { ...harFiles2023, publicDisclosureDate: '2025-06-01', detectedByVendorDate: null };
    expect(repeatsAt([sitel2022, late], P, dayNumber('2025-12-31'))).toEqual([]);
  });

  it('is bounded: one repeat is worth at most the repeat points', () => {
    const f = recurrenceFactor([sitel2022, harFiles2023], P, dayNumber('2023-10-20'));
    expect(f.score).toBeLessThanOrEqual(P.recurrence.repeatPoints);
  });
});
