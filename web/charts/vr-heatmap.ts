/**
 * The portfolio heatmap: vendors (rows) × factors (columns), as an accessible table whose factor
 * cells are small SVG swatches. heatmap.layout.ts computes every colour and shape; this element
 * only renders them and reports what the user did.
 *
 * @fires vendor-selected - a row was clicked, or Enter/Space pressed on it
 * @fires sort-changed - a column's sort button was pressed
 */
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Heatmap, HeatmapRow } from '../../server/services/scoring-service.ts';
import { layoutHeatmap, type HeatCell, type HeatmapLayout } from './heatmap.layout.ts';
import { defaultDir, DEFAULT_SORT, sortRows, type SortState } from './heatmap.sort.ts';
import { SortChanged, VendorSelected } from '../events.ts';
import { RowWindowController } from '../controllers/row-window-controller.ts';
import { heatmapStyles, ROW_HEIGHT } from './vr-heatmap.styles.ts';
import '../components/vr-band-badge.ts';

const CELL = { cellWidth: 100, cellHeight: 26 };
const one = (n: number) => n.toFixed(1);

@customElement('vr-heatmap')
export class HeatmapChart extends LitElement {
  static override styles = heatmapStyles;

  /** The portfolio as `GET /portfolio/heatmap` returns it. */
  @property({ attribute: false }) data?: Pick<Heatmap, 'factors' | 'rows'>;
  @property({ attribute: false }) sort: SortState = DEFAULT_SORT;
  /** Index (in sorted order) of the row that holds the tab stop. */
  @state() private _active = 0;
  private _layout: HeatmapLayout = layoutHeatmap(undefined, CELL);

  private _window = new RowWindowController(this, {
    rowHeight: ROW_HEIGHT,
    count: () => this._layout.rows.length,
    anchor: () => this.renderRoot.querySelector('tbody'),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Layout once per data or sort change, not on every scroll-driven render.
    if (changed.has('data') || changed.has('sort')) {
      const rows = sortRows(this.data?.rows ?? [], this.sort);
      this._layout = layoutHeatmap(this.data && { factors: this.data.factors, rows }, CELL);
      this._active = Math.min(this._active, Math.max(0, rows.length - 1));
    }
  }

  override render() {
    const { factors, rows } = this._layout;
    const { start, end } = this._window.range;
    // styleMap writes through the CSSOM, which a CSP without 'unsafe-inline' styles still allows.
    const spacer = (n: number) =>
      n > 0 ? html`<tr class="spacer" aria-hidden="true" style=${styleMap({ height: `${n * ROW_HEIGHT}px` })}><td colspan=${factors.length + 7}></td></tr>` : nothing;
    return html`
      <table aria-rowcount=${rows.length + 1}>
        <caption class="sr-only">
          Vendors by risk factor, sorted by ${this._columnName(this.sort.key)}, ${this.sort.dir === 'asc' ? 'ascending' : 'descending'}.
          Factor scores run from 0 to 100, higher is riskier; unknown means no evidence.
        </caption>
        <colgroup>
          <col class="c-vendor" /><col class="c-tier" />
          ${factors.map(() => html`<col class="c-factor" />`)}
          <col class="c-num" /><col class="c-num" /><col class="c-risk" /><col class="c-band" /><col class="c-conf" />
        </colgroup>
        <thead>
          <tr aria-rowindex="1">
            ${this._head('name', 'Vendor')} ${this._head('tier', 'Tier', 'num')}
            ${factors.map((f) => this._head(f.id, f.label, 'factor', `${f.weightText} of likelihood`))}
            ${this._head('likelihood', 'Likelihood', 'num')} ${this._head('impact', 'Impact', 'num')}
            ${this._head('risk', 'Risk', 'num')} ${this._head('band', 'Band')} ${this._head('confidence', 'Confidence', 'num')}
          </tr>
        </thead>
        <tbody @click=${this._onClick} @keydown=${this._onKeydown} @focusin=${this._onFocusIn}>
          ${spacer(start)}
          ${repeat(rows.slice(start, end), (r) => r.row.vendorId, (r, i) => this._row(r.row, r.cells, start + i))}
          ${spacer(rows.length - end)}
        </tbody>
      </table>
    `;
  }

  private _head(key: string, label: string, cls = '', sub?: string) {
    const active = this.sort.key === key;
    const next = active ? (this.sort.dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
    const arrow = active ? (this.sort.dir === 'asc' ? '▲' : '▼') : '↕';
    return html`<th scope="col" class=${cls} aria-sort=${active ? (this.sort.dir === 'asc' ? 'ascending' : 'descending') : nothing}>
      <button type="button" data-sort=${key} @click=${() => this.dispatchEvent(new SortChanged(key, next))}>
        <span class="label">${label}${sub ? html`<span class="sub">${sub}</span>` : nothing}</span>
        <span class="arrow ${active ? 'on' : ''}" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  private _row(row: HeatmapRow, cells: readonly HeatCell[], index: number) {
    const { width, height, hatch } = this._layout.cell;
    return html`<tr data-vendor-id=${row.vendorId} data-index=${index} aria-rowindex=${index + 2} tabindex=${index === this._active ? 0 : -1}>
      <th scope="row" class="vendor">
        <a href="/vendors/${row.vendorId}" tabindex="-1">${row.name}</a><span class="category">${row.category}</span>
      </th>
      <td class="num">${row.tier}</td>
      ${cells.map(
        (c) => html`<td class="heat" data-factor=${c.factorId} data-unknown=${c.unknown ? 'true' : nothing} title=${c.label}>
          <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">
            <rect class="swatch" width=${width} height=${height} rx="3" fill=${c.fill}></rect>
            ${c.unknown ? svg`<path class="hatch" d=${hatch}></path><rect class="frame" x="0.5" y="0.5" width=${width - 1} height=${height - 1} rx="3"></rect>` : nothing}
            <text x=${width / 2} y=${height / 2} dy="0.35em" fill=${c.ink} class=${c.unknown ? 'unknown' : ''}>${c.text}</text>
          </svg>
          <span class="sr-only">${c.unknown ? 'unknown' : one(c.value ?? 0)}</span>
        </td>`,
      )}
      <td class="num">${one(row.likelihood)}</td>
      <td class="num">${one(row.impact)}</td>
      <td class="num risk">${one(row.risk)}</td>
      <td><vr-band-badge .band=${row.band}></vr-band-badge></td>
      <td class="num">${Math.round(row.confidence * 100)}%</td>
    </tr>`;
  }

  private _columnName(key: string): string {
    return this._layout.factors.find((f) => f.id === key)?.label ?? key;
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
    const last = this._layout.rows.length - 1;
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: last, PageDown: i + 10, PageUp: i - 10 };
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
    const body = this.renderRoot.querySelector('tbody');
    if (body) {
      // A row outside the rendered window does not exist yet: scroll it into view first.
      const top = body.getBoundingClientRect().top + index * ROW_HEIGHT;
      if (top < ROW_HEIGHT * 2 || top > window.innerHeight - ROW_HEIGHT) window.scrollBy(0, top - window.innerHeight / 2);
      this._window.measure();
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-heatmap': HeatmapChart;
  }
}
