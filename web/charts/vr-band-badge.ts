/** A risk band as a word on a tinted pill: the word carries the meaning, the tint only echoes it. "Not assessed" is grey with a dashed edge. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Band } from '../../server/domain/methodology.ts';
import { BAND_INK, BAND_LABEL, BAND_TINT } from './heatmap.bands.ts';

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
    /* Not assessed is no risk level: grey, and a dashed edge like an unknown cell, never a tint of the ramp. */
    span.not-assessed {
      border: 1px dashed #8a919c;
      font-weight: 600;
    }
  `;

  @property() band: Band = 'low';

  override render() {
    const fill = BAND_TINT[this.band] ?? BAND_TINT.low;
    const ink = BAND_INK[this.band] ?? BAND_INK.low;
    return html`<span class=${this.band} style=${styleMap({ background: fill, color: ink })}>${BAND_LABEL[this.band] ?? this.band}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-band-badge': BandBadge;
  }
}
