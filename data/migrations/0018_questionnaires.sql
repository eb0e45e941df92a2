-- Evidence from vendors (issue 16): questionnaire requests sent to a vendor's contact, and the
-- answers they give through their response link. Templates are data files (data/questionnaires/),
-- named here by id and version so that a request keeps the questions it was sent with.
CREATE TABLE questionnaire_requests (
  id                INTEGER PRIMARY KEY,
  vendor_id         INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  template_id       TEXT NOT NULL,
  template_version  TEXT NOT NULL,
  -- expired is not stored: a request whose link passed link_expires_on before it was submitted
  -- reads as expired (server/domain/questionnaire.ts effectiveState).
  state             TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'opened', 'in-progress', 'submitted',
                      'accepted', 'partially-accepted', 'revoked')),
  due_on            TEXT NOT NULL,              -- YYYY-MM-DD: the answers are due by the end of this day
  contact_name      TEXT NOT NULL,
  contact_email     TEXT NOT NULL,
  message           TEXT,                       -- the analyst's note to the contact
  -- SHA-256 (hex) of the response token; the token itself is shown once and never stored.
  token_hash        TEXT UNIQUE,
  link_expires_on   TEXT,                       -- YYYY-MM-DD: the link works through the end of this day
  created_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  sent_at           TEXT,
  opened_at         TEXT,
  submitted_at      TEXT,                       -- the last submission; its day is the answers' knownFrom
  reviewed_at       TEXT,
  revoked_at        TEXT,
  version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX questionnaire_requests_vendor ON questionnaire_requests (vendor_id, id);
CREATE INDEX questionnaire_requests_due ON questionnaire_requests (state, due_on);

-- One row per question answered. A submission freezes the values; the analyst decides each mapped
-- answer (accepted / rejected with a comment); a rejected answer reopens for the vendor.
CREATE TABLE questionnaire_answers (
  request_id        INTEGER NOT NULL REFERENCES questionnaire_requests (id) ON DELETE CASCADE,
  question_id       TEXT NOT NULL,
  value             TEXT NOT NULL,              -- JSON, shaped by the question's answer type
  answered_at       TEXT NOT NULL,
  submitted_at      TEXT,                       -- when this value was submitted (null while a draft)
  decision          TEXT CHECK (decision IN ('accepted', 'rejected')),
  decision_comment  TEXT,
  decided_by        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  decided_at        TEXT,
  PRIMARY KEY (request_id, question_id)
);
