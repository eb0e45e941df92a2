/**
 * Whether the vendor's last procurement decision still stands as of the page's day: the state in
 * words, every reason with a link to what it rests on (an incident, a subprocessor, a condition or
 * the decision itself, shown elsewhere on the page), the last decision and the next review date.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReviewStatus } from '../api/client.ts';
import type { EvidenceTarget } from '../evidence.ts';
import type { VendorStatus } from '../../server/domain/vocabulary.ts';
import { partialDate, STATUS_LABEL } from '../format.ts';
import { DECISION_LABEL, reasonTarget, reviewKind } from '../reviews.ts';
import { card, controls, srOnly } from '../styles/shared.ts';
import { evidenceLink, evidenceLinkStyles } from './evidence-link.ts';
import '../charts/vr-band-badge.ts';
import './vr-review-badge.ts';

const day = (d: string) => html`<time datetime=${d}>${partialDate(d)}</time>`;

@customElement('vr-review-status')
export class ReviewStatusView extends LitElement {
  static override styles = [
    card,
    evidenceLinkStyles,
    controls,
    srOnly,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 6px 12px;
        margin: 0 0 10px;
      }
      .head h3 {
        margin: 0;
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 6px 16px;
        margin: 0 0 10px;
        font-size: 0.92rem;
      }
      dt {
        color: var(--vr-ink-muted);
      }
      dd {
        margin: 0;
      }
      ul.reasons {
        margin: 0;
        padding-left: 1.2em;
        font-size: 0.92rem;
      }
      ul.reasons li + li {
        margin-top: 4px;
      }
      .link {
        white-space: normal;
        font-size: 0.86rem;
      }
      p.calm {
        margin: 0;
        font-size: 0.92rem;
      }
    `,
  ];

  @property({ attribute: false }) status?: ReviewStatus;
  /** The relationship's stored status, said beside "none recorded" so that it is not read as a decision. */
  @property() vendorStatus?: VendorStatus;
  /** Refs shown elsewhere on the page (incidents, subprocessors), which the reasons link to. */
  @property({ attribute: false }) evidence: ReadonlyMap<string, EvidenceTarget> = new Map();

  override render() {
    const s = this.status;
    if (!s) return nothing;
    const last = s.lastReview;
    return html`<div class="head" data-state=${s.state}>
        <h3 id="rs-t">Review status</h3>
        <vr-review-badge kind=${reviewKind(s)}></vr-review-badge>
        <span class="muted">as of ${day(s.asOf)}</span>
      </div>
      <dl>
        <dt>Last decision</dt>
        <dd>
          ${
            last
              ? html`${evidenceLink({ anchor: `review-${last.id}`, label: DECISION_LABEL[last.decision] })} on ${day(last.decidedOn)},
                taken on a <vr-band-badge band=${last.band}></vr-band-badge> band`
              : html`<span class="muted">none recorded</span>${
                  this.vendorStatus
                    ? html`<span class="muted" data-field="status-source">; the status on the relationship, ${STATUS_LABEL[this.vendorStatus]}, was set by hand, not by a decision</span>`
                    : nothing
                }`
          }
        </dd>
        <dt>Next review</dt>
        <dd>${s.nextReviewOn ? day(s.nextReviewOn) : html`<span class="muted">${last ? 'none scheduled' : 'after a first decision'}</span>`}</dd>
      </dl>
      ${
        s.reasons.length > 0
          ? html`<h4 class="sr-only" id="rs-why">Why</h4>
            <ul class="reasons" aria-labelledby="rs-why">
              ${s.reasons.map((r) => {
                const target = reasonTarget(r.ref, this.evidence);
                return html`<li data-code=${r.code}>${r.text} ${target ? html`<span class="link">(${evidenceLink(target)})</span>` : nothing}</li>`;
              })}
            </ul>`
          : html`<p class="calm">Nothing has happened since the decision that calls for another review.</p>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-review-status': ReviewStatusView;
  }
}
