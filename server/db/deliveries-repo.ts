/** SQL for the outbox: deliveries (e-mail, webhook) and the changes each carries. */
import type { Db } from './open.ts';
import type { Delivery } from '../domain/webhook.ts';

interface DeliveryRow {
  id: number;
  channel: string;
  key: string;
  webhook_id: number | null;
  user_id: number | null;
  recipient: string | null;
  digest_day: string | null;
  status: string;
  attempts: number;
  next_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  change_ids: string | null;
}

const toDelivery = (r: DeliveryRow): Delivery => ({
  id: r.id,
  channel: r.channel as Delivery['channel'],
  key: r.key,
  webhookId: r.webhook_id,
  userId: r.user_id,
  recipient: r.recipient,
  digestDay: r.digest_day,
  changeIds:
    r.change_ids === null
      ? []
      : r.change_ids
          .split(',')
          .map(Number)
          .sort((a, b) => a - b),
  status: r.status as Delivery['status'],
  attempts: r.attempts,
  nextAt: r.next_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

const SELECT = `SELECT d.*, COALESCE(u.email, w.name) AS recipient,
  (SELECT GROUP_CONCAT(change_id) FROM delivery_changes c WHERE c.delivery_id = d.id) AS change_ids
  FROM deliveries d LEFT JOIN users u ON u.id = d.user_id LEFT JOIN webhooks w ON w.id = d.webhook_id`;

export interface NewDelivery {
  readonly channel: Delivery['channel'];
  readonly key: string;
  readonly webhookId?: number;
  readonly userId?: number;
  readonly digestDay?: string;
  readonly nextAt: string;
}

export function deliveriesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO deliveries (channel, key, webhook_id, user_id, digest_day, next_at, created_at)
    VALUES (@channel, @key, @webhook_id, @user_id, @digest_day, @next_at, @now) ON CONFLICT (key) DO NOTHING`);
  const idOfKey = db.prepare<[string], { id: number }>('SELECT id FROM deliveries WHERE key = ?');
  const attach = db.prepare('INSERT OR IGNORE INTO delivery_changes (delivery_id, change_id) VALUES (?, ?)');
  const byId = db.prepare<[number], DeliveryRow>(`${SELECT} WHERE d.id = ?`);
  const due = db.prepare<[string, number], DeliveryRow>(`${SELECT} WHERE d.status = 'pending' AND d.next_at <= ? ORDER BY d.next_at, d.id LIMIT ?`);
  const nextDue = db.prepare<[], { next_at: string }>(`SELECT MIN(next_at) AS next_at FROM deliveries WHERE status = 'pending'`);
  const log = db.prepare<{ channel: string | null; status: string | null; before: number | null; limit: number }, DeliveryRow>(
    `${SELECT} WHERE (@channel IS NULL OR d.channel = @channel) AND (@status IS NULL OR d.status = @status) AND (@before IS NULL OR d.id < @before) ORDER BY d.id DESC LIMIT @limit`,
  );
  const sent = db.prepare(`UPDATE deliveries SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ? AND status = 'pending'`);
  const failed = db.prepare(
    `UPDATE deliveries SET status = @status, attempts = attempts + 1, next_at = COALESCE(@next_at, next_at), last_error = @error WHERE id = @id AND status = 'pending'`,
  );
  const retry = db.prepare(`UPDATE deliveries SET status = 'pending', next_at = ? WHERE id = ? AND status = 'failed'`);
  return {
    /**
     * Adds a delivery (or finds the one with this key: a digest collects a day's changes in one row)
     * and attaches the change to it. Call inside the recording transaction.
     */
    add: (d: NewDelivery, changeId: number, now: string): number => {
      insert.run({
        channel: d.channel,
        key: d.key,
        webhook_id: d.webhookId ?? null,
        user_id: d.userId ?? null,
        digest_day: d.digestDay ?? null,
        next_at: d.nextAt,
        now,
      });
      const id = idOfKey.get(d.key)!.id;
      attach.run(id, changeId);
      return id;
    },
    find: (id: number): Delivery | undefined => {
      const r = byId.get(id);
      return r && toDelivery(r);
    },
    /** Pending deliveries whose time has come, oldest first. */
    due: (now: string, limit: number): Delivery[] => due.all(now, limit).map(toDelivery),
    /** When the earliest pending delivery is due; null when none is pending. */
    nextDue: (): string | null => nextDue.get()?.next_at ?? null,
    log: (f: { channel?: string | undefined; status?: string | undefined; before?: number | undefined; limit: number }): Delivery[] =>
      log.all({ channel: f.channel ?? null, status: f.status ?? null, before: f.before ?? null, limit: f.limit }).map(toDelivery),
    markSent: (id: number, now: string): void => {
      sent.run(now, id);
    },
    /** Records a failed attempt: pending again at `nextAt`, or failed for good when `nextAt` is null. */
    markFailed: (id: number, error: string, nextAt: string | null): void => {
      failed.run({ id, error, status: nextAt === null ? 'failed' : 'pending', next_at: nextAt });
    },
    /** A failed delivery tried again (an admin's retry). */
    retry: (id: number, now: string): boolean => retry.run(now, id).changes > 0,
  };
}

export type DeliveriesRepo = ReturnType<typeof deliveriesRepo>;
