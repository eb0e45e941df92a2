import { describe, expect, it } from 'vitest';
import { heatmap as heatmapSchema, vendorScore } from '../../../server/http/schemas/score.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, mfaItem, subprocessorBody, vendorBody } from '../../helpers/fixtures.ts';

async function withScoredVendor() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody());
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Quiet Tools', tier: 4, dataAccess: 'none', environmentAccess: 'none' }));
  await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Prospect', status: 'not-engaged' }));
  await t.http.post('/api/v1/vendors/1/incidents').send(incidentBody());
  // Backfilled history: known long before the days the tests score.
  await t.http.post('/api/v1/vendors/1/subprocessors').send(subprocessorBody({ knownFrom: '2023-01-15' }));
  await t.http.put('/api/v1/vendors/1/mfa').send({ items: [mfaItem({ knownFrom: '2023-01-15' })] });
  return t;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('GET /api/v1/vendors/:id/score', () => {
  it('explains the score: factor contributions add up to each factor score', async () => {
    const { http } = await withScoredVendor();
    const res = await http.get('/api/v1/vendors/1/score?asOf=2023-10-31');
    expect(res.status).toBe(200);
    const s = vendorScore.parse(res.body);
    expect(s).toMatchObject({ vendorId: 1, asOf: '2023-10-31', methodologyVersion: '2.0.0' });
    expect(s.factors.map((f) => f.id)).toEqual(['incidents', 'recurrence', 'support', 'mfa', 'disclosure']);
    for (const f of s.factors) expect(sum(f.contributions.map((c) => c.points))).toBeCloseTo(f.score, 9);
    expect(sum(s.impactContributions.map((c) => c.points))).toBeCloseTo(s.impact, 9);
    expect(sum(s.factors.map((f) => f.weight))).toBeCloseTo(1, 9);
    expect(s.factors[0]!.contributions[0]).toMatchObject({ ref: 'incident:1', label: 'Support system breach' });
  });

  it('uses only what was known: before the disclosure the incident does not count', async () => {
    const { http } = await withScoredVendor();
    const before = vendorScore.parse((await http.get('/api/v1/vendors/1/score?asOf=2023-10-19')).body);
    const after = vendorScore.parse((await http.get('/api/v1/vendors/1/score?asOf=2023-10-20')).body);
    expect(before.factors[0]!.contributions).toEqual([]);
    expect(after.risk).toBeGreaterThan(before.risk);
  });

  it('defaults asOf to today', async () => {
    const { http } = await withScoredVendor();
    expect((await http.get('/api/v1/vendors/1/score')).body.asOf).toBe('2026-11-29');
  });

  it.each(['asOf=2023-10', 'asOf=2023-02-29', 'asOf=yesterday', 'at=2023-10-01'])('rejects ?%s with 400', async (qs) => {
    const { db, http } = await withScoredVendor();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/vendors/1/score?${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)[0]).toMatch(/^query\./);
  });

  it('404s for an unknown vendor, 400s for a bad id', async () => {
    const { db, http } = await withScoredVendor();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/vendors/42/score'), 404, 'vendor-not-found');
      expectProblem(await http.get('/api/v1/vendors/%20/score'), 400, 'validation-failed');
    });
  });
});

describe('GET /api/v1/portfolio/heatmap', () => {
  it('has a row per engaged vendor, riskiest first, with null for unknown factors', async () => {
    const { http } = await withScoredVendor();
    const res = await http.get('/api/v1/portfolio/heatmap?asOf=2024-01-01');
    const h = heatmapSchema.parse(res.body);
    expect(h.factors.map((f) => f.id)).toEqual(['incidents', 'recurrence', 'support', 'mfa', 'disclosure']);
    expect(h.rows.map((r) => r.name)).toEqual(['Acme Identity', 'Quiet Tools']);
    const [acme, quiet] = h.rows;
    expect(acme!.cells.support).toBeGreaterThan(0);
    expect(quiet!.cells).toEqual({ incidents: 0, recurrence: 0, support: null, mfa: null, disclosure: 0 });
    const single = (await http.get('/api/v1/vendors/1/score?asOf=2024-01-01')).body;
    expect(acme).toMatchObject({ risk: single.risk, band: single.band, likelihood: single.likelihood, impact: single.impact });
  });

  it('rejects a bad asOf and unknown parameters', async () => {
    const { db, http } = await withScoredVendor();
    await expectNoWrite(db, async () => {
      expectProblem(await http.get('/api/v1/portfolio/heatmap?asOf=31/10/2023'), 400, 'validation-failed');
      expectProblem(await http.get('/api/v1/portfolio/heatmap?tier=1'), 400, 'validation-failed');
    });
  });
});
