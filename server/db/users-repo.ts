/** SQL for users. Password hashes leave this module only through `passwordHash`. */
import type { Db } from './open.ts';
import type { Role, User } from '../domain/account.ts';

interface UserRow {
  id: number;
  email: string;
  password_hash: string | null;
  role: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  passkeys: number;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  role: r.role as Role,
  disabled: r.disabled_at !== null,
  hasPassword: r.password_hash !== null,
  passkeys: r.passkeys,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

const SELECT = 'SELECT u.*, (SELECT COUNT(*) FROM passkeys p WHERE p.user_id = u.id) AS passkeys FROM users u';

export function usersRepo(db: Db) {
  const byId = db.prepare<[number], UserRow>(`${SELECT} WHERE u.id = ?`);
  const byEmail = db.prepare<[string], UserRow>(`${SELECT} WHERE u.email = ?`);
  const all = db.prepare<[], UserRow>(`${SELECT} ORDER BY u.email`);
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users');
  const hash = db.prepare<[number], { password_hash: string | null }>('SELECT password_hash FROM users WHERE id = ?');
  const insert = db.prepare('INSERT INTO users (email, password_hash, role, created_at, updated_at) VALUES (@email, @password_hash, @role, @now, @now)');
  const update = db.prepare(
    'UPDATE users SET role = @role, disabled_at = @disabled_at, updated_at = @now, version = version + 1 WHERE id = @id AND (@expect IS NULL OR version = @expect)',
  );
  const setHash = db.prepare('UPDATE users SET password_hash = @password_hash, updated_at = @now, version = version + 1 WHERE id = @id');
  return {
    find: (id: number): User | undefined => {
      const r = byId.get(id);
      return r && toUser(r);
    },
    findByEmail: (email: string): User | undefined => {
      const r = byEmail.get(email.toLowerCase());
      return r && toUser(r);
    },
    all: (): User[] => all.all().map(toUser),
    count: (): number => count.get()!.n,
    passwordHash: (id: number): string | null => hash.get(id)?.password_hash ?? null,
    create: (email: string, passwordHash: string | null, role: Role, now: string): number =>
      Number(insert.run({ email: email.toLowerCase(), password_hash: passwordHash, role, now }).lastInsertRowid),
    /** Writes role and disabled state and adds one to the version, only at version `expect` when given (false: nothing written). */
    update: (id: number, role: Role, disabledAt: string | null, now: string, expect?: number): boolean =>
      update.run({ id, role, disabled_at: disabledAt, now, expect: expect ?? null }).changes > 0,
    setPasswordHash: (id: number, passwordHash: string, now: string): void => {
      setHash.run({ id, password_hash: passwordHash, now });
    },
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;
