/**
 * Says plainly which parts of the screen are public facts (with links to their sources) and which
 * are example settings of the demo company, from `GET /about`.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { About } from '../api/client.ts';
import { provenance } from '../styles/shared.ts';

@customElement('vr-data-notice')
export class DataNotice extends LitElement {
  static override styles = [
    provenance,
    css`
      :host {
        display: block;
        margin: 0 0 20px;
      }
      section {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 12px;
        align-items: baseline;
        padding: 12px 16px;
        background: var(--vr-surface);
        border: 1px solid var(--vr-line);
        border-left: 4px solid var(--vr-example);
        border-radius: var(--vr-radius);
        font-size: 0.88rem;
      }
      p {
        margin: 0;
      }
      .head {
        grid-column: 1 / -1;
        font-weight: 600;
      }
      /* One line for readers who chose compact rows: the same words, shorter, so the heatmap starts higher. */
      section.compact {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 10px;
        padding: 6px 12px;
        font-size: 0.82rem;
      }
      .sources {
        grid-column: 1 / -1;
        color: var(--vr-ink-muted);
        font-size: 0.8rem;
      }
    `,
  ];

  @property({ attribute: false }) about?: About;
  /** One line (the portfolio's compact density): the kinds of data named, their sources left to the full notice. */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    const demo = this.about?.demo;
    const sources = this.about?.dataSources ?? [];
    if (this.compact) {
      return html`<section class="compact" aria-label="Where this data comes from">
        <strong>${demo ? html`Demo portfolio of ${demo.name}, a fictional company:` : 'Where this data comes from:'}</strong>
        <span><span class="tag fact">Public fact</span> incidents, subprocessors, MFA posture and statements, each with its sources;</span>
        <span><span class="tag example">Example setting</span> our relationship with each vendor.</span>
      </section>`;
    }
    return html`<section aria-label="Where this data comes from">
      ${demo ? html`<p class="head">Demo portfolio of ${demo.name}, a fictional company.</p>` : html`<p class="head">Where this data comes from</p>`}
      <span class="tag fact">Public fact</span>
      <p>Incidents, subprocessors, MFA posture and posture statements come from public reporting; each links to its sources.</p>
      <span class="tag example">Example setting</span>
      <p>${demo ? demo.note : 'Relationships marked as examples (tier, data access, access into our environment, status, owner) are illustrative, not real.'}</p>
      ${sources.length > 0 ? html`<p class="sources">Data: ${sources.map((s, i) => html`${i > 0 ? '; ' : nothing}${s.name} (${s.license})`)}.</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-data-notice': DataNotice;
  }
}
