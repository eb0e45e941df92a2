-- Standard questionnaires in (issue 16, part D): a vendor's completed CAIQ v4 or SIG Lite answer
-- sheet, every answer kept as text, and for the questions that correspond to our facts what the
-- answer was read as and what became of it (docs/QUESTIONNAIRES.md).
CREATE TABLE questionnaire_imports (
  id             INTEGER PRIMARY KEY,
  vendor_id      INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  format         TEXT NOT NULL CHECK (format IN ('caiq', 'sig')),
  file_name      TEXT,
  file_kind      TEXT NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
  sheet_name     TEXT,                        -- the workbook sheet the answers were on
  sha256         TEXT NOT NULL,               -- of the file as received
  known_from     TEXT NOT NULL,               -- YYYY-MM-DD: the day the answers are known from
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL,               -- the actor's label, as the audit log names it
  imported_by_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
  answer_count   INTEGER NOT NULL,
  mapped_count   INTEGER NOT NULL
);
CREATE INDEX questionnaire_imports_vendor ON questionnaire_imports (vendor_id, id);

CREATE TABLE questionnaire_import_answers (
  import_id      INTEGER NOT NULL REFERENCES questionnaire_imports (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,            -- order in the sheet
  line           INTEGER NOT NULL,            -- the sheet's row number
  question_id    TEXT NOT NULL,
  question       TEXT NOT NULL,
  answer         TEXT NOT NULL,               -- as written: plain text
  answer_kind    TEXT NOT NULL CHECK (answer_kind IN ('yes', 'no', 'na', 'blank', 'other')),
  detail         TEXT,                        -- implementation description / additional information
  extra          TEXT NOT NULL DEFAULT '{}',  -- JSON: the sheet's other known columns by label
  mapping        TEXT,                        -- JSON: the fact it maps to, the reading and its outcome
  PRIMARY KEY (import_id, position),
  UNIQUE (import_id, question_id)
);
