/** How many vendors of the due list stand where: a count per kind, in the order of urgency, in words. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { REVIEW_KINDS, type ReviewKind } from '../reviews.ts';
import './vr-review-badge.ts';

@customElement('vr-due-summary')
export class DueSummary extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 8px 20px;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    strong {
      font-size: 1.3rem;
      font-variant-numeric: tabular-nums;
    }
  `;

  @property({ attribute: false }) counts: Readonly<Record<ReviewKind, number>> | undefined;

  override render() {
    const c = this.counts;
    if (!c) return html``;
    return html`<ul aria-label="Vendors by review state">
      ${REVIEW_KINDS.map((k) => html`<li data-kind=${k}><strong>${c[k]}</strong><vr-review-badge kind=${k}></vr-review-badge></li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-due-summary': DueSummary;
  }
}
