/**
 * Migration 0019: MFA records and subprocessors recorded before it stay `recorded` with no structured source
 * (nothing scored moves); the columns refuse a confidence the app does not know; commitments are
 * one per vendor and field and go with their vendor.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { createStore } from '../../../server/db/store.ts';
import { MIGRATIONS } from '../../helpers/db.ts';

const NOW = '2024-05-01T10:00:00.000Z';

function before0019() {
  const db = openDb(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 18),
  );
  db.prepare(
    `INSERT INTO vendors (id, name, name_key, category, website, tier, data_access, environment_access, status, created_at, updated_at)
    VALUES (1, 'Acme', 'acme', 'identity provider', 'https://acme.example.com', 1, 'confidential', 'identity-provider', 'proposed', @now, @now)`,
  ).run({ now: NOW });
  db.prepare(
    `INSERT INTO mfa_postures (vendor_id, population, method, enforced, evidence, source, assessed_on, notes, known_from, updated_at)
    VALUES (1, 'support', 'totp', 1, 'attestation', NULL, '2024-04-01', NULL, '2024-04-02', @now)`,
  ).run({ now: NOW });
  db.prepare(
    `INSERT INTO subprocessors (parent_vendor_id, name, function, outsourced, access_level, sources, created_at, updated_at)
    VALUES (1, 'Desk', 'customer support', 1, 'session-artifacts', '[]', @now, @now)`,
  ).run({ now: NOW });
  return db;
}

describe('migration 0019: confidence, source and commitments', () => {
  it('keeps every earlier record as recorded, with no structured source (an analyst-typed attestation included)', () => {
    const db = before0019();
    migrate(db, MIGRATIONS);
    const store = createStore(db);
    expect(store.mfa.listByVendor(1)[0]).toMatchObject({ evidence: 'attestation', confidence: 'recorded', source: null });
    expect(store.subprocessors.listByVendor(1)[0]).toMatchObject({ confidence: 'recorded', source: null });
  });

  it('refuses a confidence it does not know, and keeps one commitment per vendor and field, deleted with the vendor', () => {
    const db = before0019();
    migrate(db, MIGRATIONS);
    expect(() => db.prepare("UPDATE mfa_postures SET confidence = 'verified'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE subprocessors SET confidence = ''").run()).toThrow(/CHECK/);
    const store = createStore(db);
    const c = {
      vendorId: 1,
      field: 'notifyWithinDays' as const,
      value: 3,
      confidence: 'self-attested' as const,
      source: { kind: 'questionnaire' as const, requestId: 4, questionId: 'notify-within-days' },
      knownFrom: '2024-04-30',
      updatedAt: NOW,
    };
    store.commitments.put(c);
    store.commitments.put({ ...c, value: 1 });
    expect(store.commitments.listByVendor(1)).toEqual([{ ...c, value: 1 }]);
    expect(() =>
      db
        .prepare(
          "INSERT INTO vendor_commitments (vendor_id, field, value, known_from, updated_at) VALUES (1, 'favouriteColour', '\"blue\"', '2024-01-01', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    store.vendors.remove(1);
    expect(store.commitments.all()).toEqual([]);
  });
});
