/**
 * Migration 0017: the vendor list's page (ordered by name, case ignored, then id) walks an index in
 * that order instead of sorting every vendor, each with its incident count and aliases worked out
 * first. Checked on the repo's own statement, caught as the store prepares it.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.ts';
import { openDb, type Db } from '../../../server/db/open.ts';
import { createStore } from '../../../server/db/store.ts';
import { MIGRATIONS } from '../../helpers/db.ts';

/** The SQL of every statement the store prepares. */
function preparedSql(db: Db): string[] {
  const sqls: string[] = [];
  const prepare = db.prepare.bind(db);
  (db as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    sqls.push(sql);
    try {
      return prepare(sql);
    } catch (e) {
      // Repositories of tables later migrations add (documents…), or of columns they add, cannot prepare on this older schema: not what is checked here.
      if (/no such table|has no column named|no such column/.test((e as Error).message)) return {};
      throw e;
    }
  };
  createStore(db);
  return sqls;
}

const planOf = (db: Db, sql: string) =>
  db
    .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ tier: null, category: null, q: null, limit: 50, offset: 0 })
    .map((r) => r.detail);

describe('migration 0017: the vendor list in name order', () => {
  it('pages through the name index, with no sort of every vendor', () => {
    const db = openDb(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 17),
    );
    const page = preparedSql(db).find((s) => s.includes('FROM vendors v') && s.includes('LIMIT @limit OFFSET @offset'))!;
    expect(page).toBeDefined();
    const plan = planOf(db, page);
    expect(plan).toContain('SCAN v USING INDEX vendors_name_order');
    expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  it('sorted every vendor before it', () => {
    const db = openDb(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 16),
    );
    const page = preparedSql(db).find((s) => s.includes('FROM vendors v') && s.includes('LIMIT @limit OFFSET @offset'))!;
    expect(planOf(db, page).join('\n')).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });
});
