import { describe, expect, it } from 'vitest';
import type { CalibrationBin } from '../../../server/domain/backtest.ts';
import { calibrationMax, layoutCalibration } from '../../../web/charts/calibration.layout.ts';

const bin = (b: number, observations: number, events: number, meanPredicted: number, low: number, high: number): CalibrationBin => ({
  id: String(b),
  label: `${b * 10}–${b * 10 + 10} %`,
  from: b / 10,
  to: (b + 1) / 10,
  observations,
  events,
  rate: events / observations,
  low,
  high,
  meanPredicted,
});

const likelihood = [bin(1, 5, 3, 0.123, 0.23, 0.88), bin(2, 814, 117, 0.25, 0.12, 0.17)];
const risk = [bin(0, 232, 31, 0.055, 0.1, 0.18)];

describe('the calibration layout', () => {
  it('runs both axes to the tenth above every forecast and interval, at least a fifth', () => {
    expect(calibrationMax([{ id: 'l', label: 'l', bins: likelihood }])).toBe(0.9);
    expect(calibrationMax([{ id: 'r', label: 'r', bins: risk }])).toBe(0.2);
    expect(calibrationMax([])).toBe(0.2);
  });

  it('places each mark at (mean forecast, observed rate) with its interval, sized by its vendor-quarters, the diagonal corner to corner', () => {
    const g = layoutCalibration([{ id: 'likelihood', label: 'likelihood', bins: likelihood }], 500, 320);
    const [small, big] = g.series[0]!.marks;
    const x = (v: number) => g.margin.left + (v / g.max) * (500 - g.margin.left - g.margin.right);
    const y = (v: number) => 320 - g.margin.bottom - (v / g.max) * (320 - g.margin.top - g.margin.bottom);
    expect(small!.x).toBeCloseTo(x(0.123), 6);
    expect(small!.y).toBeCloseTo(y(0.6), 6);
    expect([small!.yLow, small!.yHigh].map((v) => Number(v.toFixed(6)))).toEqual([y(0.23), y(0.88)].map((v) => Number(v.toFixed(6))));
    expect(big!.r).toBeGreaterThan(small!.r);
    expect(g.diagonal).toEqual({ x1: x(0), y1: y(0), x2: x(0.9), y2: y(0.9) });
    expect(g.ticks.at(-1)!.label).toBe('90%');
  });

  it('tells two series apart by shape and nudges them apart at the same tenth', () => {
    const g = layoutCalibration(
      [
        { id: 'likelihood', label: 'likelihood', bins: [bin(0, 10, 1, 0.05, 0, 0.4)] },
        { id: 'risk', label: 'risk', bins: [bin(0, 10, 1, 0.05, 0, 0.4)] },
      ],
      500,
      320,
    );
    expect(g.series.map((s) => s.shape)).toEqual(['circle', 'square']);
    expect(g.series[1]!.marks[0]!.x - g.series[0]!.marks[0]!.x).toBe(7);
  });
});
