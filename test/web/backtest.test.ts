import { describe, expect, it } from 'vitest';
import { estimateText, figureText, intervalText, otherDecays, policyLabel, rateText } from '../../web/backtest.ts';

describe('the backtest in words', () => {
  it('writes each figure as the page shows it, with a minus sign and no sign on a zero', () => {
    expect(figureText('meanPercentile', 41.07)).toBe('41.1');
    expect(figureText('topQuartileShare', 0.1358)).toBe('14%');
    expect(figureText('auc', 0.384)).toBe('0.38');
    expect(figureText('brierSkill', -0.3282)).toBe('−0.33');
    expect(figureText('brierSkill', -0.001)).toBe('0.00');
    expect(figureText('auc', null)).toBe('n/a');
  });

  it('gives an estimate with its interval, or alone when there is none', () => {
    expect(estimateText('auc', { value: 0.384, low: 0.2964, high: 0.4864 })).toBe('0.38 (0.30 to 0.49)');
    expect(intervalText('brierSkill', { value: -0.1, low: -0.18, high: 0.03 })).toBe('−0.18 to 0.03');
    expect(estimateText('auc', { value: 0.5, low: null, high: null })).toBe('0.50');
    expect(estimateText('auc', { value: null, low: null, high: null })).toBe('n/a');
  });

  it('writes a rate with its interval and counts, and an empty row as none', () => {
    expect(rateText({ id: 'low', label: 'low', observations: 490, events: 81, rate: 0.1653, low: 0.135, high: 0.2008 })).toBe('17% (14–20%), 81 of 490');
    expect(rateText({ id: 'row-5', label: 'row 5', observations: 0, events: 0, rate: null, low: null, high: null })).toBe('none');
  });

  it('names a run by version and decay, a draft as such', () => {
    expect(policyLabel({ methodologyVersion: '1.0.0', decay: 'long-memory', draft: false })).toBe('1.0.0 · long-memory');
    expect(policyLabel({ methodologyVersion: 'draft', decay: 'quick', draft: true })).toBe('draft · quick (draft)');
  });

  it('asks for each named decay policy once, the version’s own first', () => {
    expect(otherDecays('long-memory', ['long-memory', 'short-penalty', 'peer-half-life'])).toEqual(['short-penalty', 'peer-half-life']);
    expect(otherDecays('custom', ['long-memory', 'short-penalty'])).toEqual(['long-memory', 'short-penalty']);
  });
});
