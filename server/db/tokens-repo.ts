/** SQL for API tokens, found by the hash of the token. */
import type { Db } from './open.ts';
import type { ApiToken, Role } from '../domain/account.ts';

interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  role: r.role as Role,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export function tokensRepo(db: Db) {
  const byHash = db.prepare<[string], TokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?');
  const byId = db.prepare<[number], TokenRow>('SELECT * FROM api_tokens WHERE id = ?');
  const ofUser = db.prepare<[number], TokenRow>('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC');
  const all = db.prepare<[], TokenRow>('SELECT * FROM api_tokens ORDER BY created_at DESC, id DESC');
  const insert = db.prepare(`INSERT INTO api_tokens (user_id, name, role, token_hash, created_at, expires_at)
    VALUES (@user_id, @name, @role, @token_hash, @now, @expires_at)`);
  const used = db.prepare<[string, number]>('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  const revoke = db.prepare<[string, number]>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  // Expired tokens already do nothing: only the live ones are revoked (and counted).
  const revokeUser = db.prepare<[string, number, string]>('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?');
  return {
    findByHash: (hash: string): ApiToken | undefined => {
      const r = byHash.get(hash);
      return r && toToken(r);
    },
    find: (id: number): ApiToken | undefined => {
      const r = byId.get(id);
      return r && toToken(r);
    },
    ofUser: (userId: number): ApiToken[] => ofUser.all(userId).map(toToken),
    all: (): ApiToken[] => all.all().map(toToken),
    create: (t: { userId: number; name: string; role: Role; tokenHash: string; expiresAt: string }, now: string): number =>
      Number(insert.run({ user_id: t.userId, name: t.name, role: t.role, token_hash: t.tokenHash, expires_at: t.expiresAt, now }).lastInsertRowid),
    markUsed: (id: number, now: string): void => {
      used.run(now, id);
    },
    revoke: (id: number, now: string): boolean => revoke.run(now, id).changes > 0,
    /** Revokes every live token of a user; how many. */
    revokeAllOf: (userId: number, now: string): number => revokeUser.run(now, userId, now).changes,
  };
}

export type TokensRepo = ReturnType<typeof tokensRepo>;
