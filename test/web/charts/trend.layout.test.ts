import { describe, expect, it } from 'vitest';
import type { Trends } from '../../../web/api/client.ts';
import { deltaOf, layoutTrends, parseTrendView, sortTrendRows, trendQuery, type TrendRow } from '../../../web/charts/trend.layout.ts';
import { riskColor } from '../../../web/charts/heatmap.layout.ts';
import { urlWith } from '../../../web/urls.ts';

const row = (vendorId: number, name: string, risks: number[], mover = false): TrendRow => ({
  vendorId,
  name,
  tier: 1,
  risks,
  bands: risks.map((r) => (r >= 50 ? 'critical' : r >= 30 ? 'high' : r >= 15 ? 'moderate' : 'low')),
  delta: Math.round((risks.at(-1)! - risks[0]!) * 10) / 10,
  mover,
});

const DATA: Trends = {
  quarters: ['2026-Q2', '2026-Q3', '2026-Q4'],
  asOf: ['2026-06-30', '2026-09-30', '2026-11-29'],
  rows: [
    row(1, 'Microsoft', [67.7, 63.8, 59.8], true),
    row(2, 'Salesloft', [11, 21.1, 18.7], true),
    row(3, 'GitHub', [21, 21, 21]),
    row(4, 'atlassian', [25.8, 24.9, 24]),
  ],
};
const names = (rows: readonly TrendRow[]) => rows.map((r) => r.name);

describe('parseTrendView and trendQuery', () => {
  it('reads the range, the movers toggle and the sort, and writes them back', () => {
    const v = parseTrendView(new URLSearchParams('from=2025-Q1&to=2026-Q4&movers=1&sort=delta'));
    expect(v).toEqual({ from: '2025-Q1', to: '2026-Q4', movers: true, sort: 'delta' });
    expect(urlWith('/trends', trendQuery(v))).toBe('/trends?from=2025-Q1&to=2026-Q4&movers=1&sort=delta');
  });

  it('leaves defaults and nonsense out', () => {
    const v = parseTrendView(new URLSearchParams('from=2025Q1&to=soon&movers=yes&sort=colour'));
    expect(v).toEqual({ from: '', to: '', movers: false, sort: 'risk' });
    expect(urlWith('/trends', trendQuery(v))).toBe('/trends');
  });
});

describe('sortTrendRows', () => {
  it('sorts by current risk, by the size of the change either way, or by name', () => {
    expect(names(sortTrendRows(DATA.rows, 'risk'))).toEqual(['Microsoft', 'atlassian', 'GitHub', 'Salesloft']);
    // Microsoft −7.9 outranks Salesloft +7.7: the change is sized, not signed.
    expect(names(sortTrendRows(DATA.rows, 'delta'))).toEqual(['Microsoft', 'Salesloft', 'atlassian', 'GitHub']);
    expect(names(sortTrendRows(DATA.rows, 'name'))).toEqual(['atlassian', 'GitHub', 'Microsoft', 'Salesloft']);
  });

  it('copies, and does not reorder the input', () => {
    const before = names(DATA.rows);
    sortTrendRows(DATA.rows, 'name');
    expect(names(DATA.rows)).toEqual(before);
  });
});

describe('deltaOf', () => {
  it('says the direction as an arrow and in words, not by colour', () => {
    expect(deltaOf(7.7)).toEqual({ direction: 'up', arrow: '▲', text: '+7.7', words: 'up 7.7 points (riskier)' });
    expect(deltaOf(-7.9)).toEqual({ direction: 'down', arrow: '▼', text: '−7.9', words: 'down 7.9 points (less risky)' });
    expect(deltaOf(0)).toMatchObject({ direction: 'flat', text: '0.0', words: 'no change' });
    expect(deltaOf(-0.04).direction).toBe('flat');
  });
});

describe('layoutTrends', () => {
  it('marks the current quarter live and closed ones frozen', () => {
    const g = layoutTrends(DATA, { movers: false, sort: 'risk' }, '2026-Q4');
    expect(g.quarters.map((q) => [q.text, q.state])).toEqual([
      ['2026 Q2', 'frozen'],
      ['2026 Q3', 'frozen'],
      ['2026 Q4', 'live'],
    ]);
  });

  it('colours every cell on the portfolio ramp, with the number on it', () => {
    const g = layoutTrends(DATA, { movers: false, sort: 'risk' }, '2026-Q4');
    const ms = g.rows[0]!;
    expect(ms.row.name).toBe('Microsoft');
    expect(ms.cells.map((c) => c.text)).toEqual(['67.7', '63.8', '59.8']);
    expect(ms.cells[0]).toMatchObject({ fill: riskColor(67.7), band: 'critical' });
    expect(ms.delta.arrow).toBe('▼');
  });

  it('shows movers only on request, and counts vendors and movers either way', () => {
    const all = layoutTrends(DATA, { movers: false, sort: 'risk' }, '2026-Q4');
    const movers = layoutTrends(DATA, { movers: true, sort: 'delta' }, '2026-Q4');
    expect(all.rows).toHaveLength(4);
    expect(movers.rows.map((r) => r.row.name)).toEqual(['Microsoft', 'Salesloft']);
    expect([all.total, all.movers, movers.total, movers.movers]).toEqual([4, 2, 4, 2]);
  });

  it('lays out nothing without data', () => {
    expect(layoutTrends(undefined, { movers: false, sort: 'risk' }, '2026-Q4')).toEqual({ quarters: [], rows: [], total: 0, movers: 0 });
  });
});

describe('a quarter the vendor was not assessed', () => {
  it('is grey, never a point on the ramp, with the residual risk in words', () => {
    const r = { ...row(5, 'Discord', [23.1, 3.5]), bands: ['not-assessed', 'low'] as TrendRow['bands'] };
    const g = layoutTrends(
      { ...DATA, quarters: ['2026-Q3', '2026-Q4'], asOf: ['2026-09-30', '2026-11-29'], rows: [r] },
      { movers: false, sort: 'risk' },
      '2026-Q4',
    );
    const [was, now] = g.rows[0]!.cells;
    expect(was).toMatchObject({ notAssessed: true, band: 'not-assessed', text: '23.1', fill: '#f3f4f6' });
    expect(now).toMatchObject({ notAssessed: false, fill: riskColor(3.5) });
  });
});
