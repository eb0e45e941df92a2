import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAUSES, CAUSE_COLOUR, describeMover, layoutMovers, signed, type MoverInput } from '../../../web/charts/movers.layout.ts';
import { contrast } from '../../../web/charts/heatmap.layout.ts';

// As the 2023-Q4 report gives them (vs 2022-Q4 for Okta: causes of both signs).
const OKTA: MoverInput = {
  vendorId: 1,
  name: 'Okta',
  from: 50.5,
  to: 61.9,
  delta: 11.4,
  causes: { methodology: 0, decay: -2.5, incidents: 21.4, posture: -7.5 },
};
const MICROSOFT: MoverInput = {
  vendorId: 2,
  name: 'Microsoft',
  from: 70.9,
  to: 69.5,
  delta: -1.4,
  causes: { methodology: 0, decay: -1.4, incidents: 0, posture: 0 },
};
const ATLASSIAN: MoverInput = {
  vendorId: 15,
  name: 'Atlassian',
  from: 20.4,
  to: 27.6,
  delta: 7.2,
  causes: { methodology: 0, decay: 0, incidents: 7.2, posture: 0 },
};

describe('signed', () => {
  it('writes a change with its sign, a true minus, to a tenth', () => {
    expect(signed(20.9)).toBe('+20.9');
    expect(signed(-1.4)).toBe('−1.4');
    expect(signed(0)).toBe('0');
    expect(signed(-0.04)).toBe('0');
    expect(signed(13)).toBe('+13');
  });
});

describe('describeMover', () => {
  it('says the change and each cause that moved it, in words', () => {
    expect(describeMover(OKTA)).toBe('Okta: +11.4 points (50.5 → 61.9): new incidents +21.4, decay −2.5, posture −7.5');
    expect(describeMover({ ...ATLASSIAN, causes: { methodology: 0, decay: 0, incidents: 0, posture: 0 }, delta: 0 })).toBe('Atlassian: 0 points (20.4 → 27.6)');
  });
});

describe('layoutMovers', () => {
  const g = layoutMovers([OKTA, ATLASSIAN, MICROSOFT], 640);

  it('gives one row per mover, in order, each a row lower', () => {
    expect(g.rows.map((r) => r.name)).toEqual(['Okta', 'Atlassian', 'Microsoft']);
    expect(g.rows[1]!.y - g.rows[0]!.y).toBe(24);
    expect(g.height).toBeGreaterThan(g.rows.at(-1)!.y + 24 - 1);
    expect(g.rows.map((r) => r.deltaText)).toEqual(['+11.4', '+7.2', '−1.4']);
  });

  it('stacks rises right of zero and falls left, in the causes order, leaving out causes that did not move', () => {
    const okta = g.rows[0]!;
    expect(okta.segments.map((s) => s.cause)).toEqual(['incidents', 'decay', 'posture']);
    const [inc, decay, posture] = okta.segments;
    expect(inc!.x).toBeCloseTo(g.zeroX, 6);
    expect(decay!.x + decay!.width).toBeCloseTo(g.zeroX, 6);
    expect(posture!.x + posture!.width).toBeCloseTo(decay!.x, 6);
    expect(okta.netX).toBeGreaterThan(g.zeroX);
    expect(okta.netX).toBeLessThan(inc!.x + inc!.width);
    expect(g.rows[2]!.segments.map((s) => s.cause)).toEqual(['decay']);
    expect(g.rows[2]!.netX).toBeLessThan(g.zeroX);
  });

  it('keeps the plot clear of the names and of the change column', () => {
    expect(g.plot.x0).toBeGreaterThan(g.nameX);
    expect(g.plot.x1).toBeLessThan(g.deltaX - 40);
    expect(g.xTicks.map((t) => t.label)).toContain('0');
    expect(g.xTicks.find((t) => t.label === '0')!.x).toBeCloseTo(g.zeroX, 6);
  });

  it('has a legend of the four causes, each a colour of its own', () => {
    expect(g.legend.map((l) => l.cause)).toEqual([...CAUSES]);
    expect(new Set(g.legend.map((l) => l.fill)).size).toBe(4);
  });

  it('draws nothing for no movers, without failing', () => {
    const empty = layoutMovers([], 640);
    expect(empty.rows).toEqual([]);
    expect(Number.isFinite(empty.zeroX)).toBe(true);
  });
});

describe('the causes palette', () => {
  it('stands out at 3:1 or more on the light and the dark surface', () => {
    for (const c of CAUSES) {
      expect(contrast(CAUSE_COLOUR[c], '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(CAUSE_COLOUR[c], '#1a1f27')).toBeGreaterThanOrEqual(3);
    }
  });
});

/** Causes as the server gives them: tenths, which add up to the change (server/scoring/attribution.ts roundCauses). */
const tenth = fc.integer({ min: -400, max: 400 }).map((n) => n / 10);
const mover = fc.record({ methodology: tenth, decay: tenth, incidents: tenth, posture: tenth }).map((causes): MoverInput => ({
  vendorId: 1,
  name: 'Vendor',
  from: 50,
  to: 50,
  delta: Math.round(CAUSES.reduce((a, c) => a + causes[c] * 10, 0)) / 10,
  causes,
}));

describe('layoutMovers, for any causes', () => {
  it('stacks each bar so that its rises less its falls come to the change itself', () => {
    fc.assert(
      fc.property(fc.array(mover, { minLength: 1, maxLength: 20 }), fc.integer({ min: 320, max: 1200 }), (movers, width) => {
        const g = layoutMovers(movers, width);
        g.rows.forEach((r) => {
          const up = r.segments.filter((s) => s.value > 0).reduce((a, s) => a + s.width, 0);
          const down = r.segments.filter((s) => s.value < 0).reduce((a, s) => a + s.width, 0);
          expect(up - down).toBeCloseTo(r.netX - g.zeroX, 6);
        });
      }),
    );
  });

  it('keeps every segment inside the plot, side by side from zero, with a width in proportion to its cause', () => {
    fc.assert(
      fc.property(fc.array(mover, { minLength: 1, maxLength: 20 }), (movers) => {
        const g = layoutMovers(movers, 640);
        g.rows.forEach((r, i) => {
          let right = g.zeroX;
          let left = g.zeroX;
          for (const s of r.segments) {
            expect(s.x).toBeGreaterThanOrEqual(g.plot.x0 - 1e-6);
            expect(s.x + s.width).toBeLessThanOrEqual(g.plot.x1 + 1e-6);
            if (s.value > 0) {
              expect(s.x).toBeCloseTo(right, 6);
              right = s.x + s.width;
            } else {
              expect(s.x + s.width).toBeCloseTo(left, 6);
              left = s.x;
            }
            expect(s.fill).toBe(CAUSE_COLOUR[s.cause]);
          }
          const perPoint = r.segments.map((s) => s.width / Math.abs(s.value));
          for (const p of perPoint) expect(p).toBeCloseTo(perPoint[0]!, 6);
          expect(r.segments.map((s) => s.cause)).toEqual(CAUSES.filter((c) => movers[i]!.causes[c] !== 0));
        });
      }),
    );
  });
});
