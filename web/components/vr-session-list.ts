/**
 * The user's live sessions: which browser, since when, last seen, and how it signed in. The one
 * this browser uses is marked and has no "End" button (signing out does that).
 *
 * @fires revoke-requested - "End session" on another session
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Session } from '../../server/domain/account.ts';
import { RevokeRequested } from '../account-events.ts';
import { describeAgent } from '../account.ts';
import { timestamp } from '../format.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { accountTable } from './account-table.styles.ts';

@customElement('vr-session-list')
export class SessionList extends LitElement {
  static override styles = [controls, dataTable, forms, srOnly, accountTable];

  @property({ attribute: false }) sessions: readonly Session[] = [];

  override render() {
    return html`<div class="scroll" role="region" aria-label="Sessions table" tabindex="0"><table>
      <caption class="sr-only">Your sessions</caption>
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Signed in</th>
          <th scope="col">Last seen</th>
          <th scope="col">Ends by</th>
          <th scope="col">Signed in with</th>
          <th scope="col"><span class="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${[...this.sessions]
          .sort((a, b) => Number(b.current) - Number(a.current))
          .map(
            (s) => html`<tr data-session-id=${s.id} ?data-current=${s.current}>
            <th scope="row">${describeAgent(s.userAgent)} ${s.current ? html`<span class="badge">This browser</span>` : ''}</th>
            <td><time datetime=${s.createdAt}>${timestamp(s.createdAt)}</time></td>
            <td><time datetime=${s.lastSeenAt}>${timestamp(s.lastSeenAt)}</time></td>
            <td><time datetime=${s.expiresAt}>${timestamp(s.expiresAt)}</time></td>
            <td>${s.passkeyVerified ? 'Passkey' : 'Password'}</td>
            <td class="act">
              ${
                s.current
                  ? ''
                  : html`<button class="danger" type="button" @click=${() => this.dispatchEvent(new RevokeRequested('session', s.id, describeAgent(s.userAgent)))}>
                    End<span class="sr-only"> the session of ${describeAgent(s.userAgent)} signed in ${timestamp(s.createdAt)}</span>
                  </button>`
              }
            </td>
          </tr>`,
          )}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-session-list': SessionList;
  }
}
