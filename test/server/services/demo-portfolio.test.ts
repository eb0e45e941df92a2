import { SYSTEM } from '../../../server/domain/account.ts';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../server/db/store.ts';
import { loadConfig } from '../../../server/config.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { fixedClock } from '../../../server/services/clock.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { scoringService } from '../../../server/services/scoring-service.ts';
import { methodologyService } from '../../../server/services/methodology-service.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { fingerprint, memDb } from '../../helpers/db.ts';

const demo = loadDemoPortfolio(loadConfig({}).seedDir);
const clock = fixedClock('2026-11-29T12:00:00.000Z');

function seeded() {
  const db = memDb();
  const store = createStore(db);
  const summary = seedDemoPortfolio(store, demo, clock, { reset: false, actor: SYSTEM });
  return { db, store, summary, scoring: scoringService(store, methodologyService(store, clock, DEFAULT_POLICY)) };
}

describe('the demo portfolio', () => {
  it('holds every vendor and every incident of the reference dataset, with sources and confidence', () => {
    const { store, summary } = seeded();
    expect(summary).toMatchObject({ vendorsCreated: 34, incidentsCreated: 35, postureFacts: 28 });
    const incidents = store.incidents.all();
    expect(new Set(incidents.map((i) => i.ref)).size).toBe(34); // Heroku/Travis CI's shared incident is filed under both
    for (const i of incidents) {
      expect(i.sources.length, i.ref!).toBeGreaterThan(0);
      expect(['high', 'medium', 'low']).toContain(i.confidence);
    }
    expect(store.vendors.all().every((v) => v.relationshipIsExample)).toBe(true);
  });

  it('records Sitel as Okta’s outsourced support provider with the access it had, ended in 2022', () => {
    const { store } = seeded();
    const okta = store.vendors.findByName('Okta')!;
    const sitel = store.subprocessors.listByVendor(okta.id).find((s) => s.name.startsWith('Sitel'))!;
    expect(sitel).toMatchObject({ outsourced: true, accessLevel: 'admin', until: '2022', function: 'customer support (contract agents)' });
    expect(sitel.sources.length).toBeGreaterThan(0);
    expect(store.incidents.listByVendor(okta.id).map((i) => i.ref)).toEqual(['okta-2023-10-support-system', 'okta-2022-01-sitel']);
  });

  it('links Cloudflare’s support-chain dependency to Okta’s own vendor record', () => {
    const { store } = seeded();
    const cf = store.vendors.findByName('Cloudflare')!;
    const okta = store.vendors.findByName('Okta')!;
    expect(store.subprocessors.listByVendor(cf.id).map((s) => s.vendorId)).toContain(okta.id);
  });

  it('rates Okta higher as of 2023-10-31 than as of 2023-09-30 (the 2023 breach was disclosed on 20 October)', () => {
    const { store, scoring } = seeded();
    const okta = store.vendors.findByName('Okta')!.id;
    const before = scoring.score(okta, '2023-09-30');
    const after = scoring.score(okta, '2023-10-31');
    expect(after.risk).toBeGreaterThan(before.risk);
    expect(after.likelihood).toBeGreaterThan(before.likelihood);
    expect(before.factors[0]!.contributions.map((c) => c.label)).toEqual(['Lapsus$ reaches Okta support tooling through a Sitel/Sykes contractor workstation']);
    expect(after.factors[0]!.contributions).toHaveLength(2);
  });

  const BOOKKEEPING = ['audit_log', 'kept_stale', 'fact_generation'];

  it('is idempotent: seeding again changes nothing', () => {
    const { db, store } = seeded();
    // The audit trail records each run; nothing else changes. (The seed's writes mark vendors for
    // their kept scores to be recomputed, kept_stale: bookkeeping the app's drain clears; and they
    // move fact_generation, the counter that tells cached restatements the facts may have changed.)
    const before = fingerprint(db, BOOKKEEPING);
    const again = seedDemoPortfolio(store, demo, clock, { reset: false, actor: SYSTEM });
    expect(again).toMatchObject({ vendorsCreated: 0, incidentsCreated: 0, subprocessorsCreated: 0, mfaRecordsCreated: 0 });
    expect(fingerprint(db, BOOKKEEPING)).toBe(before);
  });

  it('keeps a user’s changes on a re-seed, and --reset rebuilds the portfolio', () => {
    const { db, store } = seeded();
    const okta = store.vendors.findByName('Okta')!;
    store.vendors.update(okta.id, { ...okta, tier: 3 }, 'later');
    seedDemoPortfolio(store, demo, clock, { reset: false, actor: SYSTEM });
    expect(store.vendors.find(okta.id)!.tier).toBe(3);

    const fresh = seeded();
    seedDemoPortfolio(store, demo, clock, { reset: true, actor: SYSTEM });
    expect(store.vendors.findByName('Okta')!.tier).toBe(1);
    expect(store.vendors.all()).toHaveLength(34);
    // Same content as a first seed, ids aside.
    const strip = (x: string) => x.replace(/"(id|vendor_id|parent_vendor_id)":\d+/g, '');
    expect(strip(fingerprint(db, BOOKKEEPING))).toBe(strip(fingerprint(fresh.db, BOOKKEEPING)));
  });

  it('stores the demo company so the UI can say which settings are examples', () => {
    const { store } = seeded();
    expect(JSON.parse(store.meta.get('demo-company')!)).toMatchObject({ name: 'Northwind Health Analytics', fictional: true });
  });
});
