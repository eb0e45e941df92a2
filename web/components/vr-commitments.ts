/**
 * What the vendor commits to outside the score: the days within which it notifies customers of a
 * breach, and its security contact. Each says when it became known and, when the vendor's own
 * questionnaire answer is its source, links to that answer.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Commitment } from '../../server/domain/commitment.ts';
import { commitmentRows } from '../commitments.ts';
import { answerHref, attestedBy } from '../evidence.ts';
import { partialDate } from '../format.ts';
import { card, provenance } from '../styles/shared.ts';
import { sectionHead } from './vr-incident-list.styles.ts';

@customElement('vr-commitments')
export class Commitments extends LitElement {
  static override styles = [
    card,
    provenance,
    sectionHead,
    css`
      :host {
        display: block;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 6px 16px;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      .meta {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) items: readonly Commitment[] = [];
  @property({ type: Number }) vendorId = 0;

  override render() {
    const rows = commitmentRows(this.items);
    return html`<section class="card" aria-labelledby="commitments-title">
      <header class="section-head">
        <h2 id="commitments-title">Commitments</h2>
        <span class="tag fact">Not scored</span>
      </header>
      ${
        rows.length === 0
          ? html`<p class="muted">No commitment on record: the questionnaire asks for the days to notify customers of a breach and a security contact.</p>`
          : html`<dl>
            ${rows.map((r) => {
              const said = attestedBy(r.commitment);
              const href = answerHref(this.vendorId, r.commitment.source);
              return html`<dt>${r.label}</dt>
                <dd data-commitment=${r.field}>
                  ${r.value}
                  <span class="meta">· known from ${partialDate(r.knownFrom)}${said ? html` · ${href ? html`<a href=${href}>${said}</a>` : said}` : nothing}</span>
                </dd>`;
            })}
          </dl>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-commitments': Commitments;
  }
}
