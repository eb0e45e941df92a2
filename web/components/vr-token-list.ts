/**
 * The user's API tokens (never their secrets): role, when created, last used and when they
 * expire; revoked and expired ones stay listed, muted, so an integration that stopped can be explained.
 *
 * @fires revoke-requested - "Revoke" on an active token
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ApiToken } from '../../server/domain/account.ts';
import { RevokeRequested } from '../account-events.ts';
import { tokenState } from '../account.ts';
import { timestamp } from '../format.ts';
import { ROLE_LABEL } from '../roles.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { accountTable } from './account-table.styles.ts';

const STATE_LABEL = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

@customElement('vr-token-list')
export class TokenList extends LitElement {
  static override styles = [controls, dataTable, forms, srOnly, accountTable];

  @property({ attribute: false }) tokens: readonly ApiToken[] = [];
  /** The time to judge expiry against (the page's clock), as an ISO string. */
  @property() now = new Date().toISOString();

  override render() {
    if (this.tokens.length === 0) return html`<p class="empty">No API tokens yet.</p>`;
    return html`<div class="scroll" role="region" aria-label="API tokens table" tabindex="0"><table>
      <caption class="sr-only">Your API tokens</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">State</th>
          <th scope="col"><span class="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.tokens.map((t) => {
          const state = tokenState(t, this.now);
          return html`<tr data-token-id=${t.id} class=${state === 'active' ? '' : 'inactive'}>
            <th scope="row">${t.name}</th>
            <td>${ROLE_LABEL[t.role]}</td>
            <td><time datetime=${t.createdAt}>${timestamp(t.createdAt)}</time></td>
            <td>${t.lastUsedAt ? html`<time datetime=${t.lastUsedAt}>${timestamp(t.lastUsedAt)}</time>` : 'Never'}</td>
            <td><time datetime=${t.expiresAt}>${timestamp(t.expiresAt)}</time></td>
            <td>${STATE_LABEL[state]}${t.revokedAt ? html` <time datetime=${t.revokedAt}>${timestamp(t.revokedAt)}</time>` : ''}</td>
            <td class="act">
              ${
                state === 'active'
                  ? html`<button class="danger" type="button" @click=${() => this.dispatchEvent(new RevokeRequested('token', t.id, t.name))}>
                    Revoke<span class="sr-only"> token ${t.name}</span>
                  </button>`
                  : ''
              }
            </td>
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-token-list': TokenList;
  }
}
