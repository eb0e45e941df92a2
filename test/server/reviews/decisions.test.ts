import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';
import { demoApp } from '../../helpers/demo.ts';

type Http = ReturnType<typeof testApp>['http'];
const decide = (http: Http, vendorId: number, body: Record<string, unknown>) =>
  http.post(`/api/v1/vendors/${vendorId}/reviews`).send({ rationale: 'Reviewed.', ...body });

async function vendorWithTier(tier: number) {
  const t = testApp();
  const v = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: `Tier ${tier} Co`, tier }))).body;
  return { ...t, id: v.id as number };
}

describe('POST /api/v1/vendors/:id/reviews', () => {
  it.each([
    ['approved', 'approved'],
    ['rejected', 'rejected'],
    ['needs-information', 'under-review'],
  ])('records %s and the vendor status follows (%s)', async (decision, status) => {
    const { http, id } = await vendorWithTier(2);
    const res = await decide(http, id, { decision });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ decision, decidedOn: '2026-11-29', decidedBy: 'admin@example.com', conditions: [] });
    expect((await http.get(`/api/v1/vendors/${id}`)).body).toMatchObject({ status, nextReviewOn: '2027-11-29' });
  });

  it('records approved-with-conditions, picking conditions from the findings or writing them freely', async () => {
    const { http, idOf } = demoApp();
    const okta = idOf('Okta');
    const score = (await http.get(`/api/v1/vendors/${okta}/score?asOf=2023-11-30`)).body;
    const finding = score.findings[0];
    const res = await decide(http, okta, {
      decision: 'approved-with-conditions',
      decidedOn: '2023-11-30',
      conditions: [{ findingId: finding.id, owner: 'CISO', dueOn: '2024-03-31' }, { text: 'Sanitize HAR files before upload' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.conditions).toMatchObject([
      {
        text: finding.suggestedCondition,
        findingId: finding.id,
        severity: finding.severity,
        state: 'open',
        owner: 'CISO',
        dueOn: '2024-03-31',
        vendorId: okta,
      },
      { text: 'Sanitize HAR files before upload', findingId: null, state: 'open' },
    ]);
    // The score it was decided on is frozen with it, whatever is recorded later.
    expect(res.body.score).toEqual(score);
    await http.post(`/api/v1/vendors/${okta}/incidents`).send(incidentBody({ ref: 'later', publicDisclosureDate: '2023-11-15' }));
    expect((await http.get(`/api/v1/vendors/${okta}/reviews`)).body.items[0].score).toEqual(score);
    expect((await http.get(`/api/v1/vendors/${okta}`)).body.status).toBe('approved-with-conditions');
  });

  it.each([
    [1, '2027-05-29'],
    [2, '2027-11-29'],
    [3, '2028-11-29'],
    [4, null],
  ])('defaults the next review of a tier-%i vendor from the cadence (%s)', async (tier, next) => {
    const { http, id } = await vendorWithTier(tier);
    const res = await decide(http, id, { decision: 'approved' });
    expect(res.body).toMatchObject({ nextReviewOn: next, nextReviewSet: 'tier' });
  });

  it('takes a next review date set by hand, or none', async () => {
    const { http, id } = await vendorWithTier(1);
    expect((await decide(http, id, { decision: 'approved', nextReviewOn: '2027-01-15' })).body).toMatchObject({
      nextReviewOn: '2027-01-15',
      nextReviewSet: 'manual',
    });
    expect((await decide(http, id, { decision: 'approved', nextReviewOn: null })).body).toMatchObject({ nextReviewOn: null, nextReviewSet: 'manual' });
  });

  it('lets the next review date be moved by hand on the vendor afterwards, and the status follows it', async () => {
    const { http, id } = await vendorWithTier(2);
    await decide(http, id, { decision: 'approved', decidedOn: '2025-01-10' });
    expect((await http.get(`/api/v1/vendors/${id}/review-status`)).body).toMatchObject({ state: 'overdue', nextReviewOn: '2026-01-10' });
    await http.patch(`/api/v1/vendors/${id}`).send({ nextReviewOn: '2027-03-01' });
    expect((await http.get(`/api/v1/vendors/${id}/review-status`)).body).toMatchObject({ state: 'ok', nextReviewOn: '2027-03-01' });
  });

  it('follows a changed cadence for later decisions', async () => {
    const { http, id } = await vendorWithTier(1);
    const put = await http.put('/api/v1/reviews/cadence').send({ tier1: 3, tier2: 12, tier3: 24, tier4: 48 });
    expect(put.body).toEqual({ tier1: 3, tier2: 12, tier3: 24, tier4: 48, version: 2 });
    expect((await http.get('/api/v1/reviews/cadence')).body.tier1).toBe(3);
    expect((await decide(http, id, { decision: 'approved' })).body.nextReviewOn).toBe('2027-02-28');
  });

  it('lets an older decision be recorded without overriding the latest one', async () => {
    const { http, id } = await vendorWithTier(2);
    await decide(http, id, { decision: 'rejected', decidedOn: '2025-01-10' });
    await decide(http, id, { decision: 'approved', decidedOn: '2024-01-10' });
    expect((await http.get(`/api/v1/vendors/${id}`)).body).toMatchObject({ status: 'rejected', nextReviewOn: '2026-01-10' });
    expect((await http.get(`/api/v1/vendors/${id}/reviews`)).body.items.map((r: { decidedOn: string }) => r.decidedOn)).toEqual(['2025-01-10', '2024-01-10']);
  });

  it.each([
    ['an unknown decision', { decision: 'maybe' }, 'body.decision'],
    ['no rationale', { decision: 'approved', rationale: ' ' }, 'body.rationale'],
    ['a future day', { decision: 'approved', decidedOn: '2026-12-01' }, 'body.decidedOn'],
    ['an impossible day', { decision: 'approved', decidedOn: '2026-02-30' }, 'body.decidedOn'],
    ['conditions on a plain approval', { decision: 'approved', conditions: [{ text: 'x' }] }, 'body.conditions'],
    ['conditions on a rejection', { decision: 'rejected', conditions: [{ text: 'x' }] }, 'body.conditions'],
    ['an approval with conditions but none given', { decision: 'approved-with-conditions' }, 'body.conditions'],
    ['a condition with neither finding nor text', { decision: 'approved-with-conditions', conditions: [{ owner: 'me' }] }, 'body.conditions.0.text'],
    [
      'a condition naming a finding the score lacks',
      { decision: 'approved-with-conditions', conditions: [{ findingId: 'no-such:finding' }] },
      'body.conditions.0.findingId',
    ],
    ['a next review before the decision', { decision: 'approved', decidedOn: '2026-01-01', nextReviewOn: '2025-12-31' }, 'body.nextReviewOn'],
    ['an unknown field', { decision: 'approved', approver: 'me' }, 'body.approver'],
  ])('refuses %s and writes nothing', async (_what, body, path) => {
    const { http, id, db } = await vendorWithTier(2);
    const res = await expectNoWrite(db, () => decide(http, id, body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res), JSON.stringify(res.body)).toContain(path);
  });

  it('answers 404 for an unknown vendor, 403 to a viewer, and writes nothing', async () => {
    const { http, as, db, id } = await vendorWithTier(2);
    const viewer = as('viewer');
    const analyst = as('analyst');
    expectProblem(await expectNoWrite(db, () => decide(http, 999, { decision: 'approved' })), 404, 'vendor-not-found');
    expectProblem(await expectNoWrite(db, () => decide(viewer, id, { decision: 'approved' })), 403, 'forbidden');
    expectProblem(await expectNoWrite(db, () => analyst.put('/api/v1/reviews/cadence').send({ tier1: 1, tier2: 1, tier3: 1, tier4: 1 })), 403, 'forbidden');
    expectProblem(
      await expectNoWrite(db, () => http.put('/api/v1/reviews/cadence').send({ tier1: 0, tier2: 1, tier3: 1, tier4: 1 })),
      400,
      'validation-failed',
    );
    expect((await decide(analyst, id, { decision: 'approved' })).status).toBe(201);
  });

  it('keeps the decision in the audit trail', async () => {
    const { http, id } = await vendorWithTier(2);
    const r = (await decide(http, id, { decision: 'approved' })).body;
    const audit = (await http.get(`/api/v1/audit?entity=review&entityId=${r.id}`)).body.items;
    expect(audit).toMatchObject([{ action: 'create', entity: 'review', actor: 'admin@example.com' }]);
  });
});
