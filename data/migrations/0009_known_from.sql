-- The day each support arrangement, MFA record and posture statement became known (its evidence was
-- public or recorded), apart from the period it describes: a score as of a day uses a fact only
-- when it was known by then. YYYY, YYYY-MM or YYYY-MM-DD, like the other dates of these records.
ALTER TABLE subprocessors ADD COLUMN known_from TEXT;
ALTER TABLE mfa_postures ADD COLUMN known_from TEXT;
ALTER TABLE posture_facts ADD COLUMN known_from TEXT;

-- Existing rows: the day they were recorded, the only date every row has (MFA rows keep only the
-- day they were last written; posture statements, written only by the demo seed or a restore,
-- their statedDate, else the day the demo portfolio was seeded).
UPDATE subprocessors SET known_from = substr(created_at, 1, 10);
UPDATE mfa_postures SET known_from = substr(updated_at, 1, 10);
UPDATE posture_facts SET known_from = COALESCE(
  stated_date,
  (SELECT substr(value, 1, 10) FROM app_meta WHERE key = 'demo-portfolio-seeded-at'),
  date('now'));

-- Rows the demo seed wrote take the date of the statement or incident that established them, as
-- the seed does today (data/seed/portfolio.json `knownFromEvidence`, data/seed/README.md), matched
-- by parent vendor and subprocessor name, in a database the demo portfolio was seeded into. The Atlassian Government Cloud arrangement rests on an
-- undated statement and keeps the day it was seeded.
WITH seeded (vendor_key, name, known_from) AS (VALUES
  ('okta', 'Sitel Group (Sykes Enterprises)', '2022-03-23'),
  ('okta', 'Okta Customer Support (Help Center case system)', '2023-10-20'),
  ('cloudflare', 'Okta (customer support case system)', '2023-10-20'),
  ('microsoft', 'Cloud solution providers and managed service providers', '2021-10-25'),
  ('microsoft', 'Microsoft customer support', '2021-06-25'),
  ('coinbase', 'TaskUs', '2025-05'),
  ('discord', '5CA (reported)', '2025-10'),
  ('cisco duo', 'Third-party telephony provider (unnamed)', '2024-04'),
  ('twitter', 'Twitter internal support tools', '2020-07-15'),
  ('mailchimp', 'Mailchimp internal customer support and account administration tool', '2022-04-04'))
UPDATE subprocessors SET known_from = (
    SELECT s.known_from FROM seeded s JOIN vendors v ON v.name_key = s.vendor_key
    WHERE v.id = subprocessors.parent_vendor_id AND s.name = subprocessors.name)
  WHERE EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo-portfolio-seeded-at')
    AND EXISTS (
      SELECT 1 FROM seeded s JOIN vendors v ON v.name_key = s.vendor_key
      WHERE v.id = subprocessors.parent_vendor_id AND s.name = subprocessors.name);

-- The demo's MFA records, matched by vendor, population, method and assessment date: each is known
-- from the statement it cites, never before the day it speaks for, which for every one of them
-- is its assessedOn (GitHub's May 2022 announcement spoke for the end of 2023).
WITH seeded (vendor_key, population, method, assessed_on) AS (VALUES
  ('cloudflare', 'workforce', 'fido2', '2022-08-09'),
  ('cloudflare', 'admins', 'fido2', '2022-08-09'),
  ('cloudflare', 'support', 'fido2', '2022-08-09'),
  ('okta', 'workforce', 'fido2', '2023-09'),
  ('microsoft', 'workforce', 'fido2', '2025-04-21'),
  ('google', 'workforce', 'fido2', '2018-07'),
  ('twitter', 'workforce', 'fido2', '2021-12'),
  ('twilio', 'workforce', 'fido2', '2022-10'),
  ('github', 'customers', 'sms', '2023-12'))
UPDATE mfa_postures SET known_from = assessed_on
  WHERE EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo-portfolio-seeded-at')
    AND EXISTS (
    SELECT 1 FROM seeded s JOIN vendors v ON v.name_key = s.vendor_key
    WHERE v.id = mfa_postures.vendor_id AND s.population = mfa_postures.population
      AND s.method = mfa_postures.method AND s.assessed_on = mfa_postures.assessed_on);
