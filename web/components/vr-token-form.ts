/**
 * A new API token: a name to recognise it by, a role no higher than the one the user acts with
 * (the server refuses more), and how many days it lives.
 *
 * @fires token-create-requested - the form was submitted
 */
import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Role } from '../../server/domain/account.ts';
import { TokenCreateRequested } from '../account-events.ts';
import { ROLE_LABEL, ROLE_MEANING } from '../roles.ts';
import { AccountForm } from './account-form.ts';
import { field, formText, outcomes, selectField, submitButton } from './form-field.ts';

export const DEFAULT_TOKEN_DAYS = 90;

@customElement('vr-token-form')
export class TokenForm extends AccountForm {
  static override styles = [
    AccountForm.styles,
    css`
      .row {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1.4fr) minmax(0, 1fr) auto;
        gap: 12px;
        align-items: start;
      }
      .row .actions {
        padding-top: 27px;
      }
      @media (max-width: 800px) {
        .row {
          grid-template-columns: 1fr;
        }
        .row .actions {
          padding-top: 0;
        }
      }
    `,
  ];

  /** The roles on offer: the user's acting role and the ones below it. */
  @property({ attribute: false }) roles: readonly Role[] = ['viewer'];

  override render() {
    const e = this.errors;
    const options = this.roles.map((r) => ({ value: r, label: `${ROLE_LABEL[r]}: ${ROLE_MEANING[r]}` }));
    return html`<form @submit=${this.onSubmit}>
      ${outcomes(this.done, this.failure)}
      <div class="row">
        ${field({ id: 'token-name', name: 'name', label: 'Name', required: true, maxlength: 100, hint: 'What uses it, e.g. "CI export".', error: e.name })}
        ${selectField({ id: 'token-role', name: 'role', label: 'Role', options, value: this.roles[0], error: e.role })}
        ${field({ id: 'token-days', name: 'days', label: 'Expires after (days)', type: 'number', min: 1, max: 365, required: true, value: String(DEFAULT_TOKEN_DAYS), error: e.expiresInDays })}
        <div class="actions">
          ${submitButton(this.busy, 'Create token', 'Creating…')}
        </div>
      </div>
    </form>`;
  }

  protected override submitted(form: HTMLFormElement): void {
    const role = formText(form, 'role') as Role;
    this.dispatchEvent(new TokenCreateRequested({ name: formText(form, 'name').trim(), role, expiresInDays: Number(formText(form, 'days')) }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-token-form': TokenForm;
  }
}
