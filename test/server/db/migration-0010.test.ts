/**
 * Migration 0010 (root causes and campaigns) on a database at version 9 with incidents in it:
 * every incident's root cause and entry path are derived (NULL) and it continues nothing, except
 * that a database the demo portfolio was seeded into gets the campaign the seed now records.
 */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../server/db/migrate.ts';
import { openDb, type Db } from '../../../server/db/open.ts';
import { createStore } from '../../../server/db/store.ts';
import { nameKey } from '../../../server/domain/vendor.ts';
import { MIGRATIONS } from '../../helpers/db.ts';

const AT = '2026-01-05T09:30:00.000Z';

function atVersion9(seeded: boolean): Db {
  const db = openDb(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 9),
  );
  expect(schemaVersion(db)).toBe(9);
  const vendor = db.prepare(`INSERT INTO vendors (name, name_key, category, website, tier, data_access, environment_access, status,
      business_owner, next_review_on, notes, relationship_is_example, engaged_since, created_at, updated_at)
    VALUES (?, ?, 'password manager', NULL, 1, 'restricted', 'user', 'approved', NULL, NULL, NULL, 1, '2019-01-01', ?, ?)`);
  const incident =
    db.prepare(`INSERT INTO incidents (vendor_id, ref, title, public_disclosure_date, support_involvement_type, mfa_relevance, severity, confidence, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'none', 'unknown', 'critical', 'high', ?, ?)`);
  const lastpass = Number(vendor.run('LastPass', nameKey('LastPass'), AT, AT).lastInsertRowid);
  incident.run(lastpass, 'lastpass-2022-vault-backups', 'November', '2022-11-30', AT, AT);
  incident.run(lastpass, 'lastpass-2022-08-dev-environment', 'August', '2022-08-25', AT, AT);
  if (seeded) db.prepare("INSERT INTO app_meta (key, value) VALUES ('demo-portfolio-seeded-at', ?)").run(AT);
  return db;
}

describe('migration 0010: root causes and campaigns', () => {
  it('leaves root causes and entry paths derived, and links the demo’s LastPass campaign', () => {
    const db = atVersion9(true);
    migrate(db, MIGRATIONS);
    const store = createStore(db);
    const [november, august] = store.incidents.listByVendor(1).sort((a, b) => a.id - b.id);
    expect(november).toMatchObject({ title: 'November', continuationOf: august!.id, rootCause: null, entryPath: null });
    expect(august).toMatchObject({ continuationOf: null, rootCause: null, entryPath: null });
  });

  it('links nothing in a database the demo was never seeded into', () => {
    const db = atVersion9(false);
    migrate(db, MIGRATIONS);
    expect(
      createStore(db)
        .incidents.listByVendor(1)
        .map((i) => i.continuationOf),
    ).toEqual([null, null]);
  });
});
