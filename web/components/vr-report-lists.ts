/**
 * The report's last section, after the tier-1 vendors: every mover (when the summary showed only
 * the largest), the incidents the summary had no room for, and the open findings of tier-2
 * vendors with the contract conditions they suggest. On paper it starts a page.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { moversTableRows } from '../charts/vr-movers-chart.ts';
import { quarterWords, restLists, type Report } from '../report.ts';
import { SEVERITY_LABEL } from '../format.ts';
import { incidentHead, incidentRows } from './vr-report-changes.ts';
import { reportSheet } from './vr-report-sheet.styles.ts';

@customElement('vr-report-lists')
export class ReportLists extends LitElement {
  static override styles = [
    reportSheet,
    css`
      section + section {
        margin-top: var(--vr-space-4);
      }
      @media print {
        :host {
          break-before: page;
        }
      }
    `,
  ];

  @property({ attribute: false }) report?: Report;

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const rest = restLists(r);
    if (rest.empty) return nothing;
    // The tables' scrolling boxes are the regions, named by the headings; the sections are not, or each name would be used twice.
    return html`<div class="sheet">
      <p class="eyebrow">Appendix · lists</p>
      ${
        rest.movers.length
          ? html`<section>
            <h2 id="all-movers">All ${rest.movers.length} movers since ${quarterWords(r.vs)}</h2>
            <div class="scroll" role="region" aria-labelledby="all-movers" tabindex="0">
              <table class="movers">
                ${moversTableRows(rest.movers, true)}
              </table>
            </div>
          </section>`
          : nothing
      }
      ${
        rest.incidents.length
          ? html`<section>
            <h2 id="more-incidents">More incidents disclosed in ${quarterWords(r.quarter)}</h2>
            <div class="scroll" role="region" aria-labelledby="more-incidents" tabindex="0">
              <table>
                ${incidentHead}
                <tbody>
                  ${incidentRows(rest.incidents)}
                </tbody>
              </table>
            </div>
          </section>`
          : nothing
      }
      ${
        rest.tier2.length
          ? html`<section>
            <h2 id="tier2">Open findings of tier-2 vendors (${rest.tier2.length})</h2>
            <p class="note">${r.method.findings}</p>
            <div class="scroll" role="region" aria-labelledby="tier2" tabindex="0">
              <table class="tier2">
                <thead>
                  <tr><th scope="col">Vendor</th><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Suggested contract condition</th></tr>
                </thead>
                <tbody>
                  ${rest.tier2.map(
                    (f) => html`<tr>
                      <th scope="row">${f.name}</th>
                      <td><span class="sev ${f.severity}">${SEVERITY_LABEL[f.severity]}</span></td>
                      <td>${f.title}</td>
                      <td>${f.suggestedCondition}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-lists': ReportLists;
  }
}
