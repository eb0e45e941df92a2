/**
 * Dates as the sources give them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A partial date stands for a
 * range of days. Arithmetic works on day numbers (days since 1970-01-01, UTC) so that nothing
 * depends on the machine's time zone.
 */
import type { DatePrecision } from './vocabulary.ts';

export interface DayRange {
  readonly precision: DatePrecision;
  /** First day the date can mean. */
  readonly first: number;
  /** Last day the date can mean. */
  readonly last: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/**
 * Parsed dates, by text: scoring a portfolio parses the same few thousand dates millions of times
 * (the profile's largest single cost). Bounded: emptied when it grows past `CACHE_LIMIT` texts.
 */
const parsed = new Map<string, DayRange | undefined>();
const CACHE_LIMIT = 100_000;

/** Parses a partial date; `undefined` when the text is not one, or names an impossible day. */
export function parsePartialDate(text: string): DayRange | undefined {
  const hit = parsed.get(text);
  if (hit !== undefined || parsed.has(text)) return hit;
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  const range = parse(text);
  parsed.set(text, range && Object.freeze(range));
  return range;
}

function parse(text: string): DayRange | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) return undefined;
  if (m[2] === undefined) return { precision: 'year', first: dayOf(year, 1, 1), last: dayOf(year, 12, 31) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const lastOfMonth = dayOf(year, month + 1, 1) - 1;
  if (m[3] === undefined) return { precision: 'month', first: dayOf(year, month, 1), last: lastOfMonth };
  const day = dayOf(year, month, Number(m[3]));
  if (Number(m[3]) < 1 || day > lastOfMonth) return undefined;
  return { precision: 'day', first: day, last: day };
}

export const isPartialDate = (text: string): boolean => parsePartialDate(text) !== undefined;

/** Precision of a valid partial date, or null for a missing one. */
export function precisionOf(text: string | null): DatePrecision | null {
  return text === null ? null : (parsePartialDate(text)?.precision ?? null);
}

/** Day number of a full `YYYY-MM-DD` date; throws on anything else (callers validate first). */
export function dayNumber(isoDay: string): number {
  const r = parsePartialDate(isoDay);
  if (!r || r.precision !== 'day') throw new RangeError(`not a YYYY-MM-DD date: ${isoDay}`);
  return r.first;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True when `a` certainly lies before `b` (every day `a` can mean is before every day of `b`). */
export function certainlyBefore(a: string, b: string): boolean {
  const ra = parsePartialDate(a);
  const rb = parsePartialDate(b);
  return ra !== undefined && rb !== undefined && ra.last < rb.first;
}

/** The middle of the days a date can mean: a month's 16th (or 15½), a year's 2 July. */
export const midpoint = (r: Pick<DayRange, 'first' | 'last'>): number => (r.first + r.last) / 2;

/** One day as a range, for an exact day such as a score's as-of day. */
export const exactDay = (day: number): DayRange => ({ precision: 'day', first: day, last: day });

/** A number of days between two dates, and whether it rests on a month or a year rather than days. */
export interface Span {
  readonly days: number;
  readonly approximate: boolean;
}

/**
 * Days from `from` to `to`: the one rule for intervals between partial dates (disclosure lags in
 * the score, the report and the dossier). `to` cannot come before `from`, so each date is first
 * narrowed to the days the other leaves possible ("reported in October 2023, disclosed on the
 * 4th" means reported on the 1st to the 4th); the span is then the distance between the two
 * midpoints, rounded to a whole day and never below zero, and approximate when either date is not
 * a single day. From 10 January 2023 to "2023-01" is ≈ 11 days (10 January to the 20½th), neither
 * 0 (the month's first day) nor 21 (its last). Dates that cannot be narrowed (the later one
 * wholly before the earlier) are taken as given.
 */
export function spanBetween(from: DayRange, to: DayRange): Span {
  const a = { first: from.first, last: Math.min(from.last, to.last) };
  const b = { first: Math.max(to.first, from.first), last: to.last };
  const [x, y] = a.first <= a.last && b.first <= b.last ? [a, b] : [from, to];
  return {
    days: Math.max(0, Math.round(midpoint(y) - midpoint(x))),
    approximate: from.precision !== 'day' || to.precision !== 'day',
  };
}
