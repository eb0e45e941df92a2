/**
 * Calibration of the score read as a probability: per tenth of the forecast, the incident rate
 * observed (mark, sized by the vendor-quarters behind it) with its 95% interval (whisker), against
 * the diagonal of a perfect forecast. Likelihood as circles, risk as squares, each named in the
 * legend; the table beside it (vr-backtest-calibration-table) gives the same figures.
 */
import { css, html, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { WidthController } from '../controllers/resize-controller.ts';
import { chartLegend } from '../styles/shared.ts';
import { layoutCalibration, type CalibrationMark, type CalibrationSeries } from './calibration.layout.ts';

const HEIGHT = 320;
const MAX_WIDTH = 520;

@customElement('vr-calibration-plot')
export class CalibrationPlot extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    figure {
      margin: 0;
      max-width: ${MAX_WIDTH}px;
    }
    figcaption {
      font-size: 0.85rem;
      color: var(--vr-ink-muted);
      margin-bottom: 8px;
    }
    ${chartLegend}
    .legend {
      gap: 4px 20px;
      margin: 0 0 8px;
      font-size: 0.85rem;
    }
    .placeholder {
      height: ${HEIGHT}px;
    }
    svg {
      display: block;
      overflow: visible;
    }
    text {
      font-family: var(--vr-font);
      font-size: 11px;
      fill: var(--vr-ink-muted);
    }
    .grid {
      stroke: var(--vr-line);
    }
    .axis {
      stroke: var(--vr-line-strong);
    }
    .diagonal {
      stroke: var(--vr-ink-muted);
      stroke-dasharray: 5 4;
    }
    .s0 {
      fill: var(--vr-accent);
      stroke: var(--vr-accent);
    }
    .s1 {
      fill: var(--vr-high-line);
      stroke: var(--vr-high-line);
    }
    .mark {
      stroke: var(--vr-surface);
      stroke-width: 1.5;
    }
    .whisker {
      fill: none;
      stroke-width: 1.5;
    }
  `;

  @property({ attribute: false }) series: readonly CalibrationSeries[] = [];
  /** The forecast's horizon, for the words: "within 365 days". */
  @property({ type: Number }) horizonDays = 365;
  private _size = new WidthController(this);

  override render() {
    const w = Math.min(this._size.width, MAX_WIDTH);
    const g = w > 0 ? layoutCalibration(this.series, w, HEIGHT) : undefined;
    const describe = this.series
      .map((s) => `${s.label}: ${s.bins.map((b) => `forecast ${b.label}, observed ${b.rate === null ? 'none' : `${Math.round(b.rate * 100)}%`}`).join('; ')}`)
      .join('. ');
    return html`<figure>
      <figcaption id="cap">
        Forecast (score ÷ 100, as the probability of an incident becoming known within ${this.horizonDays} days) against the share of vendor-quarters that had one. On the dashed
        diagonal the forecast is right; above it, the score said too little.
      </figcaption>
      <ul class="legend" aria-label="Series">
        ${(g?.series ?? []).map(
          (s, k) => html`<li data-series=${s.id}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">${this._shape(s.shape, 7, 7, 5, k)}</svg>
            ${s.label}
          </li>`,
        )}
      </ul>
      ${
        g
          ? html`<svg width=${g.width} height=${g.height} role="img" aria-labelledby="cap" aria-describedby="desc">
            <desc id="desc">${describe}. The table beside the chart gives the values with their intervals.</desc>
            ${g.ticks.map(
              (t) => svg`<line class="grid" x1=${g.margin.left} x2=${g.width - g.margin.right} y1=${t.y} y2=${t.y}></line>
                <text x=${g.margin.left - 6} y=${t.y + 4} text-anchor="end">${t.label}</text>
                <line class="axis" x1=${t.x} x2=${t.x} y1=${g.height - g.margin.bottom} y2=${g.height - g.margin.bottom + 5}></line>
                <text x=${t.x} y=${g.height - g.margin.bottom + 18} text-anchor="middle">${t.label}</text>`,
            )}
            <line class="diagonal" x1=${g.diagonal.x1} y1=${g.diagonal.y1} x2=${g.diagonal.x2} y2=${g.diagonal.y2}></line>
            <text x=${(g.margin.left + g.width - g.margin.right) / 2} y=${g.height - 6} text-anchor="middle">Forecast</text>
            <text transform="translate(12 ${(g.margin.top + g.height - g.margin.bottom) / 2}) rotate(-90)" text-anchor="middle">Observed</text>
            ${g.series.map((s, k) => s.marks.map((m) => this._mark(s.id, s.shape, m, k)))}
          </svg>`
          : html`<div class="placeholder"></div>`
      }
    </figure>`;
  }

  private _shape(shape: 'circle' | 'square', x: number, y: number, r: number, k: number) {
    return shape === 'circle'
      ? svg`<circle class="mark s${k}" cx=${x} cy=${y} r=${r}></circle>`
      : svg`<rect class="mark s${k}" x=${x - r * 0.9} y=${y - r * 0.9} width=${r * 1.8} height=${r * 1.8}></rect>`;
  }

  private _mark(series: string, shape: 'circle' | 'square', m: CalibrationMark, k: number) {
    return svg`<g data-series=${series} data-bin=${m.bin.id}>
      <path class="whisker s${k}" d=${`M${m.x - 4},${m.yLow}H${m.x + 4}M${m.x},${m.yLow}V${m.yHigh}M${m.x - 4},${m.yHigh}H${m.x + 4}`}></path>
      ${this._shape(shape, m.x, m.y, m.r, k)}
    </g>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-calibration-plot': CalibrationPlot;
  }
}
