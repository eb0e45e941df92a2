/**
 * Changing one's own password: the current one, the new one twice. The confirmation is checked
 * here (the server never sees it); the server's reasons (wrong current password, too short,
 * too common) come back through `errors` and show beside their fields. A checkbox asks whether
 * the API tokens go too (a password thought stolen may have been used to make some).
 *
 * @fires password-change-requested - the form was submitted with matching new passwords
 */
import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PasswordChangeRequested } from '../account-events.ts';
import { AccountForm } from './account-form.ts';
import { field, formText, outcomes, submitButton } from './form-field.ts';
import { PASSWORD_HINT } from '../account.ts';

@customElement('vr-password-form')
export class PasswordForm extends AccountForm {
  /** The account's e-mail, in a hidden field: password managers need it to know whose password changes. */
  @property() username = '';
  @state() private _mismatch = false;

  override render() {
    const e = this.errors;
    return html`<form method="post" @submit=${this.onSubmit}>
      ${outcomes(this.done, this.failure)}
      <input type="text" name="username" autocomplete="username" .value=${this.username} readonly hidden />
      ${field({ id: 'current', name: 'current', label: 'Current password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 256, error: e.currentPassword })}
      ${field({ id: 'new', name: 'new', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 256, hint: PASSWORD_HINT, error: e.newPassword })}
      ${field({
        id: 'confirm',
        name: 'confirm',
        label: 'Confirm the new password',
        type: 'password',
        autocomplete: 'new-password',
        required: true,
        maxlength: 256,
        error: this._mismatch ? 'does not match the new password' : undefined,
      })}
      <div class="field">
        <label class="check"
          ><input type="checkbox" id="revoke-tokens" name="revokeTokens" aria-describedby="revoke-tokens-hint" />Also revoke all my API tokens</label
        >
        <p class="hint" id="revoke-tokens-hint">Scripts and calendar feeds using them stop working until you give them new tokens.</p>
      </div>
      <div class="actions">
        ${submitButton(this.busy, 'Change password', 'Changing…')}
      </div>
    </form>`;
  }

  protected override submitted(form: HTMLFormElement): void {
    const next = formText(form, 'new');
    this._mismatch = next !== formText(form, 'confirm');
    if (this._mismatch) return (form.elements.namedItem('confirm') as HTMLInputElement | null)?.focus();
    const revokeTokens = (form.elements.namedItem('revokeTokens') as HTMLInputElement | null)?.checked ?? false;
    this.dispatchEvent(new PasswordChangeRequested(formText(form, 'current'), next, revokeTokens));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-password-form': PasswordForm;
  }
}
