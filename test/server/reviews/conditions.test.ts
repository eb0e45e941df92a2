import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { demoApp } from '../../helpers/demo.ts';

/** A tier-1 vendor approved with one free condition; the condition's id. */
async function withCondition() {
  const t = testApp();
  const v = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Conditioned', tier: 1 }))).body;
  const r = (
    await t.http
      .post(`/api/v1/vendors/${v.id}/reviews`)
      .send({ decision: 'approved-with-conditions', rationale: 'ok', conditions: [{ text: 'FIDO2 for support staff', owner: 'IT' }] })
  ).body;
  const id = r.conditions[0].id as number;
  const patch = (body: Record<string, unknown>, agent = t.http) => agent.patch(`/api/v1/conditions/${id}`).send(body);
  return { ...t, vendorId: v.id as number, id, patch };
}

describe('PATCH /api/v1/conditions/:id', () => {
  it('open → met, with evidence', async () => {
    const { patch } = await withCondition();
    const res = await patch({ state: 'met', evidence: 'Okta FastPass rollout memo, 2027-01-10' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ state: 'met', evidence: 'Okta FastPass rollout memo, 2027-01-10', owner: 'IT', waiverExpiresOn: null });
  });

  it('open → waived, with an expiry; the approver defaults to whoever waives it', async () => {
    const { patch } = await withCondition();
    expect((await patch({ state: 'waived', waiverExpiresOn: '2027-03-31' })).body).toMatchObject({
      state: 'waived',
      waiverExpiresOn: '2027-03-31',
      waiverApprover: 'admin@example.com',
    });
  });

  it('waived → open clears the waiver; met → open keeps the evidence for the record', async () => {
    const { patch } = await withCondition();
    await patch({ state: 'waived', waiverExpiresOn: '2027-03-31', waiverApprover: 'CFO' });
    expect((await patch({ state: 'open' })).body).toMatchObject({ state: 'open', waiverExpiresOn: null, waiverApprover: null });
    await patch({ state: 'met', evidence: 'memo' });
    expect((await patch({ state: 'open' })).body).toMatchObject({ state: 'open', evidence: 'memo' });
  });

  it('changes owner and due date without touching the state', async () => {
    const { patch } = await withCondition();
    expect((await patch({ owner: 'Security', dueOn: '2027-02-01' })).body).toMatchObject({ state: 'open', owner: 'Security', dueOn: '2027-02-01' });
  });

  it.each([
    ['met without evidence', { state: 'met' }, 'body.evidence'],
    ['waived without an expiry', { state: 'waived' }, 'body.waiverExpiresOn'],
    ['a waiver on an open condition', { waiverExpiresOn: '2027-01-01' }, 'body.waiverExpiresOn'],
    ['an unknown state', { state: 'done' }, 'body.state'],
    ['an empty patch', {}, 'body'],
    ['an impossible due date', { dueOn: '2027-13-01' }, 'body.dueOn'],
  ])('refuses %s and writes nothing', async (_what, body, path) => {
    const { patch, db } = await withCondition();
    const res = await expectNoWrite(db, () => patch(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('answers 404 for an unknown condition and 403 to a viewer', async () => {
    const { http, as, db, patch } = await withCondition();
    const viewer = as('viewer');
    expectProblem(await expectNoWrite(db, () => http.patch('/api/v1/conditions/999').send({ owner: 'x' })), 404, 'condition-not-found');
    expectProblem(await expectNoWrite(db, () => patch({ owner: 'x' }, viewer)), 403, 'forbidden');
  });

  it('an expired waiver reopens the decision', async () => {
    const { patch, http, vendorId } = await withCondition();
    await patch({ state: 'waived', waiverExpiresOn: '2027-01-31' });
    expect((await http.get(`/api/v1/vendors/${vendorId}/review-status?asOf=2027-01-31`)).body.state).toBe('ok');
    const s = (await http.get(`/api/v1/vendors/${vendorId}/review-status?asOf=2027-02-01`)).body;
    expect(s).toMatchObject({ state: 'review-needed', reasons: [{ code: 'waiver-expired' }] });
  });
});

describe('open conditions in the quarterly report', () => {
  it('appear among the findings of tier-1 and tier-2 vendors until they are met', async () => {
    const { http, idOf } = demoApp();
    const okta = idOf('Okta');
    const r = (
      await http.post(`/api/v1/vendors/${okta}/reviews`).send({
        decision: 'approved-with-conditions',
        rationale: 'ok',
        decidedOn: '2026-10-01',
        conditions: [{ text: 'Sanitize HAR files', owner: 'IT', dueOn: '2027-01-31' }],
      })
    ).body;
    const findings = async () => (await http.get('/api/v1/reports/quarterly/2026-Q4')).body.findings as Array<Record<string, unknown>>;
    expect((await findings()).find((f) => f.id === `condition:${r.conditions[0].id}`)).toMatchObject({
      source: 'condition',
      name: 'Okta',
      tier: 1,
      title: 'Open condition: Sanitize HAR files',
      owner: 'IT',
      dueOn: '2027-01-31',
    });
    await http.patch(`/api/v1/conditions/${r.conditions[0].id}`).send({ state: 'met', evidence: 'Support tooling strips cookies' });
    expect((await findings()).some((f) => f.source === 'condition')).toBe(false);
  });
});
