/**
 * The vendors due for a procurement review, most urgent first: the vendor (a link to its dossier
 * as of the list's day), where it stands in words, why (every reason the server gave), tier,
 * business owner, last decision and next review date. The table scrolls in its own box when the
 * window is narrower than it.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DueItem } from '../api/client.ts';
import { partialDate } from '../format.ts';
import { DECISION_LABEL, reviewKind } from '../reviews.ts';
import { urlWith } from '../urls.ts';
import { tableStyles } from '../styles/shared.ts';
import './vr-review-badge.ts';

const day = (d: string) => html`<time datetime=${d}>${partialDate(d)}</time>`;

@customElement('vr-due-table')
export class DueTable extends LitElement {
  static override styles = [
    ...tableStyles,
    css`
      table {
        min-width: 860px;
      }
      caption {
        text-align: left;
      }
      th.vendor {
        font-weight: 600;
        white-space: nowrap;
      }
      td.why ul {
        margin: 0;
        padding-left: 1.1em;
      }
      td.why {
        max-width: 32em;
      }
      .muted {
        color: var(--vr-ink-muted);
      }
      .num {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly DueItem[] = [];
  /** The day the list is for, carried into the vendor links ('' for today). */
  @property() asOf = '';

  override render() {
    return html`<div class="scroll" role="region" aria-labelledby="due-caption" tabindex="0">
      <table>
        <caption id="due-caption" class="sr-only">Vendors due for review, most urgent first</caption>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col">State</th>
            <th scope="col">Why</th>
            <th scope="col">Tier</th>
            <th scope="col">Owner</th>
            <th scope="col">Last decision</th>
            <th scope="col">Next review</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (i) => html`<tr data-vendor-id=${i.vendorId} data-state=${i.state} data-kind=${reviewKind(i)}>
              <th scope="row" class="vendor"><a href=${urlWith(`/vendors/${i.vendorId}`, { asOf: this.asOf || undefined })}>${i.name}</a></th>
              <td><vr-review-badge kind=${reviewKind(i)}></vr-review-badge></td>
              <td class="why">
                <ul>
                  ${i.reasons.map((r) => html`<li data-code=${r.code}>${r.text}</li>`)}
                </ul>
              </td>
              <td class="num tier">Tier ${i.tier}</td>
              <td>${i.businessOwner ?? html`<span class="muted">not set</span>`}</td>
              <td>${i.lastReview ? html`${DECISION_LABEL[i.lastReview.decision]}, ${day(i.lastReview.decidedOn)}` : html`<span class="muted">none</span>`}</td>
              <td class="num">${i.nextReviewOn ? day(i.nextReviewOn) : html`<span class="muted">none</span>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-due-table': DueTable;
  }
}
