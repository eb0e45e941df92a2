/** The one way errors reach the screen: what failed, in words, with the API's status and code when there is one. */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiError } from '../api/client.ts';

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
    code {
      font-family: var(--vr-font-mono);
      font-size: 0.85em;
    }
  `;

  @property() heading = 'Something went wrong';
  @property({ attribute: false }) error: unknown;

  override render() {
    const e = this.error;
    const message = e instanceof Error ? e.message : String(e ?? 'Unknown error');
    return html`<div role="alert">
      <h2>${this.heading}</h2>
      <p>${message}</p>
      ${e instanceof ApiError && e.status > 0
        ? html`<p class="meta">HTTP ${e.status} · <code>${e.code}</code>${e.fields.map((f) => html` · ${f.path}: ${f.message}`)}</p>`
        : nothing}
      <slot></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-error': ErrorMessage;
  }
}
