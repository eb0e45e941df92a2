/**
 * The executive summary's second page: what moved since the quarter compared with and why (the
 * movers chart with its causes), and the incidents publicly disclosed during the quarter with how
 * late each was disclosed. The page holds the largest movers and the latest incidents; the rest
 * continue after the vendor sections (vr-report-lists). On paper it ends its page.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { lagText, quarterWords, summaryMovers, SUMMARY_INCIDENTS, type Report, type ReportIncident } from '../report.ts';
import { partialDate, SEVERITY_LABEL } from '../format.ts';
import { reportSheet } from './vr-report-sheet.styles.ts';
import '../charts/vr-movers-chart.ts';

/** The methodology counts a disclosure later than this as late (the report's `overFourteenDays`). */
const LATE_DAYS = 14;

/** Rows of the incidents table: shared with the full list at the end. */
export function incidentRows(list: readonly ReportIncident[]) {
  return list.map(
    (n) => html`<tr data-incident-id=${n.incidentId}>
      <th scope="row">${n.vendorName}</th>
      <td>${n.title}</td>
      <td><span class="sev ${n.severity}">${SEVERITY_LABEL[n.severity]}</span></td>
      <td class="num">${partialDate(n.publicDisclosureDate)}</td>
      <td class="num lag">${lagText(n.lagDays, n.lagApproximate)}${n.lagDays !== null && n.lagDays > LATE_DAYS ? html` <strong>(late)</strong>` : nothing}</td>
      <td>${n.foundByOthersFirst ? 'yes' : 'no'}</td>
    </tr>`,
  );
}

export const incidentHead = html`<thead>
  <tr>
    <th scope="col">Vendor</th>
    <th scope="col">Incident</th>
    <th scope="col">Severity</th>
    <th scope="col" class="num">Disclosed</th>
    <th scope="col" class="num">Lag</th>
    <th scope="col">Found by others first</th>
  </tr>
</thead>`;

@customElement('vr-report-changes')
export class ReportChanges extends LitElement {
  static override styles = [
    reportSheet,
    css`
      .lags {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 20px;
        margin: 8px 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.85rem;
      }
      .lags strong {
        font-variant-numeric: tabular-nums;
      }
      section + section {
        margin-top: var(--vr-space-4);
      }
      @media print {
        :host {
          break-after: page;
        }
      }
    `,
  ];

  @property({ attribute: false }) report?: Report;

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const { shown, more } = summaryMovers(r.movers);
    const incidents = r.newIncidents.slice(0, SUMMARY_INCIDENTS);
    const lags = r.disclosureLags;
    return html`<div class="sheet">
      <p class="eyebrow">Executive summary<span class="print-only"> · page 2 of 2</span></p>
      <section class="movers" aria-labelledby="mv-title">
        <h2 id="mv-title">What moved since ${quarterWords(r.vs)}, and why</h2>
        ${
          shown.length
            ? html`<vr-movers-chart .movers=${shown} caption=${`Change in risk from ${quarterWords(r.vs)} to ${quarterWords(r.quarter)} (points, 0–100 scale), split by cause; a black tick marks the net change.`}></vr-movers-chart>
              ${more > 0 ? html`<p class="note more-movers">${more} smaller move${more === 1 ? '' : 's'} of a point or more: listed at the end, and in the downloads.</p>` : nothing}`
            : html`<p class="none">No vendor's risk moved by a point or more.</p>`
        }
        <p class="note">${r.method.movers}</p>
      </section>
      <section class="incidents">
        <h2 id="inc-title">Incidents disclosed in ${quarterWords(r.quarter)}</h2>
        ${
          incidents.length
            ? html`<div class="scroll" role="region" aria-labelledby="inc-title" tabindex="0">
              <table>
                ${incidentHead}
                <tbody>
                  ${incidentRows(incidents)}
                </tbody>
              </table>
            </div>`
            : html`<p class="none">No incident was publicly disclosed during the quarter.</p>`
        }
        ${r.newIncidents.length > incidents.length ? html`<p class="note">${r.newIncidents.length - incidents.length} more: listed at the end.</p>` : nothing}
        <ul class="lags" aria-label="Disclosure lags">
          <li data-lag="known"><strong>${lags.known}</strong> of ${lags.incidents} lags known${lags.approximate ? `, ${lags.approximate} approximate (≈)` : ''}</li>
          <li data-lag="median">median <strong>${lagText(lags.medianDays, lags.approximate > 0)}</strong></li>
          <li data-lag="max">longest <strong>${lagText(lags.maxDays)}</strong></li>
          <li data-lag="late"><strong>${lags.overFourteenDays}</strong> over ${LATE_DAYS} days</li>
          <li data-lag="others"><strong>${lags.foundByOthersFirst}</strong> found by customers or others first</li>
        </ul>
        <p class="note">${r.method.lags}</p>
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-changes': ReportChanges;
  }
}
