/**
 * Calendar quarters, written `2023-Q4`: which quarter a day falls in, a quarter's last day, its
 * neighbours, ranges. PURE and dependency-free (it imports nothing), so the web imports these values
 * too (web/charts/trend.quarters.ts): one set of rules on both sides. The zod schema of a quarter
 * label stays in quarter.ts, which re-exports these for the server.
 */

/** The most quarters a trend or history request may span (the server refuses more; the web offers as many). */
export const MAX_QUARTERS = 40;
/** A trend or history request without a start spans this many quarters, up to its end. */
export const DEFAULT_QUARTERS = 8;

const QUARTER = /^\d{4}-Q[1-4]$/;
/** Whether a text has a quarter's shape, `YYYY-Qn` (the API's schema also bounds the year). */
export const isQuarter = (s: string | null | undefined): s is string => typeof s === 'string' && QUARTER.test(s);

/** Quarters counted from year 0: consecutive quarters have consecutive indexes. */
export const quarterIndex = (label: string): number => Number(label.slice(0, 4)) * 4 + Number(label.slice(6)) - 1;
/** The quarter of an index (quarterIndex's inverse). */
export const quarterOfIndex = (i: number): string => `${String(Math.floor(i / 4)).padStart(4, '0')}-Q${(((i % 4) + 4) % 4) + 1}`;

/** The quarter a `YYYY-MM-DD` day falls in. */
export const quarterOf = (day: string): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The last day of each quarter's last month (March, June, September, December: no leap day in them). */
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

/** The last day of a quarter, `YYYY-MM-DD`. */
export const quarterEnd = (label: string): string => `${label.slice(0, 4)}-${LAST_DAY[Number(label.slice(6)) - 1]}`;

/** The quarter `n` quarters after (or, negative, before) this one. */
export const shiftQuarter = (label: string, n: number): string => quarterOfIndex(quarterIndex(label) + n);

/** Number of quarters from `from` to `to`, both included (0 or less when `to` is earlier). */
export const quarterSpan = (from: string, to: string): number => quarterIndex(to) - quarterIndex(from) + 1;

/** Quarters from `from` to `to`, both included, oldest first (empty when `to` is earlier). */
export function quarterRange(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, quarterSpan(from, to)) }, (_, i) => shiftQuarter(from, i));
}
