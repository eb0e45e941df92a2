/**
 * Why a vendor scores as it does: every factor with its weight and every contribution that adds
 * up to it, then the parts of impact. Nothing is summarised away; the points are the engine's.
 * A contribution that carries its formula ("access 50 × outsourced 1.2 × … = 72.6") shows it as
 * text under its explanation, and each factor links to its parameters on the methodology page
 * (`/methodology#params-support`), where every number of the formula is given with its reason.
 * A factor whose parts combine otherwise than by adding (the support chain's union) shows that
 * formula under its heading. Points that rest on a prior rather than on evidence (an unknown MFA
 * population, an unknown support chain) are marked in their row and counted in the factor's heading,
 * so the share of the score that is assumed stays in view.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Contribution, FactorScore, VendorScore } from '../../server/http/contract.ts';
import { percent, points } from '../format.ts';
import { sectionAnchor } from '../methodology-draft.ts';
import { card, dataTable, provenance, srOnly } from '../styles/shared.ts';

@customElement('vr-score-breakdown')
export class ScoreBreakdown extends LitElement {
  static override styles = [
    card,
    dataTable,
    provenance,
    srOnly,
    css`
      :host {
        display: block;
      }
      .factor {
        margin: 0 0 20px;
      }
      .factor-head {
        display: flex;
        align-items: baseline;
        gap: 10px;
        flex-wrap: wrap;
        margin-bottom: 6px;
      }
      .factor-head h3 {
        margin: 0;
      }
      .factor-head .meta {
        color: var(--vr-ink-muted);
        font-size: 0.85rem;
      }
      .pts {
        text-align: right;
        width: 6em;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      td.what {
        width: 36%;
        font-weight: 600;
      }
      td.how {
        color: var(--vr-ink-muted);
      }
      tfoot th,
      tfoot td {
        font-weight: 700;
        border-bottom: 0;
      }
      .none {
        color: var(--vr-ink-muted);
        font-style: italic;
      }
      .formula {
        margin: 0 0 16px;
        font-size: 0.88rem;
      }
      .arithmetic {
        display: block;
        margin-top: 3px;
        font-family: var(--vr-font-mono);
        font-size: 0.8rem;
        color: var(--vr-ink);
        overflow-wrap: anywhere;
      }
      .combine {
        margin: 0 0 6px;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      .combine .arithmetic {
        display: inline;
      }
      td.what .tag {
        margin-left: 6px;
      }
      .factor-head a.params {
        font-size: 0.85rem;
        margin-left: auto;
      }
    `,
  ];

  @property({ attribute: false }) score?: VendorScore;

  override render() {
    const s = this.score;
    if (!s) return nothing;
    const terms = s.factors.map((f) => `${f.weight} × ${points(f.score)}`).join(' + ');
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Why: factor breakdown</h2>
      <p class="formula muted">Likelihood = ${terms} = <strong>${points(s.likelihood)}</strong>. Each factor's contributions add up to its score.</p>
      ${s.factors.map((f) => this._factor(f))}
      <div class="factor">
        <div class="factor-head">
          <h3>Impact</h3>
          <span class="meta">${points(s.impact)} / 100 · from our relationship with the vendor</span>
          <a class="params" href=${`/methodology#${sectionAnchor('impact')}`}>Its parameters<span class="sr-only"> (impact)</span> and why</a>
        </div>
        ${this._table(s.impactContributions, 'Impact', s.impact)}
      </div>
    </section>`;
  }

  private _factor(f: FactorScore) {
    const assumed = f.contributions.filter((c) => c.unknownShare !== undefined).reduce((a, c) => a + c.points, 0);
    return html`<div class="factor" data-factor=${f.id}>
      <div class="factor-head">
        <h3>${f.label}</h3>
        <span class="meta num">
          ${points(f.score)} / 100 · weight ${percent(f.weight)} · adds ${points(f.score * f.weight)} to likelihood${
            assumed > 0 ? html` · <span data-assumed>${points(assumed)} of ${points(f.score)} rest on priors</span>` : nothing
          }
        </span>
        ${f.known ? nothing : html`<span class="tag unknown">unknown: no evidence, counted as below</span>`}
        <a class="params" href=${`/methodology#${sectionAnchor(f.id)}`}>Its parameters<span class="sr-only"> (${f.label})</span> and why</a>
      </div>
      ${f.formula ? html`<p class="combine" data-factor-formula>How the parts combine: <span class="arithmetic">${f.formula}</span></p>` : nothing}
      ${this._table(f.contributions, `${f.label} score`, f.score)}
    </div>`;
  }

  private _table(parts: readonly Contribution[], total: string, value: number) {
    return html`<table>
      <thead>
        <tr><th scope="col">Contribution</th><th scope="col">How the points were reached</th><th scope="col" class="pts">Points</th></tr>
      </thead>
      <tbody>
        ${
          parts.length === 0
            ? html`<tr><td class="none" colspan="3">Nothing contributes: no evidence of risk on record for this factor.</td></tr>`
            : parts.map(
                (c) => html`<tr data-ref=${c.ref ?? nothing} ?data-prior=${c.unknownShare !== undefined}>
                <td class="what">${c.label}${
                  c.unknownShare !== undefined
                    ? html`<span class="tag unknown" title="No evidence on record: the methodology's prior for an unknown">prior, no evidence</span>`
                    : nothing
                }</td>
                <td class="how">${c.detail}${
                  c.formula ? html`<span class="arithmetic" data-formula><span class="sr-only">Formula: </span>${c.formula}</span>` : nothing
                }</td>
                <td class="pts">${points(c.points)}</td>
              </tr>`,
              )
        }
      </tbody>
      <tfoot>
        <tr><th scope="row" colspan="2">${total}</th><td class="pts">${points(value)}</td></tr>
      </tfoot>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-score-breakdown': ScoreBreakdown;
  }
}
