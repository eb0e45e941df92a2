-- Every editable record carries a version: an integer each write increments in the same UPDATE
-- that writes it, so that an edit can say which version it was made against (HTTP If-Match) and
-- be refused when the record changed since, instead of silently overwriting that change.
-- Existing rows start at 1, as new and restored ones do.
ALTER TABLE vendors ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE incidents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE subprocessors ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE review_conditions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- A vendor's MFA posture is replaced as a whole (PUT /vendors/:id/mfa): its version is the vendor's,
-- kept apart from the relationship's own so that neither edit conflicts with the other.
ALTER TABLE vendors ADD COLUMN mfa_version INTEGER NOT NULL DEFAULT 1;
