/** The hand-built UTC axis draws exactly what d3's scaleUtc would (it exists only to keep d3-time out of the shared chunk). */
import { scaleUtc } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcAxis, utcTickFormat } from '../../../web/charts/utc-axis.ts';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

describe('the UTC axis', () => {
  it('places moments, picks ticks and labels them as scaleUtc does, from minutes to decades', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.double({ min: 60_000, max: 30 * YEAR_MS, noNaN: true }),
        fc.integer({ min: 2, max: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, span, count, at) => {
          const [a, b] = [new Date(from), new Date(from + span)];
          const ours = utcAxis(a, b, [40, 900]);
          const d3 = scaleUtc([a, b], [40, 900]);
          const format = d3.tickFormat();
          const probe = new Date(from + span * at);
          expect(ours(probe)).toBeCloseTo(d3(probe), 6);
          const ticks = ours.ticks(count);
          expect(ticks.map((t) => t.getTime())).toEqual(d3.ticks(count).map((t) => t.getTime()));
          expect(ticks.map(utcTickFormat)).toEqual(ticks.map(format));
        },
      ),
    );
  });

  it('names the coarsest unit that changed', () => {
    expect(utcTickFormat(new Date('2023-01-01T00:00:00Z'))).toBe('2023');
    expect(utcTickFormat(new Date('2023-04-01T00:00:00Z'))).toBe('April');
    expect(utcTickFormat(new Date('2023-04-09T00:00:00Z'))).toBe('Apr 09');
    expect(utcTickFormat(new Date('2023-04-11T00:00:00Z'))).toBe('Tue 11');
  });
});
