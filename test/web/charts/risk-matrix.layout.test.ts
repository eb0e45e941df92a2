import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeatmapRow } from '../../../server/services/scoring-service.ts';
import { bandCounts, cellKey, cellLevel, layoutRiskMatrix, levelRange, parseCell, worstBand } from '../../../web/charts/risk-matrix.layout.ts';
import { BAND_TINT } from '../../../web/charts/heatmap.bands.ts';
import { contrast } from '../../../web/charts/heatmap.layout.ts';
import { ASSESSED } from '../../helpers/heatmap-row.ts';

const BAND_OF = (risk: number) => (risk >= 50 ? 'critical' : risk >= 30 ? 'high' : risk >= 15 ? 'moderate' : 'low');

const row = (vendorId: number, name: string, likelihood: number, impact: number, risk: number): HeatmapRow => ({
  vendorId,
  name,
  category: 'x',
  tier: 1,
  status: 'approved',
  likelihood: likelihood * 20 - 10,
  impact: impact * 20 - 10,
  risk,
  band: BAND_OF(risk),
  confidence: 0.5,
  cell: { likelihood, impact },
  cells: {},
  top: {},
  findings: 0,
  ...ASSESSED,
});

const ROWS = [
  row(1, 'Microsoft', 4, 5, 59.8),
  row(2, 'Okta', 3, 5, 48.1),
  row(3, 'Zendesk', 2, 3, 14.8),
  row(4, 'Slack', 2, 3, 14.3),
  row(5, 'Atlassian', 2, 3, 24),
];

describe('cell keys', () => {
  it('reads "likelihood-impact" and nothing else', () => {
    expect(parseCell('4-5')).toEqual({ likelihood: 4, impact: 5 });
    expect(cellKey({ likelihood: 4, impact: 5 })).toBe('4-5');
    for (const bad of ['0-3', '6-1', '4', '4-5-1', 'a-b', '', null, undefined]) expect(parseCell(bad)).toBeNull();
  });

  it('names the values a level stands for', () => {
    expect(levelRange(1)).toBe('0–20');
    expect(levelRange(5)).toBe('80–100');
  });
});

describe('worstBand and bandCounts', () => {
  it('takes the highest band, and counts worst first', () => {
    expect(worstBand([])).toBeNull();
    expect(worstBand(['low', 'high', 'moderate'])).toBe('high');
    expect(worstBand(['critical', 'low'])).toBe('critical');
    expect(bandCounts([{ band: 'low' }, { band: 'high' }, { band: 'low' }])).toBe('1 High, 2 Low');
  });
});

describe('cellLevel', () => {
  it('is the band in the middle of the cell', () => {
    // Middle of likelihood 5 × impact 5: 90 × 90 / 100 = 81; of 3 × 3: 50 × 50 / 100 = 25; of 1 × 5: 10 × 90 / 100 = 9.
    expect(cellLevel({ likelihood: 5, impact: 5 })).toBe('critical');
    expect(cellLevel({ likelihood: 3, impact: 5 })).toBe('high');
    expect(cellLevel({ likelihood: 3, impact: 3 })).toBe('moderate');
    expect(cellLevel({ likelihood: 1, impact: 5 })).toBe('low');
  });

  it('rises with either axis', () => {
    const rank = { low: 0, moderate: 1, high: 2, critical: 3 };
    for (let l = 1; l <= 5; l++)
      for (let i = 1; i < 5; i++) {
        expect(rank[cellLevel({ likelihood: l, impact: i + 1 })]).toBeGreaterThanOrEqual(rank[cellLevel({ likelihood: l, impact: i })]);
        expect(rank[cellLevel({ likelihood: i + 1, impact: l })]).toBeGreaterThanOrEqual(rank[cellLevel({ likelihood: i, impact: l })]);
      }
  });
});

describe('layoutRiskMatrix', () => {
  const g = layoutRiskMatrix(ROWS);
  const at = (l: number, i: number) => g.rows.flat().find((c) => c.likelihood === l && c.impact === i)!;

  it('has five rows of five cells, likelihood 5 on top, impact 1 on the left', () => {
    expect(g.rows).toHaveLength(5);
    expect(g.rows.map((r) => r.length)).toEqual([5, 5, 5, 5, 5]);
    expect(g.rows[0]!.map((c) => c.key)).toEqual(['5-1', '5-2', '5-3', '5-4', '5-5']);
    expect(g.rows[4]![0]!.key).toBe('1-1');
    expect(at(5, 1).y).toBeLessThan(at(1, 1).y);
    expect(at(1, 1).x).toBeLessThan(at(1, 5).x);
    expect(at(3, 4)).toMatchObject({ row: 2, col: 3 });
  });

  it('lays cells out as equal squares that do not overlap, inside the chart', () => {
    const cells = g.rows.flat();
    expect(new Set(cells.map((c) => c.size)).size).toBe(1);
    expect(at(1, 2).x).toBeGreaterThan(at(1, 1).x + at(1, 1).size);
    expect(at(1, 1).y).toBeGreaterThan(at(2, 1).y + at(2, 1).size);
    for (const c of cells) {
      expect(c.x).toBeGreaterThanOrEqual(g.plot.x);
      expect(c.x + c.size).toBeLessThanOrEqual(g.width);
      expect(c.y + c.size).toBeLessThanOrEqual(g.height);
    }
  });

  it('counts each vendor once, in its cell, riskiest first', () => {
    expect(g.rows.flat().reduce((n, c) => n + c.vendors.length, 0)).toBe(ROWS.length);
    expect(g.total).toBe(5);
    expect(at(2, 3).vendors.map((v) => v.name)).toEqual(['Atlassian', 'Zendesk', 'Slack']);
    expect(at(4, 5).vendors.map((v) => v.name)).toEqual(['Microsoft']);
    expect(at(5, 5).vendors).toEqual([]);
  });

  it("tints an occupied cell with the worst band among its vendors, fades empty ones by their middle's band, and keeps the ink readable", () => {
    expect(at(4, 5)).toMatchObject({ level: 'critical', occupied: true, fill: BAND_TINT.critical });
    // Zendesk and Slack are Low, Atlassian Moderate: the middle of 2 × 3 (30 × 50 / 100 = 15) is Moderate too.
    expect(at(2, 3)).toMatchObject({ level: 'moderate', occupied: true, fill: BAND_TINT.moderate });
    expect(at(5, 5)).toMatchObject({ level: 'critical', occupied: false });
    expect(at(5, 5).fill).not.toBe(BAND_TINT.critical);
    for (const c of g.rows.flat()) expect(contrast(c.fill, c.ink), c.key).toBeGreaterThanOrEqual(4.5);
  });

  it('never labels a cell below the band of a vendor in it (a High vendor in a cell whose middle is Moderate)', () => {
    // Likelihood 3 × impact 4: the middle is 50 × 70 / 100 = 35 (High); a corner vendor at 59 × 79 is Critical, at 41 × 61 Moderate.
    const g = layoutRiskMatrix([row(1, 'Corner', 3, 4, 52), row(2, 'Low corner', 3, 4, 25)]);
    const c = g.rows.flat().find((x) => x.key === '3-4')!;
    expect(cellLevel({ likelihood: 3, impact: 4 })).toBe('high');
    expect(c.level).toBe('critical');
    expect(c.markers.map((m) => [m.name, m.band, m.fill])).toEqual([
      ['Corner', 'critical', BAND_TINT.critical],
      ['Low corner', 'moderate', BAND_TINT.moderate],
    ]);
  });

  it('property: no vendor is in a band above its cell, and every vendor has a marker or counts in +N', () => {
    const rank = (b: string) => ['low', 'moderate', 'high', 'critical'].indexOf(b);
    fc.assert(
      fc.property(
        fc.array(fc.record({ l: fc.integer({ min: 1, max: 5 }), i: fc.integer({ min: 1, max: 5 }), risk: fc.double({ min: 0, max: 100, noNaN: true }) }), {
          maxLength: 40,
        }),
        (specs) => {
          const g = layoutRiskMatrix(specs.map((x, n) => row(n + 1, `V${n}`, x.l, x.i, x.risk)));
          for (const c of g.rows.flat()) {
            for (const v of c.vendors) expect(rank(v.band)).toBeLessThanOrEqual(rank(c.level));
            expect(c.occupied).toBe(c.vendors.length > 0);
            expect(c.markers.length + c.more).toBe(c.vendors.length);
          }
        },
      ),
    );
  });

  it("gives each vendor a marker in its own band's tint, as many as fit one row, then +N", () => {
    expect(at(2, 3).markers.map((m) => [m.name, m.band])).toEqual([
      ['Atlassian', 'moderate'],
      ['Zendesk', 'low'],
      ['Slack', 'low'],
    ]);
    expect(at(2, 3).more).toBe(0);
    for (const c of g.rows.flat())
      for (const m of c.markers) {
        expect(m.fill).toBe(BAND_TINT[m.band]);
        expect(m.cx - m.r).toBeGreaterThanOrEqual(c.x);
        expect(m.cx + m.r).toBeLessThanOrEqual(c.x + c.size);
        expect(m.cy - m.r).toBeGreaterThanOrEqual(c.y);
      }
    const many = layoutRiskMatrix(Array.from({ length: 20 }, (_, i) => row(i + 1, `V${String(i).padStart(2, '0')}`, 2, 2, 5 + i / 10)));
    const crowded = many.rows.flat().find((x) => x.key === '2-2')!;
    expect(crowded.markers.length + crowded.more).toBe(20);
    expect(crowded.more).toBeGreaterThan(0);
    expect(crowded.moreAt.x).toBeLessThan(crowded.x + crowded.size);
  });

  it('describes every cell in words, with its vendors by band', () => {
    expect(at(4, 5).label).toBe('1 Critical: 1 vendor at likelihood 4 (60–80), impact 5 (80–100); worst band Critical (1 Critical)');
    expect(at(2, 3).label).toBe('3 Moderate: 3 vendors at likelihood 2 (20–40), impact 3 (40–60); worst band Moderate (1 Moderate, 2 Low)');
    expect(at(1, 1).label).toBe('0 vendors at likelihood 1 (0–20), impact 1 (0–20); a vendor in its middle would be Low');
  });

  it('places axis ticks at the middle of each column and row', () => {
    expect(g.xTicks.map((t) => t.level)).toEqual([1, 2, 3, 4, 5]);
    expect(g.xTicks[0]!.x).toBe(at(1, 1).x + at(1, 1).size / 2);
    expect(g.yTicks.find((t) => t.level === 5)!.y).toBe(at(5, 1).y + at(5, 1).size / 2);
  });
});

describe('not-assessed vendors', () => {
  it('are listed apart, highest inherent risk first, and in no cell', () => {
    const na = (vendorId: number, name: string, inherentRisk: number): HeatmapRow => ({
      ...row(vendorId, name, 2, 5, 20),
      band: 'not-assessed',
      assessed: false,
      inherentRisk,
    });
    const g = layoutRiskMatrix([...ROWS, na(6, 'Discord', 5.3), na(7, 'CircleCI', 37)]);
    expect(g.notAssessed.map((r) => r.name)).toEqual(['CircleCI', 'Discord']);
    expect(g.rows.flat().flatMap((c) => c.vendors.map((v) => v.name))).not.toContain('CircleCI');
    expect(g.rows.flat().reduce((n, c) => n + c.vendors.length, 0)).toBe(ROWS.length);
    expect(g.total).toBe(ROWS.length + 2);
  });
});
