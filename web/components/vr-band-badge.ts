/** A risk band as a word on a tinted pill: the word carries the meaning, the tint only echoes it. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Band } from '../../server/scoring/types.ts';
import { inkOn, riskColor } from '../charts/heatmap.layout.ts';

/** Each band's tint: the heatmap ramp at a point inside the band, so "darker = riskier" holds here too. */
const TINT: Readonly<Record<Band, string>> = { low: riskColor(8), moderate: riskColor(32), high: riskColor(58), critical: riskColor(85) };
const LABEL: Readonly<Record<Band, string>> = { low: 'Low', moderate: 'Moderate', high: 'High', critical: 'Critical' };

@customElement('vr-band-badge')
export class BandBadge extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      vertical-align: middle;
    }
    span {
      display: inline-block;
      min-width: 6.2em;
      box-sizing: border-box;
      padding: 1px 8px;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 700;
      line-height: 1.5;
      text-align: center;
      border: 1px solid rgb(0 0 0 / 12%);
    }
  `;

  @property() band: Band = 'low';

  override render() {
    const fill = TINT[this.band] ?? TINT.low;
    return html`<span style=${styleMap({ background: fill, color: inkOn(fill) })}>${LABEL[this.band] ?? this.band}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-band-badge': BandBadge;
  }
}
