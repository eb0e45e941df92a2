import { describe, expect, it } from 'vitest';
import type { HeatmapRow } from '../../server/services/scoring-service.ts';
import { rankings, rankRows } from '../../web/ranking-diff.ts';

const row = (vendorId: number, name: string, risk: number): HeatmapRow => ({ vendorId, name, risk, band: risk >= 30 ? 'high' : 'low' }) as HeatmapRow;

describe('rankRows', () => {
  it('ranks the riskiest first, equal risks sharing a rank', () => {
    const r = rankRows([row(1, 'Okta', 40), row(2, 'Beta', 20), row(3, 'Alpha', 20), row(4, 'Zed', 10)]);
    expect(r.map((x) => [x.rank, x.name])).toEqual([
      [1, 'Okta'],
      [2, 'Alpha'],
      [2, 'Beta'],
      [4, 'Zed'],
    ]);
  });
});

describe('rankings', () => {
  const longMemory = [row(1, 'Okta', 48), row(2, 'Microsoft', 60), row(3, 'Salesloft', 18), row(4, 'Coinbase', 2), row(5, 'Twitter', 2.2)];
  const shortPenalty = [row(1, 'Okta', 10), row(2, 'Microsoft', 30), row(3, 'Salesloft', 18), row(4, 'Coinbase', 12), row(5, 'Twitter', 2.2)];
  const peer = [row(1, 'Okta', 20), row(2, 'Microsoft', 40), row(3, 'Salesloft', 18), row(4, 'Coinbase', 2), row(5, 'Twitter', 2.2)];
  const r = rankings([
    { policy: 'long-memory', inForce: true, rows: longMemory },
    { policy: 'short-penalty', inForce: false, rows: shortPenalty },
    { policy: 'peer-half-life', inForce: false, rows: peer },
  ]);

  it('keeps the columns in the order given, each ranked on its own', () => {
    expect(r.columns.map((c) => [c.policy, c.inForce])).toEqual([
      ['long-memory', true],
      ['short-penalty', false],
      ['peer-half-life', false],
    ]);
    expect(r.columns[0]!.rows.map((x) => x.name)).toEqual(['Microsoft', 'Okta', 'Salesloft', 'Twitter', 'Coinbase']);
    expect(r.columns[1]!.rows.map((x) => x.name)).toEqual(['Microsoft', 'Salesloft', 'Coinbase', 'Okta', 'Twitter']);
  });

  it('finds the vendors whose rank changes most, with where they rank highest and lowest', () => {
    expect(r.movers).toEqual([
      { vendorId: 4, name: 'Coinbase', spread: 2, highest: { policy: 'short-penalty', rank: 3 }, lowest: { policy: 'long-memory', rank: 5 } },
      { vendorId: 1, name: 'Okta', spread: 2, highest: { policy: 'long-memory', rank: 2 }, lowest: { policy: 'short-penalty', rank: 4 } },
      { vendorId: 3, name: 'Salesloft', spread: 1, highest: { policy: 'short-penalty', rank: 2 }, lowest: { policy: 'long-memory', rank: 3 } },
      { vendorId: 5, name: 'Twitter', spread: 1, highest: { policy: 'long-memory', rank: 4 }, lowest: { policy: 'short-penalty', rank: 5 } },
    ]);
  });

  it('keeps only the largest moves, ties at the cut-off included, and never a vendor that does not move', () => {
    expect(
      rankings(
        [
          { policy: 'a', inForce: true, rows: longMemory },
          { policy: 'b', inForce: false, rows: shortPenalty },
        ],
        1,
      ).movers.map((m) => m.name),
    ).toEqual(['Coinbase', 'Okta']);
    expect(
      rankings([
        { policy: 'a', inForce: true, rows: longMemory },
        { policy: 'b', inForce: false, rows: longMemory },
      ]).movers,
    ).toEqual([]);
    expect(rankings([]).movers).toEqual([]);
  });
});
