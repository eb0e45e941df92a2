/**
 * Users: the first admin (from the environment or through the one-time setup link), users managed
 * by admins, and password changes. Every change lands in the audit log in the same transaction.
 */
import { SYSTEM, type Actor, type PasswordChanged, type Role, type User } from '../domain/account.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from './clock.ts';
import { checkVersion, EditConflict, found, invalid, ServiceError } from './errors.ts';
import type { SignInGuards } from './auth-service.ts';
import { hashPassword, passwordProblems } from './passwords.ts';
import { randomSecret, secretHash } from './secrets.ts';

const SETUP_KEY = 'setup-token';
const SETUP_LIFETIME_MS = 60 * 60 * 1000;

export interface AccountsOptions {
  /** scrypt cost for new hashes (tests lower it; production keeps the default). */
  readonly passwordCost: number;
  /** Sign-in's throttle, hash queue and verifier: checking a current password is a guess like a sign-in. */
  readonly guards: SignInGuards;
}

const audited = (u: User) => ({ email: u.email, role: u.role, disabled: u.disabled });

export function accountsService(store: Store, clock: Clock, opts: AccountsOptions) {
  const checkPassword = (password: string, email: string | null, path: string) => {
    const problems = passwordProblems(password, email, path);
    if (problems.length > 0) throw invalid('The password is not acceptable.', problems);
  };

  const createUser = async (actor: Actor, email: string, password: string, role: Role, action = 'create'): Promise<User> => {
    checkPassword(password, email, 'body.password');
    const hash = await hashPassword(password, opts.passwordCost);
    return store.transaction(() => {
      if (store.users.findByEmail(email)) {
        throw new ServiceError('conflict', 'user-exists', `A user with e-mail ${email} exists.`, [{ path: 'body.email', message: 'already taken' }]);
      }
      const u = store.users.find(store.users.create(email, hash, role, clock.now()))!;
      store.audit.append(actor, { action, entity: 'user', entityId: u.id, after: audited(u) }, clock.now());
      return u;
    });
  };

  return {
    hasUsers: (): boolean => store.users.count() > 0,
    get: (id: number): User => found(store.users.find(id), 'user', id),
    list: (): User[] => store.users.all(),
    create: createUser,

    /** The first admin from VENDORSCOPE_ADMIN_EMAIL / _PASSWORD; does nothing once users exist. */
    createFirstAdmin: async (email: string, password: string): Promise<User | null> =>
      store.users.count() > 0 ? null : createUser({ ...SYSTEM, via: 'environment' }, email.toLowerCase(), password, 'admin', 'create-first-admin'),

    /** A new one-time setup token (replacing any earlier one); only while there are no users. */
    issueSetupToken: (): { token: string; expiresAt: string } => {
      if (store.users.count() > 0) throw new ServiceError('conflict', 'setup-complete', 'Setup is complete: an admin exists.');
      const token = randomSecret();
      const expiresAt = new Date(Date.parse(clock.now()) + SETUP_LIFETIME_MS).toISOString();
      store.meta.set(SETUP_KEY, JSON.stringify({ hash: secretHash(token), expiresAt }));
      return { token, expiresAt };
    },

    /** Creates the first admin with the setup token, which is then spent. */
    completeSetup: async (token: string, email: string, password: string): Promise<User> => {
      const rejected = () =>
        new ServiceError('forbidden', 'setup-token-invalid', 'The setup link is invalid, used or expired; restart the server for a new one.');
      if (store.users.count() > 0) throw new ServiceError('conflict', 'setup-complete', 'Setup is complete: an admin exists.');
      const stored = store.meta.get(SETUP_KEY);
      const parsed = stored ? (JSON.parse(stored) as { hash: string; expiresAt: string }) : null;
      if (!parsed || parsed.hash !== secretHash(token) || parsed.expiresAt <= clock.now()) throw rejected();
      checkPassword(password, email, 'body.password');
      const hash = await hashPassword(password, opts.passwordCost);
      return store.transaction(() => {
        // Checked again inside the transaction: two setups racing must not both succeed.
        const again = store.meta.get(SETUP_KEY);
        if (store.users.count() > 0 || again !== stored) throw rejected();
        store.meta.set(SETUP_KEY, JSON.stringify({ hash: 'spent', expiresAt: parsed.expiresAt }));
        const u = store.users.find(store.users.create(email, hash, 'admin', clock.now()))!;
        store.audit.append(
          { userId: u.id, label: u.email, via: 'setup' },
          { action: 'create-first-admin', entity: 'user', entityId: u.id, after: audited(u) },
          clock.now(),
        );
        return u;
      });
    },

    /** An admin changes a user's role or disables the account; the user's sessions end. */
    update: (actor: Actor, id: number, patch: { role?: Role | undefined; disabled?: boolean | undefined }, ifMatch?: number): User =>
      store.transaction(() => {
        const before = found(store.users.find(id), 'user', id);
        checkVersion('user', before, ifMatch);
        if (actor.userId === id && ((patch.role && patch.role !== 'admin') || patch.disabled)) {
          throw invalid('Admins cannot demote or disable themselves; ask another admin.', [{ path: 'params.id', message: 'is you' }]);
        }
        const role = patch.role ?? before.role;
        const disabledAt = patch.disabled === undefined ? (before.disabled ? before.updatedAt : null) : patch.disabled ? clock.now() : null;
        if (!store.users.update(id, role, disabledAt, clock.now(), before.version)) throw new EditConflict('user', store.users.find(id)!, before.version);
        // A new role (or a disabled account) takes effect at once: every session must sign in again.
        if (role !== before.role || patch.disabled) store.sessions.revokeAllOf(id, clock.now());
        const after = store.users.find(id)!;
        store.audit.append(actor, { action: 'update', entity: 'user', entityId: id, before: audited(before), after: audited(after) }, clock.now());
        return after;
      }),

    /**
     * Changes one's own password; every other session of the user ends (a stolen session dies with
     * the old password), and on request every API token too (one may have leaked with it).
     */
    changePassword: async (
      actor: Actor,
      userId: number,
      current: string,
      next: string,
      keepSessionId: number | null,
      revokeTokens: boolean,
      ip: string,
    ): Promise<PasswordChanged> => {
      const u = found(store.users.find(userId), 'user', userId);
      // Someone holding a stolen session could otherwise guess the password here, unthrottled and
      // with as many hashes at once as they like.
      const { throttle, hashes, verify } = opts.guards;
      const attempt = throttle.reserve(u.email, ip);
      if ('retryAfter' in attempt)
        throw new ServiceError('throttled', 'too-many-attempts', `Too many wrong passwords; try again in ${attempt.retryAfter} s.`, [], attempt.retryAfter);
      const check = hashes.tryRun(() => verify(current, store.users.passwordHash(userId), opts.passwordCost));
      if (!check) {
        throttle.abandoned(attempt);
        throw new ServiceError('throttled', 'too-many-attempts', 'Too many password checks at once; try again in a second.', [], 1);
      }
      if (!(await check)) throw invalid('The current password is wrong.', [{ path: 'body.currentPassword', message: 'is wrong' }]);
      throttle.succeeded(attempt);
      checkPassword(next, u.email, 'body.newPassword');
      const hash = await hashPassword(next, opts.passwordCost);
      return store.transaction(() => {
        const now = clock.now();
        store.users.setPasswordHash(userId, hash, now);
        let sessionsEnded = 0;
        for (const s of store.sessions.live(userId, now)) if (s.id !== keepSessionId && store.sessions.revoke(s.id, now)) sessionsEnded++;
        const tokensRevoked = revokeTokens ? store.tokens.revokeAllOf(userId, now) : 0;
        const result = { sessionsEnded, tokensRevoked };
        store.audit.append(actor, { action: 'change-password', entity: 'user', entityId: userId, after: { ...result, revokeTokens } }, now);
        return result;
      });
    },

    /**
     * An admin sets another user's password (forgotten, or suspected stolen): every session and
     * every API token of that user ends, since whoever knew the old password may hold them.
     */
    resetPassword: async (actor: Actor, userId: number, next: string): Promise<PasswordChanged> => {
      const u = found(store.users.find(userId), 'user', userId);
      if (actor.userId === userId)
        throw invalid('Change your own password on your account page: it asks for the current one.', [{ path: 'params.id', message: 'is you' }]);
      checkPassword(next, u.email, 'body.newPassword');
      const hash = await hashPassword(next, opts.passwordCost);
      return store.transaction(() => {
        const now = clock.now();
        store.users.setPasswordHash(userId, hash, now);
        const sessionsEnded = store.sessions.live(userId, now).length;
        store.sessions.revokeAllOf(userId, now);
        const result = { sessionsEnded, tokensRevoked: store.tokens.revokeAllOf(userId, now) };
        store.audit.append(actor, { action: 'reset-password', entity: 'user', entityId: userId, after: result }, now);
        return result;
      });
    },
  };
}

export type AccountsService = ReturnType<typeof accountsService>;
