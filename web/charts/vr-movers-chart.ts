/**
 * The movers with their causes: one diverging stacked bar per vendor (movers.layout.ts), a legend,
 * and a table that says the same in numbers (read by screen readers, and printed). The SVG is laid
 * out at a fixed width and scales with its box through its viewBox, because a printed page is
 * laid out without the resize callbacks a measured width would wait for.
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CAUSES, CAUSE_SHORT, layoutMovers, signed, type MoverInput, type MoverRow, type MoversLayout } from './movers.layout.ts';
import { chartLegend, dataTable, numColumns, scrollBox } from '../styles/shared.ts';

/** The width the chart is laid out at; it shrinks to fit narrower boxes (a phone, an A4 page). */
const WIDTH = 640;

/**
 * The movers in numbers, a table's head and rows: from, to, the change and each cause (a Tier
 * column too when `tier`). The chart's own table, and the report's list of every mover.
 */
export function moversTableRows(movers: readonly (MoverInput & { readonly tier?: number })[], tier = false) {
  return html`<thead>
      <tr>
        <th scope="col">Vendor</th>
        ${tier ? html`<th scope="col" class="num">Tier</th>` : nothing}
        <th scope="col" class="num">From</th>
        <th scope="col" class="num">To</th>
        <th scope="col" class="num">Change</th>
        ${CAUSES.map((c) => html`<th scope="col" class="num">${CAUSE_SHORT[c]}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${movers.map(
        (m) => html`<tr data-vendor-id=${m.vendorId}>
          <th scope="row">${m.name}</th>
          ${tier ? html`<td class="num">${m.tier}</td>` : nothing}
          <td class="num">${m.from}</td>
          <td class="num">${m.to}</td>
          <td class="num change"><strong>${signed(m.delta)}</strong></td>
          ${CAUSES.map((c) => html`<td class="num" data-cause=${c}>${signed(m.causes[c])}</td>`)}
        </tr>`,
      )}
    </tbody>`;
}

@customElement('vr-movers-chart')
export class MoversChart extends LitElement {
  static override styles = [
    dataTable,
    scrollBox,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
        margin: 0 0 6px;
      }
      ${chartLegend}
      .legend {
        gap: 2px 16px;
        margin: 0 0 6px;
        font-size: 0.82rem;
      }
      svg.chart {
        display: block;
        width: 100%;
        max-width: ${WIDTH}px;
        height: auto;
        font-family: var(--vr-font);
        font-size: 12px;
      }
      .grid {
        stroke: var(--vr-line);
      }
      .zero {
        stroke: var(--vr-ink-muted);
      }
      text {
        fill: var(--vr-ink);
      }
      text.tick {
        fill: var(--vr-ink-muted);
        font-size: 11px;
      }
      text.delta {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .seg {
        stroke: var(--vr-surface);
        stroke-width: 1;
      }
      .net {
        stroke: var(--vr-ink);
        stroke-width: 2;
      }
      .scroll {
        margin-top: 8px;
      }
      /* Wide screens: the table beside the chart. Paper is narrower than this, so there it follows the chart. */
      @media (min-width: 1280px) {
        .body {
          display: grid;
          grid-template-columns: minmax(0, ${WIDTH}px) minmax(0, 1fr);
          gap: 24px;
          align-items: start;
        }
        .body .scroll {
          margin-top: 0;
        }
      }
      table {
        font-size: 0.82rem;
      }
      th,
      td {
        padding: 4px 6px;
      }
      ${numColumns}
      td.num,
      th.num {
        white-space: nowrap;
      }
      @media print {
        figure,
        tr {
          break-inside: avoid;
        }
        .scroll {
          overflow: visible;
        }
      }
    `,
  ];

  /** The movers to draw, in order (the report lists the largest change first). */
  @property({ attribute: false }) movers: readonly MoverInput[] = [];
  /** What the chart shows, e.g. "Change in risk since 2023 Q3, by cause". */
  @property() caption = '';

  private _memo?: { source: readonly MoverInput[]; layout: MoversLayout };

  override render() {
    if (this.movers.length === 0) return nothing;
    if (this._memo?.source !== this.movers) this._memo = { source: this.movers, layout: layoutMovers(this.movers, WIDTH) };
    const g = this._memo.layout;
    return html`<figure>
      <figcaption id="cap">${this.caption}</figcaption>
      <ul class="legend" aria-label="Causes">
        ${g.legend.map(
          (l) => html`<li data-cause=${l.cause}>
            <svg width="14" height="14" aria-hidden="true" focusable="false"><rect width="14" height="14" rx="2" fill=${l.fill}></rect></svg>${l.label}
          </li>`,
        )}
      </ul>
      <div class="body">
        <svg class="chart" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-labelledby="cap" aria-describedby="desc">
          <desc id="desc">${g.rows.map((r) => r.description).join('. ')}. The table with the chart gives each cause.</desc>
          ${g.xTicks.map(
            (t) => svg`<line class="grid" x1=${t.x} x2=${t.x} y1=${g.plot.top - 4} y2=${g.plot.bottom}></line>
              <text class="tick" x=${t.x} y=${g.plot.top - 9} text-anchor="middle">${t.label}</text>`,
          )}
          <line class="zero" x1=${g.zeroX} x2=${g.zeroX} y1=${g.plot.top - 4} y2=${g.plot.bottom}></line>
          ${g.rows.map((r) => this._row(g, r))}
        </svg>
        ${this._table()}
      </div>
    </figure>`;
  }

  private _row(g: MoversLayout, r: MoverRow) {
    const mid = r.barY + r.barHeight / 2 + 4;
    return svg`<g class="mover" data-vendor-id=${r.vendorId}>
      <title>${r.description}</title>
      <text x=${g.nameX} y=${mid} text-anchor="end">${r.name}</text>
      ${r.segments.map((s) => svg`<rect class="seg" data-cause=${s.cause} x=${s.x} y=${r.barY} width=${Math.max(s.width, 0.5)} height=${r.barHeight} fill=${s.fill}></rect>`)}
      <line class="net" x1=${r.netX} x2=${r.netX} y1=${r.barY - 3} y2=${r.barY + r.barHeight + 3}></line>
      <text class="delta" x=${g.deltaX - 2} y=${mid} text-anchor="end">${r.deltaText}</text>
    </g>`;
  }

  private _table() {
    return html`<div class="scroll" role="region" aria-label="Movers and their causes, as a table" tabindex="0">
      <table>
        ${moversTableRows(this.movers)}
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-movers-chart': MoversChart;
  }
}
