-- An incident's root cause and entry path as an analyst set them (NULL: derived from the record
-- itself, server/domain/root-cause.ts), and its campaign: the earlier incident of the same vendor
-- it continues (NULL: none). Deleting the continued incident drops the link, never the continuation
-- (the API refuses that delete anyway, so that a link is never lost unsaid).
ALTER TABLE incidents ADD COLUMN root_cause TEXT;
ALTER TABLE incidents ADD COLUMN entry_path TEXT;
ALTER TABLE incidents ADD COLUMN continuation_of INTEGER REFERENCES incidents (id) ON DELETE SET NULL;
CREATE INDEX incidents_continuation ON incidents (continuation_of) WHERE continuation_of IS NOT NULL;

-- A database the demo portfolio was seeded into gets the campaign the seed now records
-- (data/seed/portfolio.json `campaigns`): LastPass's November 2022 breach continues August's.
WITH links (vendor_key, ref, continues) AS (VALUES
  ('lastpass', 'lastpass-2022-vault-backups', 'lastpass-2022-08-dev-environment'))
UPDATE incidents SET continuation_of = (
    SELECT earlier.id FROM links l
    JOIN vendors v ON v.name_key = l.vendor_key
    JOIN incidents earlier ON earlier.vendor_id = v.id AND earlier.ref = l.continues
    WHERE v.id = incidents.vendor_id AND l.ref = incidents.ref)
  WHERE continuation_of IS NULL
    AND EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo-portfolio-seeded-at')
    AND EXISTS (
      SELECT 1 FROM links l
      JOIN vendors v ON v.name_key = l.vendor_key
      JOIN incidents earlier ON earlier.vendor_id = v.id AND earlier.ref = l.continues
      WHERE v.id = incidents.vendor_id AND l.ref = incidents.ref);
