import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certainlyBefore, dayNumber, exactDay, isoDay, midpoint, parsePartialDate, precisionOf, spanBetween } from '../../../server/domain/partial-date.ts';

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

describe('spans between partial dates (the lag rule)', () => {
  const span = (a: string, b: string) => spanBetween(parsePartialDate(a)!, parsePartialDate(b)!);

  it.each([
    ['2023-10-19', '2023-10-20', 1, false],
    ['2023-01-10', '2023-01', 11, true],
    ['2023-10', '2023-10-04', 2, true],
    ['2023-01', '2023-01', 0, true],
    ['2022-01-20', '2022-03', 55, true],
    ['2023-09-29', '2023-10-20', 21, false],
    ['2023', '2024', 366, true],
    ['2023-10-20', '2023-10-01', 0, false],
  ] as const)('from %s to %s is %i days (approximate: %s)', (a, b, days, approximate) => {
    expect(span(a, b)).toEqual({ days, approximate });
  });

  it('measures from an exact as-of day as a single day', () => {
    expect(spanBetween(parsePartialDate('2023-10')!, exactDay(dayNumber('2023-10-31')))).toEqual({ days: 15, approximate: true });
  });

  it('never counts a later date as less than an earlier one, and is exact only between days', () => {
    const dates = fc.oneof(
      fc.tuple(fc.integer({ min: 2000, max: 2030 })).map(([y]) => `${y}`),
      fc.tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    fc.assert(
      fc.property(dates, dates, dates, (a, b, c) => {
        const [x, y, z] = [a, b, c].map((t) => parsePartialDate(t)!).sort((p, q) => midpoint(p) - midpoint(q));
        expect(spanBetween(x!, z!).days).toBeGreaterThanOrEqual(spanBetween(x!, y!).days);
        expect(spanBetween(x!, y!).approximate).toBe(x!.precision !== 'day' || y!.precision !== 'day');
      }),
    );
  });
});
