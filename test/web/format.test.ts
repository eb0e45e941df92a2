import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { disclosureLag, lagDays, linkText, partialDate, percent, timestamp, yesNo } from '../../web/format.ts';
import { disclosureLag as engineLag } from '../../server/scoring/disclosure-factor.ts';
import { dayNumber, isoDay } from '../../server/domain/partial-date.ts';

const dates = (detected: string | null, reported: string | null, disclosed: string | null) => ({
  detectedByVendorDate: detected,
  firstReportedByThirdPartyDate: reported,
  publicDisclosureDate: disclosed,
});

describe('disclosureLag', () => {
  it('counts from the first outside report when others knew first (Okta 2023)', () => {
    expect(disclosureLag(dates('2023-10-19', '2023-09-29', '2023-10-20'))).toEqual({ days: 21, from: 'third-party', approximate: false });
  });

  it('counts from the vendor’s detection when nobody reported it first (Okta 2022)', () => {
    expect(disclosureLag(dates('2022-01-20', null, '2022-03-22'))).toEqual({ days: 61, from: 'vendor', approximate: false });
  });

  it('marks a lag resting on a month or a year as approximate, counting midpoint to midpoint', () => {
    // 15 January to the middle of March (the 16th).
    expect(disclosureLag(dates('2023-01-15', null, '2023-03'))).toMatchObject({ days: 60, approximate: true });
    expect(lagDays({ days: 60, approximate: true })).toBe('≈ 60 days');
    expect(lagDays({ days: 1, approximate: false })).toBe('1 day');
  });

  it('the observed bug: detected 10 January 2023, disclosed "2023-01" is ≈ 11 days, not 0', () => {
    // The month narrowed to the days a disclosure after the detection leaves: 10–31 January.
    expect(disclosureLag(dates('2023-01-10', null, '2023-01'))).toEqual({ days: 11, from: 'vendor', approximate: true });
    // Reported in "2023-10" and disclosed on the 4th: reported on the 1st to the 4th.
    expect(disclosureLag(dates(null, '2023-10', '2023-10-04'))).toEqual({ days: 2, from: 'third-party', approximate: true });
  });

  it('counts from whichever of detection and outside report has the earlier midpoint', () => {
    expect(disclosureLag(dates('2023-01-20', '2023-01', '2023-02-15'))).toEqual({ days: 30, from: 'third-party', approximate: true });
    expect(disclosureLag(dates('2023-01-16', '2023-01', '2023-02-15'))).toEqual({ days: 30, from: 'vendor', approximate: false });
  });

  it('runs to the as-of day while not disclosed, when given one', () => {
    expect(disclosureLag(dates('2024-01-01', null, null), dayNumber('2024-01-31'))).toEqual({ days: 30, from: 'vendor', approximate: false });
  });

  it('cannot be computed without a disclosure or without knowing when anyone knew', () => {
    expect(disclosureLag(dates('2023-01-15', null, null))).toBeNull();
    expect(disclosureLag(dates(null, null, '2023-03-01'))).toBeNull();
  });

  it('never goes negative', () => {
    expect(disclosureLag(dates('2023-03-05', null, '2023-03-01'))?.days).toBe(0);
  });
});

describe('disclosureLag agrees with the engine', () => {
  const D2018 = 17532;
  /** A date as sources give them: a day, or only its month or year. */
  const date = fc.tuple(fc.integer({ min: D2018, max: D2018 + 3000 }), fc.constantFrom(10, 7, 4)).map(([d, n]) => isoDay(d).slice(0, n));
  const incident = fc.record({ detectedByVendorDate: fc.option(date), firstReportedByThirdPartyDate: fc.option(date), publicDisclosureDate: fc.option(date) });

  it('gives the same days and the same approximate flag for the same incident and day (fast-check)', () => {
    fc.assert(
      fc.property(incident, fc.integer({ min: D2018, max: D2018 + 3500 }), (i, asOf) => {
        const engine = engineLag(
          {
            ...i,
            id: 1,
            title: 't',
            severity: 'low',
            confidence: 'low',
            customersAffected: null,
            intrusionStartDate: null,
            initialAccessVectors: [],
            supportInvolved: null,
            supportInvolvementType: 'none',
          },
          asOf,
        );
        const web = disclosureLag(i, asOf);
        if (!engine.known) expect(web).toBeNull();
        else expect({ days: web!.days, approximate: web!.approximate }).toEqual({ days: engine.days, approximate: engine.approximate });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatting', () => {
  it('writes partial dates at their own precision', () => {
    expect(partialDate('2023-10-20')).toBe('20 Oct 2023');
    expect(partialDate('2023-10')).toBe('Oct 2023');
    expect(partialDate('2022')).toBe('2022');
    expect(partialDate(null)).toBe('');
  });

  it('names where a link goes', () => {
    expect(linkText('https://www.okta.com/blog/2022/03/x/')).toBe('okta.com/blog/2022/03/x');
    expect(linkText('https://sec.okta.com/')).toBe('sec.okta.com');
    expect(linkText('not a url')).toBe('not a url');
  });

  it('says unknown for a missing yes/no fact', () => {
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(['yes', 'no', 'unknown']);
    expect(percent(0.537)).toBe('54%');
  });
});

describe('timestamp', () => {
  // Tests run with TZ=UTC (package.json), so the reader's zone is UTC here.
  it('writes an instant to the minute, or to the second', () => {
    expect(timestamp('2023-10-20T14:05:09.123Z')).toBe('20 Oct 2023, 14:05');
    expect(timestamp('2023-09-02T00:05:09.000Z', true)).toBe('2 Sep 2023, 00:05:09');
  });

  it('writes nothing for a missing or broken value', () => {
    expect([timestamp(null), timestamp('not a date')]).toEqual(['', '']);
  });
});
