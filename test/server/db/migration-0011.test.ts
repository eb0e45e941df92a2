/**
 * Migration 0011 (record versions) on a database at version 10 with records in it: every
 * vendor, incident, subprocessor, condition and user starts at version 1 (and each vendor's MFA
 * posture), and the first write after it moves the record to 2.
 */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { createStore } from '../../../server/db/store.ts';
import { nameKey, vendorInput } from '../../../server/domain/vendor.ts';
import { MIGRATIONS } from '../../helpers/db.ts';

const AT = '2026-01-05T09:30:00.000Z';

describe('migration 0011: record versions', () => {
  it('starts every existing record at version 1; a write moves it on', () => {
    const db = openDb(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 10),
    );
    expect(schemaVersion(db)).toBe(10);
    const vendorId = Number(
      db
        .prepare(
          `INSERT INTO vendors (name, name_key, category, website, tier, data_access, environment_access, status,
            business_owner, next_review_on, notes, relationship_is_example, engaged_since, created_at, updated_at)
          VALUES ('Okta', ?, 'identity', NULL, 1, 'restricted', 'admin', 'approved', NULL, NULL, NULL, 0, '2019-01-01', ?, ?)`,
        )
        .run(nameKey('Okta'), AT, AT).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO incidents (vendor_id, ref, title, support_involvement_type, mfa_relevance, severity, confidence, created_at, updated_at)
      VALUES (?, 'r', 'T', 'none', 'unknown', 'high', 'high', ?, ?)`,
    ).run(vendorId, AT, AT);
    db.prepare(
      `INSERT INTO subprocessors (parent_vendor_id, name, function, outsourced, access_level, created_at, updated_at)
      VALUES (?, 'Sitel', 'support', 1, 'admin', ?, ?)`,
    ).run(vendorId, AT, AT);
    db.prepare(`INSERT INTO users (email, role, created_at, updated_at) VALUES ('a@example.com', 'admin', ?, ?)`).run(AT, AT);

    migrate(db, MIGRATIONS);
    const store = createStore(db);
    const vendor = store.vendors.find(vendorId)!;
    expect(vendor.version).toBe(1);
    expect(store.vendors.mfaVersion(vendorId)).toBe(1);
    expect(store.incidents.listByVendor(vendorId)[0]!.version).toBe(1);
    expect(store.subprocessors.listByVendor(vendorId)[0]!.version).toBe(1);
    expect(store.users.all()[0]!.version).toBe(1);

    const { id: _i, domain: _d, incidentCount: _c, createdAt: _ca, updatedAt: _u, version: _v, ...fields } = vendor;
    expect(store.vendors.update(vendorId, vendorInput.parse({ ...fields, tier: 2 }), AT, 1)).toBe(true);
    expect(store.vendors.find(vendorId)).toMatchObject({ tier: 2, version: 2 });
    expect(store.vendors.update(vendorId, vendorInput.parse({ ...fields, tier: 3 }), AT, 1)).toBe(false);
    expect(store.vendors.find(vendorId)).toMatchObject({ tier: 2, version: 2 });
  });
});
