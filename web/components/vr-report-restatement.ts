/**
 * The differences between a closed quarter's frozen snapshot and the quarter as known today, as
 * tables: vendors added, removed or changed (risk, band, findings), and incidents that appeared,
 * disappeared or were corrected. Shown with the restated view, on screen.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { incidentChangeText, restatedFigures, type Restatement } from '../report.ts';
import { reportSheet } from './vr-report-sheet.styles.ts';

const CHANGE_WORDS = { added: 'added', removed: 'removed', changed: 'changed' } as const;

@customElement('vr-report-restatement')
export class ReportRestatement extends LitElement {
  static override styles = [
    reportSheet,
    css`
      ul.findings {
        margin: 0;
        padding-left: 1.1em;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) restatement?: Restatement;
  @property({ type: Number }) snapshotId = 0;

  override render() {
    const d = this.restatement;
    if (!d) return nothing;
    return html`<section class="sheet" aria-labelledby="rs-title">
      <p class="eyebrow">Restated view</p>
      <h2 id="rs-title">What differs from the frozen snapshot ${this.snapshotId}</h2>
      ${d.differs ? nothing : html`<p class="none">Nothing: the quarter as known today reads as it was frozen.</p>`}
      ${d.vendorChanges.length ? this._vendors(d) : nothing} ${d.incidentChanges.length ? this._incidents(d) : nothing}
    </section>`;
  }

  private _vendors(d: Restatement) {
    return html`<h3 id="rs-vendors">Vendors (${d.vendors})</h3>
      <div class="scroll" role="region" aria-labelledby="rs-vendors" tabindex="0">
        <table class="vendors">
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Change</th>
              <th scope="col">Frozen</th>
              <th scope="col">Restated</th>
              <th scope="col">Findings added</th>
              <th scope="col">Findings gone</th>
            </tr>
          </thead>
          <tbody>
            ${d.vendorChanges.map(
              (v) => html`<tr data-vendor-id=${v.vendorId} data-change=${v.change}>
                <th scope="row">${v.name}</th>
                <td>${CHANGE_WORDS[v.change]}</td>
                <td>${restatedFigures(v.frozen)}</td>
                <td>${restatedFigures(v.restated)}</td>
                <td>${this._findings(v.findingsAdded)}</td>
                <td>${this._findings(v.findingsRemoved)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private _findings(list: Restatement['vendorChanges'][number]['findingsAdded']) {
    return list.length ? html`<ul class="findings">${list.map((f) => html`<li>${f.title}</li>`)}</ul>` : '–';
  }

  private _incidents(d: Restatement) {
    return html`<h3 id="rs-incidents">Incidents known by the quarter's end (${d.incidents})</h3>
      <div class="scroll" role="region" aria-labelledby="rs-incidents" tabindex="0">
        <table class="incidents">
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Incident</th>
              <th scope="col">Change</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            ${d.incidentChanges.map(
              (i) => html`<tr data-incident-id=${i.incidentId} data-change=${i.change}>
                <th scope="row">${i.vendorName}</th>
                <td>${i.title}</td>
                <td>${i.change}</td>
                <td>${incidentChangeText(i)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-restatement': ReportRestatement;
  }
}
