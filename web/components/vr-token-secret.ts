/**
 * A just-created API token's secret, shown this once (the server stores only its hash).
 *
 * @fires secret-dismissed - "Done": the page forgets the secret
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CreatedToken } from '../api/client.ts';
import { SecretDismissed } from '../account-events.ts';
import { timestamp } from '../format.ts';
import './vr-shown-once.ts';

@customElement('vr-token-secret')
export class TokenSecret extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 0 0 16px;
    }
  `;

  @property({ attribute: false }) token?: CreatedToken;

  override render() {
    const t = this.token;
    if (!t) return nothing;
    return html`<vr-shown-once
      heading=${`Token "${t.name}" created`}
      .note=${html`Send it as <code>Authorization: Bearer …</code> Valid until ${timestamp(t.expiresAt)}.`}
      value=${t.token}
      valueLabel="The new token"
      valueClass="secret"
      copyLabel="Copy token"
      doneLabel="Done, I have stored it"
      @shown-once-dismissed=${() => this.dispatchEvent(new SecretDismissed())}
    ></vr-shown-once>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-token-secret': TokenSecret;
  }
}
