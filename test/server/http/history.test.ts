import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

// The test clock says 2026-11-29, so 2026-Q4 is the current quarter.
async function withVendor() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody());
  await t.http.post('/api/v1/vendors/1/incidents').send(incidentBody());
  return t;
}

describe('GET /api/v1/vendors/:id/history', () => {
  it('gives one item per quarter end, using only what was known then', async () => {
    const { http } = await withVendor();
    const res = await http.get('/api/v1/vendors/1/history?from=2023-Q2&to=2024-Q1');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { quarter: string; asOf: string }) => [i.quarter, i.asOf])).toEqual([
      ['2023-Q2', '2023-06-30'],
      ['2023-Q3', '2023-09-30'],
      ['2023-Q4', '2023-12-31'],
      ['2024-Q1', '2024-03-31'],
    ]);
    const [q2, q3, q4] = res.body.items;
    expect(q3.risk).toBe(q2.risk); // the incident was disclosed on 2023-10-20
    expect(q4.risk).toBeGreaterThan(q3.risk);
    expect(res.body.items.every((i: { frozen: boolean; methodologyVersion: string }) => i.frozen && i.methodologyVersion === '2.0.0')).toBe(true);
  });

  it('defaults to the last eight quarters, the current one live', async () => {
    const { http } = await withVendor();
    const items = (await http.get('/api/v1/vendors/1/history')).body.items;
    expect(items.map((i: { quarter: string }) => i.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(items.at(-1)).toMatchObject({ quarter: '2026-Q4', asOf: '2026-11-29', frozen: false });
  });

  it('freezes closed quarters: later changes to the data or the methodology do not move them', async () => {
    const { http } = await withVendor();
    const first = (await http.get('/api/v1/vendors/1/history?from=2023-Q4&to=2024-Q4')).body;
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ ref: 'another', publicDisclosureDate: '2023-11-02' }));
    await http.patch('/api/v1/vendors/1').send({ tier: 4 });
    await http.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: '2.0.0', weights: { ...DEFAULT_POLICY.weights, incidents: 0.4, mfa: 0.1 } });
    const again = (await http.get('/api/v1/vendors/1/history?from=2023-Q4&to=2024-Q4')).body;
    expect(again).toEqual(first);
    // A quarter never asked for before is computed now, with what is known now.
    const fresh = (await http.get('/api/v1/vendors/1/history?from=2023-Q3&to=2023-Q3')).body.items[0];
    expect(fresh).toMatchObject({ methodologyVersion: '2.0.0', frozen: true });
    expect(fresh.impact).toBeLessThan(first.items[0].impact);
  });

  it('recomputes a closed quarter only when asked, under the methodology in force', async () => {
    const { http } = await withVendor();
    const before = (await http.get('/api/v1/vendors/1/history?from=2023-Q4&to=2023-Q4')).body.items[0];
    await http.patch('/api/v1/vendors/1').send({ tier: 4 });
    await http.put('/api/v1/methodology').send({ ...DEFAULT_POLICY, version: '2.0.0' });
    const res = await http.post('/api/v1/snapshots/2023-Q4/recompute');
    expect(res.body).toEqual({ quarter: '2023-Q4', asOf: '2023-12-31', methodologyVersion: '2.0.0', vendors: 1 });
    const after = (await http.get('/api/v1/vendors/1/history?from=2023-Q4&to=2023-Q4')).body.items[0];
    expect(after.methodologyVersion).toBe('2.0.0');
    expect(after.risk).toBeLessThan(before.risk);
  });

  it.each([
    ['from=2023-Q5', 'query.from'],
    ['from=2023Q1', 'query.from'],
    ['to=2027-Q1', 'query.to'],
    ['from=2024-Q2&to=2024-Q1', 'query.from'],
    ['from=2010-Q1&to=2020-Q4', 'query.from'],
    ['quarter=2023-Q1', 'query.quarter'],
  ])('rejects ?%s at %s and writes nothing', async (qs, path) => {
    const { db, http } = await withVendor();
    const res = await expectNoWrite(db, () => http.get(`/api/v1/vendors/1/history?${qs}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('404s for an unknown vendor', async () => {
    const { db, http } = await withVendor();
    expectProblem(await expectNoWrite(db, () => http.get('/api/v1/vendors/9/history')), 404, 'vendor-not-found');
  });
});

describe('POST /api/v1/snapshots/:quarter/recompute', () => {
  it('refuses the current quarter, future ones and malformed labels, writing nothing', async () => {
    const { db, http } = await withVendor();
    await http.get('/api/v1/methodology');
    await expectNoWrite(db, async () => {
      for (const q of ['2026-Q4', '2027-Q2']) {
        const res = await http.post(`/api/v1/snapshots/${q}/recompute`);
        expectProblem(res, 400, 'validation-failed');
        expect(failingPaths(res)).toEqual(['params.quarter']);
      }
      expectProblem(await http.post('/api/v1/snapshots/Q4-2023/recompute'), 400, 'validation-failed');
    });
  });
});
