/**
 * An admin resets another user's password (forgotten, or thought stolen): pick the user, type the
 * new password to hand over. The server ends all their sessions and revokes all their API tokens,
 * which the form says before anyone presses the button. The admin's own account is not offered:
 * their own password changes on the account page, with the current one.
 *
 * @fires password-reset-requested - the form was submitted
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { User } from '../../server/domain/account.ts';
import { PasswordResetRequested } from '../account-events.ts';
import { PASSWORD_HINT } from '../account.ts';
import { AccountForm } from './account-form.ts';
import { field, formText, outcomes, selectField, submitButton } from './form-field.ts';

@customElement('vr-password-reset-form')
export class PasswordResetForm extends AccountForm {
  @property({ attribute: false }) users: readonly User[] = [];
  /** The signed-in admin's own id, left out of the choice. */
  @property({ type: Number }) selfId = 0;

  override render() {
    const e = this.errors;
    const others = this.users.filter((u) => u.id !== this.selfId).map((u) => ({ value: String(u.id), label: u.email }));
    return html`<form method="post" @submit=${this.onSubmit}>
      ${outcomes(this.done, this.failure)}
      <p class="hint" id="reset-note">All of the user's sessions end and all of their API tokens are revoked; their passkeys stay.</p>
      ${selectField({ id: 'reset-user', name: 'user', label: 'User', options: others, error: e.id })}
      ${field({ id: 'reset-password', name: 'newPassword', label: 'New password for them', type: 'password', autocomplete: 'new-password', required: true, maxlength: 256, hint: PASSWORD_HINT, error: e.newPassword })}
      <div class="actions">
        ${submitButton(this.busy, 'Reset password', 'Resetting…', 'secondary')}
      </div>
    </form>`;
  }

  protected override submitted(form: HTMLFormElement): void {
    const id = Number(formText(form, 'user'));
    const user = this.users.find((u) => u.id === id);
    if (user) this.dispatchEvent(new PasswordResetRequested(user.id, user.email, formText(form, 'newPassword')));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-password-reset-form': PasswordResetForm;
  }
}
