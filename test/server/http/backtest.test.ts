/**
 * GET and POST /api/v1/methodology/backtest: the demo portfolio replayed quarter by quarter under
 * a stored version, another decay policy or a draft; who may ask; bad ranges and drafts refused
 * with the failing field; too few events refused with a code of its own; nothing ever written.
 */
import { describe, expect, it } from 'vitest';
import { BACKTEST, PREDICTOR_IDS, type BacktestReport } from '../../../server/domain/backtest.ts';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

const URL = '/api/v1/methodology/backtest';
const auc = (r: BacktestReport, id: string) => r.predictors.find((p) => p.id === id)!.auc.value;

describe('GET /api/v1/methodology/backtest', () => {
  it('replays the demo portfolio under the methodology in force, up to the last quarter whose horizon has passed, and writes nothing', async () => {
    const { db, as } = demoApp();
    const analyst = as('analyst');
    const res = await expectNoWrite(db, () => analyst.get(URL));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body as BacktestReport;
    // The test clock is 2026-11-29: 2025-Q3 (ends 30 September 2025) is the last quarter whose 365 days have passed.
    expect(r).toMatchObject({
      methodologyVersion: '2.0.0',
      decay: 'long-memory',
      draft: false,
      from: BACKTEST.from,
      to: '2025-Q3',
      horizonDays: 365,
      minEvents: BACKTEST.minEvents,
    });
    expect(r.quarters).toHaveLength(27);
    expect(r.population).toMatchObject({ vendors: 34, observations: 34 * 27 });
    expect(r.population.events).toBe(r.quarters.reduce((a, q) => a + q.events, 0));
    expect(r.population.events).toBeGreaterThanOrEqual(BACKTEST.minEvents);
    expect(r.bootstrap).toEqual({ resamples: BACKTEST.resamples, seed: BACKTEST.seed, level: 0.95, unit: 'vendor' });
    expect(r.predictors.map((p) => p.id)).toEqual([...PREDICTOR_IDS]);
    for (const p of r.predictors) {
      for (const e of [p.meanPercentile, p.topQuartileShare, p.auc, p.brierSkill])
        expect(e.low! <= e.value! && e.value! <= e.high!, `${p.id} ${JSON.stringify(e)}`).toBe(true);
      expect(p.groups.reduce((a, g) => a + g.observations, 0)).toBe(r.population.observations);
      expect(p.groups.reduce((a, g) => a + g.events, 0)).toBe(r.population.events);
    }
    expect(r.predictors.find((p) => p.id === 'random')).toMatchObject({
      meanPercentile: { value: 50 },
      topQuartileShare: { value: 0.25 },
      auc: { value: 0.5 },
      brierSkill: { value: 0 },
    });
    expect(r.predictors.find((p) => p.id === 'risk')!.groups.map((g) => g.id)).toEqual(['critical', 'high', 'moderate', 'low', 'not-assessed']);
    expect(r.comparisons).toHaveLength(4);
    expect(r.calibration.likelihood.reduce((a, b) => a + b.observations, 0)).toBe(r.population.observations);
    expect(r.statements.map((s) => s.id)).toEqual(
      expect.arrayContaining(['events', 'rank-likelihood', 'likelihood-vs-prior-incidents', 'calibration-risk', 'groups-risk']),
    );
  });

  it('is the same answer every time (seeded bootstrap), and a new one when the data changes', async () => {
    const { as, http } = demoApp();
    const analyst = as('analyst');
    const first = (await analyst.get(`${URL}?from=2020-Q1&to=2024-Q4`)).body as BacktestReport;
    expect((await analyst.get(`${URL}?from=2020-Q1&to=2024-Q4`)).body).toEqual(first);
    // Not only the cache: another server, computing afresh, answers the same.
    expect((await demoApp().as('analyst').get(`${URL}?from=2020-Q1&to=2024-Q4`)).body).toEqual(first);
    const vendor = (await http.post('/api/v1/vendors').send(vendorBody({ name: 'Newco' }))).body;
    await http.post(`/api/v1/vendors/${vendor.id}/incidents`).send(
      incidentBody({
        publicDisclosureDate: '2022-06-01',
        detectedByVendorDate: '2022-05-01',
        firstReportedByThirdPartyDate: null,
        intrusionStartDate: '2022-04-01',
      }),
    );
    const after = (await analyst.get(`${URL}?from=2020-Q1&to=2024-Q4`)).body as BacktestReport;
    expect(after.population.vendors).toBe(first.population.vendors + 1);
    expect(after.population.events).toBe(first.population.events + 4);
  });

  it('replays under another decay policy, or a stored version, on request', async () => {
    const { as } = demoApp();
    const analyst = as('analyst');
    const long = (await analyst.get(URL)).body as BacktestReport;
    const short = (await analyst.get(`${URL}?decay=short-penalty`)).body as BacktestReport;
    expect([short.decay, short.methodologyVersion]).toEqual(['short-penalty', '2.0.0']);
    expect(auc(short, 'likelihood')).not.toBe(auc(long, 'likelihood'));
    // Baselines do not depend on the method.
    expect(short.predictors.filter((p) => p.kind === 'baseline')).toEqual(long.predictors.filter((p) => p.kind === 'baseline'));
    expect((await analyst.get(`${URL}?version=2.0.0`)).body).toEqual(long);
    // The shipped 1.0.0, never stored on this database, as it scored: nothing not assessed.
    const v1 = (await analyst.get(`${URL}?version=1.0.0`)).body as BacktestReport;
    expect([v1.decay, v1.methodologyVersion]).toEqual(['long-memory', '1.0.0']);
    const risk = v1.predictors.find((p) => p.id === 'risk')!;
    expect(risk.groups.find((g) => g.id === 'not-assessed')?.observations ?? 0).toBe(0);
    expect(long.predictors.find((p) => p.id === 'risk')!.groups.find((g) => g.id === 'not-assessed')!.observations).toBeGreaterThan(0);
  });

  it('is for analysts and admins: a viewer is refused (403), a stranger asked to sign in (401)', async () => {
    const { db, as, anon } = demoApp();
    const viewer = as('viewer');
    expectProblem(await expectNoWrite(db, () => viewer.get(URL)), 403, 'forbidden');
    expectProblem(await anon().get(URL), 401, 'authentication-required');
    expect((await as('admin').get(URL)).status).toBe(200);
  });

  it.each([
    ['to=2025-Q4', 'query.to'], // its horizon ends after today
    ['horizonDays=200&to=2026-Q2', 'query.to'],
    ['from=2025-Q1&to=2024-Q4', 'query.from'],
    ['from=2010-Q1&to=2025-Q1', 'query.from'], // 61 quarters
    ['from=2019-Q5', 'query.from'],
    ['horizonDays=10', 'query.horizonDays'],
    ['horizonDays=abc', 'query.horizonDays'],
    ['decay=forever', 'query.decay'],
    ['version=9.9.9', 'query.version'],
  ])('refuses %s at %s and writes nothing', async (query, path) => {
    const { db, as } = demoApp();
    const analyst = as('analyst');
    const res = await expectNoWrite(db, () => analyst.get(`${URL}?${query}`));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual([path]);
  });

  it('refuses to run on too few events, saying how many it found and needs (422)', async () => {
    const { db, as } = demoApp();
    const analyst = as('analyst');
    const res = await expectNoWrite(db, () => analyst.get(`${URL}?from=2025-Q1&to=2025-Q3`));
    expectProblem(res, 422, 'backtest-too-few-events');
    expect(res.body.detail).toMatch(new RegExp(`at least ${BACKTEST.minEvents} vendor-quarters .* 2025-Q1 to 2025-Q3 has \\d+ and \\d+`));
    const empty = testApp();
    expectProblem(await empty.as('analyst').get(URL), 422, 'backtest-too-few-events');
  });
});

describe('POST /api/v1/methodology/backtest (a draft)', () => {
  const inForce = async (http: ReturnType<typeof demoApp>['http']) => {
    const { createdAt: _c, ...body } = (await http.get('/api/v1/methodology')).body;
    return body as typeof DEFAULT_POLICY & { note: string | null };
  };

  it('backtests draft parameters without storing them: the body PUT /methodology would take', async () => {
    const { db, http } = demoApp();
    const body = { ...(await inForce(http)), version: '2.0.0-rc1', decay: { name: 'quick', kind: 'half-life', halfLifeDays: 200, cutoffDays: null } };
    const res = await expectNoWrite(db, () => http.post(URL).send(body));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ methodologyVersion: '2.0.0-rc1', decay: 'quick', draft: true });
    expect((await http.get('/api/v1/methodology/versions')).body.items).toHaveLength(1);
  });

  it('gives the stored version’s figures for its own parameters, version and note optional', async () => {
    const { http } = demoApp();
    const { version: _v, note: _n, ...parameters } = await inForce(http);
    const draft = (await http.post(`${URL}?from=2019-Q1&to=2024-Q4`).send(parameters)).body as BacktestReport;
    const stored = (await http.get(`${URL}?from=2019-Q1&to=2024-Q4`)).body as BacktestReport;
    expect(draft.methodologyVersion).toBe('draft');
    expect({ ...draft, methodologyVersion: '2.0.0', draft: false }).toEqual(stored);
  });

  it.each([
    [{ weights: { ...DEFAULT_POLICY.weights, incidents: 0.9 } }, 'body.weights'],
    [{ decay: { name: 'x', kind: 'half-life', halfLifeDays: 0, cutoffDays: null } }, 'body.decay.halfLifeDays'],
    [{ colour: 'blue' }, 'body.colour'],
  ])('refuses the draft %j at %s, the server’s errors beside the fields, and writes nothing', async (change, path) => {
    const { db, http } = demoApp();
    const body = { ...(await inForce(http)), ...change };
    const res = await expectNoWrite(db, () => http.post(URL).send(body));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('is for admins only', async () => {
    const { db, as, http } = demoApp();
    const body = await inForce(http);
    const analyst = as('analyst');
    expectProblem(await expectNoWrite(db, () => analyst.post(URL).send(body)), 403, 'forbidden');
  });

  it('refuses a range whose horizon has not passed, and too few events, as GET does', async () => {
    const { db, http } = demoApp();
    const body = await inForce(http);
    const late = await expectNoWrite(db, () => http.post(`${URL}?to=2026-Q1`).send(body));
    expectProblem(late, 400, 'validation-failed');
    expect(failingPaths(late)).toEqual(['query.to']);
    expectProblem(await expectNoWrite(db, () => http.post(`${URL}?from=2025-Q2&to=2025-Q3`).send(body)), 422, 'backtest-too-few-events');
  });
});

describe('the backtest in the OpenAPI document', () => {
  it('documents both methods, the query, the draft body, the report and the 422', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json')).body;
    const path = doc.paths['/api/v1/methodology/backtest'];
    expect(path.get.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'horizonDays', 'decay', 'version']);
    expect(path.post.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'horizonDays']);
    expect(path.get.responses['422'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
    expect(path.get.responses['200'].content['application/json'].schema.$ref).toMatch(/Backtest/);
    expect(path.post.requestBody.content['application/json'].schema.$ref).toMatch(/DraftMethodology/);
  });
});
