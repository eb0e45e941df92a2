/**
 * Who is calling: password sign-in, sessions (cookie values are 256-bit random and stored only as
 * hashes; idle timeout and absolute lifetime), API tokens (shown once, stored hashed, revocable),
 * and the principal a request acts as. Failures never say whether an account exists.
 */
import { atLeast, lowerRole, type Actor, type ApiToken, type Role, type Session, type User } from '../domain/account.ts';
import type { Store } from '../db/store.ts';
import type { StoredSession } from '../db/sessions-repo.ts';
import type { Clock } from './clock.ts';
import { found, invalid, notFound, ServiceError } from './errors.ts';
import { verifyPassword } from './passwords.ts';
import { randomSecret, secretHash } from './secrets.ts';
import type { HashGate } from './hash-gate.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';

export interface AuthOptions {
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly requirePasskeyForAdmins: boolean;
  readonly passwordCost: number;
}

/** What stands between a password guess and its hash: the throttle, the hash queue, the verifier. */
export interface SignInGuards {
  readonly throttle: SignInThrottle;
  readonly hashes: HashGate;
  /** verifyPassword; tests pass one that counts its calls. */
  readonly verify: typeof verifyPassword;
}

export interface Principal {
  readonly user: User;
  /** The role this request acts with: the user's, capped by a token's or a missing passkey. */
  readonly role: Role;
  readonly via: 'session' | 'token';
  readonly sessionId: number | null;
  readonly tokenId: number | null;
  readonly tokenName: string | null;
  readonly passkeyVerified: boolean;
  /** An admin whose session needs a passkey before admin actions (REQUIRE_PASSKEY_FOR_ADMINS). */
  readonly passkeyRequired: boolean;
}

export interface RequestInfo {
  readonly ip: string;
  readonly userAgent: string | null;
}

export const TOKEN_PREFIX = 'vst_';

export const actorOf = (p: Principal): Actor => ({
  userId: p.user.id,
  label: p.user.email,
  via: p.via === 'token' ? `token:${p.tokenName}` : p.passkeyVerified ? 'passkey' : 'session',
});

const unauthenticated = (code: string, message: string) => new ServiceError('unauthenticated', code, message);
const throttled = (message: string, wait: number) => new ServiceError('throttled', 'too-many-attempts', message, [], wait);
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

export function authService(store: Store, clock: Clock, guards: SignInGuards, opts: AuthOptions) {
  const { throttle, hashes, verify } = guards;
  const idleMs = opts.sessionIdleMinutes * 60_000;

  /** Starts a session; the caller sets the returned secret as the cookie. */
  const startSession = (user: User, passkeyVerified: boolean, req: RequestInfo, replacing: string | null) =>
    store.transaction(() => {
      const now = clock.now();
      // A new id at every sign-in: a session id planted before sign-in is worthless after it.
      if (replacing) {
        const old = store.sessions.findByHash(secretHash(replacing));
        if (old) store.sessions.revoke(old.id, now);
      }
      const secret = randomSecret();
      const id = store.sessions.create(
        {
          tokenHash: secretHash(secret),
          userId: user.id,
          passkeyVerified,
          expiresAt: plus(now, opts.sessionMaxHours * 3_600_000),
          userAgent: req.userAgent,
          ip: req.ip,
        },
        now,
      );
      store.audit.append(
        { userId: user.id, label: user.email, via: passkeyVerified ? 'passkey' : 'session' },
        { action: 'sign-in', entity: 'session', entityId: id, after: { ip: req.ip } },
        now,
      );
      return { secret, sessionId: id };
    });

  const principalFor = (user: User, s: { via: 'session' | 'token'; sessionId?: number; token?: ApiToken; passkeyVerified: boolean }): Principal => {
    let role = s.token ? lowerRole(s.token.role, user.role) : user.role;
    const passkeyRequired = opts.requirePasskeyForAdmins && role === 'admin' && s.via === 'session' && !s.passkeyVerified;
    if (passkeyRequired) role = 'analyst';
    return {
      user,
      role,
      via: s.via,
      sessionId: s.sessionId ?? null,
      tokenId: s.token?.id ?? null,
      tokenName: s.token?.name ?? null,
      passkeyVerified: s.passkeyVerified,
      passkeyRequired,
    };
  };

  const liveSession = (s: StoredSession | undefined, now: string): boolean =>
    !!s && s.revokedAt === null && s.expiresAt > now && Date.parse(now) - Date.parse(s.lastSeenAt) <= idleMs;

  const sessionView = (s: StoredSession, currentId: number | null): Session => ({
    id: s.id,
    userId: s.userId,
    passkeyVerified: s.passkeyVerified,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    expiresAt: s.expiresAt,
    userAgent: s.userAgent,
    current: s.id === currentId,
  });

  return {
    startSession,

    /**
     * Password sign-in. Wrong e-mail and wrong password fail alike, after the same work. The
     * attempt is checked and reserved before any await, so a burst sees its own earlier requests.
     */
    signIn: async (email: string, password: string, req: RequestInfo, replacing: string | null) => {
      const attempt = throttle.reserve(email, req.ip);
      if ('retryAfter' in attempt) throw throttled(`Too many failed sign-ins; try again in ${attempt.retryAfter} s.`, attempt.retryAfter);
      const known = store.users.findByEmail(email);
      const check = hashes.tryRun(() => verify(password, known ? store.users.passwordHash(known.id) : null, opts.passwordCost));
      if (!check) {
        throttle.abandoned(attempt);
        throw throttled('Too many sign-ins at once; try again in a second.', 1);
      }
      const ok = await check;
      // Read again after the wait: the account may have been disabled meanwhile.
      const user = known && store.users.find(known.id);
      if (!ok || !user || user.disabled) {
        // What was typed for an account that does not exist stays out of the log (it is often a
        // password typed in the wrong field); its hash still shows repeated attempts with the same text.
        const typed = email.toLowerCase().slice(0, 254);
        store.audit.append(
          user ? { userId: user.id, label: user.email, via: 'session' } : { userId: null, label: 'anonymous', via: 'session' },
          {
            action: 'sign-in-failed',
            entity: 'session',
            entityId: null,
            after: user ? { email: typed, ip: req.ip } : { emailHash: `sha256:${secretHash(typed).slice(0, 16)}`, ip: req.ip },
          },
          clock.now(),
        );
        throw unauthenticated('invalid-credentials', 'The e-mail address or the password is wrong.');
      }
      throttle.succeeded(attempt);
      return { user, ...startSession(user, false, req, replacing) };
    },

    /** The principal of a session cookie, or an error when it is unknown, revoked or expired. */
    fromSession: (secret: string): Principal => {
      const now = clock.now();
      const s = store.sessions.findByHash(secretHash(secret));
      if (!s || !liveSession(s, now)) throw unauthenticated('session-expired', 'The session has ended; sign in again.');
      const user = store.users.find(s.userId);
      if (!user || user.disabled) throw unauthenticated('session-expired', 'The session has ended; sign in again.');
      // One write a minute is enough to track idleness.
      if (Date.parse(now) - Date.parse(s.lastSeenAt) > 60_000) store.sessions.touch(s.id, now);
      return principalFor(user, { via: 'session', sessionId: s.id, passkeyVerified: s.passkeyVerified });
    },

    /** The principal of an API token, or an error when it is unknown, revoked or expired. */
    fromToken: (secret: string): Principal => {
      const now = clock.now();
      const t = secret.startsWith(TOKEN_PREFIX) ? store.tokens.findByHash(secretHash(secret)) : undefined;
      const user = t && store.users.find(t.userId);
      if (!t || t.revokedAt !== null || t.expiresAt <= now || !user || user.disabled) {
        throw unauthenticated('invalid-token', 'The API token is unknown, revoked or expired.');
      }
      if (t.lastUsedAt === null || Date.parse(now) - Date.parse(t.lastUsedAt) > 60_000) store.tokens.markUsed(t.id, now);
      return principalFor(user, { via: 'token', token: t, passkeyVerified: false });
    },

    signOut: (p: Principal): void =>
      store.transaction(() => {
        if (p.sessionId === null) return;
        store.sessions.revoke(p.sessionId, clock.now());
        store.audit.append(actorOf(p), { action: 'sign-out', entity: 'session', entityId: p.sessionId }, clock.now());
      }),

    /** A user's live sessions (an admin may ask for anyone's). */
    sessions: (p: Principal, userId: number): Session[] => {
      if (userId !== p.user.id && !atLeast(p.role, 'admin')) throw new ServiceError('forbidden', 'forbidden', 'Only admins see other users’ sessions.');
      found(store.users.find(userId), 'user', userId);
      return store.sessions
        .live(userId, clock.now())
        .filter((s) => liveSession(s, clock.now()))
        .map((s) => sessionView(s, p.sessionId));
    },

    revokeSession: (p: Principal, id: number): void =>
      store.transaction(() => {
        const s = found(store.sessions.find(id), 'session', id);
        if (s.userId !== p.user.id && !atLeast(p.role, 'admin')) throw notFound('session', id);
        store.sessions.revoke(id, clock.now());
        store.audit.append(actorOf(p), { action: 'revoke', entity: 'session', entityId: id, before: { userId: s.userId } }, clock.now());
      }),

    createToken: (p: Principal, t: { name: string; role: Role; expiresInDays: number }) =>
      store.transaction(() => {
        if (!atLeast(p.role, t.role))
          throw invalid('A token cannot have a higher role than you act with.', [{ path: 'body.role', message: `at most ${p.role}` }]);
        const token = randomSecret(TOKEN_PREFIX);
        const now = clock.now();
        const id = store.tokens.create(
          { userId: p.user.id, name: t.name, role: t.role, tokenHash: secretHash(token), expiresAt: plus(now, t.expiresInDays * 86_400_000) },
          now,
        );
        const stored = store.tokens.find(id)!;
        store.audit.append(
          actorOf(p),
          { action: 'create', entity: 'token', entityId: id, after: { name: t.name, role: t.role, expiresAt: stored.expiresAt } },
          now,
        );
        return { ...stored, token };
      }),

    tokens: (p: Principal, all: boolean): ApiToken[] => {
      if (all && !atLeast(p.role, 'admin')) throw new ServiceError('forbidden', 'forbidden', 'Only admins see every token.');
      return all ? store.tokens.all() : store.tokens.ofUser(p.user.id);
    },

    /** Revokes one's own token, or (admins) anyone's. */
    revokeToken: (p: Principal, id: number): void =>
      store.transaction(() => {
        const t = found(store.tokens.find(id), 'token', id);
        if (t.userId !== p.user.id && !atLeast(p.role, 'admin')) throw notFound('token', id);
        store.tokens.revoke(id, clock.now());
        store.audit.append(
          actorOf(p),
          { action: 'revoke', entity: 'token', entityId: id, before: { name: t.name, role: t.role, userId: t.userId } },
          clock.now(),
        );
      }),
  };
}

export type AuthService = ReturnType<typeof authService>;
