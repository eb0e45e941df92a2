/** Reading What changed: pages of events, newest first, and when each user last looked. */
import type { Store } from '../../db/store.ts';
import type { Change, ChangeKind } from '../../domain/change.ts';
import type { Clock } from '../clock.ts';
import { invalid } from '../errors.ts';

export interface FeedQuery {
  /** Recorded at or after this timestamp. */
  readonly since?: string | undefined;
  readonly tiers?: readonly number[] | undefined;
  readonly owner?: string | undefined;
  readonly kinds?: readonly ChangeKind[] | undefined;
  /** The cursor: only events older than this id (the `next` of the page before). */
  readonly before?: number | undefined;
  readonly limit: number;
}

export interface FeedPage {
  readonly items: Change[];
  /** Pass as `before` for the next page; null on the last one. */
  readonly next: number | null;
}

export function feedService(store: Store, clock: Clock) {
  return {
    list: (q: FeedQuery): FeedPage => {
      // One more than asked tells whether another page follows.
      const rows = store.changes.list({ since: q.since, tiers: q.tiers, owner: q.owner, kinds: q.kinds, before: q.before, limit: q.limit + 1 });
      const items = rows.slice(0, q.limit);
      return { items, next: rows.length > q.limit ? items[items.length - 1]!.id : null };
    },
    seenAt: (userId: number): string | null => store.feed.seenAt(userId),
    /** Marks the feed seen up to `at` (now when left out); never later than now, never back in time. */
    markSeen: (userId: number, at?: string): string | null => {
      const now = clock.now();
      if (at !== undefined && Date.parse(at) > Date.parse(now))
        throw invalid('The feed cannot be marked seen in the future.', [{ path: 'body.seenAt', message: `after now (${now})` }]);
      const value = new Date(Date.parse(at ?? now)).toISOString();
      return store.transaction(() => {
        const before = store.feed.seenAt(userId);
        if (before === null || before < value) store.feed.setSeenAt(userId, value);
        return store.feed.seenAt(userId);
      });
    },
  };
}

export type FeedService = ReturnType<typeof feedService>;
