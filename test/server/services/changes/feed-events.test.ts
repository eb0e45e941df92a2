import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../server/domain/change.ts';
import { incidentInput } from '../../../../server/domain/incident.ts';
import { SYSTEM } from '../../../../server/domain/account.ts';
import { vendorInput } from '../../../../server/domain/vendor.ts';
import { changesService } from '../../../../server/services/changes/changes-service.ts';
import { feedEvents } from '../../../../server/services/changes/feed-events.ts';
import { incidentsService } from '../../../../server/services/incidents-service.ts';
import { reviewsService } from '../../../../server/services/reviews/reviews-service.ts';
import { testApp } from '../../../helpers/app.ts';
import { incidentBody, mfaItem, vendorBody } from '../../../helpers/fixtures.ts';

const kinds = (cs: readonly Change[]) => cs.map((c) => `${c.kind} ${c.ref}`);
/** The events this file is about; the kept scores record score and finding changes beside them. */
const feedOnly = (cs: readonly Change[]) => cs.filter((c) => !['score-changed', 'finding-new', 'finding-resolved'].includes(c.kind));

async function vendorWithDecision(conditions: unknown[] = [{ text: 'Hardware keys for support staff', dueOn: '2026-12-10' }]) {
  const t = testApp();
  const v = (
    await t.http
      .post('/api/v1/vendors')
      .send(vendorBody({ name: 'Okta', tier: 1 }))
      .expect(201)
  ).body;
  const review = (
    await t.http
      .post(`/api/v1/vendors/${v.id}/reviews`)
      .send({ decision: conditions.length > 0 ? 'approved-with-conditions' : 'approved', rationale: 'Fine for now', conditions, decidedOn: '2026-11-01' })
      .expect(201)
  ).body;
  const all = () => t.deps.store.changes.list({ limit: 1000 });
  return { ...t, v, review, all };
}

describe('review-needed', () => {
  it('is recorded when a vendor enters a state that needs review, once per entry, not on every look', async () => {
    const { http, deps, v, all } = await vendorWithDecision([]);
    // Approved today: ok, nothing recorded.
    expect(kinds(all())).toEqual([]);
    expect(deps.store.feed.reviewState(v.id) ?? 'ok').toBe('ok');
    // A critical incident disclosed after the decision reopens it: one event, in the incident's transaction.
    const inc = (
      await http
        .post(`/api/v1/vendors/${v.id}/incidents`)
        .send(incidentBody({ publicDisclosureDate: '2026-11-29', detectedByVendorDate: '2026-11-20' }))
        .expect(201)
    ).body;
    expect(kinds(feedOnly(all()))).toEqual([`review-needed incident:${inc.id}`, `incident-added incident:${inc.id}`]);
    expect(feedOnly(all())[0]).toMatchObject({
      title: expect.stringMatching(/^Review needed: A critical incident became known on 2026-11-29/),
      detail: { state: 'review-needed' },
    });
    // Looking again (status reads, sweeps, another incident) while it stays in that state records nothing more.
    await http.get(`/api/v1/vendors/${v.id}/review-status`).expect(200);
    deps.feed.sweep('2026-11-29');
    deps.feed.sweep('2026-11-30');
    await http
      .post(`/api/v1/vendors/${v.id}/incidents`)
      .send(incidentBody({ ref: 'second', publicDisclosureDate: '2026-11-29' }))
      .expect(201);
    expect(all().filter((c) => c.kind === 'review-needed')).toHaveLength(1);
    // A new decision leaves the state; the next trigger is a new entry.
    await http.post(`/api/v1/vendors/${v.id}/reviews`).send({ decision: 'approved', rationale: 'Reviewed the incidents' }).expect(201);
    expect(deps.store.feed.reviewState(v.id)).toBe('ok');
  });

  it('the sweep records reviews falling due and overdue by the calendar, each once', async () => {
    const { http, deps, v, all } = await vendorWithDecision([]);
    await http.patch(`/api/v1/vendors/${v.id}`).send({ nextReviewOn: '2027-01-15' }).expect(200);
    expect(deps.feed.sweep('2026-12-01').recorded).toBe(0);
    expect(deps.feed.sweep('2026-12-20').recorded).toBe(1);
    expect(deps.feed.sweep('2026-12-21').recorded).toBe(0);
    expect(deps.feed.sweep('2027-01-16').recorded).toBe(1);
    expect(deps.feed.sweep('2027-01-16').recorded).toBe(0);
    expect(all().map((c) => `${c.day} ${c.detail?.state}`)).toEqual(['2027-01-16 overdue', '2026-12-20 due']);
  });
});

describe('the daily sweep', () => {
  it('records a condition overdue once, dated its first overdue day, however often and late it runs', async () => {
    const { deps, review, all } = await vendorWithDecision();
    const id = review.conditions[0].id;
    expect(deps.feed.sweep('2026-12-10').recorded).toBe(0);
    expect(deps.feed.sweep('2026-12-14').recorded).toBe(1);
    deps.feed.sweep('2026-12-14');
    deps.feed.sweep('2026-12-15');
    const overdue = all().filter((c) => c.kind === 'condition-overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      ref: `condition:${id}`,
      day: '2026-12-11',
      title: 'Condition overdue since 2026-12-10: Hardware keys for support staff',
    });
  });

  it('records nothing for a condition met before its due day', async () => {
    const { http, deps, review, all } = await vendorWithDecision();
    await http.patch(`/api/v1/conditions/${review.conditions[0].id}`).send({ state: 'met', evidence: 'Keys issued' }).expect(200);
    deps.feed.sweep('2026-12-20');
    expect(all().filter((c) => c.kind === 'condition-overdue')).toEqual([]);
  });

  it('records a waiver expiring within 30 days, once', async () => {
    const { http, deps, review, all } = await vendorWithDecision();
    const id = review.conditions[0].id;
    await http.patch(`/api/v1/conditions/${id}`).send({ state: 'waived', waiverExpiresOn: '2027-02-15', waiverApprover: 'CISO' }).expect(200);
    expect(deps.feed.sweep('2027-01-15').recorded).toBe(0);
    expect(deps.feed.sweep('2027-01-16').recorded).toBe(1);
    expect(deps.feed.sweep('2027-01-17').recorded).toBe(0);
    const e = all().filter((c) => c.kind === 'evidence-expiring');
    expect(e).toMatchObject([{ ref: `condition:${id}`, day: '2027-01-16', detail: { evidence: 'waiver', expiresOn: '2027-02-15' } }]);
  });

  it('records MFA evidence about to go stale (confidence.freshDays after it was assessed), once per record', async () => {
    const { http, deps, v, all } = await vendorWithDecision([]);
    // Assessed 2024-12-20: stale 730 days later, on 2026-12-20, so within 30 days of 2026-11-29.
    await http
      .put(`/api/v1/vendors/${v.id}/mfa`)
      .send({ items: [mfaItem({ population: 'support', assessedOn: '2024-12-20' }), mfaItem({ population: 'admins', assessedOn: '2026-01-10' })] })
      .expect(200);
    expect(deps.feed.sweep('2026-11-29').recorded).toBe(1);
    expect(deps.feed.sweep('2026-11-30').recorded).toBe(0);
    const e = all().filter((c) => c.kind === 'evidence-expiring');
    expect(e).toMatchObject([{ ref: 'mfa:support', day: '2026-11-20', detail: { evidence: 'mfa', expiresOn: '2026-12-20', assessedOn: '2024-12-20' } }]);
    // New evidence for the population replaces it: nothing expiring any more.
    await http
      .put(`/api/v1/vendors/${v.id}/mfa`)
      .send({ items: [mfaItem({ population: 'support', assessedOn: '2026-11-01' })] })
      .expect(200);
    expect(deps.feed.sweep('2026-12-01').recorded).toBe(0);
  });

  it('is one transaction and records nothing for vendors outside the portfolio', async () => {
    const { http, deps } = testApp();
    const v = (
      await http
        .post('/api/v1/vendors')
        .send(vendorBody({ name: 'Someone else', status: 'not-engaged' }))
        .expect(201)
    ).body;
    await http
      .put(`/api/v1/vendors/${v.id}/mfa`)
      .send({ items: [mfaItem({ population: 'admins', assessedOn: '2024-12-20' })] })
      .expect(200);
    expect(deps.feed.sweep('2026-11-29').recorded).toBe(0);
    expect(deps.store.changes.list({ limit: 10 })).toEqual([]);
  });
});

describe('recorded in the same transaction as the write', () => {
  it('a failing recording (a sink that throws) leaves neither the incident nor any event', () => {
    const { deps } = testApp();
    const vendorId = deps.store.vendors.create(vendorInput.parse(vendorBody()), '2026-11-29T12:00:00.000Z');
    const failing = changesService(deps.store, deps.clock, [
      () => {
        throw new Error('sink failed');
      },
    ]);
    const feed = feedEvents(deps.store, deps.clock, failing, reviewsService(deps.store, deps.clock, deps.methodology), deps.methodology);
    const incidents = incidentsService(deps.store, deps.clock, feed);
    expect(() => incidents.create({ ...SYSTEM, via: 'test' }, vendorId, incidentInput.parse(incidentBody()))).toThrow('sink failed');
    expect(deps.store.incidents.listByVendor(vendorId)).toEqual([]);
    expect(deps.store.changes.list({ limit: 10 })).toEqual([]);
    expect(deps.store.feed.reviewState(vendorId)).toBeNull();
  });
});
