/** MFA posture per population. A population without a record is shown as "unknown", never left out. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MfaPosture, MfaRecord } from '../../server/domain/mfa.ts';
import { anchorId } from '../evidence.ts';
import { linkText, MFA_METHOD_LABEL, MFA_POPULATION_LABEL, MFA_POPULATIONS, partialDate } from '../format.ts';
import { anchorTarget, card, controls, dataTable, provenance, srOnly } from '../styles/shared.ts';
import { sectionHead } from './vr-incident-list.styles.ts';

const EVIDENCE: Readonly<Record<MfaRecord['evidence'], string>> = {
  'public-statement': 'Public statement',
  attestation: 'Attestation',
  'audit-report': 'Audit report',
  observed: 'Observed',
};

@customElement('vr-mfa-grid')
export class MfaGrid extends LitElement {
  static override styles = [
    card,
    dataTable,
    controls,
    srOnly,
    provenance,
    sectionHead,
    anchorTarget,
    css`
      :host {
        display: block;
      }
      tbody th {
        font-weight: 600;
        white-space: nowrap;
      }
      tr.no-record td.method {
        background: repeating-linear-gradient(135deg, #fff 0 5px, #eceef1 5px 10px);
        font-style: italic;
        color: var(--vr-ink-muted);
      }
      td.notes {
        color: var(--vr-ink-muted);
        max-width: 48ch;
      }
      a {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) posture: MfaPosture = { items: [] };

  override render() {
    const byPopulation = new Map(this.posture.items.map((r) => [r.population, r]));
    const known = byPopulation.size;
    return html`<section class="card" aria-labelledby="t">
      <header class="section-head">
        <h2 id="t">MFA posture</h2>
        <span class="tag fact">Public facts</span>
        <span class="muted">${known} of ${MFA_POPULATIONS.length} populations on record; the rest are unknown and scored as weak.</span>
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">Population</th><th scope="col">Weakest method allowed</th><th scope="col">Enforced</th>
            <th scope="col">Evidence</th><th scope="col">Assessed</th><th scope="col">Source and notes</th>
          </tr>
        </thead>
        <tbody>
          ${MFA_POPULATIONS.map((p) => {
            const r = byPopulation.get(p);
            const name = html`<th scope="row">${MFA_POPULATION_LABEL[p]}</th>`;
            const id = anchorId(`mfa:${p}`);
            if (!r) {
              return html`<tr class="no-record anchor-target" id=${id} tabindex="-1" data-population=${p} data-unknown="true">
                ${name}<td class="method">unknown</td><td class="unknown">unknown</td><td colspan="3" class="notes">No record: nothing public says how this population signs in.</td>
              </tr>`;
            }
            return html`<tr class="anchor-target" id=${id} tabindex="-1" data-population=${p}>
              ${name}<td class="method">${MFA_METHOD_LABEL[r.method]}</td><td>${r.enforced ? 'yes' : 'no'}</td>
              <td>${EVIDENCE[r.evidence]}</td><td>${partialDate(r.assessedOn)}</td>
              <td class="notes">${this._source(r.source)}${r.notes ? html`<div>${r.notes}</div>` : ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private _source(source: string | null) {
    if (!source) return html`<div>No source given.</div>`;
    // The field may hold a citation instead of a URL; only URLs become links.
    if (!/^https?:\/\//.test(source)) return html`<div>${source}</div>`;
    return html`<div><a href=${source} rel="noopener noreferrer" target="_blank">${linkText(source)}<span class="sr-only"> (opens in a new tab)</span></a></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-mfa-grid': MfaGrid;
  }
}
