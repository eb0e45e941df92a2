/**
 * The quarter arithmetic both sides import (server/domain/quarters.ts): its invariants as
 * properties, its answers at the edges of years and months, and that it stays dependency-free.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { dayNumber, isoDay } from '../../../server/domain/partial-date.ts';
import { quarterLabel } from '../../../server/domain/quarter.ts';
import { isQuarter, quarterEnd, quarterIndex, quarterOf, quarterOfIndex, quarterRange, quarterSpan, shiftQuarter } from '../../../server/domain/quarters.ts';

/** Quarters the API accepts (years 1900–2999). */
const quarter = fc.record({ year: fc.integer({ min: 1900, max: 2999 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ year, q }) => `${year}-Q${q}`);
/** Days from 1900-01-01 to 2999-12-31. */
const day = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2999-12-31') }).map(isoDay);
const shift = fc.integer({ min: -400, max: 400 });

describe('quarter arithmetic', () => {
  it('finds the quarter of a day and a quarter last day, across years and leap years', () => {
    expect(quarterOf('2026-11-29')).toBe('2026-Q4');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect([1, 2, 3, 4].map((q) => quarterEnd(`2024-Q${q}`))).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(shiftQuarter('2024-Q1', -1)).toBe('2023-Q4');
    expect(shiftQuarter('2023-Q4', 1)).toBe('2024-Q1');
    expect(shiftQuarter('2025-Q3', -40)).toBe('2015-Q3');
    expect(quarterSpan('2023-Q4', '2024-Q1')).toBe(2);
    expect(quarterSpan('2024-Q1', '2023-Q4')).toBe(0);
    expect(quarterRange('2023-Q3', '2024-Q2')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    expect(quarterRange('2024-Q2', '2024-Q1')).toEqual([]);
  });

  it('a quarter ends in itself, and the day after its end is the next quarter', () => {
    fc.assert(
      fc.property(quarter, (q) => {
        expect(quarterOf(quarterEnd(q))).toBe(q);
        expect(quarterOf(isoDay(dayNumber(quarterEnd(q)) + 1))).toBe(shiftQuarter(q, 1));
      }),
    );
  });

  it('every day lies within its quarter: after the previous quarter end, on or before its own', () => {
    fc.assert(
      fc.property(day, (d) => {
        const q = quarterOf(d);
        expect(isQuarter(q)).toBe(true);
        expect(d <= quarterEnd(q)).toBe(true);
        expect(d > quarterEnd(shiftQuarter(q, -1))).toBe(true);
      }),
    );
  });

  it('shifting there and back is the identity; shifts add up; a shift by n spans n + 1 quarters', () => {
    fc.assert(
      fc.property(quarter, shift, shift, (q, a, b) => {
        expect(shiftQuarter(shiftQuarter(q, a), -a)).toBe(q);
        expect(shiftQuarter(shiftQuarter(q, a), b)).toBe(shiftQuarter(q, a + b));
        expect(quarterSpan(q, shiftQuarter(q, a))).toBe(a + 1);
        expect(quarterOfIndex(quarterIndex(q))).toBe(q);
      }),
    );
  });

  it('a range holds span quarters, in order, from its start to its end', () => {
    fc.assert(
      fc.property(quarter, fc.integer({ min: -8, max: 80 }), (from, n) => {
        const to = shiftQuarter(from, n);
        const range = quarterRange(from, to);
        expect(range).toHaveLength(Math.max(0, quarterSpan(from, to)));
        if (range.length > 0) expect([range[0], range.at(-1)]).toEqual([from, to]);
        range.forEach((q, i) => expect(q).toBe(shiftQuarter(from, i)));
      }),
    );
  });

  it('agrees with the API schema on what a quarter is, and writes quarters the schema accepts', () => {
    fc.assert(
      fc.property(quarter, shift, (q, n) => {
        const shifted = shiftQuarter(q, n);
        expect(isQuarter(shifted)).toBe(true);
        if (shifted >= '1900' && shifted < '3000') expect(quarterLabel.safeParse(shifted).success).toBe(true);
      }),
    );
    for (const bad of ['2023-Q5', '2023-Q0', '2023Q1', '23-Q1', '2023-q1', '', null, undefined]) expect(isQuarter(bad)).toBe(false);
  });

  it('imports nothing, so the web may import its values', () => {
    for (const file of ['quarters.ts', 'labels.ts']) {
      const text = readFileSync(join(PROJECT_ROOT, 'server', 'domain', file), 'utf8');
      expect(text, file).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s/m);
    }
  });
});
