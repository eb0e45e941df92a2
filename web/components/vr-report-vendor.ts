/**
 * One appendix section: a tier-1 vendor at the quarter's end. Its figures, change and causes,
 * findings, factors and the incidents disclosed in the quarter are the report's own (frozen for a
 * closed quarter). A report frozen before it carried the scores has them recomputed for its day,
 * and says so, with a warning when that no longer gives the report's risk.
 * On paper each section starts a page.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FrozenScore } from '../../server/http/contract.ts';
import { causesText, signed } from '../charts/movers.layout.ts';
import { lagText, quarterWords, type Tier1Section } from '../report.ts';
import { percent, points, SEVERITY_LABEL } from '../format.ts';
import { reportSheet } from './vr-report-sheet.styles.ts';
import '../charts/vr-band-badge.ts';

@customElement('vr-report-vendor')
export class ReportVendor extends LitElement {
  static override styles = [
    reportSheet,
    css`
      h2 {
        display: flex;
        align-items: center;
        gap: 10px;
        flex-wrap: wrap;
      }
      dl.figures {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 24px;
        margin: 0 0 var(--vr-space-2);
      }
      dl.figures div {
        display: flex;
        gap: 6px;
        align-items: baseline;
      }
      dl.figures dt {
        color: var(--vr-ink-muted);
        font-size: 0.85rem;
      }
      dl.figures dd {
        margin: 0;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .warn {
        border-left: 4px solid var(--vr-high-line);
        padding: 4px 10px;
        background: var(--vr-high-soft);
      }
      ul.new-incidents {
        margin: 0;
        padding-left: 1.2em;
        font-size: 0.9rem;
      }
      @media print {
        :host {
          break-before: page;
        }
      }
    `,
  ];

  @property({ attribute: false }) section?: Tier1Section;
  /** Its place among the tier-1 vendors, from 1, and how many there are. */
  @property({ type: Number }) index = 1;
  @property({ type: Number }) total = 1;
  @property() quarter = '';
  @property() vs = '';
  @property() asOf = '';
  @property() methodologyVersion = '';
  /** The vendor's score for `asOf`: undefined while loading, null when it could not be had. */
  @property({ attribute: false }) score: FrozenScore | null | undefined;
  /** True when the score was recomputed from today's facts (an old report that did not carry it). */
  @property({ type: Boolean }) recomputed = false;

  override render() {
    const s = this.section;
    if (!s) return nothing;
    const v = s.vendor;
    const id = `v${v.vendorId}`;
    return html`<section class="sheet" aria-labelledby=${id} data-vendor-id=${v.vendorId}>
      <p class="eyebrow">Appendix ${this.index}/${this.total} · tier-1 vendor</p>
      <h2 id=${id}>${v.name} <vr-band-badge band=${v.band}></vr-band-badge></h2>
      <p class="muted">${v.category}</p>
      <dl class="figures">
        <div><dt>${v.band === 'not-assessed' ? 'Residual risk (not assessed)' : 'Risk'}</dt><dd data-fig="risk">${v.risk}</dd></div>
        ${v.inherentRisk === null ? nothing : html`<div><dt>Inherent risk</dt><dd data-fig="inherent">${v.inherentRisk}</dd></div>`}
        <div><dt>Likelihood</dt><dd>${v.likelihood}</dd></div>
        <div><dt>Impact</dt><dd>${v.impact}</dd></div>
        <div><dt>Confidence</dt><dd>${percent(v.confidence)}</dd></div>
        <div><dt>Since ${quarterWords(this.vs)}</dt><dd data-fig="delta">${v.delta === null || v.previousRisk === null ? `new since ${quarterWords(this.vs)}` : `${signed(v.delta)} (from ${v.previousRisk})`}</dd></div>
      </dl>
      ${s.mover ? html`<p class="causes">Why it moved: ${causesText(s.mover.causes)}.</p>` : nothing}
      ${
        s.incidents.length
          ? html`<h3>Disclosed in ${quarterWords(this.quarter)}</h3>
            <ul class="new-incidents">
              ${s.incidents.map(
                (n) => html`<li data-incident-id=${n.incidentId}>
                  <span class="sev ${n.severity}">${SEVERITY_LABEL[n.severity]}</span> ${n.title}: disclosed ${n.publicDisclosureDate ?? 'on an unknown day'}, lag ${lagText(n.lagDays, n.lagApproximate)}${n.foundByOthersFirst ? ', found by others first' : ''}.
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${this._factors()}
      <h3>Open findings (${s.findings.length})</h3>
      ${
        s.findings.length
          ? html`<table class="findings">
            <thead>
              <tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Suggested contract condition</th></tr>
            </thead>
            <tbody>
              ${s.findings.map(
                (f) => html`<tr data-finding=${f.id}>
                  <td><span class="sev ${f.severity}">${SEVERITY_LABEL[f.severity]}</span></td>
                  <th scope="row">${f.title}</th>
                  <td class="condition">${f.suggestedCondition}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>None.</p>`
      }
      ${
        s.conditions.length
          ? html`<h3>Open contract conditions (${s.conditions.length})</h3>
            <table class="conditions">
              <thead>
                <tr><th scope="col">Severity</th><th scope="col">Condition</th><th scope="col">Owner</th><th scope="col" class="num">Due</th></tr>
              </thead>
              <tbody>
                ${s.conditions.map(
                  (c) => html`<tr data-finding=${c.id}>
                    <td><span class="sev ${c.severity}">${SEVERITY_LABEL[c.severity]}</span></td>
                    <th scope="row">${c.suggestedCondition}</th>
                    <td>${c.owner ?? '–'}</td>
                    <td class="num">${c.dueOn ?? '–'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
    </section>`;
  }

  private _factors() {
    const sc = this.score;
    if (sc === undefined) return html`<p class="loading muted" role="status">Loading the factors…</p>`;
    if (sc === null) return html`<p class="muted">The factors could not be loaded; the figures above are the report's.</p>`;
    const v = this.section!.vendor;
    const same = sc.risk === v.risk && sc.methodologyVersion === this.methodologyVersion;
    const incidents = sc.factors.find((f) => f.id === 'incidents')?.contributions ?? [];
    return html`<h3>Factors as of ${this.asOf}</h3>
      ${
        this.recomputed
          ? html`<p class=${same ? 'note' : 'note warn'} data-recomputed=${same ? 'same' : 'differs'}>
            ${
              same
                ? `Recomputed for ${this.asOf} from the facts as recorded today; they give the report's risk.`
                : `Recomputed for ${this.asOf} from the facts as recorded today (methodology ${sc.methodologyVersion}), they give a risk of ${sc.risk}, where the report says ${v.risk}: the facts or the methodology changed since. The report's figures stand.`
            }
          </p>`
          : html`<p class="note" data-recomputed="no">The score the report rests on, as of ${sc.asOf} (methodology ${sc.methodologyVersion}), every point below adding up to it.</p>`
      }
      <table class="factors">
        <thead>
          <tr><th scope="col">Factor</th><th scope="col" class="num">Score</th><th scope="col" class="num">Weight</th><th scope="col" class="num">Points of likelihood</th></tr>
        </thead>
        <tbody>
          ${sc.factors.map(
            (f) => html`<tr data-factor=${f.id}>
              <th scope="row">${f.label}${f.known ? nothing : html` <span class="muted">(no evidence)</span>`}</th>
              <td class="num">${points(f.score)}</td>
              <td class="num">${percent(f.weight)}</td>
              <td class="num">${points(f.score * f.weight)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="note">Impact ${sc.impact}: ${sc.impactContributions.map((c) => `${c.label} ${points(c.points)}`).join(', ')}.</p>
      <h3>Incidents counted (${incidents.length})</h3>
      ${
        incidents.length
          ? html`<table class="incidents">
            <thead>
              <tr><th scope="col">Incident</th><th scope="col" class="num">Points</th></tr>
            </thead>
            <tbody>
              ${incidents.map(
                (c) => html`<tr data-ref=${c.ref ?? ''}>
                  <th scope="row">${c.label}<span class="sub">${c.detail}</span></th>
                  <td class="num">${points(c.points)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>None known by ${this.asOf}.</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-vendor': ReportVendor;
  }
}
