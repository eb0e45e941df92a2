-- Accounts, sessions, API tokens, passkeys and the append-only audit log.
-- Secrets are never stored: passwords as scrypt hashes, session ids and tokens as SHA-256 hashes.

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE,          -- lower-cased
  password_hash  TEXT,                          -- scrypt$N$r$p$salt$hash; NULL for passkey-only users
  role           TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  disabled_at    TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

CREATE TABLE sessions (
  id               INTEGER PRIMARY KEY,         -- public id, for listing and revoking
  token_hash       TEXT NOT NULL UNIQUE,         -- SHA-256 of the cookie value
  user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  passkey_verified INTEGER NOT NULL DEFAULT 0 CHECK (passkey_verified IN (0, 1)),
  created_at       TEXT NOT NULL,
  last_seen_at     TEXT NOT NULL,
  expires_at       TEXT NOT NULL,                -- absolute lifetime
  user_agent       TEXT,
  ip               TEXT,
  revoked_at       TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  last_used_at  TEXT,
  revoked_at    TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE passkeys (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  credential_id  TEXT NOT NULL UNIQUE,          -- base64url
  public_key     BLOB NOT NULL,
  counter        INTEGER NOT NULL,
  transports     TEXT NOT NULL DEFAULT '[]',
  name           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  last_used_at   TEXT
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- Every change: who, when, what, before and after. Nothing updates or deletes a row.
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  actor_user_id  INTEGER,                       -- no foreign key: the trail outlives the account
  actor          TEXT NOT NULL,                 -- e-mail, or "system", or "anonymous"
  via            TEXT,                          -- "session", "token:<name>", "passkey", "cli"
  action         TEXT NOT NULL,
  entity         TEXT NOT NULL,
  entity_id      TEXT,
  vendor_id      INTEGER,                       -- the vendor the entity belongs to, for its change history
  before         TEXT,                          -- JSON
  after          TEXT                           -- JSON
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_vendor ON audit_log (vendor_id);
CREATE INDEX audit_log_actor ON audit_log (actor);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
