/**
 * The heatmap's key: the colour ramp with its ticks, the hatched swatch that means "unknown" (a
 * factor resting on no evidence), and the "Not assessed" band (a vendor whose evidence covers too
 * little of the likelihood weight). The trend heatmap colours risk with the same ramp, so it shows
 * this key too, under its own caption and without the unknown swatch (a risk is never unknown).
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { layoutLegend, UNKNOWN_STROKE } from './heatmap.layout.ts';
import { NOT_ASSESSED_TEXT } from './heatmap.bands.ts';
import './vr-band-badge.ts';

@customElement('vr-heatmap-legend')
export class HeatmapLegend extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.8rem;
      color: var(--vr-ink-muted);
    }
    figure {
      margin: 0;
      display: flex;
      align-items: flex-end;
      gap: 20px;
      flex-wrap: wrap;
    }
    figcaption {
      font-weight: 600;
      color: var(--vr-ink);
      margin-bottom: 2px;
    }
    .ramp,
    .unknown {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .unknown-row {
      display: flex;
      align-items: center;
      gap: 6px;
      height: 32px;
    }
    text {
      font-family: var(--vr-font);
      font-size: 11px;
      fill: var(--vr-ink-muted);
    }
    .ground {
      fill: var(--vr-unknown-fill);
    }
    .frame {
      stroke: var(--vr-unknown-frame);
    }
    .hatch {
      stroke: var(--vr-unknown-stroke);
      stroke-width: 1.25;
    }
  `;

  /** Width of the colour ramp in CSS pixels. */
  @property({ type: Number }) width = 220;
  /** What the colours measure. */
  @property() caption = 'Factor score (0 = least risk, 100 = most)';
  /** Whether to explain the hatched "unknown" swatch. */
  @property({ type: Boolean }) unknown = true;
  /** What the "Not assessed" band means here. */
  @property() notAssessed = `${NOT_ASSESSED_TEXT}; sorted last, by inherent risk (the order to assess them in)`;

  override render() {
    const g = layoutLegend(this.width);
    const h = g.barHeight;
    const s = g.swatch;
    return html`<figure>
      <div class="ramp">
        <figcaption id="cap">${this.caption}</figcaption>
        <svg width=${g.width + 2} height=${h + 18} role="img" aria-labelledby="cap" aria-describedby="ramp-desc">
          <desc id="ramp-desc">Pale yellow at 0 through orange and magenta to deep purple at 100.</desc>
          <g transform="translate(1,0)">
            ${g.steps.map((st) => svg`<rect x=${st.x} width=${st.width} height=${h} fill=${st.fill}></rect>`)}
            ${g.ticks.map(
              (t) => svg`<line x1=${t.x} x2=${t.x} y1=${h} y2=${h + 4} stroke="currentColor"></line>
                <text x=${t.x} y=${h + 15} text-anchor=${t.anchor}>${t.label}</text>`,
            )}
          </g>
        </svg>
      </div>
      ${this.unknown ? this._unknown(s) : nothing}
      <div class="unknown">
        <div class="unknown-row">
          <vr-band-badge band="not-assessed"></vr-band-badge>
          <span>${this.notAssessed}</span>
        </div>
      </div>
    </figure>`;
  }

  private _unknown(s: ReturnType<typeof layoutLegend>['swatch']) {
    return html`<div class="unknown">
        <div class="unknown-row">
          <svg width=${s.size} height=${s.size} aria-hidden="true" focusable="false">
            <rect class="ground" width=${s.size} height=${s.size} rx="2" fill=${s.fill}></rect>
            <path class="hatch" d=${s.hatch}></path>
            <rect class="frame" x="0.5" y="0.5" width=${s.size - 1} height=${s.size - 1} rx="2" fill="none" stroke=${UNKNOWN_STROKE} stroke-dasharray="3 2"></rect>
          </svg>
          <span><strong>unknown</strong>: no evidence; the factor takes the methodology's prior (never a good posture), counted apart as points resting on unknowns</span>
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-heatmap-legend': HeatmapLegend;
  }
}
