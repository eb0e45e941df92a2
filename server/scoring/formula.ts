/**
 * Writing a contribution's arithmetic (Contribution.formula) with its numbers, so that a reader can
 * redo it: every factor to at most three decimals, the result to one, as the parts are before the
 * factor rounds and apportions them. Labels are words, never digits, so the numbers are the only
 * figures in the text (test/server/scoring/formulas.test.ts evaluates them).
 */

/** A factor of a formula: up to three decimals, no trailing zeros. */
export const num = (x: number): string => String(Math.round(x * 1000) / 1000);

/** The result of a formula, to one decimal. */
export const res = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** `expr = result`, or `min(expr, cap C) = result` when a ceiling cut it. */
export function capped(expression: string, raw: number, ceiling: number): { formula: string; points: number } {
  if (raw <= ceiling) return { formula: `${expression} = ${res(raw)}`, points: raw };
  return { formula: `min(${expression}, cap ${num(ceiling)}) = ${res(ceiling)}`, points: ceiling };
}
