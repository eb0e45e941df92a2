/**
 * Our relationship with a vendor (what drives impact), labelled as an example setting when it is
 * one, with the day it began and the other names the vendor goes by. Analysts get "Edit". Its
 * review status says where it came from: the latest review decision, or set on the relationship.
 *
 * @fires edit-requested - Edit relationship
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { Review } from '../api/client.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, partialDate } from '../format.ts';
import { statusSource } from '../reviews.ts';
import { card, provenance, srOnly } from '../styles/shared.ts';
import { EditRequested } from '../vendor-events.ts';
import { editControlStyles, savedLine } from './edit-controls.ts';

@customElement('vr-relationship')
export class Relationship extends LitElement {
  static override styles = [
    card,
    provenance,
    srOnly,
    editControlStyles,
    css`
      :host {
        display: block;
      }
      header {
        display: flex;
        align-items: baseline;
        flex-wrap: wrap;
        gap: 8px;
        margin-bottom: 12px;
      }
      header h2 {
        margin: 0;
        margin-right: auto;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 6px 16px;
        margin: 0;
        font-size: 0.92rem;
      }
      dt {
        color: var(--vr-ink-muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      dd .from {
        font-weight: 400;
        font-size: 0.86rem;
      }
      ul.aliases {
        margin: 0;
        padding: 0;
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 2px 8px;
      }
      ul.aliases li + li::before {
        content: '·';
        margin-right: 8px;
        color: var(--vr-ink-muted);
      }
      .note {
        margin: 12px 0 0;
        font-size: 0.8rem;
      }
    `,
  ];

  @property({ attribute: false }) vendor?: Vendor;
  @property({ type: Boolean }) editable = false;
  /** The vendor's latest review decision (whatever the page's day: the card shows today's relationship), null for none. */
  @property({ attribute: false }) latestDecision: Pick<Review, 'decision' | 'decidedOn'> | null = null;
  @property() notice = '';

  override render() {
    const v = this.vendor;
    if (!v) return nothing;
    const src = statusSource(v.status, this.latestDecision, partialDate);
    return html`<section class="card" aria-labelledby="t">
      <header>
        <h2 id="t">Our relationship</h2>
        ${v.relationshipIsExample ? html`<span class="tag example">Example setting</span>` : nothing}
        ${
          this.editable
            ? html`<button type="button" class="add" @click=${() => this.dispatchEvent(new EditRequested('relationship'))}>Edit<span class="sr-only"> relationship</span></button>`
            : nothing
        }
      </header>
      ${savedLine(this.notice)}
      <dl>
        <dt>Tier</dt><dd>Tier ${v.tier}<span class="muted"> (1 = most critical to us)</span></dd>
        <dt>Data access</dt><dd>${DATA_ACCESS_LABEL[v.dataAccess]}</dd>
        <dt>Access into our environment</dt><dd>${ENVIRONMENT_ACCESS_LABEL[v.environmentAccess]}</dd>
        <dt>Review status</dt><dd data-field="status" data-from=${src.from}>${src.label}<span class="muted from">, ${src.note}</span></dd>
        <dt>Business owner</dt><dd>${v.businessOwner ?? html`<span class="muted">not set</span>`}</dd>
        <dt>Next review</dt><dd>${v.nextReviewOn ? partialDate(v.nextReviewOn) : html`<span class="muted">not scheduled</span>`}</dd>
        <dt>Engaged since</dt>
        <dd data-field="engagedSince">
          ${v.status === 'not-engaged' ? html`<span class="muted">not engaged</span>` : html`<time datetime=${v.engagedSince}>${partialDate(v.engagedSince)}</time>`}
        </dd>
        <dt>Also known as</dt>
        <dd data-field="aliases">
          ${v.aliases.length > 0 ? html`<ul class="aliases">${v.aliases.map((a) => html`<li>${a}</li>`)}</ul>` : html`<span class="muted">no other names</span>`}
        </dd>
      </dl>
      ${
        v.relationshipIsExample
          ? html`<p class="note muted">These are example settings of the fictional demo company, not public facts. They set the impact axis of the score.</p>`
          : nothing
      }
      ${v.notes ? html`<p class="note">${v.notes}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-relationship': Relationship;
  }
}
