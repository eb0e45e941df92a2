/**
 * The signed-in user's own account: password, passkeys, live sessions, API tokens and watch rules
 * (which changes they hear about, in-app and by e-mail). Four
 * Tasks load the lists; one Task per kind of change runs it and reloads what it touched. A new
 * token's secret lives only in this element until the user says it is stored.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { fieldErrors } from '../api/api-error.ts';
import type { ApiClient, CreatedToken, Me } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import type { NewToken, PasskeyAddRequested, PasswordChangeRequested, RevokeRequested, TokenCreateRequested } from '../account-events.ts';
import { describeAgent, passkeyFailure, passkeyHostProblem, passwordChangedText } from '../account.ts';
import { ROLE_LABEL, ROLE_MEANING, rolesUpTo } from '../roles.ts';
import { outcomes } from '../components/form-field.ts';
import { card, controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { pageStyles } from '../styles/page.ts';
import { accountPageStyles } from './vr-account-page.styles.ts';
import { loaded } from './loaded.ts';
import '../components/vr-password-form.ts';
import '../components/vr-passkey-list.ts';
import '../components/vr-session-list.ts';
import '../components/vr-token-form.ts';
import '../components/vr-token-secret.ts';
import '../components/vr-token-list.ts';
import '../components/vr-watch-rules.ts';
import type { WatchRuleDeleteRequested, WatchRuleSaveRequested } from '../alert-events.ts';

type Revocable = 'sessions' | 'tokens' | 'passkeys';
type Section = Revocable | 'rules';
/** A failed Task's message, or ''. */
const failure = (t: { readonly status: TaskStatus; readonly error: unknown }): string =>
  t.status === TaskStatus.ERROR ? (t.error instanceof Error ? t.error.message : String(t.error)) : '';

@customElement('vr-account-page')
export class AccountPage extends LitElement {
  static override styles = [controls, card, forms, pageStyles, accountPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  /** The secret of the token just created, until the user says it is stored. */
  @state() private _secret: CreatedToken | null = null;
  /** The last change that went through, in words, and the section it belongs to. */
  @state() private _said: { readonly section: Section | 'password'; readonly text: string } | null = null;
  /** Raised after a change went through, to empty that form. */
  @state() private _resets = { password: 0, token: 0, passkey: 0 };
  /** Which section the last revoke was in, for its error. */
  private _lastRevoke: Section | null = null;

  private _sessions = new Task(this, { task: (_, { signal }) => this._api.sessions({ signal }), args: () => [] as const });
  private _tokens = new Task(this, { task: (_, { signal }) => this._api.tokens({ signal }), args: () => [] as const });
  private _passkeys = new Task(this, { task: (_, { signal }) => this._api.passkeys({ signal }), args: () => [] as const });
  private _rules = new Task(this, { task: (_, { signal }) => this._api.watchRules({ signal }), args: () => [] as const });
  /** The rule the last save was for (0: a new one), so its errors show beside its fields. */
  private _ruleSaved = -1;
  private _ruleChange = new Task(this, {
    autoRun: false,
    task: async ([what, e]: readonly ['save', WatchRuleSaveRequested] | readonly ['delete', WatchRuleDeleteRequested] | readonly ['reset', null]) => {
      if (what === 'reset') return (await this._api.resetWatchRules(), 'Watch rules reset to the defaults.');
      if (what === 'delete') return (await this._api.deleteWatchRule(e.id), `Rule deleted: ${e.label}.`);
      if (e.id === null) return (await this._api.createWatchRule(e.rule), 'Rule added: edit its filters below.');
      return (await this._api.replaceWatchRule(e.id, e.rule), 'Rule saved.');
    },
    onComplete: (text) => {
      this._done('rules', text);
      void this._rules.run();
    },
  });

  private _password = new Task(this, {
    autoRun: false,
    task: async ([current, next, revokeTokens]: readonly [string, string, boolean]) => ({
      revokeTokens,
      ...(await this._api.changePassword(current, next, revokeTokens)),
    }),
    onComplete: (r) => {
      this._done('password', passwordChangedText(r, r.revokeTokens), 'password');
      if (r.tokensRevoked > 0) void this._tokens.run();
    },
  });
  private _createToken = new Task(this, {
    autoRun: false,
    task: ([t]: readonly [NewToken]) => this._api.createToken(t),
    onComplete: (t) => {
      this._secret = t;
      this._done('tokens', '', 'token');
      void this._tokens.run();
    },
  });
  private _addPasskey = new Task(this, {
    autoRun: false,
    task: async ([name]: readonly [string]) => {
      const options = await this._api.passkeyRegistrationOptions();
      return this._api.addPasskey(name, await startRegistration({ optionsJSON: options }));
    },
    onComplete: (k) => {
      this._done('passkeys', `Passkey "${k.name}" added. You can now sign in with it.`, 'passkey');
      void this._passkeys.run();
    },
  });
  private _revoke = new Task(this, {
    autoRun: false,
    task: async ([e]: readonly [RevokeRequested]) => {
      if (e.what === 'session') await this._api.revokeSession(e.id);
      else if (e.what === 'token') await this._api.revokeToken(e.id);
      else await this._api.removePasskey(e.id);
      return e;
    },
    onComplete: (e) => {
      const section = `${e.what}s` as Revocable;
      this._done(
        section,
        e.what === 'session' ? `Session of ${e.label} ended.` : e.what === 'token' ? `Token "${e.label}" revoked.` : `Passkey "${e.label}" removed.`,
      );
      void { sessions: this._sessions, tokens: this._tokens, passkeys: this._passkeys }[section].run();
      // The button pressed is gone: land on the section's heading, next to the message.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${section}-title`)?.focus());
    },
  });

  override render() {
    const me = this._me;
    if (!me) return nothing;
    const said = (s: Section | 'password') => (this._said?.section === s ? this._said.text : '');
    const revokeFailed = (s: Section) => (this._revoke.status === TaskStatus.ERROR && this._lastRevoke === s ? failure(this._revoke) : '');
    const pwErrors = fieldErrors(this._password.error);
    const tokenErrors = fieldErrors(this._createToken.error);
    const problem = browserSupportsWebAuthn() ? (passkeyHostProblem(location) ?? '') : 'This browser cannot use passkeys.';
    return html`<header class="page-head">
        <div>
          <h1>Your account</h1>
          <p class="lede">
            Signed in as <strong>${me.user.email}</strong> · ${ROLE_LABEL[me.user.role]}: ${ROLE_MEANING[me.user.role]}.
            ${me.passkeyRequired ? html`Until you sign in with a passkey you act as ${ROLE_LABEL[me.role]}.` : nothing}
          </p>
        </div>
      </header>
      <div class="grid">
        <section class="card" aria-labelledby="password-title">
          <h2 id="password-title" tabindex="-1">Password</h2>
          <vr-password-form
            username=${me.user.email}
            .errors=${pwErrors}
            failure=${Object.keys(pwErrors).length === 0 ? failure(this._password) : ''}
            done=${said('password')}
            ?busy=${this._password.status === TaskStatus.PENDING}
            .resetKey=${this._resets.password}
            @password-change-requested=${(e: PasswordChangeRequested) => void this._password.run([e.currentPassword, e.newPassword, e.revokeTokens])}
          ></vr-password-form>
        </section>
        <section class="card" aria-labelledby="passkeys-title">
          <h2 id="passkeys-title" tabindex="-1">Passkeys</h2>
          <p class="muted">Sign in with this device's screen lock or a security key: quicker than a password, and it cannot be phished.</p>
          ${loaded(
            this._passkeys,
            'passkeys',
            (items) => html`<vr-passkey-list
              .passkeys=${items}
              defaultName=${`Passkey on ${describeAgent(navigator.userAgent)}`}
              problem=${problem}
              failure=${this._addPasskey.status === TaskStatus.ERROR ? passkeyFailure(this._addPasskey.error) : revokeFailed('passkeys')}
              done=${said('passkeys')}
              ?busy=${this._addPasskey.status === TaskStatus.PENDING}
              .resetKey=${this._resets.passkey}
              @passkey-add-requested=${(e: PasskeyAddRequested) => void this._addPasskey.run([e.name])}
              @revoke-requested=${this._onRevoke}
            ></vr-passkey-list>`,
          )}
        </section>
      </div>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title" tabindex="-1">Sessions</h2>
        <p class="muted">Where you are signed in. A session ends after a while without use, and after some hours in any case.</p>
        ${outcomes(said('sessions'), revokeFailed('sessions'))}
        ${loaded(this._sessions, 'sessions', (items) => html`<vr-session-list .sessions=${items} @revoke-requested=${this._onRevoke}></vr-session-list>`)}
      </section>
      <section class="card" aria-labelledby="tokens-title">
        <h2 id="tokens-title" tabindex="-1">API tokens</h2>
        <p class="muted">For scripts and integrations: send one as <code>Authorization: Bearer</code>. A token acts with its own role, never above yours.</p>
        <vr-token-secret .token=${this._secret ?? undefined} @secret-dismissed=${() => (this._secret = null)}></vr-token-secret>
        <vr-token-form
          .roles=${rolesUpTo(me.role)}
          .errors=${tokenErrors}
          failure=${Object.keys(tokenErrors).length === 0 ? failure(this._createToken) : ''}
          ?busy=${this._createToken.status === TaskStatus.PENDING}
          .resetKey=${this._resets.token}
          @token-create-requested=${(e: TokenCreateRequested) => void this._createToken.run([e.token])}
        ></vr-token-form>
        ${outcomes(said('tokens'), revokeFailed('tokens'))}
        ${loaded(this._tokens, 'API tokens', (items) => html`<vr-token-list .tokens=${items} now=${new Date().toISOString()} @revoke-requested=${this._onRevoke}></vr-token-list>`)}
      </section>
      <section class="card" aria-labelledby="rules-title">
        <h2 id="rules-title" tabindex="-1">Watch rules</h2>
        <p class="muted">Which changes you hear about: under the bell in the header, and by e-mail at once or in a daily digest (when the server sends e-mail).</p>
        ${loaded(this._rules, 'watch rules', (items) => {
          const errors = fieldErrors(this._ruleChange.error);
          return html`<vr-watch-rules
            .rules=${items}
            .errors=${errors}
            errorFor=${this._ruleSaved}
            done=${said('rules')}
            failure=${Object.keys(errors).length === 0 ? failure(this._ruleChange) : ''}
            ?busy=${this._ruleChange.status === TaskStatus.PENDING}
            @watch-rule-save-requested=${(e: WatchRuleSaveRequested) => ((this._ruleSaved = e.id ?? 0), void this._ruleChange.run(['save', e]))}
            @watch-rule-delete-requested=${(e: WatchRuleDeleteRequested) => ((this._ruleSaved = e.id), void this._ruleChange.run(['delete', e]))}
            @watch-rules-reset-requested=${() => ((this._ruleSaved = -1), void this._ruleChange.run(['reset', null]))}
          ></vr-watch-rules>`;
        })}
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Account · Vendorscope';
  }

  private readonly _onRevoke = (e: RevokeRequested) => {
    e.stopPropagation();
    this._lastRevoke = `${e.what}s`;
    void this._revoke.run([e]);
  };

  private _done(section: Section | 'password', text: string, reset?: keyof AccountPage['_resets']): void {
    this._said = { section, text };
    if (reset) this._resets = { ...this._resets, [reset]: this._resets[reset] + 1 };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-account-page': AccountPage;
  }
}
