/** SQL for the bell: a user's notifications, each a change one of their rules matched. */
import type { Db } from './open.ts';

interface NotificationRow {
  id: number;
  change_id: number;
  created_at: string;
  read_at: string | null;
}

export interface StoredNotification {
  readonly id: number;
  readonly changeId: number;
  readonly createdAt: string;
  readonly readAt: string | null;
}

const toNotification = (r: NotificationRow): StoredNotification => ({ id: r.id, changeId: r.change_id, createdAt: r.created_at, readAt: r.read_at });

export function notificationsRepo(db: Db) {
  const insert = db.prepare('INSERT OR IGNORE INTO notifications (user_id, change_id, created_at) VALUES (?, ?, ?)');
  const page = db.prepare<{ user_id: number; before: number | null; unread: number; limit: number }, NotificationRow>(
    `SELECT id, change_id, created_at, read_at FROM notifications WHERE user_id = @user_id AND (@before IS NULL OR id < @before)
       AND (@unread = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT @limit`,
  );
  const unread = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL');
  const markOne = db.prepare('UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?');
  const markAll = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
  return {
    /** One per user and change: a second rule matching the same change adds nothing. */
    add: (userId: number, changeId: number, now: string): void => {
      insert.run(userId, changeId, now);
    },
    page: (userId: number, f: { before?: number | undefined; unreadOnly: boolean; limit: number }): StoredNotification[] =>
      page.all({ user_id: userId, before: f.before ?? null, unread: f.unreadOnly ? 1 : 0, limit: f.limit }).map(toNotification),
    unread: (userId: number): number => unread.get(userId)!.n,
    markRead: (userId: number, id: number, now: string): boolean => markOne.run(now, id, userId).changes > 0,
    markAllRead: (userId: number, now: string): number => markAll.run(now, userId).changes,
  };
}

export type NotificationsRepo = ReturnType<typeof notificationsRepo>;
