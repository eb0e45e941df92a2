/**
 * A vendor's incidents on one time axis: the pure layout drawn as SVG, with a legend of the
 * marker shapes. The table beside it (`vr-incident-timeline-table`) says the same in words, so the
 * drawing is one image to assistive technology, labelled with what it shows.
 */
import { css, html, LitElement, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { WidthController } from '../controllers/resize-controller.ts';
import { layoutIncidentTimeline, MARK_KINDS, MARK_PATH, type TimelineIncident, type TimelineMark, type TimelineRow } from './incident-timeline.layout.ts';
import { chartLegend, controls, scrollBox } from '../styles/shared.ts';

@customElement('vr-incident-timeline')
export class IncidentTimeline extends LitElement {
  static override styles = [
    controls,
    scrollBox,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      ${chartLegend}
      .legend {
        gap: 4px 18px;
        margin: 0 0 8px;
        font-size: 0.82rem;
        color: var(--vr-ink-muted);
      }
      .legend svg {
        overflow: visible;
      }
      svg text {
        font-family: var(--vr-font);
        font-size: 11px;
        fill: var(--vr-ink-muted);
      }
      text.title {
        font-size: 12px;
        font-weight: 600;
        fill: var(--vr-ink);
      }
      text.lag {
        font-weight: 700;
        fill: var(--vr-ink);
      }
      .line {
        stroke: var(--vr-line-strong);
      }
      .grid {
        stroke: var(--vr-line);
        stroke-dasharray: 2 3;
      }
      .stem {
        stroke: var(--vr-ink-muted);
      }
      .mark {
        fill: var(--vr-ink);
        stroke: var(--vr-surface);
        stroke-width: 1;
      }
      .mark.partial {
        fill: var(--vr-surface);
        stroke: var(--vr-ink);
        stroke-width: 1.5;
      }
      .range {
        fill: var(--vr-ink);
        opacity: 0.18;
      }
      .lag-bar {
        fill: var(--vr-lag);
      }
    `,
  ];

  @property({ attribute: false }) incidents: readonly TimelineIncident[] = [];
  private _size = new WidthController(this);

  override render() {
    if (this._size.width === 0) return nothing;
    const g = layoutIncidentTimeline(this.incidents, this._size.width);
    if (g.rows.length === 0) return nothing;
    const lags = g.rows.filter((r) => r.lag).map((r) => `${r.lag!.text} for ${r.title}`);
    const label = `Timeline of ${g.rows.length} incident${g.rows.length === 1 ? '' : 's'} on one time axis${lags.length > 0 ? `; disclosure lag ${lags.join('; ')}` : ''}. The table below lists the same dates.`;
    return html`<ul class="legend" aria-label="Legend">
        ${MARK_KINDS.map((k) => html`<li>${this._swatch(MARK_PATH[k.kind])}${k.label}</li>`)}
        <li><svg width="22" height="10" aria-hidden="true"><rect class="lag-bar" x="0" y="2" width="22" height="6" rx="2"></rect></svg>Disclosure lag, in days</li>
        <li><svg width="22" height="12" aria-hidden="true"><rect class="range" x="0" y="3" width="22" height="6"></rect><path class="mark partial" transform="translate(11 6)" d=${MARK_PATH.intrusion}></path></svg>Known to the month or year only</li>
      </ul>
      <div class="scroll" role="region" aria-label="Incident timeline chart (scrolls sideways on a narrow screen)" tabindex="0">
        <svg width=${g.width} height=${g.height} role="img" aria-label=${label}>
          ${g.ticks.map((t) => svg`<line class="grid" x1=${t.x} x2=${t.x} y1="0" y2=${g.axisY}></line><text x=${t.x} y=${g.axisY + 16} text-anchor="middle">${t.text}</text>`)}
          ${g.rows.map((r) => this._row(r, g.left, g.right))}
        </svg>
      </div>`;
  }

  private _swatch(d: string) {
    return html`<svg width="12" height="12" aria-hidden="true"><path class="mark" transform="translate(6 6)" d=${d}></path></svg>`;
  }

  private _row(r: TimelineRow, left: number, right: number) {
    return svg`<g class="row" data-incident-id=${r.id}>
      <text class="title" x=${left} y=${r.titleY}>${r.shortTitle}<title>${r.title}</title></text>
      <line class="line" x1=${left} x2=${right} y1=${r.lineY} y2=${r.lineY}></line>
      ${
        r.lag
          ? svg`<rect class="lag-bar" x=${r.lag.x0} y=${r.lineY - 3} width=${r.lag.x1 - r.lag.x0} height="6" rx="2"></rect>
            <text class="lag" data-days=${r.lag.days} x=${r.lag.textX} y=${r.lineY + 4} text-anchor=${r.lag.anchor}>${r.lag.text}</text>`
          : nothing
      }
      ${r.marks.map((m) => this._mark(m, r.lineY))}
    </g>`;
  }

  private _mark(m: TimelineMark, lineY: number) {
    return svg`<g class="date" data-kind=${m.kind}>
      <line class="stem" x1=${m.x} x2=${m.x} y1=${lineY} y2=${m.y}></line>
      ${m.partial ? svg`<rect class="range" x=${m.x0} y=${m.y - 4} width=${Math.max(2, m.x1 - m.x0)} height="8"></rect>` : nothing}
      <path class="mark ${m.partial ? 'partial' : ''}" transform=${`translate(${m.x} ${m.y})`} d=${MARK_PATH[m.kind]}><title>${m.text}</title></path>
    </g>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-incident-timeline': IncidentTimeline;
  }
}
