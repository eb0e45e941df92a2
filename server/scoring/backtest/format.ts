/** How the backtest's figures are written in words and tables (statements, command line, docs). */

/**
 * Fixed decimals; a figure that would round to zero keeps one more decimal, so that the sign of a
 * small difference (an interval's end at -0.003 or 0.004) is not lost.
 */
export function decimals(x: number | null, digits: number): string {
  if (x === null) return 'n/a';
  const text = x.toFixed(digits);
  if (Number(text) !== 0 || x === 0) return text;
  const finer = x.toFixed(digits + 1);
  return Number(finer) === 0 ? (0).toFixed(digits) : finer;
}

/** A share as a whole percentage: "14 %". */
export const percent = (x: number | null): string => (x === null ? 'n/a' : `${Math.round(x * 100)} %`);

export const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
