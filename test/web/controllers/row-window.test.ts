import { describe, expect, it } from 'vitest';
import { visibleRange, type WindowInput } from '../../../web/controllers/row-window-controller.ts';

const base: WindowInput = { count: 5000, rowHeight: 34, top: 200, viewportHeight: 900, overscan: 10, threshold: 300 };

describe('visibleRange', () => {
  it('renders every row of a small table', () => {
    expect(visibleRange({ ...base, count: 34 })).toEqual({ start: 0, end: 34 });
    expect(visibleRange({ ...base, count: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('renders the rows on screen plus the overscan once the table is long', () => {
    // Rows start 200 px down: 700 px of them fit, 21 rows (rounded up) plus 10 overscan.
    expect(visibleRange(base)).toEqual({ start: 0, end: 31 });
  });

  it('follows the scroll', () => {
    // Scrolled so the table top is 3400 px above the viewport: row 100 is at the top.
    expect(visibleRange({ ...base, top: -3400 })).toEqual({ start: 90, end: 137 });
  });

  it('clamps at the end of the table', () => {
    expect(visibleRange({ ...base, top: -5000 * 34 + 100 })).toEqual({ start: 4987, end: 5000 });
    expect(visibleRange({ ...base, top: -10_000_000 })).toEqual({ start: 4999, end: 5000 });
  });
});
