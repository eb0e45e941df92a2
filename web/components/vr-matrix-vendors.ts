/**
 * The vendors of the risk-matrix cell in view: name (a link to the vendor), tier, risk and band,
 * riskiest first. A long cell is cut at LIMIT rows (a 5,000-vendor portfolio can pile hundreds
 * into one cell), and says so. The status line is a live region: choosing another cell is heard.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MatrixCell } from '../charts/risk-matrix.layout.ts';
import { levelRange } from '../charts/risk-matrix.layout.ts';
import { BAND_LABEL } from '../charts/heatmap.bands.ts';
import { urlWith } from '../urls.ts';
import { numColumns, tableStyles } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';

const LIMIT = 100;
const plural = (n: number) => `${n} vendor${n === 1 ? '' : 's'}`;

@customElement('vr-matrix-vendors')
export class MatrixVendors extends LitElement {
  static override styles = [
    ...tableStyles,
    css`
      h3 {
        margin: 0 0 2px;
        font-size: 1rem;
      }
      .status {
        margin: 0 0 10px;
        color: var(--vr-ink-muted);
        font-size: 0.88rem;
      }
      .hint {
        margin: 0;
        color: var(--vr-ink-muted);
      }
      ${numColumns}
      td a {
        font-weight: 600;
      }
      .more {
        margin: 8px 0 0;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) cell: MatrixCell | null = null;
  /** The day the scores are for, carried into the vendor links; '' for today. */
  @property() asOf = '';

  override render() {
    const c = this.cell;
    return html`${c ? html`<h3>Likelihood ${c.likelihood} × impact ${c.impact}</h3>` : nothing}
      <p class="status" role="status">
        ${
          c
            ? `${plural(c.vendors.length)} · likelihood ${levelRange(c.likelihood)}, impact ${levelRange(c.impact)} · ${c.occupied ? `worst band ${BAND_LABEL[c.level]}` : `cell level ${BAND_LABEL[c.level]}`}`
            : 'Select a cell of the matrix (click it, or move to it with the arrow keys and press Enter) to list its vendors.'
        }
      </p>
      ${c && c.vendors.length > 0 ? this._table(c) : c ? html`<p class="hint">No vendor sits in this cell.</p>` : nothing}`;
  }

  private _table(c: MatrixCell) {
    const shown = c.vendors.slice(0, LIMIT);
    return html`<table>
        <caption class="sr-only">Vendors in likelihood ${c.likelihood}, impact ${c.impact}, riskiest first</caption>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col" class="num">Tier</th>
            <th scope="col" class="num">Risk</th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (v) => html`<tr data-vendor-id=${v.vendorId}>
              <th scope="row"><a href=${urlWith(`/vendors/${v.vendorId}`, { asOf: this.asOf || undefined })}>${v.name}</a></th>
              <td class="num">${v.tier}</td>
              <td class="num">${v.risk.toFixed(1)}</td>
              <td><vr-band-badge .band=${v.band}></vr-band-badge></td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${c.vendors.length > LIMIT ? html`<p class="more">The ${LIMIT} riskiest of ${c.vendors.length} are listed; filter by tier or category to narrow the cell.</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-matrix-vendors': MatrixVendors;
  }
}
