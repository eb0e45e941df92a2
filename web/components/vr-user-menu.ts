/**
 * The signed-in user in the header: a disclosure button with their e-mail and role, opening a
 * list of links (Account; Users, Audit log and Webhooks for admins) and "Sign out". A disclosure rather
 * than an ARIA menu: links stay links, Tab moves through them, Escape closes and returns focus.
 *
 * @fires sign-out-requested - the user chose "Sign out"
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Me } from '../api/client.ts';
import { SignOutRequested } from '../account-events.ts';
import { canEdit, isAdmin, ROLE_LABEL } from '../roles.ts';
import { controls } from '../styles/shared.ts';
import { userMenuStyles } from './vr-user-menu.styles.ts';

@customElement('vr-user-menu')
export class UserMenu extends LitElement {
  static override styles = [controls, userMenuStyles];

  @property({ attribute: false }) me?: Me;
  /** The route shown now, to mark its link as the current page. */
  @property() current = '';
  @state() private _open = false;
  @query('button.toggle') private _toggle!: HTMLButtonElement;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this._onDocumentClick);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this._onDocumentClick);
    super.disconnectedCallback();
  }

  override render() {
    const me = this.me;
    if (!me) return nothing;
    const admin = isAdmin(me.user.role);
    const link = (href: string, route: string, text: string) =>
      html`<li><a href=${href} aria-current=${this.current === route ? 'page' : 'false'} @click=${this._close}>${text}</a></li>`;
    return html`<div class="wrap" @keydown=${this._onKeydown} @focusout=${this._onFocusOut}>
      <button class="toggle" type="button" aria-expanded=${this._open ? 'true' : 'false'} aria-controls="panel" @click=${() => (this._open = !this._open)}>
        <span class="email">${me.user.email}</span>
        <span class="role">${ROLE_LABEL[me.user.role]}</span>
        <span class="caret" aria-hidden="true"></span>
      </button>
      <div id="panel" class="panel" ?hidden=${!this._open}>
        <p class="who">
          Signed in as <strong>${me.user.email}</strong><br />
          ${ROLE_LABEL[me.role]}: ${canEdit(me.role) ? 'can edit' : 'read only'}${me.passkeyVerified ? ' · with a passkey' : ''}
          ${me.passkeyRequired ? html`<br /><span class="warn">Admin actions wait for a passkey sign-in</span>` : nothing}
        </p>
        <nav aria-label="Your account">
          <ul>
            ${link('/account', 'account', 'Account')} ${admin ? link('/admin/users', 'admin-users', 'Users') : nothing}
            ${admin ? link('/admin/audit', 'admin-audit', 'Audit log') : nothing}
            ${admin ? link('/admin/webhooks', 'admin-webhooks', 'Webhooks') : nothing}
          </ul>
        </nav>
        <button class="sign-out" type="button" @click=${this._onSignOut}>Sign out</button>
      </div>
    </div>`;
  }

  private readonly _close = () => {
    this._open = false;
  };

  private _onSignOut(): void {
    this._open = false;
    this.dispatchEvent(new SignOutRequested());
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this._open) return;
    this._open = false;
    this._toggle.focus();
  }

  /** Tabbing out of the menu closes it, so it never hangs open over the page. */
  private _onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && !this.renderRoot.contains(to)) this._open = false;
  }

  private readonly _onDocumentClick = (e: MouseEvent) => {
    if (this._open && !e.composedPath().includes(this)) this._open = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-user-menu': UserMenu;
  }
}
