import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';

const oktaRow = (rows: Array<{ name: string }>) => rows.find((r) => r.name === 'Okta') as Record<string, unknown> & { name: string };

describe('GET /api/v1/portfolio/heatmap', () => {
  it('gives each row its matrix cell, finding count and each factor’s largest contribution', async () => {
    const { http } = demoApp();
    const h = (await http.get('/api/v1/portfolio/heatmap?asOf=2023-10-31')).body;
    const okta = oktaRow(h.rows);
    expect(okta).toMatchObject({ cell: { likelihood: 4, impact: 5 }, findings: 8 });
    expect(okta.top).toMatchObject({ incidents: { label: "Stolen service-account credentials expose customer HAR files in Okta's support case system" } });
    expect(h.decay).toBe('long-memory');
  });

  it('ranks the portfolio under another decay policy on request, without storing anything', async () => {
    const { http, db } = demoApp();
    const long = (await http.get('/api/v1/portfolio/heatmap?asOf=2024-06-30')).body;
    const short = (await expectNoWrite(db, () => http.get('/api/v1/portfolio/heatmap?asOf=2024-06-30&decay=short-penalty'))).body;
    expect(short).toMatchObject({ decay: 'short-penalty', methodologyVersion: DEFAULT_POLICY.version });
    // Eight months on, a 30-day penalty has forgotten Okta's breaches; long memory has not.
    expect((oktaRow(short.rows).cells as Record<string, number>).incidents).toBe(0);
    expect((oktaRow(long.rows).cells as Record<string, number>).incidents).toBeGreaterThan(50);
    expectProblem(await http.get('/api/v1/portfolio/heatmap?decay=forgetful'), 400, 'validation-failed');
  });
});

describe('GET /api/v1/portfolio/trends', () => {
  it('gives every vendor’s risk per quarter end, frozen, with the biggest movers marked', async () => {
    const { http } = demoApp();
    const res = await http.get('/api/v1/portfolio/trends?from=2023-Q1&to=2024-Q4');
    expect(res.status).toBe(200);
    expect(res.body.quarters).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(res.body.asOf[3]).toBe('2023-12-31');
    expect(res.body.rows).toHaveLength(34);
    const okta = oktaRow(res.body.rows) as unknown as { risks: number[]; bands: string[] };
    expect(okta.risks[3]).toBeGreaterThan(okta.risks[2]!); // the October 2023 breach
    const movers = res.body.rows.filter((r: { mover: boolean }) => r.mover);
    expect(movers.length).toBeGreaterThan(0);
    expect(movers.length).toBeLessThanOrEqual(5);
    for (const m of movers) expect(Math.abs(m.delta)).toBeGreaterThanOrEqual(5);
    // The same quarters read again are the frozen ones.
    expect((await http.get('/api/v1/portfolio/trends?from=2023-Q1&to=2024-Q4')).body).toEqual(res.body);
  });

  it('defaults to the last eight quarters, the current one live', async () => {
    const { http } = demoApp();
    const res = (await http.get('/api/v1/portfolio/trends')).body;
    expect(res.quarters.at(-1)).toBe('2026-Q4');
    expect(res.asOf.at(-1)).toBe('2026-11-29');
    expect(res.quarters).toHaveLength(8);
  });

  it.each([
    ['from=2024-Q1&to=2024-Q1', 'query.from'],
    ['to=2030-Q1', 'query.to'],
    ['from=2000-Q1&to=2024-Q1', 'query.from'],
    ['from=2024Q1', 'query.from'],
  ])('rejects ?%s', async (qs, path) => {
    const { http, db } = demoApp();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/portfolio/trends?${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});

describe('GET /api/v1/portfolio/supply-chain', () => {
  it('links vendors to their subprocessors, walks into linked vendor records, and marks what serves several', async () => {
    const { http } = demoApp();
    const g = (await http.get('/api/v1/portfolio/supply-chain?asOf=2022-03-31')).body;
    const node = (name: string) => g.nodes.find((n: { name: string }) => n.name === name);
    const okta = node('Okta');
    expect(okta).toMatchObject({ kind: 'vendor', vendorId: expect.any(Number) });
    // Okta serves Cloudflare (its support channel) and is itself served by Sitel and its own support.
    expect(g.edges.filter((e: { target: string }) => e.target === okta.id).map((e: { source: string }) => node2name(g, e.source))).toEqual(['Cloudflare']);
    // As of March 2022 Sitel is known (named on 23 March 2022); Okta's own support case system only became known with the October 2023 breach.
    expect(
      g.edges
        .filter((e: { source: string }) => e.source === okta.id)
        .map((e: { target: string; active: boolean }) => [node2name(g, e.target), e.active])
        .sort(),
    ).toEqual([
      ['Okta Customer Support (Help Center case system)', false],
      ['Sitel Group (Sykes Enterprises)', true],
    ]);
    const later = (await http.get('/api/v1/portfolio/supply-chain?asOf=2024-01-31')).body;
    expect(later.edges.find((e: { target: string }) => node2name(later, e.target).startsWith('Sitel')).active).toBe(false);
    expect(later.edges.find((e: { target: string }) => node2name(later, e.target).startsWith('Okta Customer Support')).active).toBe(true);
  });

  it('marks a subprocessor serving two vendors as a concentration', async () => {
    const { http } = testApp();
    for (const name of ['A', 'B']) {
      await http.post('/api/v1/vendors').send({ name, category: 'identity provider', tier: 1, dataAccess: 'confidential', environmentAccess: 'admin' });
    }
    for (const id of [1, 2]) {
      await http
        .post(`/api/v1/vendors/${id}/subprocessors`)
        .send({ name: 'Callcentre  Ltd', function: 'support', outsourced: true, accessLevel: 'customer-data' });
    }
    const g = (await http.get('/api/v1/portfolio/supply-chain')).body;
    expect(g.nodes.find((n: { kind: string }) => n.kind === 'subprocessor')).toMatchObject({ name: 'Callcentre  Ltd', serves: 2, concentration: true });
  });
});

describe('GET /api/v1/methodology/decay-policies', () => {
  it('lists the named policies with curves and the one in force', async () => {
    const { http } = testApp();
    const { items } = (await http.get('/api/v1/methodology/decay-policies')).body;
    expect(items.map((d: { name: string; inForce: boolean }) => [d.name, d.inForce])).toEqual([
      ['long-memory', true],
      ['short-penalty', false],
      ['peer-half-life', false],
    ]);
    const long = items[0].curve;
    expect(long[0]).toEqual({ days: 0, weight: 1 });
    expect(long.find((p: { days: number }) => p.days === 1080).weight).toBeGreaterThan(0.5);
    expect(items[1].curve[1]).toEqual({ days: 30, weight: 0 });
  });
});

function node2name(g: { nodes: Array<{ id: string; name: string }> }, id: string): string {
  return g.nodes.find((n) => n.id === id)!.name;
}
