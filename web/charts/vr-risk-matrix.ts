/**
 * The 5×5 risk matrix as an SVG grid: likelihood rows (5 at the top) × impact columns, each cell
 * with its vendor count and its level in words on the level's tint (the worst band of its vendors),
 * and a dot per vendor in the tint of the vendor's own band. risk-matrix.layout.ts does
 * the maths. One cell holds the tab stop (arrows, Home/End, Ctrl+Home/End move it, as in the
 * heatmap); Enter, Space or a click selects a cell. A visually hidden table repeats the counts
 * for screen readers that read tables better than an SVG grid.
 *
 * @fires matrix-cell-selected - a cell was clicked, or Enter/Space pressed on it
 */
import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Heatmap, HeatmapRow } from '../../server/http/contract.ts';
import { bandCounts, cellKey, layoutRiskMatrix, LEVELS, levelRange, MATRIX_MARGIN_X, type MatrixCell, type MatrixLayout } from './risk-matrix.layout.ts';
import { BAND_LABEL } from './heatmap.bands.ts';
import { gridKey, type CellPos } from './heatmap.keys.ts';
import { srOnly } from '../styles/shared.ts';
import { WidthController } from '../controllers/resize-controller.ts';

/** Cells shrink with the space they get (a phone's width), down to where their words still fit. */
const CELL = { max: 84, min: 50 } as const;
const cellFor = (width: number) => (width > 0 ? Math.max(CELL.min, Math.min(CELL.max, Math.floor((width - MATRIX_MARGIN_X) / 5))) : CELL.max);

const UP: EventInit = { bubbles: true, composed: true };

/** A matrix cell was chosen; `key` is "likelihood-impact", e.g. "4-5". */
export class MatrixCellSelected extends Event {
  static readonly type = 'matrix-cell-selected';
  readonly key: string;
  constructor(key: string) {
    super(MatrixCellSelected.type, UP);
    this.key = key;
  }
}

@customElement('vr-risk-matrix')
export class RiskMatrix extends LitElement {
  static override styles = [
    srOnly,
    css`
      :host {
        display: block;
        max-width: 100%;
        position: relative;
        overflow-x: auto;
      }
      svg {
        display: block;
        font-family: var(--vr-font);
      }
      .cell {
        cursor: pointer;
        outline: none;
      }
      .count {
        font-weight: 700;
        text-anchor: middle;
        font-variant-numeric: tabular-nums;
      }
      .level {
        text-anchor: middle;
      }
      .cell.empty .count {
        font-weight: 400;
      }
      .marker {
        stroke-width: 1.5;
      }
      .more {
        font-size: 10px;
        font-weight: 700;
      }
      .ring {
        fill: none;
        stroke: none;
      }
      .cell:hover .ring {
        stroke: var(--vr-ink-muted);
        stroke-width: 2;
      }
      .cell[aria-selected='true'] .ring {
        stroke: var(--vr-ink);
        stroke-width: 4;
      }
      .cell:focus-visible .ring {
        stroke: var(--vr-focus);
        stroke-width: 4;
        stroke-dasharray: 6 3;
      }
      .tick {
        font-size: 13px;
        font-weight: 700;
        fill: var(--vr-ink);
      }
      .range {
        font-size: 11px;
        fill: var(--vr-ink-muted);
      }
      .title {
        font-size: 13px;
        font-weight: 700;
        fill: var(--vr-ink);
      }
    `,
  ];

  /** The vendors to place (already filtered). */
  @property({ attribute: false }) rows: readonly HeatmapRow[] = [];
  @property({ attribute: false }) bands?: Heatmap['bands'];
  /** The selected cell's key ("4-5"), or ''. */
  @property() selected = '';
  @state() private _active: CellPos = { row: 0, col: 4 };
  private _layout: MatrixLayout = layoutRiskMatrix([]);
  private _size = new WidthController(this);
  /** The cell size laid out for. */
  private _cellSize = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const cell = cellFor(this._size.width);
    if (changed.has('rows') || changed.has('bands') || cell !== this._cellSize) {
      this._cellSize = cell;
      this._layout = layoutRiskMatrix(this.rows, this.bands, cell);
    }
    // A newly selected cell (from the URL, say) takes the tab stop.
    if (changed.has('selected')) {
      const cell = this._layout.rows.flat().find((c) => c.key === this.selected);
      if (cell) this._active = { row: cell.row, col: cell.col };
    }
  }

  override render() {
    const g = this._layout;
    const { plot } = g;
    return html`<svg width=${g.width} height=${g.height} viewBox="0 0 ${g.width} ${g.height}" role="grid"
        aria-label="Risk matrix: likelihood level by impact level, ${g.total - g.notAssessed.length} assessed vendors${g.notAssessed.length ? `; ${g.notAssessed.length} not assessed, listed apart` : ''}" aria-rowcount="5" aria-colcount="5"
        @keydown=${this._onKeydown} @click=${this._onClick} @focusin=${this._onFocusIn}>
        <g aria-hidden="true">
          ${g.yTicks.map(
            (t) => svg`<text class="tick" x=${plot.x - 10} y=${t.y - 3} text-anchor="end">${t.level}</text>
            <text class="range" x=${plot.x - 10} y=${t.y + 12} text-anchor="end">${t.range}</text>`,
          )}
          ${g.xTicks.map(
            (t) => svg`<text class="tick" x=${t.x} y=${plot.y + plot.size + 18} text-anchor="middle">${t.level}</text>
            <text class="range" x=${t.x} y=${plot.y + plot.size + 32} text-anchor="middle">${t.range}</text>`,
          )}
          <text class="title" transform="translate(16 ${plot.y + plot.size / 2}) rotate(-90)" text-anchor="middle">Likelihood →</text>
          <text class="title" x=${plot.x + plot.size / 2} y=${g.height - 6} text-anchor="middle">Impact →</text>
        </g>
        ${g.rows.map((row) => svg`<g role="row">${row.map((c) => this._cell(c))}</g>`)}
      </svg>
      ${this._table()}`;
  }

  private _cell(c: MatrixCell) {
    const a = this._active;
    const n = c.vendors.length;
    const mid = c.x + c.size / 2;
    const big = Math.round(c.size * 0.27);
    const small = Math.max(9, Math.round(c.size * 0.13));
    return svg`<g class="cell ${n === 0 ? 'empty' : ''}" role="gridcell" data-cell=${c.key} tabindex=${a.row === c.row && a.col === c.col ? 0 : -1}
        aria-selected=${this.selected === c.key ? 'true' : 'false'} aria-label=${c.label}>
      <rect x=${c.x} y=${c.y} width=${c.size} height=${c.size} rx="4" fill=${c.fill}></rect>
      <text class="count" x=${mid} y=${c.y + c.size / 2 + 2} font-size=${big} fill=${c.ink}>${n}</text>
      <text class="level" x=${mid} y=${c.y + c.size / 2 + 2 + small * 1.7} font-size=${small} fill=${c.ink}>${c.occupied ? BAND_LABEL[c.level] : ''}</text>
      <g aria-hidden="true">${c.markers.map(
        (m) =>
          svg`<circle class="marker" data-vendor-id=${m.vendorId} data-band=${m.band} cx=${m.cx} cy=${m.cy} r=${m.r} fill=${m.fill} stroke=${c.ink}></circle>`,
      )}${c.more > 0 ? svg`<text class="more" x=${c.moreAt.x} y=${c.moreAt.y} fill=${c.ink}>+${c.more}</text>` : nothing}</g>
      <rect class="ring" x=${c.x + 2} y=${c.y + 2} width=${c.size - 4} height=${c.size - 4} rx="3"></rect>
    </g>`;
  }

  /** The same counts as a plain table, for screen readers; in a hidden box, since a table is not clipped by its own overflow. */
  private _table() {
    return html`<div class="sr-only"><table>
      <caption>Assessed vendors per cell, with the worst band among them and their bands: likelihood level (rows) by impact level (columns); ${this._layout.notAssessed.length} not assessed, listed apart</caption>
      <thead>
        <tr>
          <th scope="col">Likelihood \\ impact</th>
          ${LEVELS.map((i) => html`<th scope="col">Impact ${i} (${levelRange(i)})</th>`)}
        </tr>
      </thead>
      <tbody>
        ${this._layout.rows.map(
          (row) => html`<tr>
            <th scope="row">Likelihood ${row[0]?.likelihood ?? ''} (${levelRange(row[0]?.likelihood ?? 1)})</th>
            ${row.map((c) => html`<td>${c.vendors.length}${c.occupied ? `, worst ${BAND_LABEL[c.level]} (${bandCounts(c.vendors)})` : nothing}${this.selected === c.key ? ', selected' : nothing}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private _cellOf(e: Event): SVGGElement | null {
    return (e.target as Element).closest?.<SVGGElement>('g.cell') ?? null;
  }

  private _onClick(e: MouseEvent): void {
    const g = this._cellOf(e);
    if (g?.dataset.cell) this.dispatchEvent(new MatrixCellSelected(g.dataset.cell));
  }

  private _onFocusIn(e: FocusEvent): void {
    const cell = this._layout.rows.flat().find((c) => c.key === this._cellOf(e)?.dataset.cell);
    if (cell && (cell.row !== this._active.row || cell.col !== this._active.col)) this._active = { row: cell.row, col: cell.col };
  }

  private async _onKeydown(e: KeyboardEvent): Promise<void> {
    const r = gridKey({ key: e.key, ctrl: e.ctrlKey || e.metaKey }, this._active, { rows: 5, cols: 5 }, 5);
    if (!r || r.kind === 'dismiss') return;
    e.preventDefault();
    if (r.kind === 'activate') {
      const c = this._layout.rows[this._active.row]?.[this._active.col];
      if (c) this.dispatchEvent(new MatrixCellSelected(cellKey(c)));
      return;
    }
    this._active = r.to;
    await this.updateComplete;
    this.renderRoot.querySelector<SVGGElement>(`g.cell[tabindex="0"]`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-risk-matrix': RiskMatrix;
  }
  interface HTMLElementEventMap {
    'matrix-cell-selected': MatrixCellSelected;
  }
}
