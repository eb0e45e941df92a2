/**
 * A just-created API token's secret, shown this once: the server stores only its hash. A copy
 * button (selecting the text where the clipboard is unavailable), and a warning to copy it now.
 *
 * @fires secret-dismissed - "Done": the page forgets the secret
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CreatedToken } from '../api/client.ts';
import { SecretDismissed } from '../account-events.ts';
import { timestamp } from '../format.ts';
import { formElement } from '../styles/forms.ts';

@customElement('vr-token-secret')
export class TokenSecret extends LitElement {
  static override styles = [
    ...formElement,
    css`
      :host {
        margin: 0 0 16px;
      }
      .box {
        padding: 14px 16px;
        border: 1px solid var(--vr-example-line);
        border-left: 4px solid var(--vr-example);
        border-radius: var(--vr-radius);
        background: var(--vr-example-soft);
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1rem;
      }
      p {
        margin: 0 0 10px;
      }
      code {
        font-family: var(--vr-font-mono);
        font-size: 0.88em;
      }
      code.secret {
        display: block;
        padding: 8px 10px;
        margin: 0 0 10px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        font-size: 0.9rem;
        word-break: break-all;
        user-select: all;
      }
      .status {
        color: var(--vr-fact);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) token?: CreatedToken;
  @state() private _said = '';

  override render() {
    const t = this.token;
    if (!t) return nothing;
    return html`<div class="box" role="region" aria-labelledby="secret-title">
      <h3 id="secret-title">Token "${t.name}" created</h3>
      <p><strong>Copy it now: it will not be shown again.</strong> Send it as <code>Authorization: Bearer …</code> Valid until ${timestamp(t.expiresAt)}.</p>
      <code class="secret" tabindex="0" aria-label="The new token">${t.token}</code>
      <div class="actions">
        <button class="primary" type="button" @click=${this._copy}>Copy token</button>
        <button class="secondary" type="button" @click=${() => this.dispatchEvent(new SecretDismissed())}>
          Done, I have stored it
        </button>
        <span class="status" role="status">${this._said}</span>
      </div>
    </div>`;
  }

  private async _copy(): Promise<void> {
    const t = this.token;
    if (!t) return;
    try {
      // Absent outside secure contexts (plain http on an intranet host), and may be refused.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(t.token);
      this._said = 'Copied';
    } catch {
      const code = this.renderRoot.querySelector('code.secret');
      const selection = getSelection();
      if (code && selection) selection.selectAllChildren(code);
      this._said = 'Selected: copy it with Ctrl+C (⌘C on a Mac)';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-token-secret': TokenSecret;
  }
}
