import { describe, expect, it } from 'vitest';
import {
  MAX_QUARTERS,
  normalizeRange,
  quarterEnd,
  quarterOf,
  quarterSpan,
  quarterState,
  rangeChoices,
  shiftQuarter,
} from '../../../web/charts/trend.quarters.ts';

describe('quarter arithmetic (as server/domain/quarter.ts counts)', () => {
  it('finds the quarter of a day, its last day, and its neighbours across years', () => {
    expect(quarterOf('2026-11-29')).toBe('2026-Q4');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
    expect(quarterEnd('2024-Q2')).toBe('2024-06-30');
    expect(quarterEnd('2023-Q4')).toBe('2023-12-31');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftQuarter('2026-Q4', -7)).toBe('2025-Q1');
    expect(quarterSpan('2025-Q1', '2026-Q4')).toBe(8);
    expect(quarterSpan('2026-Q4', '2025-Q1')).toBeLessThan(1);
  });
});

describe('quarterState', () => {
  it('is live for the current quarter or one scored before its end, frozen otherwise', () => {
    expect(quarterState('2026-Q4', '2026-11-29', '2026-Q4')).toBe('live');
    expect(quarterState('2026-Q4', '2026-11-29', '2027-Q1')).toBe('live');
    expect(quarterState('2026-Q3', '2026-09-30', '2026-Q4')).toBe('frozen');
    expect(quarterState('2026-Q3', undefined, '2026-Q4')).toBe('frozen');
  });
});

describe('rangeChoices', () => {
  it('offers the current quarter and the 39 before it, newest first, reaching further for an older start', () => {
    const c = rangeChoices('2026-Q4');
    expect(c).toHaveLength(MAX_QUARTERS);
    expect(c[0]).toBe('2026-Q4');
    expect(c.at(-1)).toBe('2017-Q1');
    expect(rangeChoices('2026-Q4', '2010-Q1').at(-1)).toBe('2010-Q1');
  });
});

describe('normalizeRange', () => {
  const now = '2026-Q4';
  it('keeps a valid range as it is', () => {
    expect(normalizeRange('2025-Q1', '2026-Q4', 'from', now)).toEqual({ from: '2025-Q1', to: '2026-Q4' });
  });

  it('moves the other end when the range would be under two quarters', () => {
    expect(normalizeRange('2026-Q2', '2026-Q1', 'from', now)).toEqual({ from: '2026-Q2', to: '2026-Q3' });
    expect(normalizeRange('2026-Q2', '2026-Q1', 'to', now)).toEqual({ from: '2025-Q4', to: '2026-Q1' });
    expect(normalizeRange('2026-Q4', '2026-Q4', 'from', now)).toEqual({ from: '2026-Q3', to: '2026-Q4' });
  });

  it('never reaches past the current quarter, nor spans more than the server allows', () => {
    expect(normalizeRange('2025-Q1', '2027-Q2', 'to', now).to).toBe(now);
    const long = normalizeRange('2010-Q1', '2026-Q4', 'from', now);
    expect(quarterSpan(long.from, long.to)).toBe(MAX_QUARTERS);
    expect(long.from).toBe('2010-Q1');
    const back = normalizeRange('2010-Q1', '2026-Q4', 'to', now);
    expect(back).toEqual({ from: shiftQuarter('2026-Q4', -(MAX_QUARTERS - 1)), to: '2026-Q4' });
  });
});
