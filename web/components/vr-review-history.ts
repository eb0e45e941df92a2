/**
 * The procurement decisions taken on a vendor, latest first: the decision, the day, who took it,
 * why, the band and risk of the score it was taken on (frozen then, whatever was recorded since),
 * the next review it set and how many conditions it carries. Each decision is the target of the
 * status's "last decision" and "overdue" links (`id="review-3"`).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Review } from '../api/client.ts';
import { partialDate, points } from '../format.ts';
import { DECISION_LABEL } from '../reviews.ts';
import { anchorTarget, card, provenance } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';

const day = (d: string) => html`<time datetime=${d}>${partialDate(d)}</time>`;

function nextWords(r: Review) {
  if (r.nextReviewOn === null) return 'no periodic review';
  return html`next review ${day(r.nextReviewOn)} (${r.nextReviewSet === 'tier' ? "from the tier's cadence" : 'set by hand'})`;
}

@customElement('vr-review-history')
export class ReviewHistory extends LitElement {
  static override styles = [
    provenance,
    card,
    anchorTarget,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        margin-top: 12px;
        padding-top: 12px;
        border-top: 1px solid var(--vr-line);
      }
      p {
        margin: 0 0 4px;
        font-size: 0.92rem;
        overflow-wrap: anywhere;
      }
      .what {
        font-size: 1rem;
      }
      .rationale {
        white-space: pre-line;
      }
      .meta {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) reviews: readonly Review[] = [];

  override render() {
    return html`<h3 id="rh-t">Decisions <span class="muted">(${this.reviews.length})</span></h3>
      ${
        this.reviews.length === 0
          ? html`<p class="muted">No decision recorded yet.</p>`
          : html`<ol aria-labelledby="rh-t">
            ${this.reviews.map(
              (r) => html`<li class="anchor-target" id=${`review-${r.id}`} tabindex="-1" data-review-id=${r.id} data-decision=${r.decision}>
                <p class="what">
                  <strong>${DECISION_LABEL[r.decision]}</strong> on ${day(r.decidedOn)} by ${r.decidedBy}
                  ${r.isExample ? html`<span class="tag example" title="An example decision of the fictional demo company, not one anybody took">Example setting</span>` : nothing}
                </p>
                <p class="rationale">${r.rationale}</p>
                <p class="meta">
                  Taken on a <vr-band-badge band=${r.score.band}></vr-band-badge> band, risk ${points(r.score.risk)} (score as of
                  ${day(r.score.asOf)}, methodology ${r.score.methodologyVersion}); ${nextWords(r)};
                  ${r.conditions.length === 1 ? '1 condition' : `${r.conditions.length} conditions`}.
                </p>
              </li>`,
            )}
          </ol>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-review-history': ReviewHistory;
  }
}
