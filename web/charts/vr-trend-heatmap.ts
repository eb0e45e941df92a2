/**
 * The trend heatmap: vendors (rows) × quarters (columns), each cell a swatch of the vendor's risk
 * on the portfolio's ramp with the number on it, then the change over the range as an arrow and
 * a signed number, biggest movers badged. trend.layout.ts computes it all; this renders it.
 *
 * Like the portfolio heatmap it scrolls in its own box (sticky header row and vendor column) and
 * renders only the rows in view past 300. Rows are the unit here: one row holds the tab stop,
 * arrows, Home/End and PageUp/PageDown move it, Enter or a click opens the vendor.
 *
 * @fires vendor-selected - a row was clicked, or Enter/Space pressed on it
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { TrendLayout, TrendSort } from './trend.layout.ts';
import { BAND_LABEL } from './heatmap.bands.ts';
import { VendorSelected } from '../events.ts';
import { RowWindowController } from '../controllers/row-window-controller.ts';
import { revealInWindow, revealRow } from './heatmap.reveal.ts';
import { trendStyles, ROW_HEIGHT, SWATCH, TABLE_FIXED } from './vr-trend-heatmap.styles.ts';

const SORTED_BY: Readonly<Record<TrendSort, string>> = { risk: 'current risk, highest first', delta: 'the largest change first', name: 'name' };

@customElement('vr-trend-heatmap')
export class TrendHeatmap extends LitElement {
  static override styles = trendStyles;

  @property({ attribute: false }) layout?: TrendLayout;
  @property() sort: TrendSort = 'risk';
  /** Index of the row that holds the tab stop. */
  @state() private _active = 0;
  @query('.scroller') private _scroller!: HTMLElement | null;

  private _window = new RowWindowController(this, {
    rowHeight: ROW_HEIGHT,
    count: () => this.layout?.rows.length ?? 0,
    anchor: () => this.renderRoot.querySelector('tbody'),
    scroller: () => this._scroller,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout')) this._active = Math.min(this._active, Math.max(0, (this.layout?.rows.length ?? 0) - 1));
  }

  override render() {
    const g = this.layout;
    if (!g) return nothing;
    const { start, end } = this._window.range;
    const last = g.quarters.length - 1;
    const cols = g.quarters.length + 3;
    const spacer = (n: number) =>
      n > 0 ? html`<tr class="spacer" aria-hidden="true" style=${styleMap({ height: `${n * ROW_HEIGHT}px` })}><td colspan=${cols}></td></tr>` : nothing;
    const sorted = (key: TrendSort) => (this.sort === key ? (key === 'name' ? 'ascending' : 'descending') : nothing);
    const tab = this._active >= start && this._active < end ? this._active : start;
    return html`<div class="scroller">
      <table aria-rowcount=${g.rows.length + 1} style=${styleMap({ minWidth: `${TABLE_FIXED + (SWATCH.width + 6) * g.quarters.length}px` })}>
        <caption class="sr-only">
          Each vendor's risk at the end of each quarter, ${g.quarters[0]?.text ?? ''} to ${g.quarters[last]?.text ?? ''}, sorted by ${SORTED_BY[this.sort]}.
          Closed quarters are frozen; the current quarter is live. Press Enter on a row to open the vendor.
        </caption>
        <colgroup>
          <col class="c-vendor" /><col class="c-tier" />
          ${g.quarters.map(() => html`<col class="c-q" />`)}
          <col class="c-delta" />
        </colgroup>
        <thead>
          <tr aria-rowindex="1">
            <th scope="col" class="vendor" aria-sort=${sorted('name')}>Vendor</th>
            <th scope="col" class="num">Tier</th>
            ${g.quarters.map(
              (q, i) => html`<th scope="col" class="q ${q.state}" data-quarter=${q.quarter} aria-sort=${i === last ? sorted('risk') : nothing}>
                <span class="qname">${q.text}</span>
                <span class="state" title=${q.state === 'live' ? `Scored today (${q.asOf}); moves with new evidence` : `Scored as of ${q.asOf} and kept`}>${q.state}</span>
              </th>`,
            )}
            <th scope="col" class="delta" aria-sort=${sorted('delta')}>Change</th>
          </tr>
        </thead>
        <tbody @click=${this._onClick} @keydown=${this._onKeydown} @focusin=${this._onFocusIn}>
          ${spacer(start)}
          ${repeat(
            g.rows.slice(start, end),
            (r) => r.row.vendorId,
            (r, i) => this._row(r, start + i, tab),
          )}
          ${spacer(g.rows.length - end)}
        </tbody>
      </table>
    </div>`;
  }

  private _row(r: TrendLayout['rows'][number], index: number, tab: number) {
    const quarters = this.layout?.quarters ?? [];
    const d = r.delta;
    return html`<tr data-vendor-id=${r.row.vendorId} data-index=${index} aria-rowindex=${index + 2} tabindex=${index === tab ? 0 : -1} class=${r.row.mover ? 'mover' : ''}>
      <th scope="row" class="vendor"><a href="/vendors/${r.row.vendorId}" tabindex="-1">${r.row.name}</a></th>
      <td class="num">${r.row.tier}</td>
      ${r.cells.map(
        (c, i) => html`<td class="heat ${quarters[i]?.state ?? ''} ${c.notAssessed ? 'not-assessed' : ''}">
          <svg width="100%" height=${SWATCH.height} aria-hidden="true" focusable="false">
            <rect width="100%" height=${SWATCH.height} rx="3" fill=${c.fill}></rect>
            <text x="50%" y=${SWATCH.height / 2} dy="0.35em" fill=${c.ink}>${c.text}</text>
          </svg>
          <span class="sr-only">${c.notAssessed ? `not assessed, residual ${c.text}` : `${c.text}, ${BAND_LABEL[c.band]}`}</span>
        </td>`,
      )}
      <td class="delta ${d.direction}">
        <span class="change" aria-hidden="true"><span class="arrow">${d.arrow}</span> ${d.text}</span><span class="sr-only">${d.words}</span>
        ${r.row.mover ? html`<span class="mover-badge">Mover</span>` : nothing}
      </td>
    </tr>`;
  }

  private _rowOf(e: Event): HTMLTableRowElement | null {
    return (e.target as Element).closest?.('tr[data-vendor-id]') ?? null;
  }

  private _onClick(e: MouseEvent): void {
    // The vendor link navigates by itself; a click anywhere else on the row does the same.
    if ((e.target as Element).closest('a')) return;
    const tr = this._rowOf(e);
    if (tr) this.dispatchEvent(new VendorSelected(Number(tr.dataset.vendorId)));
  }

  private _onFocusIn(e: FocusEvent): void {
    const tr = this._rowOf(e);
    if (tr) this._active = Number(tr.dataset.index);
  }

  private _onKeydown(e: KeyboardEvent): void {
    const tr = this._rowOf(e);
    if (!tr || e.target !== tr) return;
    const i = Number(tr.dataset.index);
    const last = (this.layout?.rows.length ?? 1) - 1;
    const page = Math.max(1, Math.floor((this._scroller?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: last, PageDown: i + page, PageUp: i - page };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.dispatchEvent(new VendorSelected(Number(tr.dataset.vendorId)));
    } else if (e.key in moves) {
      e.preventDefault();
      void this._focusRow(Math.min(last, Math.max(0, moves[e.key] ?? i)));
    }
  }

  private async _focusRow(index: number): Promise<void> {
    this._active = index;
    // A row outside the rendered window does not exist yet: scroll it into the box first.
    const box = this._scroller;
    const body = this.renderRoot.querySelector('tbody');
    if (box && body) revealRow(box, body, this.renderRoot.querySelector('thead')?.offsetHeight ?? 0, index, ROW_HEIGHT);
    this._window.measure();
    await this.updateComplete;
    const tr = this.renderRoot.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    tr?.focus({ preventScroll: true });
    if (tr) revealInWindow(tr);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-trend-heatmap': TrendHeatmap;
  }
}
