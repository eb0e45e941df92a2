/** The decay plot's text equivalent: each policy's rule in words, and the weight it keeps at a few ages. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DecayPolicyCurve } from '../api/client.ts';
import { describeDecay, policyWeight, REFERENCE_GAP, TABLE_AGES, YEAR_DAYS } from '../charts/decay.layout.ts';
import { percent } from '../format.ts';
import { dataTable, numColumns, stickyFirstColumn, tableBox } from '../styles/shared.ts';

const ageLabel = (days: number) =>
  days === REFERENCE_GAP.days
    ? `${days} days (${REFERENCE_GAP.label})`
    : days % YEAR_DAYS === 0
      ? `${days / YEAR_DAYS} year${days === YEAR_DAYS ? '' : 's'}`
      : `${days} days`;

@customElement('vr-methodology-decay-table')
export class MethodologyDecayTable extends LitElement {
  static override styles = [
    dataTable,
    tableBox,
    stickyFirstColumn,
    css`
      table {
        min-width: 760px;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0 0 6px;
      }
      ${numColumns}
      th.gap,
      td.gap {
        background: var(--vr-canvas);
        font-weight: 700;
      }
      tr[data-in-force] th {
        font-weight: 700;
      }
      .rule {
        display: block;
        font-weight: 400;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) policies: readonly DecayPolicyCurve[] = [];

  override render() {
    return html`<div class="scroll" role="region" aria-label="Decay policies as a table" tabindex="0">
      <table>
        <caption>Weight left by age, per policy</caption>
        <thead>
          <tr>
            <th scope="col">Policy</th>
            ${TABLE_AGES.map((d) => html`<th scope="col" class="num ${d === REFERENCE_GAP.days ? 'gap' : ''}">${ageLabel(d)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.policies.map(
            (p) => html`<tr data-policy=${p.name} ?data-in-force=${p.inForce}>
              <th scope="row">${p.name}${p.inForce ? ' (in force)' : ''}<span class="rule">${describeDecay(p)}</span></th>
              ${TABLE_AGES.map((d) => html`<td class="num ${d === REFERENCE_GAP.days ? 'gap' : ''}">${percent(policyWeight(p, d))}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-decay-table': MethodologyDecayTable;
  }
}
