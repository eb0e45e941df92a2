/**
 * Events of the sign-in, account and admin pieces, typed like those in events.ts: forms and lists
 * say what the user asked for, and the page that owns the data does it.
 */
import type { Role } from '../server/domain/account.ts';
import type { Me } from './api/client.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** A page signed the user in (password, passkey or setup); the app takes it from here. */
export class SignedIn extends Event {
  static readonly type = 'signed-in';
  readonly me: Me;
  constructor(me: Me) {
    super(SignedIn.type, UP);
    this.me = me;
  }
}

/** The user asked to sign out. */
export class SignOutRequested extends Event {
  static readonly type = 'sign-out-requested';
  constructor() {
    super(SignOutRequested.type, UP);
  }
}

export class PasswordChangeRequested extends Event {
  static readonly type = 'password-change-requested';
  readonly currentPassword: string;
  readonly newPassword: string;
  /** Also revoke the user's API tokens. */
  readonly revokeTokens: boolean;
  constructor(currentPassword: string, newPassword: string, revokeTokens: boolean) {
    super(PasswordChangeRequested.type, UP);
    this.currentPassword = currentPassword;
    this.newPassword = newPassword;
    this.revokeTokens = revokeTokens;
  }
}

export interface NewToken {
  readonly name: string;
  readonly role: Role;
  readonly expiresInDays: number;
}

export class TokenCreateRequested extends Event {
  static readonly type = 'token-create-requested';
  readonly token: NewToken;
  constructor(token: NewToken) {
    super(TokenCreateRequested.type, UP);
    this.token = token;
  }
}

/** The user has stored a new token's secret; the page forgets it. */
export class SecretDismissed extends Event {
  static readonly type = 'secret-dismissed';
  constructor() {
    super(SecretDismissed.type, UP);
  }
}

/** End a session, revoke a token or remove a passkey; `label` names it in the confirmation. */
export class RevokeRequested extends Event {
  static readonly type = 'revoke-requested';
  readonly what: 'session' | 'token' | 'passkey';
  readonly id: number;
  readonly label: string;
  constructor(what: RevokeRequested['what'], id: number, label: string) {
    super(RevokeRequested.type, UP);
    this.what = what;
    this.id = id;
    this.label = label;
  }
}

export class PasskeyAddRequested extends Event {
  static readonly type = 'passkey-add-requested';
  readonly name: string;
  constructor(name: string) {
    super(PasskeyAddRequested.type, UP);
    this.name = name;
  }
}

export interface NewUser {
  readonly email: string;
  readonly password: string;
  readonly role: Role;
}

export class UserCreateRequested extends Event {
  static readonly type = 'user-create-requested';
  readonly user: NewUser;
  constructor(user: NewUser) {
    super(UserCreateRequested.type, UP);
    this.user = user;
  }
}

/** An admin changed a user's role, or disabled or enabled the account. */
export class UserChangeRequested extends Event {
  static readonly type = 'user-change-requested';
  readonly id: number;
  readonly email: string;
  readonly patch: { readonly role?: Role; readonly disabled?: boolean };
  constructor(id: number, email: string, patch: UserChangeRequested['patch']) {
    super(UserChangeRequested.type, UP);
    this.id = id;
    this.email = email;
    this.patch = patch;
  }
}

/** An admin sets another user's password; the server ends that user's sessions and tokens. */
export class PasswordResetRequested extends Event {
  static readonly type = 'password-reset-requested';
  readonly id: number;
  readonly email: string;
  readonly newPassword: string;
  constructor(id: number, email: string, newPassword: string) {
    super(PasswordResetRequested.type, UP);
    this.id = id;
    this.email = email;
    this.newPassword = newPassword;
  }
}

/** New audit filters (an empty value means "any"); paging starts again from the newest. */
export class AuditFiltersChanged extends Event {
  static readonly type = 'audit-filters-changed';
  readonly filters: Readonly<Record<string, string>>;
  constructor(filters: Readonly<Record<string, string>>) {
    super(AuditFiltersChanged.type, UP);
    this.filters = filters;
  }
}

/** Another page of a long list, by offset from the first (newest) item. */
export class PageRequested extends Event {
  static readonly type = 'page-requested';
  readonly offset: number;
  constructor(offset: number) {
    super(PageRequested.type, UP);
    this.offset = offset;
  }
}

declare global {
  interface HTMLElementEventMap {
    'signed-in': SignedIn;
    'sign-out-requested': SignOutRequested;
    'password-change-requested': PasswordChangeRequested;
    'token-create-requested': TokenCreateRequested;
    'secret-dismissed': SecretDismissed;
    'revoke-requested': RevokeRequested;
    'passkey-add-requested': PasskeyAddRequested;
    'user-create-requested': UserCreateRequested;
    'user-change-requested': UserChangeRequested;
    'password-reset-requested': PasswordResetRequested;
    'audit-filters-changed': AuditFiltersChanged;
    'page-requested': PageRequested;
  }
}
