-- Vendors, their incidents, support arrangements (subprocessors), MFA posture and public posture
-- statements. Applied by server/db/migrate.ts inside one transaction with its user_version bump.
-- Lists (sources, vectors, related ids) are JSON arrays in TEXT columns: they are read with their
-- row and never queried on their own.

CREATE TABLE vendors (
  id                     INTEGER PRIMARY KEY,
  name                   TEXT NOT NULL,
  name_key               TEXT NOT NULL UNIQUE,   -- lower-cased, spaces collapsed: "Okta" = " okta "
  category               TEXT NOT NULL,
  website                TEXT,
  tier                   INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 4),
  data_access            TEXT NOT NULL CHECK (data_access IN ('none', 'internal', 'confidential', 'restricted')),
  environment_access     TEXT NOT NULL CHECK (environment_access IN ('none', 'user', 'admin', 'identity-provider')),
  status                 TEXT NOT NULL,
  business_owner         TEXT,
  next_review_on         TEXT,
  notes                  TEXT,
  relationship_is_example INTEGER NOT NULL DEFAULT 0 CHECK (relationship_is_example IN (0, 1)),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
);
CREATE INDEX vendors_tier ON vendors (tier);
CREATE INDEX vendors_category ON vendors (category);

CREATE TABLE incidents (
  id                               INTEGER PRIMARY KEY,
  vendor_id                        INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  ref                              TEXT,
  title                            TEXT NOT NULL,
  intrusion_start_date             TEXT,
  detected_by_vendor_date          TEXT,
  first_reported_by_third_party_date TEXT,
  first_reported_by                TEXT,
  public_disclosure_date           TEXT,
  initial_access_vectors           TEXT NOT NULL DEFAULT '[]',
  initial_access_detail            TEXT,
  support_involved                 INTEGER CHECK (support_involved IN (0, 1)),
  support_involvement_type         TEXT NOT NULL,
  support_subprocessor             TEXT,
  support_detail                   TEXT,
  mfa_relevance                    TEXT NOT NULL,
  mfa_detail                       TEXT,
  customers_affected               INTEGER CHECK (customers_affected >= 0),
  customers_affected_detail        TEXT,
  threat_actor                     TEXT,
  severity                         TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  severity_rationale               TEXT,
  related_incident_ids             TEXT NOT NULL DEFAULT '[]',
  also_affected_vendors            TEXT NOT NULL DEFAULT '[]',
  sources                          TEXT NOT NULL DEFAULT '[]',
  confidence                       TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  notes                            TEXT,
  created_at                       TEXT NOT NULL,
  updated_at                       TEXT NOT NULL,
  UNIQUE (vendor_id, ref)
);
CREATE INDEX incidents_vendor ON incidents (vendor_id);

CREATE TABLE subprocessors (
  id                   INTEGER PRIMARY KEY,
  parent_vendor_id     INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  name                 TEXT NOT NULL,
  function             TEXT NOT NULL,
  outsourced           INTEGER NOT NULL CHECK (outsourced IN (0, 1)),
  access_level         TEXT NOT NULL CHECK (access_level IN ('none', 'metadata', 'customer-data', 'session-artifacts', 'admin')),
  artifacts_sanitized  INTEGER CHECK (artifacts_sanitized IN (0, 1)),
  retention_days       INTEGER CHECK (retention_days >= 0),
  staff_mfa            TEXT,
  vendor_id            INTEGER REFERENCES vendors (id) ON DELETE SET NULL,
  location             TEXT,
  since                TEXT,
  until                TEXT,
  evidence             TEXT,
  sources              TEXT NOT NULL DEFAULT '[]',
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX subprocessors_parent ON subprocessors (parent_vendor_id);
CREATE INDEX subprocessors_vendor ON subprocessors (vendor_id);

CREATE TABLE mfa_postures (
  id           INTEGER PRIMARY KEY,
  vendor_id    INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  population   TEXT NOT NULL CHECK (population IN ('admins', 'support', 'workforce', 'contractors', 'customers')),
  method       TEXT NOT NULL CHECK (method IN ('none', 'sms', 'totp', 'push', 'push-number-matching', 'fido2')),
  enforced     INTEGER NOT NULL CHECK (enforced IN (0, 1)),
  evidence     TEXT NOT NULL,
  source       TEXT,
  assessed_on  TEXT NOT NULL,
  notes        TEXT,
  updated_at   TEXT NOT NULL,
  UNIQUE (vendor_id, population)
);

CREATE TABLE posture_facts (
  id                   INTEGER PRIMARY KEY,
  vendor_id            INTEGER NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
  ref                  TEXT NOT NULL,
  fact_type            TEXT NOT NULL,
  applies_to           TEXT NOT NULL,
  statement            TEXT NOT NULL,
  stated_date          TEXT,
  related_incident_ids TEXT NOT NULL DEFAULT '[]',
  sources              TEXT NOT NULL DEFAULT '[]',
  confidence           TEXT NOT NULL,
  notes                TEXT,
  UNIQUE (vendor_id, ref)
);

-- Small key/value facts about the database itself (e.g. when the demo portfolio was seeded).
CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
