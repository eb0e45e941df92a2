/**
 * Admins manage users: add one, change a role, disable or enable an account (the server ends
 * that user's sessions, so a change takes effect at once), reset someone's password (their
 * sessions and API tokens end too). Anyone else who reaches the page by
 * URL is refused by the server, and sees why.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { fieldErrors, isEditConflict } from '../api/api-error.ts';
import type { ApiClient, Me } from '../api/client.ts';
import type { User } from '../../server/domain/account.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import type { NewUser, PasswordResetRequested, UserChangeRequested, UserCreateRequested } from '../account-events.ts';
import { passwordResetText } from '../account.ts';
import { ROLE_LABEL } from '../roles.ts';
import { outcomes } from '../components/form-field.ts';
import { card, controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { forms } from '../styles/forms.ts';
import { refusal } from './refusal.ts';
import '../components/vr-password-reset-form.ts';
import '../components/vr-user-form.ts';
import '../components/vr-user-table.ts';

const message = (t: { readonly status: TaskStatus; readonly error: unknown }): string =>
  t.status === TaskStatus.ERROR && t.error instanceof Error
    ? isEditConflict(t.error)
      ? `${t.error.message} The list now shows their version: make your change again if it still applies.`
      : t.error.message
    : '';

@customElement('vr-users-page')
export class UsersPage extends LitElement {
  static override styles = [
    controls,
    card,
    forms,
    pageStyles,
    css`
      .card + .card {
        margin-top: 20px;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  @state() private _said = '';
  @state() private _created = '';
  @state() private _reset = 0;
  @state() private _resetDone = '';
  @state() private _resetKey = 0;

  private _users = new Task(this, { task: (_, { signal }) => this._api.users({ signal }), args: () => [] as const });
  private _create = new Task(this, {
    autoRun: false,
    task: ([u]: readonly [NewUser]) => this._api.createUser(u),
    onComplete: (u) => {
      this._created = `${u.email} added as ${ROLE_LABEL[u.role]}. Hand over the first password; they can change it on their account page.`;
      this._reset++;
      void this._users.run();
    },
  });
  private _change = new Task(this, {
    autoRun: false,
    task: async ([e]: readonly [UserChangeRequested]) => {
      // The version of the row the admin acted on: a user changed by another admin meanwhile answers 412, shown as the failure.
      const version = this._users.value?.find((u) => u.id === e.id)?.version;
      if (version === undefined) throw new Error(`${e.email} is no longer listed; reload the page.`);
      return { user: await this._api.updateUser(e.id, e.patch, version), patch: e.patch };
    },
    onComplete: ({ user: u, patch }) => {
      this._said =
        patch.disabled === true
          ? `${u.email} is disabled and signed out everywhere.`
          : patch.disabled === false
            ? `${u.email} can sign in again.`
            : `${u.email} is now ${ROLE_LABEL[u.role]}; their sessions ended, so the new role applies from their next sign-in.`;
      void this._users.run();
    },
    // Another admin changed the user since the list was loaded: show theirs, so the next try is made against it.
    onError: (e) => {
      if (isEditConflict(e)) void this._users.run();
    },
  });

  private _resetPassword = new Task(this, {
    autoRun: false,
    task: async ([e]: readonly [PasswordResetRequested]) => ({ email: e.email, ...(await this._api.resetPassword(e.id, e.newPassword)) }),
    onComplete: (r) => {
      this._resetDone = passwordResetText(r.email, r);
      this._resetKey++;
    },
  });

  override render() {
    const head = html`<header class="page-head">
      <div>
        <h1>Users</h1>
        <p class="lede">Who can sign in, and with which role. Changing a role or disabling an account ends that user's sessions.</p>
      </div>
    </header>`;
    if (this._users.status === TaskStatus.ERROR) return html`${head}${refusal(this._users.error, 'user list')}`;
    const users = this._users.value;
    if (!users) return html`${head}<p class="loading" role="status">Loading the users…</p>`;
    // The form's own labels, so that a refusal names the field as the form does.
    const errors = fieldErrors(this._create.error, 'body', { password: 'First password' });
    return html`${head}
      <section class="card" aria-labelledby="add-title">
        <h2 id="add-title">Add a user</h2>
        <vr-user-form
          .errors=${errors}
          failure=${Object.keys(errors).length === 0 ? message(this._create) : ''}
          done=${this._created}
          ?busy=${this._create.status === TaskStatus.PENDING}
          .resetKey=${this._reset}
          @user-create-requested=${(e: UserCreateRequested) => ((this._created = ''), void this._create.run([e.user]))}
        ></vr-user-form>
      </section>
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">All users <span class="muted">(${users.length})</span></h2>
        ${outcomes(this._said, message(this._change))}
        ${this._me ? html`<vr-user-table .users=${users} selfId=${this._me.user.id} @user-change-requested=${this._onChange}></vr-user-table>` : nothing}
      </section>
      ${this._me && users.length > 1 ? this._resetCard(users, this._me.user.id) : nothing}`;
  }

  private _resetCard(users: readonly User[], selfId: number) {
    const errors = fieldErrors(this._resetPassword.error, 'body', { newPassword: 'New password for them' });
    const pathErrors = { ...errors, ...fieldErrors(this._resetPassword.error, 'params') };
    return html`<section class="card" aria-labelledby="reset-title">
      <h2 id="reset-title">Reset a password</h2>
      <vr-password-reset-form
        .users=${users}
        selfId=${selfId}
        .errors=${pathErrors}
        failure=${Object.keys(pathErrors).length === 0 ? message(this._resetPassword) : ''}
        done=${this._resetDone}
        ?busy=${this._resetPassword.status === TaskStatus.PENDING}
        .resetKey=${this._resetKey}
        @password-reset-requested=${(e: PasswordResetRequested) => ((this._resetDone = ''), void this._resetPassword.run([e]))}
      ></vr-password-reset-form>
    </section>`;
  }

  protected override updated(): void {
    document.title = 'Users · Vendorscope';
  }

  private readonly _onChange = (e: UserChangeRequested) => {
    e.stopPropagation();
    this._said = '';
    void this._change.run([e]);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-users-page': UsersPage;
  }
}
