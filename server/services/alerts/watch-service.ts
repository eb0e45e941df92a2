/** A user's own watch rules and notifications (the /me/… routes). */
import type { Store } from '../../db/store.ts';
import type { Notification } from '../../domain/notification.ts';
import type { WatchRule, WatchRuleInput } from '../../domain/watch-rule.ts';
import type { Clock } from '../clock.ts';
import { notFound } from '../errors.ts';
import { linkOf } from './messages.ts';

const strip = ({ userId: _, ...r }: WatchRule & { userId: number }): WatchRule => r;

export function watchService(store: Store, clock: Clock) {
  const rule = (userId: number, id: number): WatchRule => {
    const r = store.watchRules.find(userId, id);
    if (!r) throw notFound('watch-rule', id);
    return strip(r);
  };
  return {
    rules: (userId: number): WatchRule[] => store.watchRules.list(userId).map(strip),
    rule,
    createRule: (userId: number, input: WatchRuleInput): WatchRule => rule(userId, store.watchRules.create(userId, input, clock.now())),
    updateRule: (userId: number, id: number, input: WatchRuleInput): WatchRule => {
      if (!store.watchRules.update(userId, id, input, clock.now())) throw notFound('watch-rule', id);
      return rule(userId, id);
    },
    deleteRule: (userId: number, id: number): void => {
      if (!store.watchRules.remove(userId, id)) throw notFound('watch-rule', id);
    },
    resetRules: (userId: number): WatchRule[] => {
      store.transaction(() => store.watchRules.reset(userId, clock.now()));
      return store.watchRules.list(userId).map(strip);
    },

    notifications: (userId: number, f: { before?: number | undefined; unreadOnly: boolean; limit: number }) => {
      const rows = store.notifications.page(userId, { ...f, limit: f.limit + 1 });
      const page = rows.slice(0, f.limit);
      const items: Notification[] = page.map((n) => {
        const change = store.changes.find(n.changeId)!;
        return { id: n.id, createdAt: n.createdAt, readAt: n.readAt, change, link: linkOf(change) };
      });
      return { items, unread: store.notifications.unread(userId), nextBefore: rows.length > f.limit ? page.at(-1)!.id : null };
    },
    unread: (userId: number): number => store.notifications.unread(userId),
    markRead: (userId: number, id: number): { unread: number } => {
      if (!store.notifications.markRead(userId, id, clock.now())) throw notFound('notification', id);
      return { unread: store.notifications.unread(userId) };
    },
    markAllRead: (userId: number): { unread: number } => {
      store.notifications.markAllRead(userId, clock.now());
      return { unread: 0 };
    },
  };
}

export type WatchService = ReturnType<typeof watchService>;
