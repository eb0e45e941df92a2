-- Where an incident record came from when it was imported (e.g. the VERIS Community Database),
-- so that importing the same record again updates it instead of duplicating it.
ALTER TABLE incidents ADD COLUMN source_format TEXT;
ALTER TABLE incidents ADD COLUMN source_id TEXT;          -- as written in the source
ALTER TABLE incidents ADD COLUMN source_key TEXT;         -- lower-cased: VERIS ids come in both cases
ALTER TABLE incidents ADD COLUMN source_attribution TEXT;
CREATE UNIQUE INDEX incidents_source ON incidents (source_format, source_key) WHERE source_format IS NOT NULL;
CREATE INDEX incidents_intrusion_year ON incidents (substr(intrusion_start_date, 1, 4));
