-- What changed: one row per event a user may want to hear about. A change to a kept score (with
-- its causes), and the events that are not score changes: a new incident, a finding that appeared
-- or was resolved, a review that became due, a condition overdue, evidence expiring.
-- Rows are appended, never edited: the feed, the bell and the alert outbox all read them.
-- A vendor's rows outlive the vendor (vendor_id set to NULL, its name kept), so the feed still
-- says what happened to a vendor since deleted.
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  vendor_id INTEGER REFERENCES vendors(id) ON DELETE SET NULL,
  vendor_name TEXT NOT NULL,
  -- The day the change is true for (a score's as-of day, an incident's known-from day).
  day TEXT NOT NULL,
  -- When Vendorscope recorded it: "since my last visit" compares with this.
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  old_risk REAL,
  new_risk REAL,
  old_band TEXT,
  new_band TEXT,
  -- JSON {methodology, decay, incidents, posture}: points of the risk change by cause (score changes only).
  causes TEXT,
  -- What the change is about, as the score's refs say it: incident:12, finding:<id>, condition:3, mfa:admins…
  ref TEXT,
  -- JSON: anything else the kind carries (finding severity, due day…).
  detail TEXT
);
CREATE INDEX changes_at ON changes (at, id);
CREATE INDEX changes_vendor ON changes (vendor_id, id);
