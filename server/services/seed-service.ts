/**
 * Seeding the demo portfolio. Idempotent: what exists is left as it is (our relationship settings,
 * subprocessors, posture) except the public incident and posture-fact records, which are brought
 * to the shipped version. All in one transaction.
 */
import type { Store } from '../db/store.ts';
import type { Actor } from '../domain/account.ts';
import type { Clock } from './clock.ts';
import type { DemoPortfolio } from './demo-portfolio.ts';
import { DEMO_COMPANY_KEY } from './about-service.ts';
import { incidentAsInput, type IncidentInput } from '../domain/incident.ts';
import { DEFAULT_POLICY } from '../scoring/policy.ts';
import { methodologyService } from './methodology-service.ts';
import { reviewsService } from './reviews/reviews-service.ts';
import { EXAMPLE_REVIEWS_KEY, exampleReviewIds } from './reviews/follow-decision.ts';

/**
 * The example decisions (the README's Okta review), recorded as a decision is (its score frozen,
 * its conditions, the vendor's status following it, audited) and marked as examples. Only on a
 * vendor whose relationship is still the example one and that has no decision yet (so seeding twice
 * adds nothing), and only when the clock has reached its day: an analyst's
 * own decisions, or a relationship they set, are never joined by an example.
 */
function seedExampleReviews(store: Store, demo: DemoPortfolio, clock: Clock, actor: Actor, idOf: (name: string) => number): number {
  // The methodology in force; on a database that has none stored yet, the shipped default (not stored here: the app stores its own).
  const policy = store.methodology.latestId() === undefined ? DEFAULT_POLICY : methodologyService(store, clock, DEFAULT_POLICY).active();
  const reviews = reviewsService(store, clock, { active: () => policy });
  const examples = exampleReviewIds(store);
  let created = 0;
  for (const { vendor, input } of demo.reviews) {
    const v = store.vendors.find(idOf(vendor))!;
    // A clock before the example's day (a test's) cannot record it: a decision is never dated in the future.
    if (!v.relationshipIsExample || store.reviews.listByVendor(v.id).length > 0 || input.decidedOn! > clock.today()) continue;
    examples.add(reviews.create(actor, v.id, input).id);
    created++;
  }
  if (created > 0) store.meta.set(EXAMPLE_REVIEWS_KEY, JSON.stringify([...examples]));
  return created;
}

/** Whether a stored incident already says what `next` says (its derived date precision aside). */
const sameIncident = (stored: Record<string, unknown>, next: IncidentInput): boolean =>
  Object.entries(next).every(([k, v]) => k === 'intrusionStartPrecision' || JSON.stringify(stored[k] ?? null) === JSON.stringify(v ?? null));

export const DEMO_SEEDED_KEY = 'demo-portfolio-seeded-at';

export interface SeedSummary {
  vendorsCreated: number;
  incidentsCreated: number;
  incidentsUpdated: number;
  subprocessorsCreated: number;
  mfaRecordsCreated: number;
  postureFacts: number;
  reviewsCreated: number;
}

export function seedDemoPortfolio(store: Store, demo: DemoPortfolio, clock: Clock, opts: { reset: boolean; actor: Actor }): SeedSummary {
  return store.transaction(() => {
    if (opts.reset) store.clearAll();
    const now = clock.now();
    // What no source dates is known from the day it is seeded.
    const today = clock.today();
    const summary: SeedSummary = {
      vendorsCreated: 0,
      incidentsCreated: 0,
      incidentsUpdated: 0,
      subprocessorsCreated: 0,
      mfaRecordsCreated: 0,
      postureFacts: 0,
      reviewsCreated: 0,
    };
    const ids = new Map<string, number>();
    for (const v of demo.vendors) {
      const existing = store.vendors.findByName(v.name);
      if (existing) ids.set(v.name, existing.id);
      else {
        ids.set(v.name, store.vendors.create(v, now));
        summary.vendorsCreated++;
      }
    }
    const idOf = (name: string) => ids.get(name)!;

    const created = new Set<string>();
    for (const { vendor, incident } of demo.incidents) {
      const current = store.incidents.listByVendor(idOf(vendor)).find((i) => i.ref === incident.ref);
      if (current) {
        // The public record is brought to the shipped version; its root cause, entry path and campaign are ours and stay.
        const next = { ...incident, rootCause: current.rootCause, entryPath: current.entryPath, continuationOf: current.continuationOf };
        // Left alone when it is already the shipped version: a write would move its version and make open edit forms stale.
        if (!sameIncident(incidentAsInput(current), next)) store.incidents.update(current.id, next, now);
        summary.incidentsUpdated++;
      } else {
        store.incidents.create(idOf(vendor), incident, now);
        created.add(`${vendor}\n${incident.ref}`);
        summary.incidentsCreated++;
      }
    }
    // Campaign links are set when their incident is first seeded (a database seeded before them got them from migration 0010).
    for (const c of demo.campaigns) {
      if (!created.has(`${c.vendor}\n${c.incident}`)) continue;
      const byRef = new Map(store.incidents.listByVendor(idOf(c.vendor)).map((i) => [i.ref, i.id]));
      store.incidents.setContinuationOf(byRef.get(c.incident)!, byRef.get(c.continuationOf)!, now);
    }
    for (const { vendor, fact } of demo.postureFacts) {
      store.postureFacts.upsert(idOf(vendor), fact, today);
      summary.postureFacts++;
    }
    for (const { vendor, linkedVendor, input } of demo.subprocessors) {
      const parent = idOf(vendor);
      if (store.subprocessors.listByVendor(parent).some((s) => s.name === input.name)) continue;
      store.subprocessors.create(parent, { ...input, vendorId: linkedVendor ? idOf(linkedVendor) : null }, now);
      summary.subprocessorsCreated++;
    }
    for (const vendor of new Set(demo.mfa.map((m) => m.vendor))) {
      const current = store.mfa.listByVendor(idOf(vendor));
      const missing = demo.mfa
        .filter((m) => m.vendor === vendor && !current.some((c) => c.population === m.record.population))
        .map((m) => ({ ...m.record, knownFrom: m.record.knownFrom ?? today }));
      if (missing.length === 0) continue;
      store.mfa.replace(idOf(vendor), [...current, ...missing], now);
      summary.mfaRecordsCreated += missing.length;
    }
    summary.reviewsCreated = seedExampleReviews(store, demo, clock, opts.actor, idOf);
    store.meta.set(DEMO_SEEDED_KEY, now);
    store.meta.set(DEMO_COMPANY_KEY, JSON.stringify({ ...demo.company, seededAt: now }));
    store.audit.append(opts.actor, { action: opts.reset ? 'reset-and-seed' : 'seed', entity: 'demo-portfolio', entityId: null, after: summary }, now);
    return summary;
  });
}
