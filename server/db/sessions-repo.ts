/** SQL for sign-in sessions, found by the hash of their cookie value. */
import type { Db } from './open.ts';

export interface SessionRow {
  id: number;
  token_hash: string;
  user_id: number;
  passkey_verified: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
  revoked_at: string | null;
}

export interface StoredSession {
  readonly id: number;
  readonly userId: number;
  readonly passkeyVerified: boolean;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly userAgent: string | null;
  readonly revokedAt: string | null;
}

const toSession = (r: SessionRow): StoredSession => ({
  id: r.id,
  userId: r.user_id,
  passkeyVerified: r.passkey_verified === 1,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  userAgent: r.user_agent,
  revokedAt: r.revoked_at,
});

export function sessionsRepo(db: Db) {
  const byHash = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
  const byId = db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const live = db.prepare<[number, string], SessionRow>(
    'SELECT * FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id DESC',
  );
  const insert = db.prepare(`INSERT INTO sessions (token_hash, user_id, passkey_verified, created_at, last_seen_at, expires_at, user_agent, ip)
    VALUES (@token_hash, @user_id, @passkey_verified, @now, @now, @expires_at, @user_agent, @ip)`);
  const touch = db.prepare<[string, number]>('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const revoke = db.prepare<[string, number]>('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeUser = db.prepare<[string, number]>('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL');
  return {
    findByHash: (hash: string): StoredSession | undefined => {
      const r = byHash.get(hash);
      return r && toSession(r);
    },
    find: (id: number): StoredSession | undefined => {
      const r = byId.get(id);
      return r && toSession(r);
    },
    /** The user's sessions that are neither revoked nor past their absolute lifetime. */
    live: (userId: number, now: string): StoredSession[] => live.all(userId, now).map(toSession),
    create: (
      s: { tokenHash: string; userId: number; passkeyVerified: boolean; expiresAt: string; userAgent: string | null; ip: string | null },
      now: string,
    ): number =>
      Number(
        insert.run({
          token_hash: s.tokenHash,
          user_id: s.userId,
          passkey_verified: s.passkeyVerified ? 1 : 0,
          expires_at: s.expiresAt,
          user_agent: s.userAgent,
          ip: s.ip,
          now,
        }).lastInsertRowid,
      ),
    touch: (id: number, now: string): void => {
      touch.run(now, id);
    },
    revoke: (id: number, now: string): boolean => revoke.run(now, id).changes > 0,
    revokeAllOf: (userId: number, now: string): number => revokeUser.run(now, userId).changes,
  };
}

export type SessionsRepo = ReturnType<typeof sessionsRepo>;
