/**
 * Where a vendor stands with its procurement review, as words on a pill: the words carry the
 * meaning, and the pill tells the kinds apart without hue too (solid for a review needed, a heavy
 * rule for overdue, dashed for due soon, hatched for never reviewed, a tick for up to date).
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { REVIEW_KIND_LABEL, type ReviewKind } from '../reviews.ts';
import { statePill } from '../styles/shared.ts';

const MARK: Readonly<Record<ReviewKind, string>> = { flagged: '⚑', overdue: '!', 'due-soon': '…', 'never-reviewed': '?', 'up-to-date': '✓' };

@customElement('vr-review-badge')
export class ReviewBadge extends LitElement {
  static override styles = [
    statePill,
    css`
      span.badge {
        gap: 6px;
        padding: 1px 10px;
        font-size: 0.8rem;
        line-height: 1.5;
      }
      .mark {
        font-weight: 700;
      }
      .flagged {
        color: var(--vr-surface);
        background: var(--vr-danger);
        border-color: var(--vr-danger);
      }
      .overdue {
        color: var(--vr-high);
        background: var(--vr-high-soft);
        border: 2px solid var(--vr-high-line);
      }
      .due-soon {
        color: var(--vr-example);
        background: var(--vr-example-soft);
        border: 1px dashed var(--vr-example);
      }
      .never-reviewed {
        color: var(--vr-unknown-ink);
        background: repeating-linear-gradient(135deg, var(--vr-hatch-a) 0 4px, var(--vr-hatch-b) 4px 8px);
        border: 1px dashed var(--vr-unknown-frame);
      }
      .up-to-date {
        color: var(--vr-fact);
        background: var(--vr-fact-soft);
        border-color: var(--vr-fact-line);
      }
    `,
  ];

  @property() kind: ReviewKind = 'up-to-date';

  override render() {
    return html`<span class="badge ${this.kind}" data-kind=${this.kind}><span class="mark" aria-hidden="true">${MARK[this.kind]}</span>${REVIEW_KIND_LABEL[this.kind]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-review-badge': ReviewBadge;
  }
}
