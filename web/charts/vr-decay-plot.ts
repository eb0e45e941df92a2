/**
 * Each decay policy's remaining weight over six years, one line per policy (dash pattern, direct
 * label and legend; the policy in force heavier), with Okta's 577-day gap between its two support
 * breaches marked and what each policy keeps there. The table beside it says the same in numbers.
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { chartLegend, darkTones } from '../styles/shared.ts';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { DecayPolicyCurve } from '../api/client.ts';
import { WidthController } from '../controllers/resize-controller.ts';
import { layoutDecayPlot, REFERENCE_GAP, type DecayLine } from './decay.layout.ts';
import { percent } from '../format.ts';

const HEIGHT = 320;

@customElement('vr-decay-plot')
export class DecayPlot extends LitElement {
  static override styles = [
    darkTones,
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
        margin-bottom: 8px;
      }
      ${chartLegend}
      .legend {
        gap: 4px 20px;
        margin: 0 0 8px;
        font-size: 0.85rem;
      }
      .legend .in-force {
        font-weight: 700;
      }
      .placeholder {
        height: 320px;
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
      .curve {
        fill: none;
        stroke-linejoin: round;
      }
      text.direct {
        font-size: 12px;
        font-weight: 700;
        fill: var(--vr-ink);
        paint-order: stroke;
        stroke: var(--vr-surface);
        stroke-width: 4px;
      }
      .gap {
        stroke: var(--vr-ink);
        stroke-dasharray: 3 3;
      }
      text.gap-label {
        font-weight: 700;
        fill: var(--vr-ink);
      }
      .dot {
        stroke: var(--vr-surface);
        stroke-width: 1.5;
      }
      text.kept {
        font-weight: 700;
        fill: var(--vr-ink);
        paint-order: stroke;
        stroke: var(--vr-surface);
        stroke-width: 3px;
      }
    `,
  ];

  @property({ attribute: false }) policies: readonly DecayPolicyCurve[] = [];
  private _size = new WidthController(this);

  override render() {
    const w = this._size.width;
    const g = w > 0 ? layoutDecayPlot(this.policies, w, HEIGHT) : undefined;
    const inForce = this.policies.find((p) => p.inForce)?.name ?? 'none';
    return html`<figure>
      <figcaption id="cap">Share of an incident's weight left, by years since it became known. Heavier line: the policy in force (${inForce}).</figcaption>
      <ul class="legend" aria-label="Policies">
        ${(g?.lines ?? []).map(
          (l) => html`<li class=${l.inForce ? 'in-force' : ''} data-policy=${l.name}>
            <svg width="40" height="10" aria-hidden="true" focusable="false">
              <line class="tone" x1="0" x2="40" y1="5" y2="5" stroke=${l.colour} style=${styleMap({ '--on-dark': l.colourDark })} stroke-width=${l.width} stroke-dasharray=${l.dash || nothing}></line>
            </svg>
            ${l.name}${l.inForce ? ' (in force)' : ''}
          </li>`,
        )}
      </ul>
      ${
        g
          ? html`<svg width=${g.width} height=${g.height} role="img" aria-labelledby="cap" aria-describedby="desc">
            <desc id="desc">${g.lines.map((l) => `${l.name} keeps ${percent(l.atGap.weight)} at ${REFERENCE_GAP.days} days`).join('; ')}. The table below gives the values.</desc>
            ${g.yTicks.map(
              (t) => svg`<line class="grid" x1=${g.margin.left} x2=${g.width - g.margin.right} y1=${t.y} y2=${t.y}></line>
                <text x=${g.margin.left - 6} y=${t.y + 4} text-anchor="end">${t.label}</text>`,
            )}
            ${g.xTicks.map(
              (t) => svg`<line class="axis" x1=${t.x} x2=${t.x} y1=${g.height - g.margin.bottom} y2=${g.height - g.margin.bottom + 5}></line>
                <text x=${t.x} y=${g.height - g.margin.bottom + 18} text-anchor="middle">${t.label}</text>`,
            )}
            <text x=${(g.margin.left + g.width - g.margin.right) / 2} y=${g.height - 4} text-anchor="middle">Years since the incident became known</text>
            <line class="gap" x1=${g.gap.x} x2=${g.gap.x} y1=${g.margin.top - 10} y2=${g.height - g.margin.bottom}></line>
            <text class="gap-label" x=${g.gap.anchor === 'start' ? g.gap.x + 6 : g.gap.x - 6} y=${g.margin.top - 14} text-anchor=${g.gap.anchor}>${g.gap.label}</text>
            ${g.lines.map((l) => this._line(l))}
            ${g.lines.map((l) => this._kept(l))}
          </svg>`
          : html`<div class="placeholder"></div>`
      }
    </figure>`;
  }

  private _line(l: DecayLine) {
    return svg`<path class="curve tone" d=${l.path} stroke=${l.colour} style=${styleMap({ '--on-dark': l.colourDark })} stroke-width=${l.width} stroke-dasharray=${l.dash || nothing} data-policy=${l.name} ?data-in-force=${l.inForce}></path>
      <text class="direct" x=${l.label.x} y=${l.label.y}>${l.label.text}</text>`;
  }

  /** The dot where the line meets the 577-day mark, and what it keeps there. */
  private _kept(l: DecayLine) {
    return svg`<circle class="dot tone-fill" cx=${l.atGap.x} cy=${l.atGap.y} r="4.5" fill=${l.colour} style=${styleMap({ '--on-dark': l.colourDark })}></circle>
      <text class="kept" x=${l.atGap.x + 8} y=${l.atGap.labelY}>${percent(l.atGap.weight)}</text>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-decay-plot': DecayPlot;
  }
}
