/** The graph's key: each access level's line (width and dash), the node shapes, the concentration ring, ended arrangements. */
import { css, html, LitElement, nothing, svg } from 'lit';
import { darkTones } from '../styles/shared.ts';
import { customElement } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { ACCESS_ORDER, ACCESS_STROKE } from './supply-chain.layout.ts';

const SAMPLE = 44;

@customElement('vr-supply-chain-legend')
export class SupplyChainLegend extends LitElement {
  static override styles = [
    darkTones,
    css`
      :host {
        display: block;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      .groups {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 32px;
      }
      h3 {
        font-size: 0.8rem;
        color: var(--vr-ink);
        margin: 0 0 4px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 2px;
      }
      li {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      svg {
        flex: none;
      }
      .vendor {
        fill: var(--vr-accent-soft);
        stroke: var(--vr-accent);
        stroke-width: 2;
      }
      .sub {
        fill: var(--vr-surface);
        stroke: var(--vr-ink);
        stroke-width: 2;
      }
      .ring {
        fill: none;
        stroke: var(--vr-critical);
        stroke-width: 2.5;
        stroke-dasharray: 4 2;
      }
    `,
  ];

  override render() {
    return html`<div class="groups">
      <div>
        <h3 id="access">Access to customer tenants (line width and dash)</h3>
        <ul aria-labelledby="access">
          ${ACCESS_ORDER.map((a) => {
            const s = ACCESS_STROKE[a];
            return html`<li>
              <svg width=${SAMPLE} height="12" aria-hidden="true" focusable="false">
                <line class="tone" x1="0" x2=${SAMPLE} y1="6" y2="6" stroke=${s.colour} style=${styleMap({ '--on-dark': s.dark })} stroke-width=${s.width} stroke-dasharray=${s.dash || nothing}></line>
              </svg>
              ${s.label}
            </li>`;
          })}
          <li>
            <svg width=${SAMPLE} height="12" aria-hidden="true" focusable="false">
              <line class="tone" x1="0" x2=${SAMPLE} y1="6" y2="6" stroke=${ACCESS_STROKE.admin.colour} style=${styleMap({ '--on-dark': ACCESS_STROKE.admin.dark })} stroke-width="3" opacity="0.3"></line>
            </svg>
            Faded: the arrangement has ended
          </li>
        </ul>
      </div>
      <div>
        <h3 id="nodes">Nodes (size: access reach)</h3>
        <ul aria-labelledby="nodes">
          <li>${this._icon(svg`<circle class="vendor" cx="11" cy="11" r="7"></circle>`)} Our vendor (circle)</li>
          <li>${this._icon(svg`<rect class="sub" x="4" y="4" width="14" height="14" rx="2"></rect>`)} Subprocessor with no vendor record (square)</li>
          <li>
            ${this._icon(svg`<circle class="ring" cx="11" cy="11" r="9.5"></circle><rect class="sub" x="6" y="6" width="10" height="10" rx="2"></rect>`)}
            Dashed ring and “serves N”: serves two or more of our vendors (concentration)
          </li>
        </ul>
      </div>
    </div>`;
  }

  private _icon(content: unknown) {
    return html`<svg width="22" height="22" aria-hidden="true" focusable="false">${content}</svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-supply-chain-legend': SupplyChainLegend;
  }
}
