-- What changed (issue 15 §2): what the feed needs besides the changes table (0012).
--
-- When each user last looked at the feed: "since my last visit" works in any browser.
CREATE TABLE changes_seen (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  seen_at TEXT NOT NULL
);

-- The review state each vendor was last seen in (ok, due, overdue, review-needed), so that entering
-- a state that needs a review is recorded once per entry, not on every read or every daily sweep.
CREATE TABLE review_watch (
  vendor_id INTEGER PRIMARY KEY REFERENCES vendors(id) ON DELETE CASCADE,
  state TEXT NOT NULL,
  day TEXT NOT NULL
);

-- The daily sweep records a time-based event once per (kind, vendor, ref, day): this finds a recorded one.
CREATE INDEX changes_kind_ref ON changes (kind, ref, day);
-- The feed's filters by kind.
CREATE INDEX changes_kind ON changes (kind, id);
