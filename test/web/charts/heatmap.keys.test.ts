import { describe, expect, it } from 'vitest';
import { clampCell, gridKey } from '../../../web/charts/heatmap.keys.ts';

const SIZE = { rows: 100, cols: 12 };
const key = (k: string, ctrl = false) => ({ key: k, ctrl });
const to = (row: number, col: number) => ({ kind: 'move', to: { row, col } });

describe('gridKey', () => {
  it('moves one cell with the arrows, and stops at the edges', () => {
    const at = { row: 5, col: 5 };
    expect(gridKey(key('ArrowRight'), at, SIZE)).toEqual(to(5, 6));
    expect(gridKey(key('ArrowLeft'), at, SIZE)).toEqual(to(5, 4));
    expect(gridKey(key('ArrowDown'), at, SIZE)).toEqual(to(6, 5));
    expect(gridKey(key('ArrowUp'), at, SIZE)).toEqual(to(4, 5));
    expect(gridKey(key('ArrowLeft'), { row: 0, col: 0 }, SIZE)).toEqual(to(0, 0));
    expect(gridKey(key('ArrowUp'), { row: 0, col: 3 }, SIZE)).toEqual(to(0, 3));
    expect(gridKey(key('ArrowRight'), { row: 99, col: 11 }, SIZE)).toEqual(to(99, 11));
    expect(gridKey(key('ArrowDown'), { row: 99, col: 11 }, SIZE)).toEqual(to(99, 11));
  });

  it('goes to the ends of the row with Home and End, and of the grid with Ctrl', () => {
    const at = { row: 40, col: 6 };
    expect(gridKey(key('Home'), at, SIZE)).toEqual(to(40, 0));
    expect(gridKey(key('End'), at, SIZE)).toEqual(to(40, 11));
    expect(gridKey(key('Home', true), at, SIZE)).toEqual(to(0, 0));
    expect(gridKey(key('End', true), at, SIZE)).toEqual(to(99, 11));
  });

  it('pages by the given number of rows, clamped', () => {
    expect(gridKey(key('PageDown'), { row: 3, col: 2 }, SIZE, 20)).toEqual(to(23, 2));
    expect(gridKey(key('PageUp'), { row: 3, col: 2 }, SIZE, 20)).toEqual(to(0, 2));
    expect(gridKey(key('PageDown'), { row: 95, col: 2 }, SIZE)).toEqual(to(99, 2));
  });

  it('activates with Enter and Space, dismisses with Escape, and leaves other keys alone', () => {
    expect(gridKey(key('Enter'), { row: 1, col: 1 }, SIZE)).toEqual({ kind: 'activate' });
    expect(gridKey(key(' '), { row: 1, col: 1 }, SIZE)).toEqual({ kind: 'activate' });
    expect(gridKey(key('Escape'), { row: 1, col: 1 }, SIZE)).toEqual({ kind: 'dismiss' });
    for (const k of ['Tab', 'a', 'Shift', 'F5']) expect(gridKey(key(k), { row: 1, col: 1 }, SIZE)).toBeNull();
  });

  it('does nothing in an empty grid', () => {
    expect(gridKey(key('ArrowDown'), { row: 0, col: 0 }, { rows: 0, cols: 12 })).toBeNull();
  });
});

describe('clampCell', () => {
  it('keeps a position inside a grid that shrank', () => {
    expect(clampCell({ row: 50, col: 3 }, { rows: 10, cols: 12 })).toEqual({ row: 9, col: 3 });
    expect(clampCell({ row: 5, col: 20 }, { rows: 10, cols: 12 })).toEqual({ row: 5, col: 11 });
    expect(clampCell({ row: 5, col: 3 }, { rows: 0, cols: 12 })).toEqual({ row: 0, col: 3 });
  });
});
