/** The few numeric rules the whole engine shares: rounding, combining, apportioning. */

/** Scores are shown to one decimal; rounding happens once, at the end of each figure. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * Combines independent risks (each 0–100) the way probabilities of independent events combine:
 * 100 × (1 − Π(1 − p/100)). Adding a part never lowers the result and it never passes 100.
 */
export function unionOf(points: readonly number[]): number {
  return 100 * (1 - points.reduce((rest, p) => rest * (1 - clamp(p, 0, 100) / 100), 1));
}

/**
 * Splits `total` (rounded to tenths) into parts proportional to `shares`, so that the rounded
 * parts add up to the rounded total exactly (largest remainder method).
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const tenths = Math.round(total * 10);
  const sum = shares.reduce((a, b) => a + b, 0);
  if (shares.length === 0) return [];
  if (sum <= 0) return shares.map((_, i) => (i === 0 ? tenths / 10 : 0));
  const exact = shares.map((s) => (s / sum) * tenths);
  const floors = exact.map(Math.floor);
  let left = tenths - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => f / 10);
}
