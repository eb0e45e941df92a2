/**
 * Scrolling a grid's own box (and, if need be, the page) so that a row or a cell the keyboard
 * moved to is in view, clear of the sticky header row and vendor column. Shared by the portfolio
 * and trend heatmaps. DOM code, so not a layout: the arithmetic is small and lives with its reads.
 */

/**
 * Scrolls `box` so that row `index` (rows of `rowHeight` from the top of `body`) sits below the
 * sticky header of height `head` and above the bottom edge. Works for rows not rendered yet.
 */
export function revealRow(box: HTMLElement, body: Element, head: number, index: number, rowHeight: number): void {
  const top = body.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop + index * rowHeight;
  if (top < box.scrollTop + head) box.scrollTop = top - head;
  else if (top + rowHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + rowHeight - box.clientHeight;
}

/** Scrolls `box` sideways so that `cell` is clear of its row's first (sticky) cell and of the right edge. */
export function revealColumn(box: HTMLElement, cell: Element): void {
  const sticky = cell.parentElement?.firstElementChild;
  if (!sticky || cell === sticky) return;
  const c = cell.getBoundingClientRect();
  const left = sticky.getBoundingClientRect().right;
  const right = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
  if (c.left < left) box.scrollLeft -= left - c.left;
  else if (c.right > right) box.scrollLeft += c.right - right;
}

/** Scrolls the page just enough to show `el` when the box itself is partly off screen. */
export function revealInWindow(el: Element, margin = 8): void {
  const r = el.getBoundingClientRect();
  if (r.top < 0) window.scrollBy(0, r.top - margin);
  else if (r.bottom > window.innerHeight) window.scrollBy(0, r.bottom - window.innerHeight + margin);
}
