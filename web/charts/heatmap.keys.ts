/**
 * Keys of a roving-tabindex grid, PURE: which cell a key moves to, following the ARIA grid
 * pattern (arrows, Home/End in the row, Ctrl+Home/End to the first/last cell, PageUp/PageDown by
 * a page of rows), or what else it asks for. The heatmap and the risk matrix share it.
 */

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export type GridKeyResult =
  | { readonly kind: 'move'; readonly to: CellPos }
  /** Enter or Space: open (the heatmap) or select (the matrix) the focused cell. */
  | { readonly kind: 'activate' }
  /** Escape: hide the tooltip. */
  | { readonly kind: 'dismiss' };

export interface GridKey {
  readonly key: string;
  /** Ctrl, or Cmd on a Mac. */
  readonly ctrl: boolean;
}

const clamp = (n: number, max: number) => Math.min(Math.max(0, max), Math.max(0, n));

/** What `key` does at `at` in a rows × cols grid; null for keys the grid leaves alone (Tab, letters). */
export function gridKey(k: GridKey, at: CellPos, size: { readonly rows: number; readonly cols: number }, pageRows = 10): GridKeyResult | null {
  if (size.rows <= 0 || size.cols <= 0) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const move = (row: number, col: number): GridKeyResult => ({ kind: 'move', to: { row: clamp(row, lastRow), col: clamp(col, lastCol) } });
  switch (k.key) {
    case 'ArrowRight':
      return move(at.row, at.col + 1);
    case 'ArrowLeft':
      return move(at.row, at.col - 1);
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'Home':
      return k.ctrl ? move(0, 0) : move(at.row, 0);
    case 'End':
      return k.ctrl ? move(lastRow, lastCol) : move(at.row, lastCol);
    case 'PageDown':
      return move(at.row + pageRows, at.col);
    case 'PageUp':
      return move(at.row - pageRows, at.col);
    case 'Enter':
    case ' ':
      return { kind: 'activate' };
    case 'Escape':
      return { kind: 'dismiss' };
    default:
      return null;
  }
}

/** `at` kept inside a grid that may have shrunk (a filter took rows away). */
export const clampCell = (at: CellPos, size: { readonly rows: number; readonly cols: number }): CellPos => ({
  row: clamp(at.row, size.rows - 1),
  col: clamp(at.col, size.cols - 1),
});
