-- Methodology versions (weights, decay, thresholds as data) and frozen quarter-end score snapshots.

CREATE TABLE methodology_versions (
  id          INTEGER PRIMARY KEY,               -- the latest row is the methodology in force
  version     TEXT NOT NULL UNIQUE,
  parameters  TEXT NOT NULL,                     -- JSON, validated by the policy schema before it is stored
  note        TEXT,
  created_at  TEXT NOT NULL
);

-- A vendor's score at a closed quarter's end, frozen when first computed so that a report on the
-- quarter gives the same figures whatever changes later. Recomputing is an explicit action.
CREATE TABLE score_snapshots (
  vendor_id            INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  quarter              TEXT NOT NULL,            -- 2023-Q4
  as_of                TEXT NOT NULL,            -- the quarter's last day
  methodology_version  TEXT NOT NULL,
  likelihood           REAL NOT NULL,
  impact               REAL NOT NULL,
  risk                 REAL NOT NULL,
  band                 TEXT NOT NULL,
  confidence           REAL NOT NULL,
  score                TEXT NOT NULL,            -- the whole score (factors, findings, gaps) as JSON
  frozen_at            TEXT NOT NULL,
  PRIMARY KEY (vendor_id, quarter)
);
CREATE INDEX score_snapshots_quarter ON score_snapshots (quarter);
