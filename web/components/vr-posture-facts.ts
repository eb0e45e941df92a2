/**
 * Public statements about a vendor's posture, in our words, newest first as the API gives them,
 * each with its sources, the day it was stated and the day it became known; as of a day, one not
 * yet known then is greyed and says so.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PostureFact } from '../../server/domain/posture-fact.ts';
import { CONFIDENCE_LABEL, FACT_TYPE_LABEL, partialDate } from '../format.ts';
import { statementDates } from '../known.ts';
import { card, provenance } from '../styles/shared.ts';
import { sectionHead } from './vr-incident-list.styles.ts';
import './vr-source-links.ts';

@customElement('vr-posture-facts')
export class PostureFacts extends LitElement {
  static override styles = [
    card,
    provenance,
    sectionHead,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(440px, 100%), 1fr));
        gap: 12px;
      }
      li {
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
        padding: 12px 14px;
      }
      .meta {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
        margin: 0 0 6px;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      .statement {
        margin: 0 0 6px;
        max-width: 100ch;
      }
      .notes {
        margin: 0 0 6px;
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
      }
      li.not-yet {
        border-style: dashed;
        color: var(--vr-ink-muted);
      }
      .not-yet-note {
        margin: 0 0 6px;
        font-size: 0.85rem;
        font-style: italic;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly PostureFact[] = [];
  /** The day the page shows (YYYY-MM-DD; '' for none): statements not known by then are marked. */
  @property() asOf = '';

  override render() {
    return html`<section class="card" aria-labelledby="t">
      <header class="section-head">
        <h2 id="t">Public posture statements <span class="count">(${this.items.length})</span></h2>
        <span class="tag fact">Public facts</span>
      </header>
      ${
        this.items.length === 0
          ? html`<p class="muted">No public statement on record.</p>`
          : html`<ul>
            ${this.items.map((f) => {
              const notYet = statementDates(f, this.asOf).notYet;
              return html`<li data-fact-ref=${f.ref} class=${notYet ? 'not-yet' : ''} data-not-yet=${notYet ? 'true' : nothing}>
                <p class="meta">
                  <span class="pill">${FACT_TYPE_LABEL[f.factType]}</span>
                  <span class="pill">Applies to: ${f.appliesTo}</span>
                  <span class="pill">${f.statedDate ? `Stated ${partialDate(f.statedDate)}` : 'Date unknown'}</span>
                  <span class="pill known-from">Known from ${partialDate(f.knownFrom)}</span>
                  <span class="pill">${CONFIDENCE_LABEL[f.confidence]} confidence</span>
                </p>
                ${notYet ? html`<p class="not-yet-note">${notYet}.</p>` : nothing}
                <p class="statement">${f.statement}</p>
                ${f.notes ? html`<p class="notes">${f.notes}</p>` : nothing}
                <vr-source-links .sources=${f.sources}></vr-source-links>
              </li>`;
            })}
          </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-posture-facts': PostureFacts;
  }
}
