-- Evidence documents (issue 16): a vendor's SOC 2 reports, ISO 27001 certificates, penetration test
-- summaries and other files, kept IN the database (content as a BLOB) so that a backup, an export and
-- a restore carry them. The kind's fields (period covered, expiry…) are JSON, validated by
-- server/domain/document.ts; they, not the content, are what the score reads (expiry is a gap).
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  vendor_id     INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  -- Uploaded through a vendor's response link (issue 16 part B), or null when an analyst uploaded it.
  request_id    INTEGER REFERENCES questionnaire_requests (id) ON DELETE SET NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('soc2', 'iso27001', 'pentest', 'other')),
  details       TEXT NOT NULL,              -- JSON: the kind's fields
  file_name     TEXT NOT NULL,              -- as the uploader named it; only ever sent back in Content-Disposition
  media_type    TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size          INTEGER NOT NULL CHECK (size > 0),
  sha256        TEXT NOT NULL,              -- hex, of content
  content       BLOB NOT NULL,
  uploaded_by   TEXT NOT NULL,              -- the actor's label ("vendor contact, request 12" for the response link)
  known_from    TEXT NOT NULL,              -- YYYY-MM-DD: the day it was uploaded (when we learned what it says)
  created_at    TEXT NOT NULL
);
CREATE INDEX documents_vendor ON documents (vendor_id, id);
CREATE INDEX documents_request ON documents (request_id);

-- A document's dates are scoring facts (an expired SOC 2 report or certificate is a gap and a
-- review trigger): kept scores follow every write, as for the other facts (0013_kept_scores.sql).
CREATE TRIGGER kept_document_insert AFTER INSERT ON documents BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.vendor_id, 'posture');
END;
CREATE TRIGGER kept_document_update AFTER UPDATE ON documents BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT NEW.vendor_id, 'posture' UNION SELECT OLD.vendor_id, 'posture';
END;
CREATE TRIGGER kept_document_delete AFTER DELETE ON documents BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (OLD.vendor_id, 'posture');
END;
