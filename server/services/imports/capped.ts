/**
 * A list an import reports (warnings, skipped rows) that keeps its first items and counts them
 * all, so that a file of a million flawed records cannot fill the memory or the response.
 */

/** How many items an import's warnings or skipped lists return; the totals count every one. */
export const LIST_LIMIT = 1000;

export class Capped<T> {
  readonly items: T[] = [];
  total = 0;
  constructor(readonly limit = LIST_LIMIT) {}

  push(item: T): void {
    this.total++;
    if (this.items.length < this.limit) this.items.push(item);
  }
}
