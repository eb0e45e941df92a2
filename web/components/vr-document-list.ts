/**
 * A vendor's evidence documents: kind and details, the file (name, type, size), who uploaded it and
 * when, whether it has expired or expires soon (in words, the colour only repeats them), and a
 * download link. Only metadata: a document's content is never shown here, only downloaded (the
 * server sends it as an attachment). Analysts get the upload form below the list.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { detailsText, expiryOf, KIND_LABELS, MEDIA_LABELS, sizeText, type Document } from '../documents.ts';
import { card, dataTable, scrollBox, srOnly } from '../styles/shared.ts';
import { sectionHead } from './vr-incident-list.styles.ts';
import './vr-document-form.ts';

@customElement('vr-document-list')
export class DocumentList extends LitElement {
  static override styles = [
    card,
    dataTable,
    scrollBox,
    srOnly,
    sectionHead,
    css`
      :host {
        display: block;
      }
      .expiry {
        display: inline-block;
        font-size: 0.8rem;
        padding: 1px 8px;
        border-radius: 999px;
        border: 1px solid var(--vr-line);
        white-space: nowrap;
      }
      .expiry.expired {
        color: var(--vr-danger);
        background: var(--vr-danger-soft);
        border-color: var(--vr-danger-line);
        font-weight: 700;
      }
      .expiry.expiring {
        color: var(--vr-high);
        background: var(--vr-high-soft);
        border-color: var(--vr-high-line);
      }
      .muted {
        color: var(--vr-ink-muted);
      }
      vr-document-form {
        margin-top: 16px;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly Document[] = [];
  /** Today (YYYY-MM-DD): "expires in N days" counts from it. */
  @property() today = '';
  @property({ type: Boolean }) editable = false;
  /** Where each document downloads from. */
  @property({ attribute: false }) hrefOf: (id: number) => string = (id) => `/api/v1/documents/${id}/content`;
  // The upload form's state, owned by the page.
  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property() done = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    return html`<section class="card" aria-labelledby="documents-heading">
      <header class="section-head">
        <h2 id="documents-heading" tabindex="-1">Evidence documents <span class="count">(${this.items.length})</span></h2>
      </header>
      ${
        this.items.length === 0
          ? html`<p class="muted">No document on record: ask the vendor for its SOC 2 report or ISO 27001 certificate.</p>`
          : html`<div class="scroll" role="region" tabindex="0" aria-label="Documents table (scrolls sideways)">
            <table>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Details</th>
                  <th scope="col">File</th>
                  <th scope="col">Uploaded</th>
                  <th scope="col">Expiry</th>
                  <th scope="col"><span class="sr-only">Download</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.items.map((d) => this._row(d))}
              </tbody>
            </table>
          </div>`
      }
      ${
        this.editable
          ? html`<vr-document-form .errors=${this.errors} refusals=${this.refusals} failure=${this.failure} done=${this.done} ?busy=${this.busy}></vr-document-form>`
          : html`<p class="muted">Analysts and admins upload documents.</p>`
      }
    </section>`;
  }

  private _row(d: Document) {
    const expiry = expiryOf(d, this.today);
    const title = typeof d.details.title === 'string' && d.kind !== 'other' ? d.details.title : null;
    return html`<tr id=${`document-${d.id}`} tabindex="-1" data-expiry=${expiry.state}>
      <th scope="row">${KIND_LABELS[d.kind]}${title ? html`<br /><span class="muted">${title}</span>` : nothing}${d.kind === 'other' ? html`<br /><span class="muted">${String(d.details.title ?? '')}</span>` : nothing}</th>
      <td>${detailsText(d)}</td>
      <td>${d.fileName}<br /><span class="muted">${MEDIA_LABELS[d.mediaType]} · ${sizeText(d.size)}</span></td>
      <td>${d.uploadedAt.slice(0, 10)}<br /><span class="muted">${d.requestId !== null ? `through request ${d.requestId}` : d.uploadedBy}</span></td>
      <td><span class=${`expiry ${expiry.state}`}>${expiry.text}</span></td>
      <td><a href=${this.hrefOf(d.id)} download=${d.fileName}>Download<span class="sr-only"> ${d.fileName}</span></a></td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-document-list': DocumentList;
  }
}
