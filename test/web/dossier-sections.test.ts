import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOSSIER_SECTIONS, currentSection } from '../../web/dossier-sections.ts';

describe('the dossier section menu', () => {
  it('names the sections the issue lists, in page order', () => {
    expect(DOSSIER_SECTIONS.map((s) => s.label)).toEqual([
      'Score',
      'Findings',
      'Review',
      'What-if',
      'Breakdown',
      'Incidents',
      'Support chain',
      'MFA',
      'Statements',
      'History',
    ]);
    expect(new Set(DOSSIER_SECTIONS.map((s) => s.id)).size).toBe(DOSSIER_SECTIONS.length);
  });

  it('marks the last section whose top reached the line, the first before any has', () => {
    expect(currentSection([100, 900, 1800], 60, false)).toBe(0);
    expect(currentSection([-500, 40, 900], 60, false)).toBe(1);
    expect(currentSection([-1500, -700, 60], 60, false)).toBe(2);
  });

  it('skips sections not on the page, and marks the last one shown at the bottom', () => {
    expect(currentSection([-900, null, -100, 700], 60, false)).toBe(2);
    expect(currentSection([null, 300], 60, false)).toBe(1);
    expect(currentSection([-900, 200, 500, null], 60, true)).toBe(2);
    expect(currentSection([null, null], 60, false)).toBe(-1);
  });

  it('as the page scrolls down, the mark never moves back up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (offsets, a, b) => {
          const sorted = [...offsets].map((o, i) => (o === null ? null : o + i)); // any positions; sections in order
          const tops = (scroll: number) => sorted.map((t) => (t === null ? null : t - scroll));
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(currentSection(tops(hi), 60, false)).toBeGreaterThanOrEqual(currentSection(tops(lo), 60, false));
        },
      ),
    );
  });
});
