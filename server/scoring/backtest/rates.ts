/**
 * Observed incident rates: per group of a predictor (band, matrix row, baseline bucket) and per
 * tenth of a forecast probability (the calibration chart), each with a Wilson 95 % interval.
 * Rows share vendors across quarters, so the intervals, which count vendor-quarters as
 * independent, are if anything too narrow; the bootstrap intervals of the figures are not.
 */
import type { CalibrationBin, RateRow } from '../../domain/backtest.ts';
import type { Predictor } from './predictors.ts';
import { wilson } from './stats.ts';

const r4 = (x: number) => Number(x.toFixed(4));

function rateRow(id: string, label: string, observations: number, events: number): RateRow {
  const interval = wilson(events, observations);
  return {
    id,
    label,
    observations,
    events,
    rate: observations > 0 ? r4(events / observations) : null,
    low: interval ? r4(interval.low) : null,
    high: interval ? r4(interval.high) : null,
  };
}

export function groupRates(p: Predictor, outcome: Uint8Array): RateRow[] {
  const observations = new Array<number>(p.groups.length).fill(0);
  const events = new Array<number>(p.groups.length).fill(0);
  p.group.forEach((g, x) => {
    observations[g]! += 1;
    events[g]! += outcome[x]!;
  });
  return p.groups.map((g, k) => rateRow(g.id, g.label, observations[k]!, events[k]!));
}

export const CALIBRATION_BINS = 10;

/** Forecasts in tenths ([0, 0.1), [0.1, 0.2) … [0.9, 1]), with the mean forecast and the observed rate of each; empty tenths left out. */
export function calibrationBins(probability: Float64Array, outcome: Uint8Array): CalibrationBin[] {
  const observations = new Array<number>(CALIBRATION_BINS).fill(0);
  const events = new Array<number>(CALIBRATION_BINS).fill(0);
  const sums = new Array<number>(CALIBRATION_BINS).fill(0);
  probability.forEach((p, x) => {
    const b = Math.min(CALIBRATION_BINS - 1, Math.floor(p * CALIBRATION_BINS));
    observations[b]! += 1;
    events[b]! += outcome[x]!;
    sums[b]! += p;
  });
  return observations.flatMap((count, b) => {
    if (count === 0) return [];
    const from = b / CALIBRATION_BINS;
    const to = (b + 1) / CALIBRATION_BINS;
    const label = `${Math.round(from * 100)}–${Math.round(to * 100)} %`;
    return [{ ...rateRow(`${b}`, label, count, events[b]!), from, to, meanPredicted: r4(sums[b]! / count) }];
  });
}
