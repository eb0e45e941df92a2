/**
 * The calibration chart, PURE: forecast probability (score ÷ 100, in tenths) against the incident
 * rate observed, one mark per tenth with its Wilson interval as a whisker, and the diagonal a
 * perfectly calibrated forecast would follow. Marks above the diagonal: more incidents than the
 * score said; below: fewer. Series differ by shape (circle, square) and by colour.
 */
import { scaleLinear, scaleSqrt } from 'd3-scale';
import type { CalibrationBin } from '../../server/domain/backtest.ts';

export interface CalibrationSeries {
  readonly id: string;
  readonly label: string;
  readonly bins: readonly CalibrationBin[];
}

export interface CalibrationMark {
  readonly bin: CalibrationBin;
  readonly x: number;
  readonly y: number;
  readonly yLow: number;
  readonly yHigh: number;
  /** Size by the number of vendor-quarters behind the mark. */
  readonly r: number;
}

export interface CalibrationLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /** Both axes run from 0 to this probability (a tenth above the largest forecast or interval). */
  readonly max: number;
  readonly ticks: ReadonlyArray<{ readonly value: number; readonly x: number; readonly y: number; readonly label: string }>;
  readonly diagonal: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
  readonly series: ReadonlyArray<{
    readonly id: string;
    readonly label: string;
    readonly shape: 'circle' | 'square';
    readonly marks: readonly CalibrationMark[];
  }>;
}

const SHAPES = ['circle', 'square'] as const;

/** The axes' extent: the next tenth above every forecast and every interval's top, at least 0.2, at most 1. */
export function calibrationMax(series: readonly CalibrationSeries[]): number {
  const top = Math.max(0, ...series.flatMap((s) => s.bins.flatMap((b) => [b.meanPredicted ?? 0, b.high ?? 0, b.rate ?? 0])));
  return Math.min(1, Math.max(0.2, Math.ceil(top * 10 + 1e-9) / 10));
}

export function layoutCalibration(series: readonly CalibrationSeries[], width: number, height: number): CalibrationLayout {
  const margin = { top: 16, right: 16, bottom: 44, left: 52 };
  const max = calibrationMax(series);
  const x = scaleLinear([0, max], [margin.left, Math.max(margin.left + 1, width - margin.right)]);
  const y = scaleLinear([0, max], [Math.max(margin.top + 1, height - margin.bottom), margin.top]);
  const most = Math.max(1, ...series.flatMap((s) => s.bins.map((b) => b.observations)));
  const r = scaleSqrt([0, most], [3, 9]);
  const step = max <= 0.4 ? 0.05 : 0.1;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => {
    const value = Math.round(i * step * 100) / 100;
    return { value, x: x(value), y: y(value), label: `${Math.round(value * 100)}%` };
  });
  // Two series side by side at the same tenth: nudged apart so neither hides the other's whisker.
  const nudge = (k: number) => (series.length > 1 ? (k - (series.length - 1) / 2) * 7 : 0);
  return {
    width,
    height,
    margin,
    max,
    ticks,
    diagonal: { x1: x(0), y1: y(0), x2: x(max), y2: y(max) },
    series: series.map((s, k) => ({
      id: s.id,
      label: s.label,
      shape: SHAPES[k % SHAPES.length]!,
      marks: s.bins
        .filter((b) => b.rate !== null && b.meanPredicted !== null)
        .map((b) => ({
          bin: b,
          x: x(b.meanPredicted!) + nudge(k),
          y: y(b.rate!),
          yLow: y(b.low ?? b.rate!),
          yHigh: y(b.high ?? b.rate!),
          r: r(b.observations),
        })),
    })),
  };
}
