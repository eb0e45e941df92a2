-- The vendor list is ordered by name, case ignored, then id (vendors-repo.ts). Without an index in
-- that order SQLite sorts every vendor, working out each one's incident count and aliases first, to
-- hand back a page of 50: at 10,000 vendors that is most of a list request's time. With it, a page
-- walks the index and stops at its last row.
CREATE INDEX vendors_name_order ON vendors (name COLLATE NOCASE, id);
