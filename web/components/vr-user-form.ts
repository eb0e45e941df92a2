/**
 * An admin adds a user: e-mail, a first password (to hand over; they can change it on their
 * account page), and a role. The server's reasons show beside their fields.
 *
 * @fires user-create-requested - the form was submitted
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Role } from '../../server/domain/account.ts';
import { UserCreateRequested } from '../account-events.ts';
import { PASSWORD_HINT } from '../account.ts';
import { ROLE_LABEL, ROLE_MEANING, ROLES_LOW_FIRST } from '../roles.ts';
import { field, formText, outcomes, selectField } from './form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-user-form')
export class UserForm extends LitElement {
  static override styles = [
    controls,
    forms,
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

  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};
  @property() failure = '';
  @property() done = '';
  @property({ type: Boolean }) busy = false;
  @property({ type: Number }) resetKey = 0;
  @query('form') private _form!: HTMLFormElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resetKey') && changed.get('resetKey') !== undefined) this._form?.reset();
  }

  override render() {
    const e = this.errors;
    const roles = ROLES_LOW_FIRST.map((r) => ({ value: r, label: `${ROLE_LABEL[r]}: ${ROLE_MEANING[r]}` }));
    return html`<form method="post" @submit=${this._onSubmit}>
      ${outcomes(this.done, this.failure)}
      <div class="row">
        ${field({ id: 'user-email', name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'off', required: true, maxlength: 254, error: e.email })}
        ${field({ id: 'user-password', name: 'password', label: 'First password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 256, hint: PASSWORD_HINT, error: e.password })}
        ${selectField({ id: 'user-role', name: 'role', label: 'Role', options: roles, value: 'viewer', error: e.role })}
      </div>
      <div class="actions">
        <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Adding…' : 'Add user'}</button>
      </div>
    </form>`;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    this.dispatchEvent(new UserCreateRequested({ email: formText(form, 'email').trim(), password: formText(form, 'password'), role: formText(form, 'role') as Role }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-user-form': UserForm;
  }
}
