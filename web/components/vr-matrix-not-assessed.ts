/**
 * The vendors the risk matrix leaves out because they are not assessed: their likelihood rests on
 * priors, so a cell would rate them. Listed beside the matrix, highest inherent risk first (the
 * order to assess them in), with what evidence would assess each. Cut at LIMIT rows, and says so.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HeatmapRow } from '../../server/http/contract.ts';
import { NOT_ASSESSED_TEXT } from '../charts/heatmap.bands.ts';
import { urlWith } from '../urls.ts';
import { numColumns, tableStyles } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';

const LIMIT = 100;

@customElement('vr-matrix-not-assessed')
export class MatrixNotAssessed extends LitElement {
  static override styles = [
    ...tableStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 0 0 2px;
        font-size: 1rem;
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .status {
        margin: 0 0 10px;
        color: var(--vr-ink-muted);
        font-size: 0.88rem;
      }
      ${numColumns}
      td a {
        font-weight: 600;
      }
      td.ask {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      .more {
        margin: 8px 0 0;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) vendors: readonly HeatmapRow[] = [];
  /** The day the scores are for, carried into the vendor links; '' for today. */
  @property() asOf = '';

  override render() {
    const v = this.vendors;
    if (v.length === 0) return nothing;
    const shown = v.slice(0, LIMIT);
    return html`<h3 id="na-title"><vr-band-badge band="not-assessed"></vr-band-badge> ${v.length} vendor${v.length === 1 ? '' : 's'} not in the matrix</h3>
      <p class="status">Not assessed: ${NOT_ASSESSED_TEXT}. Highest inherent risk first.</p>
      <table aria-labelledby="na-title">
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col" class="num">Tier</th>
            <th scope="col" class="num">Inherent risk</th>
            <th scope="col">What would assess it</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (r) => html`<tr data-vendor-id=${r.vendorId}>
              <th scope="row"><a href=${urlWith(`/vendors/${r.vendorId}`, { asOf: this.asOf || undefined })}>${r.name}</a></th>
              <td class="num">${r.tier}</td>
              <td class="num">${r.inherentRisk.toFixed(1)}</td>
              <td class="ask">${r.toAssess.join('; ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${v.length > LIMIT ? html`<p class="more">The ${LIMIT} with the highest inherent risk of ${v.length} are listed; filter by tier or category to narrow them.</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-matrix-not-assessed': MatrixNotAssessed;
  }
}
