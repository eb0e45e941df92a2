/**
 * Migration 0009 (knownFrom) on a database at version 7 with rows in it: every subprocessor, MFA
 * record and posture statement gets a knownFrom — its creation day, or, for what the demo seed
 * wrote, the date of the evidence that established it, the same date the seed gives today.
 */
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../server/db/migrate.ts';
import { openDb, type Db } from '../../../server/db/open.ts';
import { createStore } from '../../../server/db/store.ts';
import { nameKey } from '../../../server/domain/vendor.ts';
import { loadConfig } from '../../../server/config.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { MIGRATIONS } from '../../helpers/db.ts';

const SEEDED_AT = '2026-01-05T09:30:00.000Z';

function atVersion7(): Db {
  const db = openDb(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 7),
  );
  expect(schemaVersion(db)).toBe(7);
  return db;
}

/** Rows as version 7 wrote them. */
function writer(db: Db) {
  const vendor = db.prepare(`INSERT INTO vendors (name, name_key, category, website, tier, data_access, environment_access, status,
      business_owner, next_review_on, notes, relationship_is_example, engaged_since, created_at, updated_at)
    VALUES (?, ?, 'identity provider', NULL, 1, 'confidential', 'admin', 'approved', NULL, NULL, NULL, 1, ?, ?, ?)`);
  const sub = db.prepare(`INSERT INTO subprocessors (parent_vendor_id, name, function, outsourced, access_level, since, until, sources, created_at, updated_at)
    VALUES (?, ?, 'customer support', 1, 'admin', ?, ?, '[]', ?, ?)`);
  const mfa = db.prepare(`INSERT INTO mfa_postures (vendor_id, population, method, enforced, evidence, source, assessed_on, notes, updated_at)
    VALUES (?, ?, ?, 1, 'public-statement', NULL, ?, NULL, ?)`);
  const fact = db.prepare(`INSERT INTO posture_facts (vendor_id, ref, fact_type, applies_to, statement, stated_date, confidence)
    VALUES (?, ?, 'support-outsourcing', 'support', 'A statement.', ?, 'high')`);
  return {
    vendor: (name: string, at: string) => Number(vendor.run(name, nameKey(name), at.slice(0, 10), at, at).lastInsertRowid),
    sub: (parent: number, name: string, at: string, since: string | null = null, until: string | null = null) => sub.run(parent, name, since, until, at, at),
    mfa: (vendorId: number, population: string, method: string, assessedOn: string, at: string) => mfa.run(vendorId, population, method, assessedOn, at),
    fact: (vendorId: number, ref: string, statedDate: string | null) => fact.run(vendorId, ref, statedDate),
    seeded: (at: string) => db.prepare("INSERT INTO app_meta (key, value) VALUES ('demo-portfolio-seeded-at', ?)").run(at),
  };
}

const column = (db: Db, table: string, key: string) =>
  Object.fromEntries(
    db
      .prepare<[], { k: string; known_from: string }>(`SELECT ${key} AS k, known_from FROM ${table} ORDER BY id`)
      .all()
      .map((r) => [r.k, r.known_from]),
  );

describe('migration 0009: knownFrom', () => {
  it('gives every existing row a knownFrom: its creation day, the cited evidence’s date for the demo’s own rows', () => {
    const db = atVersion7();
    const w = writer(db);
    w.seeded(SEEDED_AT);
    const okta = w.vendor('Okta', SEEDED_AT);
    const acme = w.vendor('Acme Identity', '2024-03-02T10:00:00.000Z');
    w.sub(okta, 'Sitel Group (Sykes Enterprises)', SEEDED_AT, null, '2022');
    w.sub(okta, 'Okta Customer Support (Help Center case system)', SEEDED_AT);
    w.sub(okta, 'An analyst’s own record', '2025-02-14T16:00:00.000Z');
    w.sub(acme, 'Sitel Group (Sykes Enterprises)', '2024-03-02T10:00:00.000Z'); // same name, another parent: not the demo's
    w.mfa(okta, 'workforce', 'fido2', '2023-09', SEEDED_AT);
    w.mfa(okta, 'admins', 'totp', '2024-01', '2025-07-01T00:00:00.000Z');
    w.mfa(acme, 'workforce', 'fido2', '2023-09', '2024-05-06T00:00:00.000Z');
    w.fact(okta, 'okta-support-subprocessor-sitel-2022', '2022-03-23');
    w.fact(okta, 'okta-customer-can-block-support-access', null);

    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.filter((m) => m.version > 7).map((m) => m.version));
    const subs = db
      .prepare<[], { parent_vendor_id: number; name: string; known_from: string }>('SELECT parent_vendor_id, name, known_from FROM subprocessors ORDER BY id')
      .all();
    expect(subs.map((s) => [s.parent_vendor_id, s.name, s.known_from])).toEqual([
      [okta, 'Sitel Group (Sykes Enterprises)', '2022-03-23'],
      [okta, 'Okta Customer Support (Help Center case system)', '2023-10-20'],
      [okta, 'An analyst’s own record', '2025-02-14'],
      [acme, 'Sitel Group (Sykes Enterprises)', '2024-03-02'],
    ]);
    const mfa = db
      .prepare<[], { vendor_id: number; population: string; known_from: string }>('SELECT vendor_id, population, known_from FROM mfa_postures ORDER BY id')
      .all();
    expect(mfa.map((m) => [m.vendor_id, m.population, m.known_from])).toEqual([
      [okta, 'workforce', '2023-09'],
      [okta, 'admins', '2025-07-01'],
      [acme, 'workforce', '2024-05-06'],
    ]);
    expect(column(db, 'posture_facts', 'ref')).toEqual({
      'okta-support-subprocessor-sitel-2022': '2022-03-23',
      'okta-customer-can-block-support-access': '2026-01-05',
    });
    // And the repositories read them back.
    const store = createStore(db);
    expect(store.subprocessors.listByVendor(okta).map((s) => s.knownFrom)).toEqual(['2025-02-14', '2023-10-20', '2022-03-23']);
  });

  it('leaves a database the demo was never seeded into to creation days, whatever its names', () => {
    const db = atVersion7();
    const w = writer(db);
    const okta = w.vendor('Okta', '2024-03-02T10:00:00.000Z');
    w.sub(okta, 'Sitel Group (Sykes Enterprises)', '2024-03-02T10:00:00.000Z');
    w.mfa(okta, 'workforce', 'fido2', '2023-09', '2024-03-03T00:00:00.000Z');
    migrate(db, MIGRATIONS);
    expect(column(db, 'subprocessors', 'name')).toEqual({ 'Sitel Group (Sykes Enterprises)': '2024-03-02' });
    expect(column(db, 'mfa_postures', 'population')).toEqual({ workforce: '2024-03-03' });
  });

  it('dates the demo portfolio’s own rows as the seed dates them today', () => {
    const demo = loadDemoPortfolio(loadConfig({}).seedDir);
    const db = atVersion7();
    const w = writer(db);
    w.seeded(SEEDED_AT);
    const ids = new Map(demo.vendors.map((v) => [v.name, w.vendor(v.name, SEEDED_AT)]));
    for (const s of demo.subprocessors) w.sub(ids.get(s.vendor)!, s.input.name, SEEDED_AT, s.input.since, s.input.until);
    for (const m of demo.mfa) w.mfa(ids.get(m.vendor)!, m.record.population, m.record.method, m.record.assessedOn, SEEDED_AT);
    for (const f of demo.postureFacts) w.fact(ids.get(f.vendor)!, f.fact.ref, f.fact.statedDate);
    migrate(db, MIGRATIONS);

    const seedDay = SEEDED_AT.slice(0, 10);
    const store = createStore(db);
    const subs = store.subprocessors.all();
    for (const s of demo.subprocessors) {
      const row = subs.find((x) => x.parentVendorId === ids.get(s.vendor) && x.name === s.input.name)!;
      expect(row.knownFrom, s.input.name).toBe(s.input.knownFrom ?? seedDay);
    }
    const mfa = store.mfa.allByVendor();
    for (const m of demo.mfa) {
      const row = mfa.get(ids.get(m.vendor)!)!.find((r) => r.population === m.record.population)!;
      expect(row.knownFrom, `${m.vendor} ${m.record.population}`).toBe(m.record.knownFrom ?? seedDay);
    }
    const facts = store.postureFacts.all();
    for (const f of demo.postureFacts) expect(facts.find((x) => x.ref === f.fact.ref)!.knownFrom, f.fact.ref).toBe(f.fact.knownFrom ?? seedDay);
  });
});
