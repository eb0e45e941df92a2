import { describe, expect, it } from 'vitest';
import type { HeatmapRow } from '../../../server/services/scoring-service.ts';
import {
  categoriesOf,
  describeFilters,
  filterKey,
  filterRows,
  filtersQuery,
  hasFilters,
  heatmapStatus,
  NO_FILTERS,
  parseFilters,
  portfolioQuery,
} from '../../../web/charts/heatmap.filter.ts';
import { urlWith } from '../../../web/urls.ts';
import { ASSESSED } from '../../helpers/heatmap-row.ts';

const row = (vendorId: number, name: string, over: Partial<HeatmapRow> = {}): HeatmapRow => ({
  vendorId,
  name,
  category: 'identity provider',
  tier: 1,
  status: 'approved',
  likelihood: 50,
  impact: 50,
  risk: 25,
  band: 'moderate',
  confidence: 0.5,
  cell: { likelihood: 3, impact: 3 },
  cells: {},
  top: {},
  findings: 0,
  ...ASSESSED,
  ...over,
});

const ROWS = [
  row(1, 'Okta', { tier: 1, band: 'high' }),
  row(2, 'Microsoft', { tier: 1, band: 'critical', category: 'cloud productivity' }),
  row(3, 'Zendesk', { tier: 2, band: 'low', category: 'customer service software' }),
  row(4, 'Okta Workflows', { tier: 3, band: 'low', category: 'automation' }),
];
const names = (rows: readonly HeatmapRow[]) => rows.map((r) => r.name);

describe('parseFilters', () => {
  it('reads tier, category, band and text from the URL', () => {
    expect(parseFilters(new URLSearchParams('tier=1&band=high&q=okta&category=CRM'))).toEqual({
      tier: 1,
      category: 'CRM',
      band: 'high',
      status: 'engaged',
      q: 'okta',
    });
    expect(parseFilters(new URLSearchParams('status=not-engaged')).status).toBe('not-engaged');
    expect(parseFilters(new URLSearchParams('status=all')).status).toBe('all');
  });

  it('means "no filter" for anything missing or unknown', () => {
    expect(parseFilters(new URLSearchParams())).toEqual(NO_FILTERS);
    expect(parseFilters(new URLSearchParams('tier=9&band=scary'))).toEqual(NO_FILTERS);
    expect(parseFilters(new URLSearchParams('tier=1.5&band='))).toEqual(NO_FILTERS);
    expect(parseFilters(new URLSearchParams('tier=0'))).toEqual(NO_FILTERS);
    expect(parseFilters(new URLSearchParams('status=dormant'))).toEqual(NO_FILTERS);
  });

  it('keeps the text as typed (the search box must not lose a trailing space), cut at 100 characters', () => {
    expect(parseFilters(new URLSearchParams('q=okta%20')).q).toBe('okta ');
    expect(parseFilters(new URLSearchParams(`q=${'x'.repeat(300)}`)).q).toHaveLength(100);
  });
});

describe('filtersQuery and portfolioQuery', () => {
  it('round-trips through the URL, leaving unset filters out', () => {
    const f = { tier: 2, category: 'CI/CD', band: 'critical' as const, status: 'not-engaged' as const, q: 'git' };
    const url = urlWith('/portfolio', filtersQuery(f));
    expect(url).toBe('/portfolio?tier=2&category=CI%2FCD&band=critical&status=not-engaged&q=git');
    expect(parseFilters(new URL(url, 'http://x').searchParams)).toEqual(f);
    expect(urlWith('/', filtersQuery(NO_FILTERS))).toBe('/');
    expect(filtersQuery({ ...NO_FILTERS, q: '   ' }).q).toBeUndefined();
  });

  it('puts filters, then the sort, then the day, and drops the sort direction when it is the default', () => {
    const f = { ...NO_FILTERS, tier: 1, band: 'high' as const };
    expect(urlWith('/', portfolioQuery(f, { key: 'name', dir: 'asc' }, ''))).toBe('/?tier=1&band=high&sort=name');
    expect(urlWith('/', portfolioQuery(f, { key: 'name', dir: 'desc' }, '2024-01-01'))).toBe('/?tier=1&band=high&sort=name&dir=desc&asOf=2024-01-01');
    // A sort carried over from the URL stays as it was written.
    expect(urlWith('/', portfolioQuery(NO_FILTERS, { sort: 'mfa', dir: undefined }, ''))).toBe('/?sort=mfa');
    expect(urlWith('/', portfolioQuery(NO_FILTERS, {}, ''))).toBe('/');
  });
});

describe('filterRows', () => {
  it('returns the very same rows when nothing filters', () => {
    expect(filterRows(ROWS, NO_FILTERS)).toBe(ROWS);
    expect(filterRows(ROWS, { ...NO_FILTERS, q: '  ' })).toBe(ROWS);
  });

  it('applies every filter together, keeping the order', () => {
    expect(names(filterRows(ROWS, { ...NO_FILTERS, tier: 1 }))).toEqual(['Okta', 'Microsoft']);
    expect(names(filterRows(ROWS, { ...NO_FILTERS, tier: 1, band: 'critical' }))).toEqual(['Microsoft']);
    expect(names(filterRows(ROWS, { ...NO_FILTERS, band: 'low' }))).toEqual(['Zendesk', 'Okta Workflows']);
    expect(names(filterRows(ROWS, { ...NO_FILTERS, category: 'automation' }))).toEqual(['Okta Workflows']);
    expect(filterRows(ROWS, { ...NO_FILTERS, tier: 4 })).toEqual([]);
  });

  it('lets through the engaged vendors by default, all of them, or those of one status', () => {
    const rows = [...ROWS, row(5, 'NHS England', { status: 'not-engaged', tier: 4 }), row(6, 'Sitel', { status: 'under-review' })];
    expect(names(filterRows(rows, NO_FILTERS))).not.toContain('NHS England');
    expect(names(filterRows(rows, { ...NO_FILTERS, status: 'not-engaged' }))).toEqual(['NHS England']);
    expect(names(filterRows(rows, { ...NO_FILTERS, status: 'under-review' }))).toEqual(['Sitel']);
    expect(filterRows(rows, { ...NO_FILTERS, status: 'all' })).toHaveLength(6);
    // The server sends the engaged vendors unless another status is asked for.
    expect(heatmapStatus(NO_FILTERS)).toBeUndefined();
    expect(heatmapStatus({ ...NO_FILTERS, status: 'not-engaged' })).toBe('all');
  });

  it('matches the text in the name or the category, ignoring case and surrounding spaces', () => {
    expect(names(filterRows(ROWS, { ...NO_FILTERS, q: ' OKTA ' }))).toEqual(['Okta', 'Okta Workflows']);
    expect(names(filterRows(ROWS, { ...NO_FILTERS, q: 'customer' }))).toEqual(['Zendesk']);
    expect(names(filterRows(ROWS, { ...NO_FILTERS, q: 'okta', tier: 3 }))).toEqual(['Okta Workflows']);
  });
});

describe('the rest', () => {
  it('says whether anything filters', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: ' ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, category: 'CRM' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, status: 'all' })).toBe(true);
  });

  it('keys filters by what they let through', () => {
    expect(filterKey({ ...NO_FILTERS, q: 'Okta ' })).toBe(filterKey({ ...NO_FILTERS, q: 'okta' }));
    expect(filterKey({ ...NO_FILTERS, tier: 1 })).not.toBe(filterKey(NO_FILTERS));
    expect(filterKey({ ...NO_FILTERS, status: 'all' })).not.toBe(filterKey(NO_FILTERS));
  });

  it('lists categories A→Z, once each, plus a stale one asked for', () => {
    expect(categoriesOf(ROWS)).toEqual(['automation', 'cloud productivity', 'customer service software', 'identity provider']);
    expect(categoriesOf(ROWS, 'gone')).toContain('gone');
  });

  it('puts the filters in words', () => {
    expect(describeFilters({ tier: 1, category: '', band: 'critical', status: 'engaged', q: ' okta ' })).toBe('tier 1, band critical, matching “okta”');
    expect(describeFilters({ ...NO_FILTERS, status: 'not-engaged' })).toBe('status not engaged');
    expect(describeFilters({ ...NO_FILTERS, status: 'all' })).toBe('all statuses');
    expect(describeFilters(NO_FILTERS)).toBe('');
  });
});

describe('the not-assessed band', () => {
  const rows = [row(1, 'Okta', { band: 'high' }), row(2, 'Discord', { band: 'not-assessed', assessed: false })];

  it('is a band the URL can ask for, and the filter lets only those vendors through', () => {
    const f = parseFilters(new URLSearchParams('band=not-assessed'));
    expect(f.band).toBe('not-assessed');
    expect(filterRows(rows, f).map((r) => r.name)).toEqual(['Discord']);
    expect(filtersQuery(f)).toMatchObject({ band: 'not-assessed' });
    expect(describeFilters(f)).toBe('not assessed');
  });
});
