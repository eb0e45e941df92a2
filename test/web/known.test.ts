import { describe, expect, it } from 'vitest';
import { incidentDates, incidentKnownDate, knownOn, mfaDates, mfaNotInForce, statementDates, subprocessorDates } from '../../web/known.ts';

const OKTA_2023 = {
  intrusionStartDate: '2023-09-28',
  detectedByVendorDate: '2023-10-19',
  firstReportedByThirdPartyDate: '2023-09-29',
  publicDisclosureDate: '2023-10-20',
};

describe('what was known on a day, as the dossier shows it', () => {
  it('counts a partial date from its last possible day, as the engine does', () => {
    expect(knownOn('2023-10-20', '2023-10-19')).toBe(false);
    expect(knownOn('2023-10-20', '2023-10-20')).toBe(true);
    expect(knownOn('2022-04', '2022-04-29')).toBe(false);
    expect(knownOn('2022-04', '2022-04-30')).toBe(true);
    expect(knownOn('2024', '2024-12-30')).toBe(false);
    // No day to compare with, or no date at all: nothing to mark.
    expect(knownOn('2030-01-01', '')).toBe(true);
    expect(knownOn(null, '2023-01-01')).toBe(true);
  });

  it('knows an incident from its disclosure, failing that from the first date anyone knew', () => {
    expect(incidentKnownDate(OKTA_2023)).toBe('2023-10-20');
    expect(incidentKnownDate({ ...OKTA_2023, publicDisclosureDate: null })).toBe('2023-10-19');
    expect(incidentDates(OKTA_2023, '2023-10-19')).toEqual({
      trueSince: 'true since 28 Sep 2023',
      knownFrom: 'known from 20 Oct 2023',
      both: 'true since 28 Sep 2023; known from 20 Oct 2023',
      notYet: 'not known on 19 Oct 2023 — known from 20 Oct 2023',
    });
    expect(incidentDates(OKTA_2023, '2023-10-20').notYet).toBeNull();
  });

  it('shows a support record not yet known on 19 Oct 2023 as such (Okta’s Help Center)', () => {
    const helpCenter = { since: null, knownFrom: '2023-10-20' };
    expect(subprocessorDates(helpCenter, '2023-10-19')).toMatchObject({
      both: 'true since: start unknown, counted from when known; known from 20 Oct 2023',
      notYet: 'not known on 19 Oct 2023 — known from 20 Oct 2023',
    });
    expect(subprocessorDates({ since: '2017', knownFrom: '2025-05' }, '2024-01-01').both).toBe('true since 2017; known from May 2025');
  });

  it('dates MFA records and statements, and says when an MFA record was not yet in force', () => {
    expect(mfaDates({ assessedOn: '2023-09', knownFrom: '2023-09' }, '2023-10-19').both).toBe('true since Sep 2023; known from Sep 2023');
    expect(mfaNotInForce({ assessedOn: '2023-12', knownFrom: '2023-12' }, '2023-12-15')).toBe('not known on 15 Dec 2023 — known from Dec 2023');
    expect(mfaNotInForce({ assessedOn: '2023-12-20', knownFrom: '2023-12-01' }, '2023-12-15')).toBe('not in force on 15 Dec 2023 — true from 20 Dec 2023');
    expect(mfaNotInForce({ assessedOn: '2023-09', knownFrom: '2023-09' }, '2023-10-19')).toBeNull();
    expect(statementDates({ statedDate: null, knownFrom: '2026-11-29' }, '2023-10-19')).toMatchObject({
      trueSince: 'true since: undated',
      notYet: 'not known on 19 Oct 2023 — known from 29 Nov 2026',
    });
  });
});
