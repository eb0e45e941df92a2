/**
 * The user's passkeys, and a form to add one: a name to recognise it by, then the browser's own
 * passkey prompt (the page runs it). Says so when this browser or this address cannot use passkeys.
 *
 * @fires passkey-add-requested - "Add a passkey" with its name
 * @fires revoke-requested - "Remove" on a passkey
 */
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Passkey } from '../../server/domain/account.ts';
import { PasskeyAddRequested, RevokeRequested } from '../account-events.ts';
import { timestamp } from '../format.ts';
import { AccountForm } from './account-form.ts';
import { field, formText, outcomes, submitButton } from './form-field.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { accountTable } from './account-table.styles.ts';

@customElement('vr-passkey-list')
export class PasskeyList extends AccountForm {
  static override styles = [
    controls,
    dataTable,
    forms,
    srOnly,
    accountTable,
    css`
      form {
        display: flex;
        align-items: flex-start;
        gap: 12px;
        margin-top: 16px;
      }
      form .field {
        flex: 1;
        margin: 0;
      }
      form .actions {
        padding-top: 27px;
      }
      .note {
        margin: 8px 0 0;
        font-size: 0.85rem;
        color: var(--vr-example);
      }
    `,
  ];

  @property({ attribute: false }) passkeys: readonly Passkey[] = [];
  /** The name offered for a new passkey. */
  @property() defaultName = 'My passkey';
  /** Why passkeys cannot work here (an IP address, no WebAuthn), or ''. */
  @property() problem = '';

  override render() {
    return html`${
      this.passkeys.length === 0
        ? html`<p class="empty">No passkeys yet.</p>`
        : html`<div class="scroll" role="region" aria-label="Passkeys table" tabindex="0"><table>
            <caption class="sr-only">Your passkeys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.passkeys.map(
                (k) => html`<tr data-passkey-id=${k.id}>
                  <th scope="row">${k.name}</th>
                  <td><time datetime=${k.createdAt}>${timestamp(k.createdAt)}</time></td>
                  <td>${k.lastUsedAt ? html`<time datetime=${k.lastUsedAt}>${timestamp(k.lastUsedAt)}</time>` : 'Never'}</td>
                  <td class="act">
                    <button class="danger" type="button" @click=${() => this.dispatchEvent(new RevokeRequested('passkey', k.id, k.name))}>
                      Remove<span class="sr-only"> passkey ${k.name}</span>
                    </button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
    }
      <form @submit=${this.onSubmit} aria-describedby=${this.problem ? 'passkey-problem' : nothing}>
        ${field({ id: 'passkey-name', name: 'name', label: 'Name of the new passkey', required: true, maxlength: 100, value: this.defaultName })}
        <div class="actions">
          ${submitButton(this.busy, 'Add a passkey', 'Waiting for your device…', 'secondary')}
        </div>
      </form>
      ${this.problem ? html`<p class="note" id="passkey-problem">${this.problem}</p>` : nothing} ${outcomes(this.done, this.failure)}`;
  }

  protected override submitted(form: HTMLFormElement): void {
    this.dispatchEvent(new PasskeyAddRequested(formText(form, 'name').trim()));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-passkey-list': PasskeyList;
  }
}
