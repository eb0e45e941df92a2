/**
 * An admin adds a user: e-mail, a first password (to hand over; they can change it on their
 * account page), and a role. The server's reasons show beside their fields.
 *
 * @fires user-create-requested - the form was submitted
 */
import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Role } from '../../server/domain/account.ts';
import { UserCreateRequested } from '../account-events.ts';
import { PASSWORD_HINT } from '../account.ts';
import { ROLE_LABEL, ROLE_MEANING, ROLES_LOW_FIRST } from '../roles.ts';
import { AccountForm } from './account-form.ts';
import { field, formText, outcomes, selectField, submitButton } from './form-field.ts';

@customElement('vr-user-form')
export class UserForm extends AccountForm {
  static override styles = [
    AccountForm.styles,
    css`
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1.3fr) minmax(0, 1.3fr) minmax(0, 1.4fr);
        gap: 12px;
      }
      @media (max-width: 900px) {
        .row {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override render() {
    const e = this.errors;
    const roles = ROLES_LOW_FIRST.map((r) => ({ value: r, label: `${ROLE_LABEL[r]}: ${ROLE_MEANING[r]}` }));
    return html`<form method="post" @submit=${this.onSubmit}>
      ${outcomes(this.done, this.failure)}
      <div class="row">
        ${field({ id: 'user-email', name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'off', required: true, maxlength: 254, error: e.email })}
        ${field({ id: 'user-password', name: 'password', label: 'First password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 256, hint: PASSWORD_HINT, error: e.password })}
        ${selectField({ id: 'user-role', name: 'role', label: 'Role', options: roles, value: 'viewer', error: e.role })}
      </div>
      <div class="actions">
        ${submitButton(this.busy, 'Add user', 'Adding…')}
      </div>
    </form>`;
  }

  protected override submitted(form: HTMLFormElement): void {
    this.dispatchEvent(
      new UserCreateRequested({ email: formText(form, 'email').trim(), password: formText(form, 'password'), role: formText(form, 'role') as Role }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-user-form': UserForm;
  }
}
