/**
 * The portfolio's filters, PURE: read from and written to the URL
 * (`/portfolio?tier=1&band=high&status=all&q=okta&sort=risk`), and applied to the heatmap rows. The
 * URL is the only place they live, so a shared link or Back shows the same view. The status filter
 * is the one that also changes what is fetched: the server sends the engaged vendors unless asked
 * for all of them (`heatmapStatus`).
 */
import type { HeatmapRow, HeatmapStatus } from '../../server/http/contract.ts';
import type { Band } from '../../server/domain/methodology.ts';
import type { VendorStatus } from '../../server/domain/vocabulary.ts';
import { STATUS_LABEL } from '../format.ts';
import { BAND_FILTERS, BAND_LABEL } from './heatmap.bands.ts';
import { sortQuery, type SortState } from './heatmap.sort.ts';

/** Risk bands from least to most risk: the order filters and legends list them in (not assessed comes apart, last). */
export const BANDS_LOW_FIRST: readonly Band[] = ['low', 'moderate', 'high', 'critical'];
export const TIERS: readonly number[] = [1, 2, 3, 4];
/** Longer free text is cut: no vendor name is this long, and the URL stays bounded. */
const MAX_Q = 100;

/** Engaged vendors (every status but not engaged; the default), all of them, or those of one status. */
export type StatusFilter = HeatmapStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = ['engaged', 'all', ...(Object.keys(STATUS_LABEL) as VendorStatus[])];
export const STATUS_FILTER_LABEL = (s: StatusFilter): string =>
  s === 'engaged' ? 'Engaged (not “Not engaged”)' : s === 'all' ? 'All statuses' : STATUS_LABEL[s];

export interface PortfolioFilters {
  readonly tier: number | null;
  /** '' for any category. */
  readonly category: string;
  readonly band: Band | null;
  readonly status: StatusFilter;
  /** The text as typed (kept untrimmed so the search box does not fight the typist); matched trimmed. */
  readonly q: string;
}

export const NO_FILTERS: PortfolioFilters = { tier: null, category: '', band: null, status: 'engaged', q: '' };

const isBand = (v: string | null): v is Band => BAND_FILTERS.includes(v as Band);

/** The filters a URL asks for; anything unknown (tier 9, band "scary") is left out rather than guessed at. */
export function parseFilters(query: URLSearchParams): PortfolioFilters {
  const tier = Number(query.get('tier'));
  const band = query.get('band');
  const status = query.get('status') as StatusFilter | null;
  return {
    tier: TIERS.includes(tier) ? tier : null,
    category: (query.get('category') ?? '').trim(),
    band: isBand(band) ? band : null,
    status: status && STATUS_FILTERS.includes(status) ? status : 'engaged',
    q: (query.get('q') ?? '').slice(0, MAX_Q),
  };
}

export const hasFilters = (f: PortfolioFilters): boolean =>
  f.tier !== null || f.category !== '' || f.band !== null || f.status !== 'engaged' || f.q.trim() !== '';

/** What to ask the server for: the engaged vendors (its default), or all of them for any other status filter. */
export const heatmapStatus = (f: PortfolioFilters): HeatmapStatus | undefined => (f.status === 'engaged' ? undefined : 'all');

/** The filters as URL query entries; unset ones are left out so URLs stay short. */
export function filtersQuery(f: PortfolioFilters): Record<string, string | undefined> {
  return {
    tier: f.tier === null ? undefined : String(f.tier),
    category: f.category || undefined,
    band: f.band ?? undefined,
    status: f.status === 'engaged' ? undefined : f.status,
    q: f.q.trim() ? f.q : undefined,
  };
}

/**
 * The whole portfolio view as a query, in one stable order: filters, then sort, then the day. A
 * sort is a SortState when just chosen, or the URL's own `sort`/`dir` entries when carried over.
 */
export function portfolioQuery(
  f: PortfolioFilters,
  sort: SortState | { readonly sort?: string | undefined; readonly dir?: string | undefined },
  asOf: string,
): Record<string, string | undefined> {
  const s = 'key' in sort ? sortQuery(sort) : { sort: sort.sort || undefined, dir: sort.dir || undefined };
  return { ...filtersQuery(f), ...s, asOf: asOf || undefined };
}

/** What to memoize filtered rows on: two filters with the same key pass the same rows. */
export const filterKey = (f: PortfolioFilters): string => [f.tier ?? '', f.category, f.band ?? '', f.status, f.q.trim().toLocaleLowerCase()].join('\u0000');

const passesStatus = (s: StatusFilter, status: VendorStatus) => (s === 'all' ? true : s === 'engaged' ? status !== 'not-engaged' : status === s);

/** The rows that pass every filter, in their order; the same array when nothing filters (cheap to memoize on). */
export function filterRows(rows: readonly HeatmapRow[], f: PortfolioFilters): readonly HeatmapRow[] {
  // Rows fetched for another status filter may still be on screen while the engaged ones load.
  if (!hasFilters(f) && !rows.some((r) => r.status === 'not-engaged')) return rows;
  const needle = f.q.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (f.tier === null || r.tier === f.tier) &&
      (f.category === '' || r.category === f.category) &&
      (f.band === null || r.band === f.band) &&
      passesStatus(f.status, r.status) &&
      (needle === '' || r.name.toLocaleLowerCase().includes(needle) || r.category.toLocaleLowerCase().includes(needle)),
  );
}

/** Every category in the rows, A→Z, plus the one asked for (so a stale link still shows what it filters on). */
export function categoriesOf(rows: readonly HeatmapRow[], selected = ''): string[] {
  const all = new Set(rows.map((r) => r.category));
  if (selected) all.add(selected);
  return [...all].sort((a, b) => a.localeCompare(b));
}

/** The filters in words, for the "n of N vendors" line: `tier 1, band critical, matching "okta"`. */
export function describeFilters(f: PortfolioFilters): string {
  const parts = [
    f.tier === null ? '' : `tier ${f.tier}`,
    f.category ? `category ${f.category}` : '',
    f.band === 'not-assessed' ? 'not assessed' : f.band ? `band ${BAND_LABEL[f.band].toLowerCase()}` : '',
    f.status === 'engaged' ? '' : f.status === 'all' ? 'all statuses' : `status ${STATUS_LABEL[f.status].toLowerCase()}`,
    f.q.trim() ? `matching “${f.q.trim()}”` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
