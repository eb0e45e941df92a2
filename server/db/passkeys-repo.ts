/** SQL for passkeys (WebAuthn credentials). */
import type { Db } from './open.ts';
import type { Passkey } from '../domain/account.ts';
import { json, list } from './row-codec.ts';

interface PasskeyRow {
  id: number;
  user_id: number;
  credential_id: string;
  public_key: Buffer;
  counter: number;
  transports: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface StoredPasskey extends Passkey {
  readonly userId: number;
  readonly credentialId: string;
  readonly publicKey: Uint8Array<ArrayBuffer>;
  readonly counter: number;
  readonly transports: string[];
}

const toPasskey = (r: PasskeyRow): StoredPasskey => ({
  id: r.id,
  userId: r.user_id,
  credentialId: r.credential_id,
  publicKey: new Uint8Array(r.public_key),
  counter: r.counter,
  transports: list(r.transports),
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

export function passkeysRepo(db: Db) {
  const byCredential = db.prepare<[string], PasskeyRow>('SELECT * FROM passkeys WHERE credential_id = ?');
  const byId = db.prepare<[number], PasskeyRow>('SELECT * FROM passkeys WHERE id = ?');
  const ofUser = db.prepare<[number], PasskeyRow>('SELECT * FROM passkeys WHERE user_id = ? ORDER BY created_at, id');
  const insert = db.prepare(`INSERT INTO passkeys (user_id, credential_id, public_key, counter, transports, name, created_at)
    VALUES (@user_id, @credential_id, @public_key, @counter, @transports, @name, @now)`);
  const used = db.prepare<[number, string, number]>('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM passkeys WHERE id = ?');
  return {
    findByCredentialId: (credentialId: string): StoredPasskey | undefined => {
      const r = byCredential.get(credentialId);
      return r && toPasskey(r);
    },
    find: (id: number): StoredPasskey | undefined => {
      const r = byId.get(id);
      return r && toPasskey(r);
    },
    ofUser: (userId: number): StoredPasskey[] => ofUser.all(userId).map(toPasskey),
    create: (p: { userId: number; credentialId: string; publicKey: Uint8Array; counter: number; transports: string[]; name: string }, now: string): number =>
      Number(
        insert.run({
          user_id: p.userId,
          credential_id: p.credentialId,
          public_key: Buffer.from(p.publicKey),
          counter: p.counter,
          transports: json(p.transports),
          name: p.name,
          now,
        }).lastInsertRowid,
      ),
    markUsed: (id: number, counter: number, now: string): void => {
      used.run(counter, now, id);
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export type PasskeysRepo = ReturnType<typeof passkeysRepo>;
