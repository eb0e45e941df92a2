/** SQL for what the feed keeps besides its events: each user's last visit, each vendor's last seen review state. */
import type { Db } from './open.ts';

export function feedRepo(db: Db) {
  const seenGet = db.prepare<[number], { seen_at: string }>('SELECT seen_at FROM changes_seen WHERE user_id = ?');
  const seenSet = db.prepare<[number, string]>(
    'INSERT INTO changes_seen (user_id, seen_at) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at',
  );
  const stateGet = db.prepare<[number], { state: string }>('SELECT state FROM review_watch WHERE vendor_id = ?');
  const stateSet = db.prepare<[number, string, string]>(
    'INSERT INTO review_watch (vendor_id, state, day) VALUES (?, ?, ?) ON CONFLICT (vendor_id) DO UPDATE SET state = excluded.state, day = excluded.day',
  );
  const watched = db.prepare<[], { vendor_id: number }>('SELECT vendor_id FROM review_watch');
  return {
    /** When the user last marked the feed as seen; null before the first time. */
    seenAt: (userId: number): string | null => seenGet.get(userId)?.seen_at ?? null,
    setSeenAt: (userId: number, at: string): void => {
      seenSet.run(userId, at);
    },
    /** The review state the vendor was last seen in; null when never looked at. */
    reviewState: (vendorId: number): string | null => stateGet.get(vendorId)?.state ?? null,
    setReviewState: (vendorId: number, state: string, day: string): void => {
      stateSet.run(vendorId, state, day);
    },
    /** Vendors with a review state on record. */
    watchedVendors: (): number[] => watched.all().map((r) => r.vendor_id),
  };
}

export type FeedRepo = ReturnType<typeof feedRepo>;
