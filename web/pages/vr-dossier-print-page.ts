/**
 * A vendor's dossier on paper (`/vendors/3/print?asOf=…`): the same content as the dossier, as of
 * the same day, without a control in it: relationship, score and factors, findings with the
 * conditions agreed for them, gaps, the review (status, decisions, conditions), incidents, the
 * support chain, MFA, statements and every source, as plain tables. It reads the API's dossier
 * document, so the page, its Markdown and its JSON say the same. On screen a row of actions
 * (print, downloads, back) sits above it; on paper it is hidden with the app's chrome.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../urls.ts';
import { agreedFor, dossierDownloads, leftOutLine, type Dossier } from '../dossier-paper.ts';
import { BAND_LABEL } from '../charts/heatmap.bands.ts';
import { CONDITION_STATE_LABEL, DECISION_LABEL, REVIEW_STATE_LABEL } from '../reviews.ts';
import {
  ACCESS_LEVEL_LABEL,
  CONFIDENCE_LABEL,
  DATA_ACCESS_LABEL,
  ENVIRONMENT_ACCESS_LABEL,
  FACT_TYPE_LABEL,
  MFA_EVIDENCE_LABEL,
  MFA_METHOD_LABEL,
  MFA_POPULATION_LABEL,
  MFA_RELEVANCE_LABEL,
  SEVERITY_LABEL,
  STATUS_LABEL,
  partialDate,
  percent,
  points,
  timestamp,
  yesNo,
} from '../format.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { pageStyles } from '../styles/page.ts';
import { printPageStyles } from './vr-dossier-print-page.styles.ts';
import '../components/vr-error.ts';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '–' : String(v));
const day = (t: string | null) => dash(partialDate(t));

@customElement('vr-dossier-print-page')
export class DossierPrintPage extends LitElement {
  static override styles = [controls, forms, pageStyles, printPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @property({ type: Number }) vendorId = 0;
  /** The URL's query: `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();

  private _dossier = new Task(this, {
    args: () => [this.vendorId, this.query.get('asOf') ?? ''] as const,
    task: ([id, asOf], { signal }) => this._api.dossier(id, asOf || undefined, { signal }),
  });

  override render() {
    if (this._dossier.status === TaskStatus.ERROR) return html`<vr-error heading="This dossier could not be loaded" .error=${this._dossier.error}></vr-error>`;
    const d = this._dossier.value;
    if (!d || d.vendor.id !== this.vendorId) return html`<p class="loading" role="status">Loading the dossier…</p>`;
    const asOf = this.query.get('asOf') ?? '';
    const links = dossierDownloads(this._api.base, d.vendor.id, asOf);
    const left = leftOutLine({ leftOut: d.leftOut, asOf: day(d.asOf) });
    return html`
      <nav class="actions" aria-label="Dossier actions">
        <a href=${urlWith(`/vendors/${d.vendor.id}`, { asOf: asOf || undefined })}>← Back to the dossier</a>
        <button type="button" class="secondary" @click=${() => window.print()}>Print / Save as PDF</button>
        <a href=${links.md} download>Download Markdown</a>
        <a href=${links.json} download>Download JSON</a>
      </nav>
      <header class="page-head">
        <div>
          <p class="eyebrow">Vendor dossier</p>
          <h1>${d.vendor.name}</h1>
          <p class="sub">
            ${d.vendor.category} · as of ${day(d.asOf)} · methodology ${d.score.methodologyVersion} · generated ${timestamp(d.generatedAt)}
          </p>
          <p class="sub">Only what was known on ${day(d.asOf)} is in it. ${left}</p>
        </div>
      </header>
      ${this._relationship(d)} ${this._score(d)} ${this._findings(d)} ${this._review(d)} ${this._incidents(d)} ${this._chain(d)} ${this._mfa(d)}
      ${this._statements(d)} ${this._sources(d)}
    `;
  }

  private _relationship({ vendor: v }: Dossier) {
    const rows: Array<[string, string]> = [
      ['Website', dash(v.website)],
      ['Tier', String(v.tier)],
      ['Data access', DATA_ACCESS_LABEL[v.dataAccess]],
      ['Environment access', ENVIRONMENT_ACCESS_LABEL[v.environmentAccess]],
      ['Status (on the relationship)', STATUS_LABEL[v.status]],
      ['Business owner', dash(v.businessOwner)],
      ['Next review', v.nextReviewOn ? day(v.nextReviewOn) : '–'],
      ['Notes', dash(v.notes)],
    ];
    return html`<section aria-labelledby="p-relationship">
      <h2 id="p-relationship">Relationship</h2>
      <dl class="pairs">${rows.map(([k, val]) => html`<dt>${k}</dt><dd>${val}</dd>`)}</dl>
    </section>`;
  }

  private _score({ score: s }: Dossier) {
    return html`<section aria-labelledby="p-score">
      <h2 id="p-score">Score</h2>
      <p class="figures">
        Residual risk <strong>${points(s.risk)}</strong> (${BAND_LABEL[s.band]}): likelihood ${points(s.likelihood)} × impact ${points(s.impact)} / 100.
        Inherent risk ${points(s.inherentRisk)} (${BAND_LABEL[s.inherentBand]}). Evidence coverage ${percent(s.evidenceCoverage)}; ${points(s.unknownPoints)} likelihood points rest on
        unknowns; confidence ${percent(s.confidence)}.
      </p>
      <table>
        <caption>Factors</caption>
        <thead><tr><th scope="col">Factor</th><th scope="col">Score</th><th scope="col">Weight</th><th scope="col">Known</th></tr></thead>
        <tbody>${s.factors.map((f) => html`<tr><th scope="row">${f.label}</th><td>${points(f.score)}</td><td>${percent(f.weight)}</td><td>${yesNo(f.known)}</td></tr>`)}</tbody>
      </table>
      ${s.toAssess.length ? html`<p>To assess it: ${s.toAssess.map((m) => m.text).join('; ')}.</p>` : nothing}
    </section>`;
  }

  private _findings(d: Dossier) {
    const s = d.score;
    return html`<section aria-labelledby="p-findings">
      <h2 id="p-findings">Findings</h2>
      ${
        s.findings.length
          ? html`<table>
            <thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Why</th><th scope="col">Suggested condition</th><th scope="col">Agreed conditions</th></tr></thead>
            <tbody>
              ${s.findings.map(
                (f) => html`<tr><td>${SEVERITY_LABEL[f.severity]}</td><th scope="row">${f.title}</th><td>${f.rationale}</td><td>${f.suggestedCondition}</td>
                  <td>${agreedFor(d, f.id, (c) => CONDITION_STATE_LABEL[c])}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>No findings.</p>`
      }
      <h3>Gaps in the evidence</h3>
      ${s.gaps.length ? html`<ul>${s.gaps.map((g) => html`<li>${g.text}</li>`)}</ul>` : html`<p>None.</p>`}
    </section>`;
  }

  private _review(d: Dossier) {
    const st = d.review.status;
    const conditions = d.review.decisions.flatMap((r) => r.conditions);
    return html`<section aria-labelledby="p-review">
      <h2 id="p-review">Review</h2>
      <p>
        Review status: <strong>${REVIEW_STATE_LABEL[st.state]}</strong>.
        ${st.lastReview ? `Last decision: ${DECISION_LABEL[st.lastReview.decision]} on ${day(st.lastReview.decidedOn)}.` : 'No decision recorded.'} Next review:
        ${st.nextReviewOn ? day(st.nextReviewOn) : 'none set'}.
      </p>
      ${st.reasons.length ? html`<ul>${st.reasons.map((r) => html`<li>${r.text}</li>`)}</ul>` : nothing}
      <h3>Decisions</h3>
      ${
        d.review.decisions.length
          ? html`<table>
            <thead><tr><th scope="col">Decided on</th><th scope="col">Decision</th><th scope="col">By</th><th scope="col">Risk then</th><th scope="col">Rationale</th></tr></thead>
            <tbody>
              ${d.review.decisions.map(
                (r) =>
                  html`<tr><td>${day(r.decidedOn)}</td><th scope="row">${DECISION_LABEL[r.decision]}</th><td>${r.decidedBy}</td><td>${points(r.score.risk)}</td><td>${r.rationale}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>None.</p>`
      }
      <h3>Conditions</h3>
      ${
        conditions.length
          ? html`<table>
            <thead><tr><th scope="col">Condition</th><th scope="col">State (today)</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Evidence or waiver</th></tr></thead>
            <tbody>
              ${conditions.map(
                (
                  c,
                ) => html`<tr><th scope="row">${c.text}</th><td>${CONDITION_STATE_LABEL[c.state]}</td><td>${dash(c.owner)}</td><td>${c.dueOn ? day(c.dueOn) : '–'}</td>
                  <td>${c.state === 'waived' ? `Waived until ${dash(c.waiverExpiresOn)} by ${dash(c.waiverApprover)}` : dash(c.evidence)}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>None.</p>`
      }
    </section>`;
  }

  private _incidents(d: Dossier) {
    return html`<section aria-labelledby="p-incidents">
      <h2 id="p-incidents">Incidents</h2>
      ${
        d.incidents.length
          ? html`<table>
            <thead><tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Intrusion began</th><th scope="col">Disclosed</th><th scope="col">Support involved</th><th scope="col">MFA</th><th scope="col">Customers affected</th></tr></thead>
            <tbody>
              ${d.incidents.map(
                (
                  i,
                ) => html`<tr><th scope="row">${i.title}</th><td>${SEVERITY_LABEL[i.severity]}</td><td>${day(i.intrusionStartDate)}</td><td>${day(i.publicDisclosureDate)}</td>
                  <td>${yesNo(i.supportInvolved)}</td><td>${MFA_RELEVANCE_LABEL[i.mfaRelevance]}</td><td>${dash(i.customersAffected)}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>No incidents known.</p>`
      }
    </section>`;
  }

  private _chain(d: Dossier) {
    return html`<section aria-labelledby="p-chain">
      <h2 id="p-chain">Support chain</h2>
      ${
        d.supportChain.length
          ? html`<table>
            <thead><tr><th scope="col">Name</th><th scope="col">Function</th><th scope="col">Outsourced</th><th scope="col">Access</th><th scope="col">Staff MFA</th><th scope="col">Artefacts sanitized</th><th scope="col">Retention</th><th scope="col">Period</th></tr></thead>
            <tbody>
              ${d.supportChain.map(
                (p) => html`<tr><th scope="row">${p.name}</th><td>${p.function}</td><td>${yesNo(p.outsourced)}</td><td>${ACCESS_LEVEL_LABEL[p.accessLevel]}</td>
                  <td>${p.staffMfa ? MFA_METHOD_LABEL[p.staffMfa] : 'unknown'}</td><td>${yesNo(p.artifactsSanitized)}</td><td>${p.retentionDays === null ? 'unknown' : `${p.retentionDays} days`}</td>
                  <td>${p.since ? day(p.since) : 'start unknown'} – ${p.until ? day(p.until) : 'now'}; known from ${day(p.knownFrom)}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>None on record.</p>`
      }
    </section>`;
  }

  private _mfa(d: Dossier) {
    return html`<section aria-labelledby="p-mfa">
      <h2 id="p-mfa">MFA</h2>
      ${
        d.mfa.items.length
          ? html`<table>
            <thead><tr><th scope="col">Population</th><th scope="col">Method</th><th scope="col">Enforced</th><th scope="col">Evidence</th><th scope="col">Assessed on</th><th scope="col">Known from</th></tr></thead>
            <tbody>
              ${d.mfa.items.map(
                (
                  r,
                ) => html`<tr><th scope="row">${MFA_POPULATION_LABEL[r.population]}</th><td>${MFA_METHOD_LABEL[r.method]}</td><td>${yesNo(r.enforced)}</td><td>${MFA_EVIDENCE_LABEL[r.evidence]}</td>
                  <td>${day(r.assessedOn)}</td><td>${day(r.knownFrom)}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>No MFA records.</p>`
      }
      <p>${d.mfa.unknown.length ? `Unknown (no record): ${d.mfa.unknown.map((p) => MFA_POPULATION_LABEL[p]).join(', ')}.` : 'Every population has a record.'}</p>
    </section>`;
  }

  private _statements(d: Dossier) {
    return html`<section aria-labelledby="p-statements">
      <h2 id="p-statements">Statements</h2>
      ${
        d.statements.length
          ? html`<table>
            <thead><tr><th scope="col">Statement</th><th scope="col">Type</th><th scope="col">Stated</th><th scope="col">Known from</th><th scope="col">Confidence</th></tr></thead>
            <tbody>
              ${d.statements.map(
                (f) =>
                  html`<tr><th scope="row">${f.statement}</th><td>${FACT_TYPE_LABEL[f.factType]}</td><td>${day(f.statedDate)}</td><td>${day(f.knownFrom)}</td><td>${CONFIDENCE_LABEL[f.confidence]}</td></tr>`,
              )}
            </tbody>
          </table>`
          : html`<p>None.</p>`
      }
    </section>`;
  }

  private _sources(d: Dossier) {
    return html`<section aria-labelledby="p-sources">
      <h2 id="p-sources">Sources</h2>
      ${d.sources.length ? html`<ol class="sources">${d.sources.map((x) => html`<li>${x.about}: <span class="url">${x.source}</span></li>`)}</ol>` : html`<p>None cited.</p>`}
    </section>`;
  }

  protected override updated(): void {
    const name = this._dossier.value?.vendor.name;
    document.title = name ? `${name} dossier · Vendorscope` : 'Vendor dossier · Vendorscope';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-dossier-print-page': DossierPrintPage;
  }
}
