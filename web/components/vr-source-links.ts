/** A list of public sources, each a real link that opens in a new tab and names where it goes. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { linkText } from '../format.ts';
import { controls, srOnly } from '../styles/shared.ts';

@customElement('vr-source-links')
export class SourceLinks extends LitElement {
  static override styles = [
    srOnly,
    controls,
    css`
      :host {
        display: block;
        font-size: 0.85rem;
      }
      .label {
        font-weight: 600;
        color: var(--vr-ink-muted);
        margin-right: 4px;
      }
      ul {
        margin: 2px 0 0;
        padding-left: 18px;
      }
      li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) sources: readonly string[] = [];
  @property() label = 'Sources';

  override render() {
    if (this.sources.length === 0) return html`<span class="label">${this.label}:</span> <span>none given</span>`;
    return html`<span class="label">${this.label} (${this.sources.length})</span>
      <ul>
        ${this.sources.map(
          (url) => html`<li>
            <a href=${url} rel="noopener noreferrer" target="_blank">${linkText(url)}<span class="sr-only"> (opens in a new tab)</span></a>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-source-links': SourceLinks;
  }
}
