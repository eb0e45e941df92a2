-- STAND-IN for part A's migration 0019 (branch facts), so that this branch's 0020 runs alone.
-- The lead drops this file when merging (git rm); it does nothing.
SELECT 1;
