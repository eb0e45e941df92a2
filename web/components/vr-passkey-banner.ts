/**
 * Shown above every page while an admin's session was signed in without a passkey and the server
 * requires one (REQUIRE_PASSKEY_FOR_ADMINS): until then the server treats them as an analyst.
 */
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { controls } from '../styles/shared.ts';

@customElement('vr-passkey-banner')
export class PasskeyBanner extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: block;
        margin: 0 0 16px;
      }
      div {
        padding: 10px 16px;
        border: 1px solid var(--vr-example-line);
        border-left: 4px solid var(--vr-example);
        border-radius: var(--vr-radius);
        background: var(--vr-example-soft);
      }
      p {
        margin: 0;
      }
      strong {
        color: var(--vr-example);
      }
      .links {
        white-space: nowrap;
        margin-left: 4px;
      }
    `,
  ];

  override render() {
    return html`<div role="region" aria-label="Passkey required">
      <p>
        <strong>Admin actions need a passkey sign-in:</strong> register a passkey, then sign in with it. Until then you act as an analyst.
        <span class="links"><a href="/account">Register a passkey</a> · <a href="/sign-in">Sign in with a passkey</a></span>
      </p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-passkey-banner': PasskeyBanner;
  }
}
