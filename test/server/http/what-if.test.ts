import { describe, expect, it } from 'vitest';
import { vendorScore } from '../../../server/http/schemas/score.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function withVendor() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody());
  await t.http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ staffMfa: 'sms' }));
  await t.http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ population: 'support', method: 'sms', enforced: true })] });
  return t;
}

describe('POST /api/v1/vendors/:id/what-if', () => {
  it('shows what FIDO2 keys for support staff would do, and stores nothing', async () => {
    const { db, http } = await withVendor();
    const res = await expectNoWrite(db, () =>
      http
        .post('/api/v1/vendors/1/what-if')
        .send({ asOf: '2024-06-30', mfa: [{ population: 'support', method: 'fido2', enforced: true }], subprocessors: [{ id: 1, staffMfa: 'fido2' }] }),
    );
    expect(res.status).toBe(200);
    const before = vendorScore.parse(res.body.before);
    const after = vendorScore.parse(res.body.after);
    expect(after.likelihood).toBeLessThan(before.likelihood);
    expect(res.body.delta.likelihood).toBeCloseTo(after.likelihood - before.likelihood, 1);
    expect(res.body.delta.impact).toBe(0);
    expect(after.findings.map((f) => f.rule)).not.toContain('support-mfa-not-phishing-resistant');
    expect(before.findings.map((f) => f.rule)).toContain('support-mfa-not-phishing-resistant');
  });

  it('removes and adds subprocessors and incidents, and changes the relationship', async () => {
    const { http } = await withVendor();
    const removed = (await http.post('/api/v1/vendors/1/what-if').send({ asOf: '2024-06-30', removeSubprocessorIds: [1] })).body;
    expect(removed.after.factors.find((f: { id: string }) => f.id === 'support').known).toBe(false);
    const breach = (await http.post('/api/v1/vendors/1/what-if').send({ asOf: '2024-06-30', addIncidents: [incidentBody()] })).body;
    expect(breach.delta.risk).toBeGreaterThan(0);
    const lighter = (await http.post('/api/v1/vendors/1/what-if').send({ asOf: '2024-06-30', relationship: { tier: 4, environmentAccess: 'none' } })).body;
    expect(lighter.delta.impact).toBeLessThan(0);
    expect(lighter.delta.likelihood).toBe(0);
  });

  it.each([
    [{ subprocessors: [{ id: 99, staffMfa: 'fido2' }] }, 'body.subprocessors.0.id'],
    [{ removeSubprocessorIds: [42] }, 'body.removeSubprocessorIds.0'],
    [{ subprocessors: [{ id: 1, since: '2024', until: '2020' }] }, 'body.subprocessors.0.until'],
    [{ mfa: [{ population: 'support', method: 'yubikey', enforced: true }] }, 'body.mfa.0.method'],
    [{ addIncidents: [{ title: 'x' }] }, 'body.addIncidents.0.severity'],
    [{ asOf: '2024-02-30' }, 'body.asOf'],
    [{ surprise: true }, 'body.surprise'],
  ])('rejects %j at %s and writes nothing', async (body, path) => {
    const { db, http } = await withVendor();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/what-if').send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('404s for an unknown vendor', async () => {
    const { db, http } = await withVendor();
    expectProblem(await expectNoWrite(db, () => http.post('/api/v1/vendors/7/what-if').send({})), 404, 'vendor-not-found');
  });
});
