/** Calendar quarters, written `2023-Q4`: parsing, their last day, ranges. */
import { z } from 'zod';
import { dayNumber, isoDay } from './partial-date.ts';

export const quarterLabel = z
  .string()
  .regex(/^(19|2\d)\d{2}-Q[1-4]$/, 'expected a quarter as YYYY-Qn, e.g. 2023-Q4')
  .meta({ id: 'Quarter', description: 'A calendar quarter, YYYY-Qn' });

interface Quarter {
  readonly year: number;
  readonly q: number;
}

const parse = (label: string): Quarter => ({ year: Number(label.slice(0, 4)), q: Number(label.slice(6)) });
const format = ({ year, q }: Quarter) => `${year}-Q${q}`;
const index = ({ year, q }: Quarter) => year * 4 + (q - 1);
const fromIndex = (i: number): Quarter => ({ year: Math.floor(i / 4), q: (i % 4) + 1 });

/** The quarter a `YYYY-MM-DD` day falls in. */
export const quarterOf = (day: string): string => format({ year: Number(day.slice(0, 4)), q: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1 });

/** The last day of a quarter, `YYYY-MM-DD`. */
export function quarterEnd(label: string): string {
  const next = fromIndex(index(parse(label)) + 1);
  return isoDay(dayNumber(`${next.year}-${String((next.q - 1) * 3 + 1).padStart(2, '0')}-01`) - 1);
}

/** Quarters from `from` to `to`, both included, oldest first. */
export function quarterRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = index(parse(from)); i <= index(parse(to)); i++) out.push(format(fromIndex(i)));
  return out;
}

/** The quarter `n` quarters before (negative) or after this one. */
export const shiftQuarter = (label: string, n: number): string => format(fromIndex(index(parse(label)) + n));

/** Number of quarters from `from` to `to`, both included (0 or less when `to` is earlier). */
export const quarterSpan = (from: string, to: string): number => index(parse(to)) - index(parse(from)) + 1;
