/**
 * A strip that shows an incident's dates to scale, the disclosure lag as a band. It repeats the
 * dates listed beside it (their text equivalent), so it is hidden from assistive technology.
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { layoutIncidentTimeline, type TimelineDates, type TimelineMark } from './incident-timeline.layout.ts';
import { WidthController } from '../controllers/resize-controller.ts';
import { riskColor } from './heatmap.layout.ts';

const LAG_FILL = riskColor(55);

@customElement('vr-incident-timeline')
export class IncidentTimeline extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 1px;
    }
    text {
      font-family: var(--vr-font);
      font-size: 11px;
      fill: var(--vr-ink-muted);
    }
    text.lag {
      fill: #fff;
      font-weight: 700;
    }
    .axis {
      stroke: var(--vr-line-strong);
      stroke-width: 2;
    }
    .mark {
      fill: var(--vr-ink);
      stroke: var(--vr-surface);
      stroke-width: 1.5;
    }
    .mark.approx {
      fill: var(--vr-surface);
      stroke: var(--vr-ink);
      stroke-dasharray: 2 1.5;
    }
  `;

  @property({ attribute: false }) dates?: TimelineDates;
  private _size = new WidthController(this);

  override render() {
    const g = this.dates && layoutIncidentTimeline(this.dates, this._size.width);
    if (!g) return nothing;
    const y = g.axisY;
    return html`<svg width=${g.width} height=${g.height} aria-hidden="true" focusable="false">
      <line class="axis" x1=${g.x0} x2=${g.x1} y1=${y} y2=${y}></line>
      ${g.lag ? this._lag(g.lag, y) : nothing}
      ${g.marks.map((m) => this._mark(m, y))}
    </svg>`;
  }

  private _lag(lag: { x0: number; x1: number; days: number }, y: number) {
    const w = Math.max(2, lag.x1 - lag.x0);
    // The words only go inside the band when they fit; the sentence under the strip says it anyway.
    return svg`<rect x=${lag.x0} y=${y - 8} width=${w} height="16" rx="3" fill=${LAG_FILL}></rect>
      ${w > 120 ? svg`<text class="lag" x=${lag.x0 + w / 2} y=${y + 4} text-anchor="middle">${lag.days}-day disclosure lag</text>` : nothing}`;
  }

  private _mark(m: TimelineMark, y: number) {
    return svg`<circle class="mark ${m.approximate ? 'approx' : ''}" cx=${m.x} cy=${y} r="5.5"></circle>
      <text x=${m.x} y=${m.above ? y - 12 : y + 22} text-anchor=${m.anchor}>${m.approximate ? '~' : ''}${m.label}</text>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-incident-timeline': IncidentTimeline;
  }
}
