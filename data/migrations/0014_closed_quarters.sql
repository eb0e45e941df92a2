-- Closed quarters read without rescoring (issue 15, section 1).
--
-- Trends read a closed quarter's risk and band from the snapshot rows' own columns (0002 wrote them
-- beside the JSON from the start): this index holds all that read needs, so no score JSON is parsed.
CREATE INDEX score_snapshots_trend ON score_snapshots (quarter, vendor_id, risk, band);

-- A counter every write to a fact a score rests on moves (a vendor, an incident, a support
-- arrangement, an MFA record, a posture statement, a decision or its conditions, a methodology),
-- by the triggers below, whatever wrote it (the API, an import, a restore, the CLI). A frozen
-- report's restated view is computed from today's database; while the counter stands still,
-- the one computed before still holds and is served again instead of rescoring every vendor.
CREATE TABLE fact_generation (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  generation  INTEGER NOT NULL
);
INSERT INTO fact_generation (id, generation) VALUES (1, 1);
CREATE TRIGGER vendors_insert_generation AFTER INSERT ON vendors BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER vendors_update_generation AFTER UPDATE ON vendors BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER vendors_delete_generation AFTER DELETE ON vendors BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER incidents_insert_generation AFTER INSERT ON incidents BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER incidents_update_generation AFTER UPDATE ON incidents BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER incidents_delete_generation AFTER DELETE ON incidents BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER subprocessors_insert_generation AFTER INSERT ON subprocessors BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER subprocessors_update_generation AFTER UPDATE ON subprocessors BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER subprocessors_delete_generation AFTER DELETE ON subprocessors BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER mfa_postures_insert_generation AFTER INSERT ON mfa_postures BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER mfa_postures_update_generation AFTER UPDATE ON mfa_postures BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER mfa_postures_delete_generation AFTER DELETE ON mfa_postures BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER posture_facts_insert_generation AFTER INSERT ON posture_facts BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER posture_facts_update_generation AFTER UPDATE ON posture_facts BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER posture_facts_delete_generation AFTER DELETE ON posture_facts BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_insert_generation AFTER INSERT ON reviews BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_update_generation AFTER UPDATE ON reviews BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER reviews_delete_generation AFTER DELETE ON reviews BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER review_conditions_insert_generation AFTER INSERT ON review_conditions BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER review_conditions_update_generation AFTER UPDATE ON review_conditions BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER review_conditions_delete_generation AFTER DELETE ON review_conditions BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER methodology_versions_insert_generation AFTER INSERT ON methodology_versions BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER methodology_versions_update_generation AFTER UPDATE ON methodology_versions BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER methodology_versions_delete_generation AFTER DELETE ON methodology_versions BEGIN UPDATE fact_generation SET generation = generation + 1 WHERE id = 1; END;
