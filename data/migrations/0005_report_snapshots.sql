-- A closed quarter's report, frozen the first time it is generated so that every later request
-- (and its CSV and Markdown) says exactly the same, whatever changes in the data afterwards.
CREATE TABLE report_snapshots (
  quarter     TEXT NOT NULL,              -- 2023-Q4
  vs          TEXT NOT NULL,              -- the quarter compared with (by default the previous one)
  body        TEXT NOT NULL,              -- the report as JSON, without its generatedAt stamp
  frozen_at   TEXT NOT NULL,
  PRIMARY KEY (quarter, vs)
);
