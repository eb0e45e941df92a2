/**
 * Renders only the rows near the viewport once a table grows long, so a portfolio of thousands
 * of vendors scrolls as smoothly as one of thirty. Rows have a fixed height; the rows left out
 * are stood in for by spacer rows of the same total height. Below `threshold` rows every row is
 * rendered, which keeps small tables simple for find-in-page and screen readers.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowRange {
  readonly start: number;
  readonly end: number;
}

export interface WindowInput {
  readonly count: number;
  readonly rowHeight: number;
  /** Top of the first row, relative to the viewport (negative once scrolled past). */
  readonly top: number;
  readonly viewportHeight: number;
  readonly overscan: number;
  readonly threshold: number;
}

/** The rows [start, end) to render. PURE. */
export function visibleRange(w: WindowInput): RowRange {
  if (w.count <= w.threshold || w.rowHeight <= 0) return { start: 0, end: w.count };
  const clamp = (n: number) => Math.min(w.count, Math.max(0, n));
  const start = clamp(Math.floor(-w.top / w.rowHeight) - w.overscan);
  const end = clamp(Math.ceil((w.viewportHeight - w.top) / w.rowHeight) + w.overscan);
  return end > start ? { start, end } : { start: clamp(w.count - 1), end: w.count };
}

export interface RowWindowOptions {
  readonly rowHeight: number;
  readonly count: () => number;
  /** The element whose top is the first row's top (the table body). */
  readonly anchor: () => Element | null | undefined;
  readonly overscan?: number;
  readonly threshold?: number;
}

export class RowWindowController implements ReactiveController {
  range: RowRange = { start: 0, end: 0 };
  private readonly _host: ReactiveControllerHost;
  private readonly _opts: RowWindowOptions;
  private _frame = 0;
  private readonly _onScroll = () => {
    if (this._frame === 0) this._frame = requestAnimationFrame(() => ((this._frame = 0), this.measure()));
  };

  constructor(host: ReactiveControllerHost, opts: RowWindowOptions) {
    this._host = host;
    this._opts = opts;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this._onScroll, { passive: true });
    window.addEventListener('resize', this._onScroll, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this._onScroll);
    window.removeEventListener('resize', this._onScroll);
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  hostUpdate(): void {
    // Before each render, so the range always matches the current row count.
    this.range = this._compute();
  }

  hostUpdated(): void {
    // The anchor may have moved (first render, data above it changed): re-measure once.
    this.measure();
  }

  /** Re-reads the layout and asks for a render when the visible rows changed. */
  measure(): void {
    const next = this._compute();
    if (next.start !== this.range.start || next.end !== this.range.end) {
      this.range = next;
      this._host.requestUpdate();
    }
  }

  private _compute(): RowRange {
    return visibleRange({
      count: this._opts.count(),
      rowHeight: this._opts.rowHeight,
      top: this._opts.anchor()?.getBoundingClientRect().top ?? 0,
      viewportHeight: window.innerHeight,
      overscan: this._opts.overscan ?? 12,
      threshold: this._opts.threshold ?? 300,
    });
  }
}
