/**
 * Calendar quarters (`2023-Q4`) for the trend view, PURE: the server's rules (server/domain/
 * quarter.ts) restated, because the web takes only types from the server. Also what the view's
 * URL holds (`/trends?from=2025-Q1&to=2026-Q4&movers=1&sort=delta`) and which quarter is live.
 */

/** The server refuses longer ranges; its default is the last eight quarters. */
export const MAX_QUARTERS = 40;
export const DEFAULT_QUARTERS = 8;

const QUARTER = /^(\d{4})-Q([1-4])$/;
export const isQuarter = (s: string | null | undefined): s is string => !!s && QUARTER.test(s);

const index = (q: string): number => Number(q.slice(0, 4)) * 4 + Number(q.slice(6)) - 1;
const label = (i: number): string => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/** The quarter `n` quarters after (or, negative, before) `q`. */
export const shiftQuarter = (q: string, n: number): string => label(index(q) + n);

/** Quarters from `from` to `to`, both included (0 or less when `to` is earlier). */
export const quarterSpan = (from: string, to: string): number => index(to) - index(from) + 1;

/** The quarter a `YYYY-MM-DD` day falls in. */
export const quarterOf = (day: string): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The last day of a quarter, `YYYY-MM-DD`. */
export function quarterEnd(q: string): string {
  const year = Number(q.slice(0, 4));
  const month = Number(q.slice(6)) * 3;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

/** "2025 Q1", as a column says it. */
export const quarterText = (q: string): string => q.replace('-', ' ');

/**
 * A quarter is live while it is still running (its score is today's and moves with new evidence),
 * frozen once closed (scored as of its last day and kept). The server scores the current quarter
 * as of today: a day before the quarter's end says so even when the reader's clock differs.
 */
export const quarterState = (q: string, asOf: string | undefined, current: string): 'live' | 'frozen' =>
  q === current || (asOf !== undefined && asOf < quarterEnd(q)) ? 'live' : 'frozen';

/**
 * The quarters a range may start or end at, newest first: the current one and the 39 before it,
 * reaching back to `oldest` when a shared link's range starts earlier still.
 */
export function rangeChoices(current: string, oldest = ''): string[] {
  const n = Math.max(MAX_QUARTERS, isQuarter(oldest) ? quarterSpan(oldest, current) : 0);
  return Array.from({ length: n }, (_, i) => shiftQuarter(current, -i));
}

/**
 * A range the server accepts, after the user moved one end: at least two quarters, at most
 * MAX_QUARTERS, never past the current quarter. The end just moved stays; the other one gives way.
 */
export function normalizeRange(from: string, to: string, moved: 'from' | 'to', current: string): { from: string; to: string } {
  if (quarterSpan(to, current) < 1) to = current;
  if (quarterSpan(from, current) < 2) from = shiftQuarter(current, -1);
  if (moved === 'from') {
    if (quarterSpan(from, to) < 2) to = shiftQuarter(from, 1);
    if (quarterSpan(from, to) > MAX_QUARTERS) to = shiftQuarter(from, MAX_QUARTERS - 1);
  } else {
    if (quarterSpan(from, to) < 2) from = shiftQuarter(to, -1);
    if (quarterSpan(from, to) > MAX_QUARTERS) from = shiftQuarter(to, -(MAX_QUARTERS - 1));
  }
  return { from, to };
}
