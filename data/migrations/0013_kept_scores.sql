-- Scores are kept, not recomputed per request (issue 15 §1). Every vendor's current score under
-- the methodology in force, as of the day it is valid for, with what the portfolio views need
-- (the heatmap row, the review status), written by server/services/kept/. Past days, other decay
-- policies and drafts still score on demand.
CREATE TABLE kept_scores (
  vendor_id            INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  methodology_version  TEXT NOT NULL,
  as_of                TEXT NOT NULL,            -- the day the score is valid for (decay moves with the day)
  status               TEXT NOT NULL,            -- the vendor's status then, so that the heatmap filters without parsing
  risk                 REAL NOT NULL,
  band                 TEXT NOT NULL,
  likelihood           REAL NOT NULL,
  impact               REAL NOT NULL,
  inherent_risk        REAL NOT NULL,
  assessed             INTEGER NOT NULL CHECK (assessed IN (0, 1)),
  score                TEXT NOT NULL,            -- the whole VendorScore (factors, findings, gaps) as JSON
  heatmap_row          TEXT NOT NULL,            -- its portfolio heatmap row as JSON
  review_status        TEXT NOT NULL,            -- its review status as of as_of as JSON
  -- The risk and band the last score-changed event was recorded at (or the first computation): a
  -- change is recorded once the band changes or the risk moved by 1 point or more since then.
  recorded_risk        REAL NOT NULL,
  recorded_band        TEXT NOT NULL,
  -- The causes of the moves since then that were not recorded yet (JSON {methodology, decay, incidents, posture}).
  pending_causes       TEXT NOT NULL,
  computed_at          TEXT NOT NULL,
  PRIMARY KEY (vendor_id, methodology_version)
);
CREATE INDEX kept_scores_as_of ON kept_scores (as_of);

-- The vendors whose kept score may no longer agree with the facts, and why: written by the triggers
-- below in the same transaction as the write, whatever wrote it (the API, an import, a restore, the
-- CLI, a hand edit), and drained right after (a drain clears a vendor's marks in the transaction
-- that reads its facts and writes its score). Every mark is a new row. No unique key: a conflict
-- clause in a trigger is overridden by the writing statement's own (INSERT OR ABORT…), so the
-- triggers never risk one. No foreign key: a vendor being deleted is marked too (the drain then
-- drops what is kept of it).
CREATE TABLE kept_stale (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  vendor_id  INTEGER NOT NULL,
  reason     TEXT NOT NULL CHECK (reason IN ('incidents', 'posture', 'review', 'methodology', 'day'))
);
CREATE INDEX kept_stale_vendor ON kept_stale (vendor_id);

-- One row: bumped by every transaction that changes kept rows, so that a cached heatmap body
-- (and its ETag) is known current with one read, across processes.
CREATE TABLE kept_generation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL
);
INSERT INTO kept_generation (id, generation) VALUES (1, 1);

-- Incidents: the vendor's own, and the parents that inherit them through a subprocessor linked to
-- the vendor's record.
CREATE TRIGGER kept_incident_insert AFTER INSERT ON incidents BEGIN
  INSERT INTO kept_stale (vendor_id, reason)
    SELECT NEW.vendor_id, 'incidents' UNION SELECT parent_vendor_id, 'incidents' FROM subprocessors WHERE vendor_id = NEW.vendor_id;
END;
CREATE TRIGGER kept_incident_update AFTER UPDATE ON incidents BEGIN
  INSERT INTO kept_stale (vendor_id, reason)
    SELECT NEW.vendor_id, 'incidents' UNION SELECT OLD.vendor_id, 'incidents'
    UNION SELECT parent_vendor_id, 'incidents' FROM subprocessors WHERE vendor_id IN (NEW.vendor_id, OLD.vendor_id);
END;
CREATE TRIGGER kept_incident_delete AFTER DELETE ON incidents BEGIN
  INSERT INTO kept_stale (vendor_id, reason)
    SELECT OLD.vendor_id, 'incidents' UNION SELECT parent_vendor_id, 'incidents' FROM subprocessors WHERE vendor_id = OLD.vendor_id;
END;

-- Support arrangements (a link to another vendor record brings its incidents along: posture).
-- ON DELETE SET NULL of the linked vendor fires the update trigger.
CREATE TRIGGER kept_subprocessor_insert AFTER INSERT ON subprocessors BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.parent_vendor_id, 'posture');
END;
CREATE TRIGGER kept_subprocessor_update AFTER UPDATE ON subprocessors BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT NEW.parent_vendor_id, 'posture' UNION SELECT OLD.parent_vendor_id, 'posture';
END;
CREATE TRIGGER kept_subprocessor_delete AFTER DELETE ON subprocessors BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (OLD.parent_vendor_id, 'posture');
END;

CREATE TRIGGER kept_mfa_insert AFTER INSERT ON mfa_postures BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.vendor_id, 'posture');
END;
CREATE TRIGGER kept_mfa_update AFTER UPDATE ON mfa_postures BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT NEW.vendor_id, 'posture' UNION SELECT OLD.vendor_id, 'posture';
END;
CREATE TRIGGER kept_mfa_delete AFTER DELETE ON mfa_postures BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (OLD.vendor_id, 'posture');
END;

CREATE TRIGGER kept_posture_fact_insert AFTER INSERT ON posture_facts BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.vendor_id, 'posture');
END;
CREATE TRIGGER kept_posture_fact_update AFTER UPDATE ON posture_facts BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT NEW.vendor_id, 'posture' UNION SELECT OLD.vendor_id, 'posture';
END;
CREATE TRIGGER kept_posture_fact_delete AFTER DELETE ON posture_facts BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (OLD.vendor_id, 'posture');
END;

-- The relationship (tier, access, status, name: impact and the heatmap row), and a deletion.
CREATE TRIGGER kept_vendor_insert AFTER INSERT ON vendors BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.id, 'posture');
END;
CREATE TRIGGER kept_vendor_update AFTER UPDATE ON vendors BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.id, 'posture');
END;
CREATE TRIGGER kept_vendor_delete AFTER DELETE ON vendors BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (OLD.id, 'posture');
END;

-- Decisions and their conditions: the review status.
CREATE TRIGGER kept_review_insert AFTER INSERT ON reviews BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (NEW.vendor_id, 'review');
END;
CREATE TRIGGER kept_review_update AFTER UPDATE ON reviews BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT NEW.vendor_id, 'review' UNION SELECT OLD.vendor_id, 'review';
END;
CREATE TRIGGER kept_review_delete AFTER DELETE ON reviews BEGIN
  INSERT INTO kept_stale (vendor_id, reason) VALUES (OLD.vendor_id, 'review');
END;
CREATE TRIGGER kept_condition_insert AFTER INSERT ON review_conditions BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT vendor_id, 'review' FROM reviews WHERE id = NEW.review_id;
END;
CREATE TRIGGER kept_condition_update AFTER UPDATE ON review_conditions BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT vendor_id, 'review' FROM reviews WHERE id IN (NEW.review_id, OLD.review_id);
END;
CREATE TRIGGER kept_condition_delete AFTER DELETE ON review_conditions BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT vendor_id, 'review' FROM reviews WHERE id = OLD.review_id;
END;

-- A new methodology in force: every vendor.
CREATE TRIGGER kept_methodology_insert AFTER INSERT ON methodology_versions BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT id, 'methodology' FROM vendors;
END;
CREATE TRIGGER kept_methodology_delete AFTER DELETE ON methodology_versions BEGIN
  INSERT INTO kept_stale (vendor_id, reason) SELECT id, 'methodology' FROM vendors;
END;

-- An existing database: nothing is kept yet; every vendor is computed at the next start.
INSERT INTO kept_stale (vendor_id, reason) SELECT id, 'posture' FROM vendors;
