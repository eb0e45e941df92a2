/**
 * The headline of a vendor's score: risk and band, the two axes it comes from, and how sure it is;
 * inherent risk (the relationship alone) beside residual risk (after the evidence), how much of the
 * likelihood weight rests on evidence and how many points on priors. A vendor not assessed leads
 * with its inherent risk and says what evidence would assess it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { VendorScore } from '../../server/http/contract.ts';
import { percent, points } from '../format.ts';
import { card } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';

@customElement('vr-score-summary')
export class ScoreSummary extends LitElement {
  static override styles = [
    card,
    css`
      :host {
        display: block;
      }
      .risk {
        display: flex;
        align-items: baseline;
        gap: 12px;
        margin-bottom: 12px;
      }
      .risk .value {
        font-size: 2.6rem;
        font-weight: 700;
        line-height: 1;
      }
      .risk .of {
        color: var(--vr-ink-muted);
      }
      vr-band-badge {
        font-size: 1.1rem;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 12px;
        margin: 0 0 12px;
      }
      dl.assessment {
        grid-template-columns: repeat(3, minmax(0, 1fr));
        padding-top: 12px;
        border-top: 1px solid var(--vr-line);
      }
      dt {
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      dd {
        margin: 0;
        font-size: 1.25rem;
        font-weight: 600;
      }
      dd small {
        display: block;
        font-size: 0.75rem;
        font-weight: 400;
        color: var(--vr-ink-muted);
      }
      dd.provisional {
        font-style: italic;
        font-weight: 400;
      }
      .unknowns {
        margin: 0 0 12px;
        font-size: 0.9rem;
      }
      .to-assess {
        margin: 0 0 12px;
        padding: 10px 12px;
        border: 1px dashed var(--vr-line-strong);
        border-radius: 6px;
        background: var(--vr-panel);
      }
      .to-assess h3 {
        margin: 0 0 4px;
        font-size: 0.95rem;
      }
      .to-assess ul {
        margin: 0 0 4px;
        padding-left: 1.2rem;
      }
      .to-assess p {
        margin: 0;
        font-size: 0.85rem;
      }
      .meta {
        margin: 0;
        font-size: 0.82rem;
      }
      @media (max-width: 640px) {
        dl,
        dl.assessment {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
    `,
  ];

  @property({ attribute: false }) score?: VendorScore;

  override render() {
    const s = this.score;
    if (!s) return html``;
    const assessed = s.band !== 'not-assessed';
    const inherent = s.inherentContributions[0];
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Score</h2>
      <div class="risk" data-figure="headline">
        <span class="value num">${points(assessed ? s.risk : s.inherentRisk)}</span>
        <span class="of">${assessed ? 'residual risk / 100' : 'inherent risk / 100'}</span>
        <vr-band-badge .band=${s.band}></vr-band-badge>
      </div>
      <dl>
        <div><dt>Likelihood</dt><dd class="num">${points(s.likelihood)}<small>from the factors below</small></dd></div>
        <div><dt>Impact</dt><dd class="num">${points(s.impact)}<small>from our relationship</small></dd></div>
        <div><dt>Confidence</dt><dd class="num">${percent(s.confidence)}<small>evidence known and fresh</small></dd></div>
        <div>
          <dt>Risk matrix cell</dt>
          ${
            assessed
              ? html`<dd class="num">L${s.cell.likelihood} × I${s.cell.impact}<small>likelihood × impact, 1–5</small></dd>`
              : html`<dd>Apart<small>not assessed: listed beside the matrix</small></dd>`
          }
        </div>
      </dl>
      <dl class="assessment">
        <div data-figure="inherent">
          <dt>Inherent risk</dt>
          <dd class="num">${points(s.inherentRisk)}<small>${inherent?.formula ?? 'category prior × impact ÷ 100'} (${s.inherentBand})</small></dd>
        </div>
        <div data-figure="residual">
          <dt>Residual risk</dt>
          <dd class="num ${assessed ? '' : 'provisional'}">${points(s.risk)}<small>${assessed ? 'after the evidence' : 'rests largely on priors: no rating'}</small></dd>
        </div>
        <div data-figure="coverage">
          <dt>Evidence coverage</dt>
          <dd class="num">${percent(s.evidenceCoverage)}<small>of the likelihood weight rests on evidence</small></dd>
        </div>
      </dl>
      <p class="unknowns" data-figure="unknowns">
        <strong class="num">${points(s.unknownPoints)} of ${points(s.likelihood)}</strong> likelihood points rest on unknowns: the methodology's priors
        for evidence not on record.
      </p>
      ${assessed ? nothing : this._toAssess(s)}
      <p class="meta muted">
        Residual risk = likelihood × impact ÷ 100; inherent risk = category prior × impact ÷ 100. As of ${s.asOf}, methodology version
        ${s.methodologyVersion}.
      </p>
    </section>`;
  }

  private _toAssess(s: VendorScore) {
    return html`<div class="to-assess" data-figure="to-assess">
      <h3>Not assessed: what would assess it</h3>
      <ul>
        ${s.toAssess.map((m) => html`<li data-ref=${m.ref ?? 'support'}>${m.text} <span class="muted">(${percent(m.weight)} of the likelihood weight)</span></li>`)}
      </ul>
      <p class="muted">Only ${percent(s.evidenceCoverage)} of the likelihood weight rests on evidence. Ask the vendor: a questionnaire, or its documents.</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-score-summary': ScoreSummary;
  }
}
