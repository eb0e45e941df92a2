/**
 * The portfolio heatmap: vendors (rows) × factors (columns), as an ARIA grid whose factor cells
 * are small SVG swatches. heatmap.layout.ts computes every colour and shape, heatmap.keys.ts the
 * keyboard moves and heatmap.tip.ts the tooltip's words; this element renders and reports.
 *
 * It scrolls in its own box, so that the header row and the vendor column both stay in view
 * (sticky needs the scrolling box to be the table's own); past 300 rows only the rows in that box
 * are rendered. One cell holds the tab stop (roving tabindex): arrows move it, Home/End go to the
 * ends of the row, Ctrl+Home/End to the first and last cell, PageUp/PageDown by a screenful,
 * Enter opens the vendor, Escape hides the tooltip. `density="compact"` draws shorter rows.
 *
 * @fires vendor-selected - a row was clicked, or Enter/Space pressed on one of its cells
 * @fires sort-changed - a column's sort button was pressed
 */
import { html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Heatmap, HeatmapRow } from '../../server/http/contract.ts';
import { layoutHeatmap, type HeatCell } from './heatmap.layout.ts';
import { defaultDir, DEFAULT_SORT, sortRows, type SortState } from './heatmap.sort.ts';
import { clampCell, gridKey, type CellPos } from './heatmap.keys.ts';
import { cellTip, heatColumns, type HeatColumn } from './heatmap.tip.ts';
import { SortChanged, VendorSelected } from '../events.ts';
import { RowWindowController } from '../controllers/row-window-controller.ts';
import { revealColumn, revealInWindow, revealRow } from './heatmap.reveal.ts';
import { heatmapStyles } from './vr-heatmap.styles.ts';
import { DENSITY_SIZES, type Density } from './heatmap.density.ts';
import type { HeatmapTooltip } from './vr-heatmap-tooltip.ts';
import './vr-heatmap-tooltip.ts';
import './vr-band-badge.ts';

const one = (n: number) => n.toFixed(1);
type Cell = HTMLTableCellElement;

@customElement('vr-heatmap')
export class HeatmapChart extends LitElement {
  static override styles = heatmapStyles;

  /** The portfolio as `GET /portfolio/heatmap` returns it (`bands` only words the band tooltips). */
  @property({ attribute: false }) data?: Pick<Heatmap, 'factors' | 'rows'> & Partial<Pick<Heatmap, 'bands'>>;
  /** Compared by value: the page parses a new one from the URL on every render, and each change re-sorts 5,000 rows. */
  @property({ attribute: false, hasChanged: (a?: SortState, b?: SortState) => a?.key !== b?.key || a?.dir !== b?.dir }) sort: SortState = DEFAULT_SORT;
  /** Row height: reflected, as the styles follow the attribute. */
  @property({ reflect: true }) density: Density = 'comfortable';
  /** The cell that holds the tab stop, by row (in sorted order) and column. */
  @state() private _active: CellPos = { row: 0, col: 0 };
  @query('.scroller') private _scroller!: HTMLElement | null;
  @query('vr-heatmap-tooltip') private _tip!: HeatmapTooltip | null;
  private _layout = layoutHeatmap(undefined, DENSITY_SIZES.comfortable);
  private _columns: HeatColumn[] = heatColumns([]);
  /** While focus is in the grid, the tab stop stays put even when scrolled out of the row window. */
  private _focusWithin = false;
  /** The data the first-render performance mark was set for. */
  private _marked: unknown;

  private _window = new RowWindowController(this, {
    rowHeight: () => this._rowHeight(),
    count: () => this._layout.rows.length,
    anchor: () => this.renderRoot.querySelector('tbody'),
    scroller: () => this._scroller,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this._placeTip, { passive: true });
  }

  override disconnectedCallback(): void {
    window.removeEventListener('scroll', this._placeTip);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Layout once per data or sort change, not on every scroll-driven render.
    if (changed.has('data') || changed.has('sort') || changed.has('density')) {
      const rows = sortRows(this.data?.rows ?? [], this.sort);
      this._layout = layoutHeatmap(this.data && { factors: this.data.factors, rows }, this._sizes());
      this._columns = heatColumns(this._layout.factors);
      this._active = clampCell(this._active, this._size());
    }
  }

  override render() {
    const { factors, rows } = this._layout;
    const { start, end } = this._window.range;
    // The tab stop must be a rendered cell: unless focus is in the grid, it follows the window.
    const a = this._active;
    const stop = this._focusWithin || (a.row >= start && a.row < end) ? a : { row: start, col: a.col };
    // styleMap writes through the CSSOM, which a CSP without 'unsafe-inline' styles still allows.
    const spacer = (n: number) =>
      n > 0
        ? html`<tr class="spacer" aria-hidden="true" style=${styleMap({ height: `${n * this._rowHeight()}px` })}><td colspan=${this._columns.length}></td></tr>`
        : nothing;
    return html`<div class="scroller" @scroll=${this._placeTip}>
        <table role="grid" style=${styleMap({ '--factors': String(factors.length) })} aria-rowcount=${rows.length + 1} aria-colcount=${this._columns.length}>
          <caption class="sr-only">
            Vendors by risk factor, sorted by ${this._columnName(this.sort.key)}, ${this.sort.dir === 'asc' ? 'ascending' : 'descending'}.
            Factor scores run from 0 to 100, higher is riskier; unknown means no evidence. Arrow keys move between cells, Enter opens the vendor.
          </caption>
          <colgroup>
            <col class="c-vendor" /><col class="c-tier" />
            ${factors.map(() => html`<col class="c-factor" />`)}
            <col class="c-num" /><col class="c-num" /><col class="c-risk" /><col class="c-band" /><col class="c-conf" />
          </colgroup>
          <thead>
            <tr aria-rowindex="1">
              ${this._head('name', 'Vendor', 'vendor')} ${this._head('tier', 'Tier', 'num')}
              ${factors.map((f) => this._head(f.id, f.label, 'factor', `${f.weightText} of likelihood`))}
              ${this._head('likelihood', 'Likelihood', 'num')} ${this._head('impact', 'Impact', 'num')}
              ${this._head('risk', 'Risk', 'num risk')} ${this._head('band', 'Band', 'band')} ${this._head('confidence', 'Confidence', 'num')}
            </tr>
          </thead>
          <tbody
            @click=${this._onClick}
            @keydown=${this._onKeydown}
            @focusin=${this._onFocusIn}
            @focusout=${this._onFocusOut}
            @pointerover=${this._onPointerOver}
            @pointerleave=${this._onPointerLeave}
          >
            ${spacer(start)}
            ${repeat(
              rows.slice(start, end),
              (r) => r.row.vendorId,
              (r, i) => this._row(r.row, r.cells, start + i, stop),
            )}
            ${spacer(rows.length - end)}
          </tbody>
        </table>
      </div>
      <vr-heatmap-tooltip id="tip" role="tooltip" hidden></vr-heatmap-tooltip>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Another row height: the rows in the box are others.
    if (changed.has('density')) this._window.measure();
    // For `npm run bench:browser`: the first render of each new data set, then the paint after it.
    if (this.data && this.data !== this._marked && this._layout.rows.length > 0) {
      this._marked = this.data;
      performance.mark('heatmap-rendered');
      requestAnimationFrame(() => setTimeout(() => performance.mark('heatmap-painted')));
    }
    this._placeTip();
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

  private _row(row: HeatmapRow, cells: readonly HeatCell[], index: number, stop: CellPos) {
    const { width, height, hatch } = this._layout.cell;
    const here = index === stop.row;
    // Only the tab-stop cell is in the tab order, and it is described by the tooltip.
    const tab = (col: number) => (here && col === stop.col ? 0 : -1);
    const tip = (col: number) => (here && col === stop.col ? 'tip' : nothing);
    const n = cells.length + 2;
    return html`<tr data-vendor-id=${row.vendorId} data-index=${index} aria-rowindex=${index + 2}>
      <th scope="row" class="vendor" tabindex=${tab(0)} aria-describedby=${tip(0)}>
        <a href="/vendors/${row.vendorId}" tabindex="-1">${row.name}</a><span class="category">${row.category}</span>
      </th>
      <td class="num" tabindex=${tab(1)} aria-describedby=${tip(1)}>${row.tier}</td>
      ${cells.map(
        (
          c,
          k,
        ) => html`<td class="heat" data-factor=${c.factorId} data-unknown=${c.unknown ? 'true' : nothing} tabindex=${tab(k + 2)} aria-describedby=${tip(k + 2)}>
          <svg width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">
            <rect class="swatch" width=${width} height=${height} rx="3" fill=${c.fill}></rect>
            ${c.unknown ? svg`<path class="hatch" d=${hatch}></path><rect class="frame" x="0.5" y="0.5" width=${width - 1} height=${height - 1} rx="3"></rect>` : nothing}
            <text x=${width / 2} y=${height / 2} dy="0.35em" fill=${c.ink} class=${c.unknown ? 'unknown' : ''}>${c.text}</text>
          </svg>
          <span class="sr-only">${c.unknown ? 'unknown' : one(c.value ?? 0)}</span>
        </td>`,
      )}
      <td class="num" tabindex=${tab(n)} aria-describedby=${tip(n)}>${one(row.likelihood)}</td>
      <td class="num" tabindex=${tab(n + 1)} aria-describedby=${tip(n + 1)}>${one(row.impact)}</td>
      ${
        row.band === 'not-assessed'
          ? html`<td class="num risk not-assessed" tabindex=${tab(n + 2)} aria-describedby=${tip(n + 2)}>
            <span aria-hidden="true">${one(row.risk)}</span><span class="inherent" aria-hidden="true">inherent ${one(row.inherentRisk)}</span>
            <span class="sr-only">not assessed: residual ${one(row.risk)}, inherent ${one(row.inherentRisk)}</span>
          </td>`
          : html`<td class="num risk" tabindex=${tab(n + 2)} aria-describedby=${tip(n + 2)}>${one(row.risk)}</td>`
      }
      <td class="band" tabindex=${tab(n + 3)} aria-describedby=${tip(n + 3)}><vr-band-badge .band=${row.band}></vr-band-badge></td>
      <td class="num" tabindex=${tab(n + 4)} aria-describedby=${tip(n + 4)}>${Math.round(row.confidence * 100)}%</td>
    </tr>`;
  }

  private _sizes() {
    return DENSITY_SIZES[this.density] ?? DENSITY_SIZES.comfortable;
  }

  private _rowHeight(): number {
    return this._sizes().rowHeight;
  }

  private _size() {
    return { rows: this._layout.rows.length, cols: this._columns.length };
  }

  private _columnName(key: string): string {
    return this._layout.factors.find((f) => f.id === key)?.label ?? key;
  }

  /** The grid cell an event happened in, with its position. */
  private _cellOf(e: Event): { cell: Cell; at: CellPos; row: HeatmapRow } | null {
    const cell = (e.target as Element).closest?.<Cell>('tbody tr[data-index] > :is(th, td)');
    const tr = cell?.parentElement as HTMLTableRowElement | undefined;
    const index = Number(tr?.dataset.index);
    const row = this._layout.rows[index]?.row;
    return cell && row ? { cell, at: { row: index, col: cell.cellIndex }, row } : null;
  }

  private _cellAt(at: CellPos): Cell | null {
    return this.renderRoot.querySelector<HTMLTableRowElement>(`tbody tr[data-index="${at.row}"]`)?.cells[at.col] ?? null;
  }

  private _showTip(cell: Cell, at: CellPos, row: HeatmapRow): void {
    const col = this._columns[at.col];
    if (col && this._tip) this._tip.show(cellTip(row, col, { factors: this._layout.factors, bands: this.data?.bands }), cell);
  }

  private readonly _placeTip = () => this._tip?.place();

  private _onClick(e: MouseEvent): void {
    // The vendor link navigates by itself; a click anywhere else on the row does the same.
    if ((e.target as Element).closest('a')) return;
    const hit = this._cellOf(e);
    if (hit) this.dispatchEvent(new VendorSelected(hit.row.vendorId));
  }

  private _onFocusIn(e: FocusEvent): void {
    const hit = this._cellOf(e);
    if (!hit) return;
    this._focusWithin = true;
    if (hit.at.row !== this._active.row || hit.at.col !== this._active.col) this._active = hit.at;
    this._showTip(hit.cell, hit.at, hit.row);
  }

  private _onFocusOut(e: FocusEvent): void {
    if (e.relatedTarget instanceof Node && this.renderRoot.querySelector('tbody')?.contains(e.relatedTarget)) return;
    this._focusWithin = false;
    this._tip?.hide();
  }

  private _onPointerOver(e: PointerEvent): void {
    const hit = this._cellOf(e);
    if (hit && hit.cell !== this._tip?.anchor) this._showTip(hit.cell, hit.at, hit.row);
  }

  private _onPointerLeave(): void {
    // Back to the focused cell's tooltip, if focus is in the grid; otherwise none.
    const cell = this._focusWithin ? this._cellAt(this._active) : null;
    const row = this._layout.rows[this._active.row]?.row;
    if (cell && row) this._showTip(cell, this._active, row);
    else this._tip?.hide();
  }

  private _onKeydown(e: KeyboardEvent): void {
    const hit = this._cellOf(e);
    if (!hit || e.target !== hit.cell) return;
    const page = Math.max(1, Math.floor((this._scroller?.clientHeight ?? 0) / this._rowHeight()) - 2);
    const r = gridKey({ key: e.key, ctrl: e.ctrlKey || e.metaKey }, hit.at, this._size(), page);
    if (!r || (r.kind === 'dismiss' && this._tip?.hidden)) return;
    e.preventDefault();
    if (r.kind === 'activate') this.dispatchEvent(new VendorSelected(hit.row.vendorId));
    else if (r.kind === 'dismiss') this._tip?.hide();
    else void this._focusCell(r.to);
  }

  private async _focusCell(to: CellPos): Promise<void> {
    this._active = to;
    // A row outside the rendered window does not exist yet: scroll it into the box first.
    const box = this._scroller;
    const body = this.renderRoot.querySelector('tbody');
    if (box && body) revealRow(box, body, this.renderRoot.querySelector('thead')?.offsetHeight ?? 0, to.row, this._rowHeight());
    this._window.measure();
    await this.updateComplete;
    const cell = this._cellAt(to);
    const row = this._layout.rows[to.row]?.row;
    if (!cell || !row) return;
    if (box) revealColumn(box, cell);
    // The tooltip's words first, so that the description is there when focus lands.
    this._showTip(cell, to, row);
    await this._tip?.updateComplete;
    cell.focus({ preventScroll: true });
    revealInWindow(cell);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-heatmap': HeatmapChart;
  }
}
