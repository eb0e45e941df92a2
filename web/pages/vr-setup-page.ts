/**
 * The first admin, created with the one-time link the server prints at first start
 * (`/setup#token=…`). The token rides in the fragment, which browsers never send, so it stays out
 * of server and proxy logs. Success signs the new admin in (SignedIn), and the app shows the portfolio.
 */
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { ApiError, fieldErrors } from '../api/api-error.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { SignedIn } from '../account-events.ts';
import { PASSWORD_HINT } from '../account.ts';
import { setupToken } from '../urls.ts';
import { field, formText } from '../components/form-field.ts';

import { controls } from '../styles/shared.ts';
import { authCard, forms } from '../styles/forms.ts';

@customElement('vr-setup-page')
export class SetupPage extends LitElement {
  static override styles = [controls, forms, authCard];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The confirmation did not match the password (checked here: the server never sees the confirmation). */
  @state() private _mismatch = false;

  private _setup = new Task(this, {
    autoRun: false,
    task: ([token, email, password]: readonly [string, string, string]) => this._api.setup(token, email, password),
    onComplete: (me) => this.dispatchEvent(new SignedIn(me)),
  });

  override render() {
    const token = setupToken(location.hash);
    const error = this._setup.status === TaskStatus.ERROR ? this._setup.error : undefined;
    const fields = fieldErrors(error);
    const refused = error instanceof ApiError && (error.code === 'setup-token-invalid' || error.code === 'setup-complete');
    return html`<section class="auth" aria-labelledby="title">
      <h1 id="title">Create the first admin</h1>
      <p class="lede">This one-time link sets up Vendorscope. The admin you create here then adds everyone else.</p>
      ${
        !token
          ? html`<p class="outcome" role="alert">
            This page needs the setup link the server printed when it first started (it ends in <code>#token=…</code>). Open that link, or
            <a href="/sign-in">sign in</a> if setup is done.
          </p>`
          : refused
            ? this._refusal(error)
            : html`<form method="post" @submit=${this._onSubmit}>
              <p class="outcome" role="alert">${error instanceof Error && Object.keys(fields).length === 0 ? error.message : ''}</p>
              ${field({ id: 'email', name: 'email', label: 'Your e-mail address', type: 'email', autocomplete: 'username', required: true, maxlength: 254, error: fields.email })}
              ${field({ id: 'password', name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 256, hint: PASSWORD_HINT, error: fields.password })}
              ${field({
                id: 'confirm',
                name: 'confirm',
                label: 'Confirm the password',
                type: 'password',
                autocomplete: 'new-password',
                required: true,
                maxlength: 256,
                error: this._mismatch ? 'does not match the password' : undefined,
              })}
              <button class="primary" type="submit">${this._setup.status === TaskStatus.PENDING ? 'Creating…' : 'Create admin and sign in'}</button>
            </form>`
      }
    </section>`;
  }

  private _refusal(e: ApiError) {
    return html`<div class="outcome" role="alert">
        ${
          e.code === 'setup-complete'
            ? html`<strong>Setup is complete:</strong> an admin exists already. <a href="/sign-in">Sign in</a> instead.`
            : html`<strong>This setup link is not valid:</strong> it was used, has expired (after an hour), or was mistyped. Restart the server
              to print a new one.`
        }
    </div>`;
  }

  protected override updated(): void {
    document.title = 'Set up · Vendorscope';
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this._setup.status === TaskStatus.PENDING) return;
    const form = e.currentTarget as HTMLFormElement;
    const password = formText(form, 'password');
    this._mismatch = password !== formText(form, 'confirm');
    if (this._mismatch) {
      (form.elements.namedItem('confirm') as HTMLInputElement | null)?.focus();
      return;
    }
    void this._setup.run([setupToken(location.hash), formText(form, 'email').trim(), password]);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-setup-page': SetupPage;
  }
}
