/** The headline of a vendor's score: risk and band, the two axes it comes from, and how sure it is. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { VendorScore } from '../../server/scoring/types.ts';
import { percent, points } from '../format.ts';
import { card } from '../styles/shared.ts';
import './vr-band-badge.ts';

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
      .meta {
        margin: 0;
        font-size: 0.82rem;
      }
    `,
  ];

  @property({ attribute: false }) score?: VendorScore;

  override render() {
    const s = this.score;
    if (!s) return html``;
    return html`<section class="card" aria-labelledby="t">
      <h2 id="t">Score</h2>
      <div class="risk">
        <span class="value num">${points(s.risk)}</span>
        <span class="of">risk / 100</span>
        <vr-band-badge .band=${s.band}></vr-band-badge>
      </div>
      <dl>
        <div><dt>Likelihood</dt><dd class="num">${points(s.likelihood)}<small>from the factors below</small></dd></div>
        <div><dt>Impact</dt><dd class="num">${points(s.impact)}<small>from our relationship</small></dd></div>
        <div><dt>Confidence</dt><dd class="num">${percent(s.confidence)}<small>evidence known and fresh</small></dd></div>
        <div><dt>Risk matrix cell</dt><dd class="num">L${s.cell.likelihood} × I${s.cell.impact}<small>likelihood × impact, 1–5</small></dd></div>
      </dl>
      <p class="meta muted">Risk = likelihood × impact ÷ 100. As of ${s.asOf}, methodology version ${s.methodologyVersion}.</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-score-summary': ScoreSummary;
  }
}
