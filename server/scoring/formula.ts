/**
 * Arithmetic that writes itself down (Contribution.formula, FactorScore.formula), so that a reader
 * can redo every number from the methodology page. Two ways in, one notation:
 * - terms (`term`, `times`, `plus`…): each value is computed from the same terms its formula shows,
 *   so a formula ("access 50 × outsourced 1.2 × staff MFA (0.5 + 0.5 × 0.925) + artefacts 10 =
 *   67.75") cannot disagree with its points. The operations run in the order the text reads (left to
 *   right, brackets first), the order the engine has always used, so that building a value this way
 *   changes no bit of it (support, MFA, impact, inherent risk);
 * - `cappedAt`, for a value the engine computes in its own steps (incidents, recurrence,
 *   disclosure): the expression is written from the same numbers and the result stated.
 *
 * Labels are words without digits, so that a reader (or a test: formula.test.ts, formulas.test.ts)
 * can take the numbers out of the text and redo the sum.
 */
export interface Formula {
  readonly value: number;
  /** The expression without its result. */
  readonly text: string;
  /** True when the text needs brackets inside a product. */
  readonly sum?: boolean;
}

/** A number as a formula shows it: up to four decimals, no trailing zeros. */
export const num = (x: number): string => String(Math.round(x * 10_000) / 10_000);

/** A named number: `term('access', 50)` reads "access 50". */
export const term = (label: string, value: number): Formula => ({ value, text: label ? `${label} ${num(value)}` : num(value) });

const bracket = (f: Formula) => (f.sum ? `(${f.text})` : f.text);

/** The product of the terms, left to right. */
export const times = (...fs: readonly Formula[]): Formula => ({
  value: fs.reduce((a, f) => a * f.value, 1),
  text: fs.map(bracket).join(' × '),
});

/** The first term plus the others, left to right. */
export const plus = (first: Formula, ...rest: readonly Formula[]): Formula =>
  rest.length === 0 ? first : { value: rest.reduce((a, f) => a + f.value, first.value), text: [first, ...rest].map((f) => f.text).join(' + '), sum: true };

export const minus = (a: Formula, b: Formula): Formula => ({ value: a.value - b.value, text: `${a.text} − ${b.sum ? `(${b.text})` : b.text}`, sum: true });

export const divide = (a: Formula, b: Formula): Formula => ({ value: a.value / b.value, text: `${bracket(a)} / ${bracket(b)}` });

/** The smaller of a cap and a value; the cap is shown only when it bites. */
export const capped = (cap: number, f: Formula): Formula => (f.value > cap ? { value: cap, text: `min(${num(cap)}, ${f.text})` } : f);

/** "… = result", the way a contribution shows it. */
export const stated = (f: Formula): string => `${f.text} = ${num(f.value)}`;

/** The result of an expression the engine computed in its own steps, to one decimal. */
export const res = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** `expression = result`, or `min(expression, cap C) = result` when a ceiling cut it. */
export function cappedAt(expression: string, raw: number, ceiling: number): { formula: string; points: number } {
  if (raw <= ceiling) return { formula: `${expression} = ${res(raw)}`, points: raw };
  return { formula: `min(${expression}, cap ${num(ceiling)}) = ${res(ceiling)}`, points: ceiling };
}
