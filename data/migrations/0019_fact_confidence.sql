-- Facts from vendors' answers (issue 16): how sure a fact is and where it came from. A fact an
-- analyst records from the evidence it names is 'recorded'; one accepted from the vendor's own
-- questionnaire answer is 'self-attested' and weighs less in the score's confidence
-- (docs/METHODOLOGY.md, "Self-attested evidence"). `origin` is JSON, the answer it was accepted
-- from: {"kind":"questionnaire","requestId":12,"questionId":"support-staff-mfa"}; null when typed.
-- Existing rows were typed by analysts: 'recorded' (an analyst-typed 'attestation' keeps its
-- evidence kind, and stays 'recorded': the analyst stood behind it; nothing scored changes).
ALTER TABLE mfa_postures ADD COLUMN confidence TEXT NOT NULL DEFAULT 'recorded' CHECK (confidence IN ('recorded', 'self-attested'));
ALTER TABLE mfa_postures ADD COLUMN origin TEXT;
ALTER TABLE subprocessors ADD COLUMN confidence TEXT NOT NULL DEFAULT 'recorded' CHECK (confidence IN ('recorded', 'self-attested'));
ALTER TABLE subprocessors ADD COLUMN origin TEXT;

-- What a vendor commits to outside the score's facts: the days within which it notifies customers
-- of a breach, its security contact. One row per vendor and commitment; not scored (no kept-score
-- triggers), shown on the dossier and carried by the export.
CREATE TABLE vendor_commitments (
  vendor_id    INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  field        TEXT NOT NULL CHECK (field IN ('notifyWithinDays', 'securityContactName', 'securityContactEmail')),
  value        TEXT NOT NULL,                 -- JSON: a number of days, or a string
  confidence   TEXT NOT NULL DEFAULT 'recorded' CHECK (confidence IN ('recorded', 'self-attested')),
  origin       TEXT,                          -- JSON, as on mfa_postures
  known_from   TEXT NOT NULL,                 -- YYYY-MM-DD: the day it became known (the submission day)
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (vendor_id, field)
);
