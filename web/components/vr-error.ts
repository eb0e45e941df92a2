/** The one way errors reach the screen: what failed, in words (each failing field by its label), with the API's code and status as small print. */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/client.ts';
import { problemSentences, type FieldLabels } from '../field-messages.ts';

@customElement('vr-error')
export class ErrorMessage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 16px 0;
    }
    div {
      border: 1px solid var(--vr-danger-line);
      border-left: 4px solid var(--vr-danger);
      background: var(--vr-danger-soft);
      border-radius: var(--vr-radius);
      padding: 12px 16px;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 1.05rem;
      color: var(--vr-danger);
    }
    p {
      margin: 0 0 4px;
    }
    ul {
      margin: 4px 0;
      padding-left: 1.25em;
    }
    .meta {
      font-size: 0.8rem;
      color: var(--vr-ink);
    }
    code {
      font-family: var(--vr-font-mono);
      font-size: 0.85em;
    }
  `;

  @property() heading = 'Something went wrong';
  @property({ attribute: false }) error: unknown;
  /** The labels of the fields the failing request sent, by name, when they are not the common ones. */
  @property({ attribute: false }) labels: FieldLabels = {};

  override render() {
    const e = this.error;
    const message = e instanceof Error ? e.message : String(e ?? 'Unknown error');
    return html`<div role="alert">
      <h2>${this.heading}</h2>
      <p>${message}</p>
      ${e instanceof ApiError && e.fields.length > 0 ? html`<ul class="fields">${problemSentences(e.fields, this.labels).map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      ${e instanceof ApiError && e.status > 0 ? html`<p class="meta">Error code <code>${e.code}</code> (HTTP ${e.status})</p>` : nothing}
      <slot></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-error': ErrorMessage;
  }
}
