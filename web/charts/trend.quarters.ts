/**
 * Calendar quarters (`2023-Q4`) for the trend view, PURE: what the view's URL holds
 * (`/trends?from=2025-Q1&to=2026-Q4&movers=1&sort=delta`), which quarter is live, and the range
 * pickers' rules. The arithmetic is the server's own (server/domain/quarters.ts, dependency-free,
 * so the web imports its values); re-exported here for the web's modules.
 */
import { isQuarter, MAX_QUARTERS, quarterEnd, quarterSpan, shiftQuarter } from '../../server/domain/quarters.ts';

export { DEFAULT_QUARTERS, isQuarter, MAX_QUARTERS, quarterEnd, quarterOf, quarterSpan, shiftQuarter } from '../../server/domain/quarters.ts';

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
