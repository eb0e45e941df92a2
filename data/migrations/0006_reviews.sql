-- Procurement reviews: a decision on a vendor, frozen with the score it was taken on, and the
-- contract conditions it carries. The vendor's status and next review date follow its latest decision.
CREATE TABLE reviews (
  id                INTEGER PRIMARY KEY,
  vendor_id         INTEGER NOT NULL REFERENCES vendors(id) ON DELETE CASCADE,
  decision          TEXT NOT NULL CHECK (decision IN ('approved', 'approved-with-conditions', 'rejected', 'needs-information')),
  rationale         TEXT NOT NULL,
  decided_on        TEXT NOT NULL,              -- YYYY-MM-DD; may lie in the past (recording an earlier decision)
  next_review_on    TEXT,                       -- NULL: no periodic review (tier 4 by default)
  next_review_set   TEXT NOT NULL CHECK (next_review_set IN ('tier', 'manual')),
  score             TEXT NOT NULL,              -- the VendorScore as of decided_on, as JSON
  decided_by        TEXT NOT NULL,              -- who recorded it (the actor's label)
  created_at        TEXT NOT NULL
);
CREATE INDEX reviews_by_vendor ON reviews (vendor_id, decided_on, id);

CREATE TABLE review_conditions (
  id                INTEGER PRIMARY KEY,
  review_id         INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  text              TEXT NOT NULL,
  finding_id        TEXT,                       -- the finding it was picked from, or NULL when written freely
  severity          TEXT,                       -- that finding's severity
  state             TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'met', 'waived')),
  owner             TEXT,
  due_on            TEXT,
  evidence          TEXT,
  waiver_expires_on TEXT,
  waiver_approver   TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (state <> 'waived' OR (waiver_expires_on IS NOT NULL AND waiver_approver IS NOT NULL))
);
CREATE INDEX conditions_by_review ON review_conditions (review_id);
