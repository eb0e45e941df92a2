/**
 * Migration 0008: the per-comparison report rows of 0005 are kept as superseded history (none is
 * put in force, so the next view freezes the quarter under the one-snapshot rule), and the demo's
 * example relationships get the engagement date the seed now gives them.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.ts';
import { openDb } from '../../../server/db/open.ts';
import { MIGRATIONS } from '../../helpers/db.ts';
import { makeDeps } from '../../../server/deps.ts';
import { testOptions } from '../../helpers/app.ts';
import { SYSTEM } from '../../../server/domain/account.ts';

const at0007 = () => {
  const db = openDb(':memory:');
  migrate(db, MIGRATIONS.slice(0, 7));
  return db;
};

describe('migration 0008 (frozen reports)', () => {
  it('keeps every per-comparison report as history, superseded, with the quarter it was compared with', () => {
    const db = at0007();
    const put = db.prepare('INSERT INTO report_snapshots (quarter, vs, body, frozen_at) VALUES (?, ?, ?, ?)');
    put.run(
      '2023-Q4',
      '2023-Q3',
      JSON.stringify({
        quarter: '2023-Q4',
        asOf: '2023-12-31',
        vs: '2023-Q3',
        summary: { vendors: 34, averageRisk: 19.5, critical: 2, byBand: { critical: 2, high: 2, moderate: 16, low: 14 } },
        methodologyVersion: '1.0.0',
      }),
      '2026-01-05T10:00:00.000Z',
    );
    put.run(
      '2023-Q4',
      '2022-Q4',
      JSON.stringify({
        quarter: '2023-Q4',
        asOf: '2023-12-31',
        vs: '2022-Q4',
        summary: { vendors: 51, averageRisk: 17.2, critical: 2, byBand: { critical: 2, high: 3, moderate: 20, low: 26 } },
        methodologyVersion: '1.0.0',
      }),
      '2026-03-01T09:00:00.000Z',
    );
    migrate(db, MIGRATIONS);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'report_snapshots'").get()).toBeUndefined();

    const deps = makeDeps(db, testOptions());
    const history = deps.reports.snapshots('2023-Q4').items;
    expect(history.map((h) => [h.comparedWith, h.generatedAt, h.origin, h.inForce, h.headline.vendors])).toEqual([
      ['2022-Q4', '2026-03-01T09:00:00.000Z', 'per-comparison', false, 51],
      ['2023-Q3', '2026-01-05T10:00:00.000Z', 'per-comparison', false, 34],
    ]);
    expect(
      history.every((h) => h.supersededAt !== null && h.supersededBy === 'migration 0008 (one frozen snapshot per quarter)' && h.asOf === '2023-12-31'),
    ).toBe(true);
    // The next view freezes 2023-Q4 anew; the old rows stay readable.
    deps.methodology.ensureDefault();
    const report = deps.reports.quarterly(SYSTEM, '2023-Q4');
    expect(report.snapshotId).toBeGreaterThan(2);
    expect(deps.reports.snapshots('2023-Q4').items).toHaveLength(3);
    expect(deps.reports.snapshot('2023-Q4', history[0]!.id).body).toMatchObject({ vs: '2022-Q4', summary: { vendors: 51 } });
  });

  it('moves the demo’s example relationships, still engaged from the day they were seeded, to 2019-01-01', () => {
    const db = at0007();
    const add =
      db.prepare(`INSERT INTO vendors (name, name_key, category, tier, data_access, environment_access, status, relationship_is_example, engaged_since, created_at, updated_at)
      VALUES (?, ?, 'x', 1, 'none', 'none', 'approved', ?, ?, ?, ?)`);
    add.run('Demo', 'demo', 1, '2026-11-29', '2026-11-29T12:00:00.000Z', '2026-11-29T12:00:00.000Z');
    add.run('Demo set by hand', 'demo set by hand', 1, '2021-05-01', '2026-11-29T12:00:00.000Z', '2026-11-29T12:00:00.000Z');
    add.run('Real', 'real', 0, '2026-11-29', '2026-11-29T12:00:00.000Z', '2026-11-29T12:00:00.000Z');
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT name, engaged_since AS e FROM vendors ORDER BY id').all()).toEqual([
      { name: 'Demo', e: '2019-01-01' },
      { name: 'Demo set by hand', e: '2021-05-01' },
      { name: 'Real', e: '2026-11-29' },
    ]);
  });
});
