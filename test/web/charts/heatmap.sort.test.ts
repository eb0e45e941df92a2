import { describe, expect, it } from 'vitest';
import type { HeatmapRow } from '../../../server/services/scoring-service.ts';
import { DEFAULT_SORT, defaultDir, parseSort, sortKeys, sortQuery, sortRows } from '../../../web/charts/heatmap.sort.ts';
import { ASSESSED } from '../../helpers/heatmap-row.ts';

const FACTOR_IDS = ['incidents', 'support'];

const row = (vendorId: number, name: string, risk: number, over: Partial<HeatmapRow> = {}): HeatmapRow => ({
  vendorId,
  name,
  category: 'x',
  tier: 2,
  status: 'approved',
  likelihood: risk,
  impact: 50,
  risk,
  band: risk >= 50 ? 'critical' : risk >= 30 ? 'high' : risk >= 15 ? 'moderate' : 'low',
  confidence: 0.5,
  cell: { likelihood: 3, impact: 3 },
  cells: { incidents: risk, support: null },
  top: { incidents: null, support: null },
  findings: 0,
  ...ASSESSED,
  ...over,
});

const ROWS = [
  row(1, 'Okta', 51.6, { tier: 1, cells: { incidents: 44.4, support: 72.8 } }),
  row(2, 'Microsoft', 63, { tier: 1, cells: { incidents: 55.6, support: 89.6 } }),
  row(3, 'GitHub', 25.2, { cells: { incidents: 0, support: null } }),
  row(4, '3CX', 13, { tier: 3, cells: { incidents: 21.8, support: null } }),
  row(5, 'atlassian', 27.3, { cells: { incidents: 16.4, support: 63.1 } }),
];
const names = (rows: HeatmapRow[]) => rows.map((r) => r.name);

describe('sortRows', () => {
  it('sorts by risk, riskiest first, by default', () => {
    expect(names(sortRows(ROWS, DEFAULT_SORT))).toEqual(['Microsoft', 'Okta', 'atlassian', 'GitHub', '3CX']);
  });

  it('sorts names case-insensitively, both ways', () => {
    expect(names(sortRows(ROWS, { key: 'name', dir: 'asc' }))).toEqual(['3CX', 'atlassian', 'GitHub', 'Microsoft', 'Okta']);
    expect(names(sortRows(ROWS, { key: 'name', dir: 'desc' }))).toEqual(['Okta', 'Microsoft', 'GitHub', 'atlassian', '3CX']);
  });

  it('puts unknown factor values last in either direction', () => {
    expect(names(sortRows(ROWS, { key: 'support', dir: 'desc' }))).toEqual(['Microsoft', 'Okta', 'atlassian', 'GitHub', '3CX']);
    expect(names(sortRows(ROWS, { key: 'support', dir: 'asc' }))).toEqual(['atlassian', 'Okta', 'Microsoft', 'GitHub', '3CX']);
  });

  it('sorts a known 0 as a value, below every other known one', () => {
    expect(names(sortRows(ROWS, { key: 'incidents', dir: 'asc' }))[0]).toBe('GitHub');
  });

  it('breaks ties by risk, riskiest first', () => {
    expect(names(sortRows(ROWS, { key: 'tier', dir: 'asc' }))).toEqual(['Microsoft', 'Okta', 'atlassian', 'GitHub', '3CX']);
  });

  it('orders bands by severity, not alphabetically', () => {
    expect(sortRows(ROWS, { key: 'band', dir: 'desc' }).map((r) => r.band)).toEqual(['critical', 'critical', 'moderate', 'moderate', 'low']);
  });

  it('returns a copy and leaves the input alone', () => {
    const input = [...ROWS];
    const out = sortRows(input, { key: 'name', dir: 'asc' });
    expect(out).not.toBe(input);
    expect(input).toEqual(ROWS);
  });

  it('sorts an empty list', () => {
    expect(sortRows([], DEFAULT_SORT)).toEqual([]);
  });
});

describe('the sort in the URL', () => {
  it('defaults to risk, descending', () => {
    expect(parseSort(new URLSearchParams(''), FACTOR_IDS)).toEqual({ key: 'risk', dir: 'desc' });
  });

  it('reads a known column and its direction, or the column default', () => {
    expect(parseSort(new URLSearchParams('sort=name'), FACTOR_IDS)).toEqual({ key: 'name', dir: 'asc' });
    expect(parseSort(new URLSearchParams('sort=support&dir=asc'), FACTOR_IDS)).toEqual({ key: 'support', dir: 'asc' });
    expect(parseSort(new URLSearchParams('sort=risk&dir=sideways'), FACTOR_IDS)).toEqual({ key: 'risk', dir: 'desc' });
  });

  it('falls back to the default for an unknown column', () => {
    expect(parseSort(new URLSearchParams('sort=evil'), FACTOR_IDS)).toEqual(DEFAULT_SORT);
  });

  it('writes the direction only when it is not the column default', () => {
    expect(sortQuery({ key: 'risk', dir: 'desc' })).toEqual({ sort: 'risk' });
    expect(sortQuery({ key: 'risk', dir: 'asc' })).toEqual({ sort: 'risk', dir: 'asc' });
    expect(sortQuery({ key: 'name', dir: 'asc' })).toEqual({ sort: 'name' });
  });

  it('round-trips every column through the URL', () => {
    for (const key of sortKeys(FACTOR_IDS)) {
      for (const dir of ['asc', 'desc'] as const) {
        expect(parseSort(new URLSearchParams(sortQuery({ key, dir })), FACTOR_IDS)).toEqual({ key, dir });
      }
    }
    expect(defaultDir('tier')).toBe('asc');
    expect(defaultDir('confidence')).toBe('desc');
  });
});

describe('not-assessed vendors', () => {
  const na = (vendorId: number, name: string, risk: number, inherentRisk: number) =>
    row(vendorId, name, risk, { band: 'not-assessed', assessed: false, inherentRisk, toAssess: ['The support chain'] });
  const rows = [...ROWS, na(6, 'CircleCI', 30.7, 37), na(7, 'Discord', 3.5, 5.3), na(8, 'GitHub too', 21, 41.6)];

  it('come after every assessed vendor in the default sort, by inherent risk: a residual risk on priors is no rating', () => {
    expect(names(sortRows(rows, DEFAULT_SORT))).toEqual(['Microsoft', 'Okta', 'atlassian', 'GitHub', '3CX', 'GitHub too', 'CircleCI', 'Discord']);
  });

  it('sort last by risk or band in either direction, like any unknown', () => {
    expect(names(sortRows(rows, { key: 'risk', dir: 'asc' })).slice(-3)).toEqual(['GitHub too', 'CircleCI', 'Discord']);
    expect(names(sortRows(rows, { key: 'band', dir: 'desc' })).slice(-3)).toEqual(['GitHub too', 'CircleCI', 'Discord']);
    expect(names(sortRows(rows, { key: 'band', dir: 'asc' })).slice(-3)).toEqual(['GitHub too', 'CircleCI', 'Discord']);
  });

  it('sort by their likelihood like the others (the column shows it)', () => {
    expect(names(sortRows(rows, { key: 'likelihood', dir: 'desc' }))[2]).toBe('CircleCI');
  });
});
