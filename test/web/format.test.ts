import { describe, expect, it } from 'vitest';
import { disclosureLag, linkText, partialDate, percent, timestamp, yesNo } from '../../web/format.ts';

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

  it('marks a lag resting on a month or a year as approximate', () => {
    expect(disclosureLag(dates('2023-01-15', null, '2023-03'))).toMatchObject({ days: 45, approximate: true });
  });

  it('cannot be computed without a disclosure or without knowing when anyone knew', () => {
    expect(disclosureLag(dates('2023-01-15', null, null))).toBeNull();
    expect(disclosureLag(dates(null, null, '2023-03-01'))).toBeNull();
  });

  it('never goes negative', () => {
    expect(disclosureLag(dates('2023-03-05', null, '2023-03-01'))?.days).toBe(0);
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
