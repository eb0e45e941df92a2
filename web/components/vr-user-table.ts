/**
 * Every user, for admins: role (changed with a select and an explicit "Save", since arrow keys on
 * a select would otherwise fire a change per step), state, passkeys, and disable/enable. The
 * signed-in admin's own row has no controls: the server refuses self-demotion and self-disabling.
 *
 * @fires user-change-requested - a new role saved, or the account disabled or enabled
 */
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Role, User } from '../../server/domain/account.ts';
import { UserChangeRequested } from '../account-events.ts';
import { timestamp } from '../format.ts';
import { ROLE_LABEL, ROLES_LOW_FIRST } from '../roles.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { accountTable } from './account-table.styles.ts';
import { userTableStyles } from './vr-user-table.styles.ts';

@customElement('vr-user-table')
export class UserTable extends LitElement {
  static override styles = [controls, dataTable, forms, srOnly, accountTable, userTableStyles];

  @property({ attribute: false }) users: readonly User[] = [];
  /** The signed-in admin's own id. */
  @property({ type: Number }) selfId = 0;
  /** Roles picked but not saved yet, by user id. */
  @state() private _drafts: ReadonlyMap<number, Role> = new Map();

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Fresh data from the server: whatever was saved is no longer a draft.
    if (changed.has('users')) this._drafts = new Map([...this._drafts].filter(([id, r]) => this.users.find((u) => u.id === id)?.role !== r));
  }

  override render() {
    return html`<div class="scroll" role="region" aria-label="Users table" tabindex="0"><table>
      <caption class="sr-only">Users</caption>
      <thead>
        <tr>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">State</th>
          <th scope="col">Passkeys</th>
          <th scope="col">Added</th>
          <th scope="col"><span class="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.users.map((u) => this._row(u))}
      </tbody>
    </table></div>`;
  }

  private _row(u: User) {
    const self = u.id === this.selfId;
    const draft = this._drafts.get(u.id);
    return html`<tr data-user-id=${u.id} class=${u.disabled ? 'inactive' : ''}>
      <th scope="row">${u.email}${self ? html`<span class="badge">You</span>` : ''}</th>
      <td>
        ${
          self
            ? ROLE_LABEL[u.role]
            : html`<span class="role-edit">
              <select aria-label=${`Role of ${u.email}`} @change=${(e: Event) => this._pick(u, (e.target as HTMLSelectElement).value as Role)}>
                ${ROLES_LOW_FIRST.map((r) => html`<option value=${r} ?selected=${(draft ?? u.role) === r}>${ROLE_LABEL[r]}</option>`)}
              </select>
              ${
                draft
                  ? html`<button class="secondary small" type="button" @click=${() => this.dispatchEvent(new UserChangeRequested(u.id, u.email, { role: draft }))}>
                    Save role<span class="sr-only"> of ${u.email}</span>
                  </button>`
                  : ''
              }
            </span>`
        }
      </td>
      <td>${u.disabled ? html`<span class="badge quiet">Disabled</span>` : 'Active'}</td>
      <td class="num">${u.passkeys}</td>
      <td><time datetime=${u.createdAt}>${timestamp(u.createdAt)}</time></td>
      <td class="act">
        ${
          self
            ? ''
            : html`<button
              class=${u.disabled ? 'secondary small' : 'danger'}
              type="button"
              @click=${() => this.dispatchEvent(new UserChangeRequested(u.id, u.email, { disabled: !u.disabled }))}
            >
              ${u.disabled ? 'Enable' : 'Disable'}<span class="sr-only"> ${u.email}</span>
            </button>`
        }
      </td>
    </tr>`;
  }

  private _pick(u: User, role: Role): void {
    const next = new Map(this._drafts);
    if (role === u.role) next.delete(u.id);
    else next.set(u.id, role);
    this._drafts = next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-user-table': UserTable;
  }
}
