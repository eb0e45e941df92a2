import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import type { Heatmap, HeatmapRow } from '../../../server/services/scoring-service.ts';
import { contrast, hatchPath, inkOn, layoutHeatmap, layoutLegend, onDark, riskColor, UNKNOWN_FILL } from '../../../web/charts/heatmap.layout.ts';
import { ASSESSED } from '../../helpers/heatmap-row.ts';

const SIZE = { cellWidth: 90, cellHeight: 24 };
const FACTORS = [
  { id: 'incidents', label: 'Past incidents', weight: 0.35 },
  { id: 'support', label: 'Support chain', weight: 0.25 },
] satisfies Heatmap['factors'];

function row(over: Partial<HeatmapRow> = {}): HeatmapRow {
  return {
    vendorId: 1,
    name: 'Okta',
    category: 'identity provider',
    tier: 1,
    status: 'approved',
    likelihood: 50,
    impact: 90,
    risk: 45,
    band: 'high',
    confidence: 0.5,
    cell: { likelihood: 3, impact: 5 },
    cells: { incidents: 44.4, support: null },
    top: { incidents: { label: 'Support system breach', points: 30 }, support: null },
    findings: 2,
    ...ASSESSED,
    ...over,
  };
}

const lightness = (c: string) => {
  const { r, g, b } = rgb(c);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

describe('riskColor', () => {
  it('gives 0 and 100 different colours, and darker means riskier', () => {
    expect(riskColor(0)).not.toBe(riskColor(100));
    const steps = [0, 20, 40, 60, 80, 100].map((v) => lightness(riskColor(v)));
    expect(steps).toEqual([...steps].sort((a, b) => b - a));
  });

  it('returns CSS colours and clamps values outside 0–100', () => {
    expect(riskColor(50)).toMatch(/^(#[0-9a-f]{6}|rgb\(\d+, \d+, \d+\))$/);
    expect(riskColor(-10)).toBe(riskColor(0));
    expect(riskColor(150)).toBe(riskColor(100));
  });
});

describe('inkOn', () => {
  it('picks text that keeps WCAG AA contrast on every colour of the ramp', () => {
    for (let v = 0; v <= 100; v += 0.5) {
      const fill = riskColor(v);
      expect(contrast(fill, inkOn(fill)), `at ${v}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('layoutHeatmap', () => {
  it('lays out nothing for no data or no rows', () => {
    for (const data of [undefined, { factors: FACTORS, rows: [] }]) {
      const g = layoutHeatmap(data, SIZE);
      expect(g.rows).toEqual([]);
      expect(g.unknownCount).toBe(0);
    }
    expect(layoutHeatmap(undefined, SIZE).factors).toEqual([]);
  });

  it('makes one cell per factor, in factor order, with the weight as a percentage', () => {
    const g = layoutHeatmap({ factors: FACTORS, rows: [row()] }, SIZE);
    expect(g.factors.map((f) => [f.id, f.weightText])).toEqual([
      ['incidents', '35%'],
      ['support', '25%'],
    ]);
    expect(g.rows[0]!.cells.map((c) => c.factorId)).toEqual(['incidents', 'support']);
  });

  it('colours known cells from the scale and marks null cells as unknown', () => {
    const g = layoutHeatmap({ factors: FACTORS, rows: [row()] }, SIZE);
    const [known, unknown] = g.rows[0]!.cells as [(typeof g.rows)[0]['cells'][0], (typeof g.rows)[0]['cells'][0]];
    expect(known).toMatchObject({ unknown: false, value: 44.4, fill: riskColor(44.4), text: '44' });
    expect(known.label).toBe('Past incidents: 44.4 of 100 (weight 35%)');
    expect(unknown).toMatchObject({ unknown: true, value: null, fill: UNKNOWN_FILL, text: 'unknown' });
    expect(unknown.label).toContain('unknown');
    expect(g.unknownCount).toBe(1);
  });

  it('treats a factor missing from a row as unknown, and a 0 as a known score', () => {
    const g = layoutHeatmap({ factors: FACTORS, rows: [row({ cells: { incidents: 0 } })] }, SIZE);
    expect(g.rows[0]!.cells.map((c) => [c.unknown, c.text])).toEqual([
      [false, '0'],
      [true, 'unknown'],
    ]);
    expect(g.rows[0]!.cells[0]!.fill).toBe(riskColor(0));
    expect(g.rows[0]!.cells[0]!.fill).not.toBe(UNKNOWN_FILL);
  });

  it('passes the cell size through and hatches the whole cell', () => {
    const g = layoutHeatmap({ factors: FACTORS, rows: [row()] }, SIZE);
    expect(g.cell).toMatchObject({ width: 90, height: 24 });
    expect(g.cell.hatch).toBe(hatchPath(90, 24));
  });
});

describe('hatchPath', () => {
  it('draws parallel diagonals across the whole box', () => {
    const d = hatchPath(20, 10, 5);
    expect(d.startsWith('M-10,10L0,0')).toBe(true);
    expect(d.match(/M/g)).toHaveLength(6); // c = -10, -5, 0, 5, 10, 15
  });

  it('is empty for an empty box', () => {
    expect(hatchPath(0, 0)).toBe('');
  });
});

describe('layoutLegend', () => {
  it('ticks 0 to 100 in steps of 20, the ends anchored inside the bar', () => {
    const g = layoutLegend(200);
    expect(g.ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(g.ticks.map((t) => t.x)).toEqual([0, 40, 80, 120, 160, 200]);
    expect(g.ticks[0]!.anchor).toBe('start');
    expect(g.ticks.at(-1)!.anchor).toBe('end');
    expect(g.ticks[2]!.anchor).toBe('middle');
  });

  it('covers the bar with steps that touch, pale to dark', () => {
    const g = layoutLegend(200, 12, 40);
    expect(g.steps).toHaveLength(40);
    expect(g.steps[0]!.x).toBe(0);
    for (let i = 1; i < g.steps.length; i++) expect(g.steps[i]!.x).toBe(g.steps[i - 1]!.x + g.steps[i - 1]!.width);
    expect(g.steps.at(-1)!.x + g.steps.at(-1)!.width).toBe(200);
    expect(lightness(g.steps[0]!.fill)).toBeGreaterThan(lightness(g.steps.at(-1)!.fill));
  });

  it('has a hatched unknown swatch that no colour of the ramp equals', () => {
    const g = layoutLegend(200);
    expect(g.swatch.hatch).not.toBe('');
    expect(g.steps.map((s) => s.fill)).not.toContain(g.swatch.fill);
  });

  it('survives a zero width', () => {
    const g = layoutLegend(0);
    expect(g.steps.every((s) => s.width === 0)).toBe(true);
  });
});

describe('onDark', () => {
  it('gives lines on the dark canvas at least 3:1 contrast, more risk still meaning more contrast', () => {
    const DARK_SURFACE = '#1a1f27';
    const ramps = [40, 45, 55, 62, 70, 80, 85, 95, 100];
    for (const r of ramps) expect(contrast(onDark(r), DARK_SURFACE), `ramp ${r}`).toBeGreaterThanOrEqual(3);
    const c = ramps.map((r) => contrast(onDark(r), DARK_SURFACE));
    expect(c).toEqual([...c].sort((a, b) => a - b));
  });
});
