-- Alerts (issue 15 §3): each user's watch rules, the in-app notifications they produce, the
-- admin-configured webhook targets, and the outbox of deliveries (e-mail and webhook).
-- Notifications and deliveries are written by the alerts sink in the same transaction as the change
-- that caused them, so a change is never recorded without its deliveries (nothing lost on a crash).

-- What a user wants to hear about. `kind` is a change kind (server/domain/change.ts); the filters
-- narrow it; `in_app` and `email` say where a match goes.
CREATE TABLE watch_rules (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL,
  tiers          TEXT,                 -- JSON array of tiers 1–4; NULL = every tier
  min_severity   TEXT,                 -- incidents and findings: low|medium|high|critical; NULL = any
  mine_only      INTEGER NOT NULL DEFAULT 0 CHECK (mine_only IN (0, 1)),  -- vendors whose business owner is the user
  band_rose_only INTEGER NOT NULL DEFAULT 0 CHECK (band_rose_only IN (0, 1)),  -- score changes: only when the band rose
  within_days    INTEGER,              -- evidence expiring: only within this many days of the change's day
  in_app         INTEGER NOT NULL DEFAULT 1 CHECK (in_app IN (0, 1)),
  email          TEXT NOT NULL DEFAULT 'off' CHECK (email IN ('off', 'immediate', 'digest')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX watch_rules_user ON watch_rules (user_id, id);

-- The rules every user has on day one, and gets back with "reset to defaults": the one list of them.
CREATE TABLE default_watch_rules (
  position       INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  tiers          TEXT,
  min_severity   TEXT,
  mine_only      INTEGER NOT NULL,
  band_rose_only INTEGER NOT NULL,
  within_days    INTEGER,
  in_app         INTEGER NOT NULL,
  email          TEXT NOT NULL
);
INSERT INTO default_watch_rules VALUES
  (1, 'score-changed',     '[1,2]', NULL,   0, 1, NULL, 1, 'immediate'),
  (2, 'incident-added',    NULL,    'high', 0, 0, NULL, 1, 'immediate'),
  (3, 'review-needed',     NULL,    NULL,   1, 0, NULL, 1, 'digest'),
  (4, 'condition-overdue', NULL,    NULL,   0, 0, NULL, 1, 'digest'),
  (5, 'evidence-expiring', NULL,    NULL,   0, 0, 30,   1, 'digest');

INSERT INTO watch_rules (user_id, kind, tiers, min_severity, mine_only, band_rose_only, within_days, in_app, email, created_at, updated_at)
  SELECT u.id, d.kind, d.tiers, d.min_severity, d.mine_only, d.band_rose_only, d.within_days, d.in_app, d.email, u.created_at, u.created_at
  FROM users u CROSS JOIN default_watch_rules d ORDER BY u.id, d.position;

-- A new user starts with the defaults, whoever creates them (API, first admin, setup, CLI).
CREATE TRIGGER users_default_watch_rules AFTER INSERT ON users BEGIN
  INSERT INTO watch_rules (user_id, kind, tiers, min_severity, mine_only, band_rose_only, within_days, in_app, email, created_at, updated_at)
    SELECT NEW.id, d.kind, d.tiers, d.min_severity, d.mine_only, d.band_rose_only, d.within_days, d.in_app, d.email, NEW.created_at, NEW.created_at
    FROM default_watch_rules d ORDER BY d.position;
END;

-- The bell: one row per user and change, however many of their rules matched it.
CREATE TABLE notifications (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  change_id  INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  read_at    TEXT,
  UNIQUE (user_id, change_id)
);
CREATE INDEX notifications_unread ON notifications (user_id, read_at, id);

-- Where changes are posted. The secret signs each body (HMAC-SHA256); it is never shown again after creation.
CREATE TABLE webhooks (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  url          TEXT NOT NULL,
  secret       TEXT NOT NULL,
  format       TEXT NOT NULL CHECK (format IN ('json', 'slack')),
  kinds        TEXT,                   -- JSON array of change kinds; NULL = every kind
  tiers        TEXT,                   -- JSON array of tiers; NULL = every tier
  min_severity TEXT,
  enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1
);

-- The outbox: one row per message to send. `key` is the idempotency key receivers deduplicate by;
-- the dispatcher sends due rows (status pending, next_at reached), at least once, with backoff.
CREATE TABLE deliveries (
  id          INTEGER PRIMARY KEY,
  channel     TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  key         TEXT NOT NULL UNIQUE,
  webhook_id  INTEGER REFERENCES webhooks (id) ON DELETE CASCADE,
  user_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
  digest_day  TEXT,                    -- a daily digest: the day whose changes it lists; NULL = immediate
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  next_at     TEXT NOT NULL,
  last_error  TEXT,
  created_at  TEXT NOT NULL,
  sent_at     TEXT
);
CREATE INDEX deliveries_due ON deliveries (status, next_at);
CREATE INDEX deliveries_log ON deliveries (channel, id);

-- The changes a delivery carries: one for an immediate mail or a webhook post, the day's for a digest.
CREATE TABLE delivery_changes (
  delivery_id INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  change_id   INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,
  PRIMARY KEY (delivery_id, change_id)
);
