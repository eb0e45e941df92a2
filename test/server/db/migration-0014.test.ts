/**
 * Migration 0014 (closed quarters) on a database with snapshots in it: the trends read the risk
 * and band the existing rows hold in their own columns, through the index that covers that read;
 * the facts' generation starts at 1 and every write to a fact moves it, while freezing a snapshot
 * or a report does not.
 */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { createStore } from '../../../server/db/store.ts';
import { nameKey } from '../../../server/domain/vendor.ts';
import { MIGRATIONS } from '../../helpers/db.ts';

const AT = '2026-01-05T09:30:00.000Z';

describe('migration 0014: closed quarters', () => {
  it('keeps the existing snapshots readable by risk and band, and counts fact writes from then on', () => {
    const db = openDb(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 14),
    );
    const vendorId = Number(
      db
        .prepare(
          `INSERT INTO vendors (name, name_key, category, website, tier, data_access, environment_access, status,
            business_owner, next_review_on, notes, relationship_is_example, engaged_since, created_at, updated_at)
          VALUES ('Okta', ?, 'identity', NULL, 1, 'restricted', 'admin', 'approved', NULL, NULL, NULL, 0, '2019-01-01', ?, ?)`,
        )
        .run(nameKey('Okta'), AT, AT).lastInsertRowid,
    );
    const snapshot =
      db.prepare(`INSERT INTO score_snapshots (vendor_id, quarter, as_of, methodology_version, likelihood, impact, risk, band, confidence, score, frozen_at)
      VALUES (?, ?, ?, '2.0.0', 60, 80, ?, ?, 0.7, ?, ?)`);
    snapshot.run(vendorId, '2023-Q3', '2023-09-30', 28.7, 'moderate', JSON.stringify({ vendorId, risk: 28.7, band: 'moderate' }), AT);
    snapshot.run(vendorId, '2023-Q4', '2023-12-31', 61.9, 'critical', JSON.stringify({ vendorId, risk: 61.9, band: 'critical' }), AT);

    migrate(db, MIGRATIONS);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const store = createStore(db);
    expect(store.snapshots.risksForQuarter('2023-Q4')).toEqual([{ vendorId, risk: 61.9, band: 'critical' }]);
    expect(store.snapshots.risksForQuarter('2023-Q3')).toEqual([{ vendorId, risk: 28.7, band: 'moderate' }]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT vendor_id, risk, band FROM score_snapshots WHERE quarter = '2023-Q4'").all() as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX score_snapshots_trend/);

    expect(store.reports.factGeneration()).toBe(1);
    snapshot.run(vendorId, '2024-Q1', '2024-03-31', 30, 'moderate', '{}', AT);
    expect(store.reports.factGeneration()).toBe(1);
    db.prepare(
      `INSERT INTO incidents (vendor_id, ref, title, support_involvement_type, mfa_relevance, severity, confidence, created_at, updated_at)
      VALUES (?, 'r', 'T', 'none', 'unknown', 'high', 'high', ?, ?)`,
    ).run(vendorId, AT, AT);
    expect(store.reports.factGeneration()).toBe(2);
    db.prepare('UPDATE vendors SET tier = 2 WHERE id = ?').run(vendorId);
    expect(store.reports.factGeneration()).toBe(3);
    // Deleting the vendor deletes its incident too (cascade): both count.
    db.prepare('DELETE FROM vendors WHERE id = ?').run(vendorId);
    expect(store.reports.factGeneration()).toBeGreaterThanOrEqual(4);
  });
});
