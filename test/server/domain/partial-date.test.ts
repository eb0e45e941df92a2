import { describe, expect, it } from 'vitest';
import { certainlyBefore, dayNumber, isoDay, parsePartialDate, precisionOf } from '../../../server/domain/partial-date.ts';

describe('partial dates', () => {
  it.each([
    ['2023', 'year', '2023-01-01', '2023-12-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2023-02', 'month', '2023-02-01', '2023-02-28'],
    ['2023-10-20', 'day', '2023-10-20', '2023-10-20'],
  ])('%s is a %s from %s to %s', (text, precision, first, last) => {
    const r = parsePartialDate(text)!;
    expect([r.precision, isoDay(r.first), isoDay(r.last)]).toEqual([precision, first, last]);
  });

  it.each(['2023-02-29', '2023-13', '2023-00', '2023-04-31', '23-10-20', '2023-1-5', '2023-10-20T00:00', '', '1899'])('rejects %j', (text) => {
    expect(parsePartialDate(text)).toBeUndefined();
  });

  it('compares only what is certain', () => {
    expect(certainlyBefore('2023-09', '2023-10-01')).toBe(true);
    expect(certainlyBefore('2023-10', '2023-10-15')).toBe(false);
    expect(certainlyBefore('2023-10-15', '2023')).toBe(false);
  });

  it('converts days both ways and reports precision', () => {
    expect(isoDay(dayNumber('2023-10-31'))).toBe('2023-10-31');
    expect(() => dayNumber('2023-10')).toThrow();
    expect([precisionOf(null), precisionOf('2022')]).toEqual([null, 'year']);
  });
});
