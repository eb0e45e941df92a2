/**
 * Changing one's own password: the current one, the new one twice. The confirmation is checked
 * here (the server never sees it); the server's reasons (wrong current password, too short,
 * too common) come back through `errors` and show beside their fields.
 *
 * @fires password-change-requested - the form was submitted with matching new passwords
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PasswordChangeRequested } from '../account-events.ts';
import { field, formText, outcomes } from './form-field.ts';
import { PASSWORD_HINT } from '../account.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-password-form')
export class PasswordForm extends LitElement {
  static override styles = [controls, forms];

  /** Field errors from the server, by field name (`currentPassword`, `newPassword`). */
  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};
  /** The account's e-mail, in a hidden field: password managers need it to know whose password changes. */
  @property() username = '';
  @property() failure = '';
  @property() done = '';
  @property({ type: Boolean }) busy = false;
  /** Raised by the page after a change went through: the fields are emptied. */
  @property({ type: Number }) resetKey = 0;
  @state() private _mismatch = false;
  @query('form') private _form!: HTMLFormElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resetKey') && changed.get('resetKey') !== undefined) this._form?.reset();
  }

  override render() {
    const e = this.errors;
    return html`<form method="post" @submit=${this._onSubmit}>
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
      <div class="actions">
        <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Changing…' : 'Change password'}</button>
      </div>
    </form>`;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const next = formText(form, 'new');
    this._mismatch = next !== formText(form, 'confirm');
    if (this._mismatch) return (form.elements.namedItem('confirm') as HTMLInputElement | null)?.focus();
    this.dispatchEvent(new PasswordChangeRequested(formText(form, 'current'), next));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-password-form': PasswordForm;
  }
}
