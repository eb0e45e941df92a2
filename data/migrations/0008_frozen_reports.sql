-- One frozen report per closed quarter, and its history (issue 12, section 3).
--
-- 0005 froze a report per (quarter, compared-with) pair, so the "frozen" 2023-Q4 differed with the
-- quarter it was compared with. Now a closed quarter has ONE snapshot in force: the vendors engaged
-- at its end, their scores and findings as known when it was taken, without any comparison (a
-- comparison is computed from two snapshots). Replacing it is an explicit refreeze, which keeps
-- the old one here, marked superseded.
CREATE TABLE frozen_reports (
  id             INTEGER PRIMARY KEY,
  quarter        TEXT NOT NULL,                  -- 2023-Q4
  as_of          TEXT NOT NULL,                  -- the quarter's last day
  body           TEXT NOT NULL,                  -- the report as JSON, served as it was stored
  basis          TEXT,                           -- what it rests on: each vendor's facts held at as_of, risk, findings (JSON); NULL for 0005 rows
  generated_at   TEXT NOT NULL,                  -- when the snapshot was taken; never changes
  generated_by   TEXT NOT NULL,                  -- who took it (the first viewer, or the admin who refroze)
  superseded_at  TEXT,                           -- NULL while in force
  superseded_by  TEXT,
  origin         TEXT NOT NULL CHECK (origin IN ('first-view', 'refreeze', 'per-comparison')),
  compared_with  TEXT,                           -- 0005 rows only: the quarter that body was compared with
  CHECK ((superseded_at IS NULL) = (superseded_by IS NULL)),
  -- A snapshot in force can always be compared and restated: it has its basis.
  CHECK (superseded_at IS NOT NULL OR basis IS NOT NULL)
);
CREATE UNIQUE INDEX frozen_reports_in_force ON frozen_reports (quarter) WHERE superseded_at IS NULL;
CREATE INDEX frozen_reports_quarter ON frozen_reports (quarter, id);

-- The per-comparison rows are kept as history, superseded now: their bodies may hold vendors that
-- were not engaged at the quarter's end (the bug this fixes), so none of them is put in force; the
-- next view of the quarter freezes it anew under the new rule.
INSERT INTO frozen_reports (quarter, as_of, body, basis, generated_at, generated_by, superseded_at, superseded_by, origin, compared_with)
SELECT quarter,
       COALESCE(CASE WHEN json_valid(body) THEN json_extract(body, '$.asOf') END, ''),
       body, NULL, frozen_at, 'system',
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration 0008 (one frozen snapshot per quarter)',
       'per-comparison', vs
FROM report_snapshots
ORDER BY quarter, frozen_at, vs;

DROP TABLE report_snapshots;

-- The demo portfolio's example relationships began on 2019-01-01 (data/seed/portfolio.json). A demo
-- seeded before engagement dates got the day it was seeded (0007), which would leave every closed
-- quarter's report empty; only dates still at that default are moved.
UPDATE vendors SET engaged_since = '2019-01-01'
WHERE relationship_is_example = 1 AND engaged_since = substr(created_at, 1, 10) AND created_at >= '2019-01-01';
