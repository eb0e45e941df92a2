/**
 * One review status per vendor (issue 17): the demo's example decision (the README's Okta review)
 * and the vendor's stored status following its latest decision, audited.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { SYSTEM } from '../../../server/domain/account.ts';
import { loadDemoPortfolio } from '../../../server/services/demo-portfolio.ts';
import { seedDemoPortfolio } from '../../../server/services/seed-service.ts';
import { testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

type Audit = { action: string; entity: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

describe("the demo portfolio's example decision", () => {
  it("is Okta's approval of 30 June 2022, marked as an example, reopened as of 31 October 2023 by the support-system breach", async () => {
    const { http, idOf } = demoApp();
    const okta = idOf('Okta');
    const reviews = (await http.get(`/api/v1/vendors/${okta}/reviews`)).body.items;
    expect(reviews).toMatchObject([{ decision: 'approved', decidedOn: '2022-06-30', isExample: true, conditions: [] }]);
    expect(reviews[0].rationale).toMatch(/^Example decision of the fictional demo company/);
    const s = (await http.get(`/api/v1/vendors/${okta}/review-status?asOf=2023-10-31`)).body;
    expect(s).toMatchObject({ state: 'review-needed', lastReview: { decision: 'approved', decidedOn: '2022-06-30' } });
    expect(s.reasons.map((r: { code: string }) => r.code)).toContain('incident-disclosed');
    // The relationship's stored status is the decision's.
    expect((await http.get(`/api/v1/vendors/${okta}`)).body).toMatchObject({ status: 'approved', relationshipIsExample: true });
    // Before the decision, there was none.
    expect((await http.get(`/api/v1/vendors/${okta}/review-status?asOf=2022-06-29`)).body.lastReview).toBeNull();
  });

  it('is the only decision the demo seeds, and seeding again adds nothing', async () => {
    const { http, deps, idOf } = demoApp();
    const again = seedDemoPortfolio(deps.store, loadDemoPortfolio(loadConfig({}).seedDir), deps.clock, { reset: false, actor: SYSTEM });
    expect(again.reviewsCreated).toBe(0);
    expect((await http.get(`/api/v1/vendors/${idOf('Okta')}/reviews`)).body.items).toHaveLength(1);
    expect(deps.store.reviews.all({ latestFirst: true }).map((r) => r.vendorId)).toEqual([idOf('Okta')]);
  });

  it("leaves the demo's scores as they were: a decision changes no score", async () => {
    const a = demoApp();
    const b = demoApp({}, { exampleDecisions: false });
    for (const asOf of ['2023-10-31', '2026-11-29']) {
      const rows = async (t: typeof a) =>
        (await t.http.get(`/api/v1/portfolio/heatmap?asOf=${asOf}`)).body.rows.map((r: { name: string; risk: number; band: string }) => [
          r.name,
          r.risk,
          r.band,
        ]);
      expect(await rows(a)).toEqual(await rows(b));
    }
  });

  it('is not added to a vendor whose relationship an analyst has set', async () => {
    const { deps, idOf } = demoApp({}, { exampleDecisions: false });
    const okta = deps.store.vendors.find(idOf('Okta'))!;
    deps.store.vendors.update(okta.id, { ...okta, relationshipIsExample: false }, deps.clock.now());
    const s = seedDemoPortfolio(deps.store, loadDemoPortfolio(loadConfig({}).seedDir), deps.clock, { reset: false, actor: SYSTEM });
    expect(s.reviewsCreated).toBe(0);
  });
});

describe("the vendor's stored status follows its latest decision", () => {
  it('in the same write, audited as a change of the vendor with its before and after', async () => {
    const { http } = testApp();
    const v = (await http.post('/api/v1/vendors').send(vendorBody({ status: 'approved-with-conditions', tier: 2 }))).body;
    const r = await http.post(`/api/v1/vendors/${v.id}/reviews`).send({ decision: 'needs-information', rationale: 'Waiting for the SOC 2 report.' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await http.get(`/api/v1/vendors/${v.id}`)).body).toMatchObject({ status: 'under-review' });
    const audit = (await http.get(`/api/v1/audit?entity=vendor&entityId=${v.id}`)).body.items as Audit[];
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { status: 'approved-with-conditions', nextReviewOn: null },
      after: { status: 'under-review', nextReviewOn: r.body.nextReviewOn, reason: 'review-decision' },
    });
  });

  it('an older decision recorded later leaves the status to the latest one', async () => {
    const { http } = testApp();
    const v = (await http.post('/api/v1/vendors').send(vendorBody({ tier: 2 }))).body;
    await http.post(`/api/v1/vendors/${v.id}/reviews`).send({ decision: 'approved', rationale: 'ok', decidedOn: '2026-06-01' });
    const before = (await http.get(`/api/v1/audit?entity=vendor&entityId=${v.id}`)).body.items.length;
    await http.post(`/api/v1/vendors/${v.id}/reviews`).send({ decision: 'rejected', rationale: 'old', decidedOn: '2025-01-01' });
    expect((await http.get(`/api/v1/vendors/${v.id}`)).body.status).toBe('approved');
    expect((await http.get(`/api/v1/audit?entity=vendor&entityId=${v.id}`)).body.items).toHaveLength(before);
  });
});
