/**
 * Signing in: e-mail and password, or a passkey (any passkey of this site: the browser offers the
 * ones it holds, so no e-mail is asked for). Success goes up as SignedIn; the app then shows the
 * page the user wanted. Nothing here is kept: the session is an HttpOnly cookie set by the server.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import type { ApiClient, Me } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { SignedIn } from '../account-events.ts';
import { passkeyHostProblem, signInFailure } from '../account.ts';
import { field, formText, submitButton } from '../components/form-field.ts';
import { controls } from '../styles/shared.ts';
import { authCard, forms } from '../styles/forms.ts';
import { ROLE_LABEL } from '../roles.ts';

@customElement('vr-sign-in-page')
export class SignInPage extends LitElement {
  static override styles = [controls, forms, authCard];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @property({ attribute: false }) me: Me | null | undefined;
  /** Why the page is shown, from the app ("You are signed out."); empty for a first visit. */
  @property() notice = '';

  private _withPassword = new Task(this, {
    autoRun: false,
    task: ([email, password]: readonly [string, string]) => this._api.signIn(email, password),
    onComplete: (me) => this.dispatchEvent(new SignedIn(me)),
  });

  private _withPasskey = new Task(this, {
    autoRun: false,
    task: async () => {
      const { challengeId, options } = await this._api.passkeySignInOptions();
      const response = await startAuthentication({ optionsJSON: options });
      return this._api.passkeySignIn(challengeId, response);
    },
    onComplete: (me) => this.dispatchEvent(new SignedIn(me)),
  });

  override render() {
    const busy = this._withPassword.status === TaskStatus.PENDING;
    const failed = this._withPassword.status === TaskStatus.ERROR ? signInFailure(this._withPassword.error) : '';
    const passkeyFailed = this._withPasskey.status === TaskStatus.ERROR ? signInFailure(this._withPasskey.error) : '';
    const hostProblem = passkeyHostProblem(location);
    const me = this.me;
    return html`<section class="auth" aria-labelledby="title">
      <h1 id="title">Sign in</h1>
      <p class="lede">Vendorscope shows supply-chain risk to signed-in colleagues only.</p>
      ${this.notice ? html`<p class="outcome ok" role="status">${this.notice}</p>` : nothing}
      ${
        me
          ? html`<p class="outcome ok">
            Signed in as ${me.user.email} (${ROLE_LABEL[me.user.role]}). Signing in again replaces this session.
            <a href="/">Continue to What changed</a>
          </p>`
          : nothing
      }
      <!-- method=post: should the submit handler ever not run, the password still never lands in a URL. -->
      <form method="post" @submit=${this._onSubmit} aria-describedby="failure">
        <p class="outcome" id="failure" role="alert">${failed}</p>
        ${field({ id: 'email', name: 'email', label: 'E-mail address', type: 'email', autocomplete: 'username', required: true, maxlength: 254 })}
        ${field({ id: 'password', name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 256 })}
        ${submitButton(busy, 'Sign in', 'Signing in…')}
      </form>
      <div class="or" aria-hidden="true">or</div>
      ${
        browserSupportsWebAuthn()
          ? html`<button class="secondary" type="button" @click=${this._onPasskey} aria-describedby=${hostProblem ? 'host' : nothing}>
              ${this._withPasskey.status === TaskStatus.PENDING ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
            </button>
            ${hostProblem ? html`<p class="note" id="host">${hostProblem}</p>` : nothing}`
          : html`<p class="note">This browser cannot use passkeys; sign in with your password.</p>`
      }
      <p class="outcome" role="alert">${passkeyFailed}</p>
      <p class="note">No account yet? Ask an admin of Vendorscope to create one for you.</p>
    </section>`;
  }

  protected override updated(): void {
    document.title = 'Sign in · Vendorscope';
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this._withPassword.status === TaskStatus.PENDING) return;
    const form = e.currentTarget as HTMLFormElement;
    void this._withPassword.run([formText(form, 'email').trim(), formText(form, 'password')]);
  }

  private _onPasskey(): void {
    if (this._withPasskey.status !== TaskStatus.PENDING) void this._withPasskey.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-sign-in-page': SignInPage;
  }
}
