import { describe, expect, it } from 'vitest';
import { describeDecay, layoutDecayPlot, policyWeight, REFERENCE_GAP, SPAN_DAYS, weightAt } from '../../../web/charts/decay.layout.ts';

// Sampled as the server samples them: every 30 days for six years.
const sample = (w: (days: number) => number) => Array.from({ length: 74 }, (_, i) => ({ days: i * 30, weight: Math.round(w(i * 30) * 10_000) / 10_000 }));
const POLICIES = [
  { name: 'long-memory', kind: 'half-life', halfLifeDays: 1095, cutoffDays: null, inForce: true, curve: sample((d) => 0.5 ** (d / 1095)) },
  { name: 'short-penalty', kind: 'linear', days: 30, inForce: false, curve: sample((d) => Math.max(0, 1 - d / 30)) },
  { name: 'peer-half-life', kind: 'half-life', halfLifeDays: 120, cutoffDays: 730, inForce: false, curve: sample((d) => (d >= 730 ? 0 : 0.5 ** (d / 120))) },
] as const;

describe('weightAt', () => {
  it('reads a sample, or the straight line between two', () => {
    const c = POLICIES[0].curve;
    expect(weightAt(c, 0)).toBe(1);
    expect(weightAt(c, 1095)).toBeCloseTo(0.5, 2);
    expect(weightAt(c, 15)).toBeCloseTo((1 + c[1]!.weight) / 2, 6);
    expect(weightAt(c, 99_999)).toBe(c.at(-1)!.weight);
    expect(weightAt([], 10)).toBe(0);
  });

  it('keeps about 69% under long-memory at the Okta gap, about 4% under peer-half-life, nothing under short-penalty', () => {
    expect(REFERENCE_GAP.days).toBe(577);
    expect(weightAt(POLICIES[0].curve, 577)).toBeCloseTo(0.5 ** (577 / 1095), 2);
    expect(weightAt(POLICIES[2].curve, 577)).toBeCloseTo(0.036, 3);
    expect(weightAt(POLICIES[1].curve, 577)).toBe(0);
  });
});

describe('policyWeight', () => {
  it('reads the documented kinds from their parameters, so a cut-off between samples is exact', () => {
    const [lm, sp, peer] = POLICIES;
    expect(policyWeight(lm, 1095)).toBe(0.5);
    expect(policyWeight(sp, 15)).toBe(0.5);
    expect(policyWeight(sp, 45)).toBe(0);
    expect(policyWeight(peer, 729)).toBeGreaterThan(0);
    expect(policyWeight(peer, 730)).toBe(0);
    // The samples alone would say 1% is left at two years.
    expect(Math.round(weightAt(peer.curve, 730) * 100)).toBe(1);
  });

  it('falls back to the samples for a kind it does not know', () => {
    const custom = {
      kind: 'step',
      curve: [
        { days: 0, weight: 1 },
        { days: 30, weight: 0.5 },
      ],
    } as unknown as Parameters<typeof policyWeight>[0];
    expect(policyWeight(custom, 15)).toBe(0.75);
  });
});

describe('layoutDecayPlot', () => {
  const g = layoutDecayPlot(POLICIES, 720, 320);
  const { left, right, top, bottom } = g.margin;

  it('maps six years across the width and full weight to the top', () => {
    expect(g.xTicks.map((t) => t.label)).toEqual(['disclosed', '1 yr', '2 yr', '3 yr', '4 yr', '5 yr', '6 yr']);
    expect(g.xTicks[0]!.x).toBe(left);
    expect(g.xTicks.at(-1)!.x).toBe(720 - right);
    expect(g.yTicks.map((t) => t.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(g.yTicks[0]!.y).toBe(320 - bottom);
    expect(g.yTicks.at(-1)!.y).toBe(top);
  });

  it('draws one path per policy from full weight at disclosure to the six-year mark', () => {
    expect(g.lines.map((l) => l.name)).toEqual(['long-memory', 'short-penalty', 'peer-half-life']);
    for (const l of g.lines) {
      expect(l.path.startsWith(`M${left},${top}`)).toBe(true);
      const end = l.path.split('L').at(-1)!.split(',').map(Number);
      expect(end[0]).toBeCloseTo(720 - right, 6);
      expect(l.path.split('L').length).toBeGreaterThanOrEqual(SPAN_DAYS / 30 + 1);
    }
    // Peer-half-life drops straight down at its 730-day cut-off: two points at the same x.
    const xs = g.lines[2]!.path.slice(1)
      .split('L')
      .map((p) => Number(p.split(',')[0]));
    const atCut = left + ((720 - left - right) * 730) / SPAN_DAYS;
    expect(xs.filter((x) => Math.abs(x - atCut) < 0.01).length).toBe(2);
    // Short-penalty is at zero (the bottom) from 30 days on.
    const points = g.lines[1]!.path.slice(1)
      .split('L')
      .map((p) => p.split(',').map(Number) as [number, number]);
    const day30 = left + ((720 - left - right) * 30) / SPAN_DAYS;
    expect(points.filter(([x]) => x >= day30 - 1e-9).every(([, y]) => y === 320 - bottom)).toBe(true);
    expect(points.filter(([x]) => x < day30 - 0.01).every(([, y]) => y < 320 - bottom)).toBe(true);
  });

  it('tells the lines apart by dash pattern, and emphasizes the policy in force', () => {
    expect(new Set(g.lines.map((l) => l.dash)).size).toBe(3);
    expect(g.lines.filter((l) => l.width === Math.max(...g.lines.map((x) => x.width))).map((l) => l.name)).toEqual(['long-memory']);
    expect(g.lines[0]!.label.text).toBe('long-memory (in force)');
    expect(g.lines[1]!.label.text).toBe('short-penalty');
  });

  it('labels each line directly, clear of the other lines and of each other', () => {
    // Long-memory's label sits where it crosses half weight (three years in).
    const lm = g.lines[0]!.label;
    expect(lm.x).toBeCloseTo(left + ((720 - left - right) * 1095) / SPAN_DAYS + 8, 0);
    const box = (l: (typeof g.lines)[number]) => ({ x0: l.label.x, x1: l.label.x + l.label.text.length * 6.6, y0: l.label.y - 11, y1: l.label.y + 3 });
    const points = (path: string) =>
      path
        .slice(1)
        .split('L')
        .map((p) => p.split(',').map(Number) as [number, number]);
    const through = (b: ReturnType<typeof box>, pts: Array<[number, number]>) =>
      pts.some(([x0, y0], i) => {
        const [x1, y1] = pts[i + 1] ?? [x0, y0];
        return Array.from({ length: 200 }, (_, k) => [x0 + ((x1 - x0) * k) / 199, y0 + ((y1 - y0) * k) / 199]).some(
          ([x, y]) => x! >= b.x0 && x! <= b.x1 && y! >= b.y0 && y! <= b.y1,
        );
      });
    for (const [i, l] of g.lines.entries()) {
      for (const [j, o] of g.lines.entries()) {
        if (i === j) continue;
        expect(through(box(l), points(o.path)), `${l.name}'s label on ${o.name}'s line`).toBe(false);
        const [a, b] = [box(l), box(o)];
        expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0).toBe(true);
      }
      expect(
        through(box(l), [
          [g.gap.x, 0],
          [g.gap.x, 320],
        ]),
      ).toBe(false);
    }
  });

  it('marks the 577-day Okta gap and where each line stands there', () => {
    expect(g.gap.label).toBe('577 days: Okta 2022 → 2023');
    expect(g.gap.anchor).toBe('start');
    expect(layoutDecayPlot(POLICIES, 250, 320).gap.anchor).toBe('end');
    expect(g.gap.x).toBeCloseTo(left + ((720 - left - right) * 577) / SPAN_DAYS, 6);
    expect(g.lines.map((l) => Math.round(l.atGap.weight * 100))).toEqual([69, 0, 4]);
    for (const l of g.lines) expect(l.atGap.x).toBe(g.gap.x);
    expect(g.lines[1]!.atGap.y).toBe(320 - bottom);
    // 0% and 4% sit a few pixels apart: their figures are stacked a line apart, the lowest just above its dot.
    const ys = g.lines.map((l) => l.atGap.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(13);
    expect(g.lines[1]!.atGap.labelY).toBe(320 - bottom - 6);
  });
});

describe('describeDecay', () => {
  it('says what each kind of policy does', () => {
    expect(describeDecay({ kind: 'half-life', halfLifeDays: 1095, cutoffDays: null })).toBe('halves every 1095 days, never forgotten entirely');
    expect(describeDecay({ kind: 'half-life', halfLifeDays: 120, cutoffDays: 730 })).toBe('halves every 120 days, and counts for nothing from 730 days on');
    expect(describeDecay({ kind: 'linear', days: 30 })).toBe('falls in a straight line to nothing over 30 days');
  });
});
