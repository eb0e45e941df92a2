/**
 * Renders only the rows near the viewport once a table grows long, so a portfolio of thousands
 * of vendors scrolls as smoothly as one of thirty. Rows have a fixed height; the rows left out
 * are stood in for by spacer rows of the same total height. Below `threshold` rows every row is
 * rendered, which keeps small tables simple for find-in-page and screen readers. A table that
 * scrolls inside its own box (for sticky headers in both directions) names that box as `scroller`:
 * its scrolls are followed, and only its visible height counts.
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
  /** A function when the height can change (a denser layout). */
  readonly rowHeight: number | (() => number);
  readonly count: () => number;
  /** The element whose top is the first row's top (the table body). */
  readonly anchor: () => Element | null | undefined;
  /** The element the rows scroll in, when it is not the page. */
  readonly scroller?: () => Element | null | undefined;
  readonly overscan?: number;
  readonly threshold?: number;
}

export class RowWindowController implements ReactiveController {
  range: RowRange = { start: 0, end: 0 };
  private readonly _host: ReactiveControllerHost;
  private readonly _opts: RowWindowOptions;
  private _frame = 0;
  /** The scroller listened to, once it has been rendered. */
  private _scroller: Element | null = null;
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
    this._scroller?.removeEventListener('scroll', this._onScroll);
    this._scroller = null;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  hostUpdate(): void {
    // Before each render, so the range always matches the current row count.
    this.range = this._compute();
  }

  hostUpdated(): void {
    // The scroller exists only once rendered, and a re-render may replace it.
    const scroller = this._opts.scroller?.() ?? null;
    if (scroller !== this._scroller) {
      this._scroller?.removeEventListener('scroll', this._onScroll);
      scroller?.addEventListener('scroll', this._onScroll, { passive: true });
      this._scroller = scroller;
    }
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
    const top = this._opts.anchor()?.getBoundingClientRect().top ?? 0;
    const box = this._opts.scroller?.()?.getBoundingClientRect();
    return visibleRange({
      count: this._opts.count(),
      rowHeight: typeof this._opts.rowHeight === 'function' ? this._opts.rowHeight() : this._opts.rowHeight,
      // Inside a scroller, the rows in its box are the ones to render, wherever the page has scrolled it.
      top: box ? top - box.top : top,
      viewportHeight: box ? Math.min(box.height, window.innerHeight) : window.innerHeight,
      overscan: this._opts.overscan ?? 12,
      threshold: this._opts.threshold ?? 300,
    });
  }
}
