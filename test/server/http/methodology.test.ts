import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

const next = (o: object = {}) => ({
  ...DEFAULT_POLICY,
  version: '2.1.0',
  note: 'short-penalty trial',
  decay: { name: 'short-penalty', kind: 'linear', days: 30 },
  ...o,
});

describe('GET /api/v1/methodology', () => {
  it('returns the shipped default with every parameter on a new database', async () => {
    const { http } = testApp();
    const res = await http.get('/api/v1/methodology');
    expect(res.status).toBe(200);
    const { note, createdAt, ...parameters } = res.body;
    expect(parameters).toEqual(DEFAULT_POLICY);
    expect([note, typeof createdAt]).toEqual(['Shipped default', 'string']);
  });
});

describe('PUT /api/v1/methodology', () => {
  it('stores a new version, puts it in force, and scores name it', async () => {
    const { http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody());
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ publicDisclosureDate: '2023-10-20' }));
    const before = (await http.get('/api/v1/vendors/1/score?asOf=2024-06-30')).body;
    const res = await http.put('/api/v1/methodology').send(next());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: '2.1.0', note: 'short-penalty trial', decay: { name: 'short-penalty' } });
    const after = (await http.get('/api/v1/vendors/1/score?asOf=2024-06-30')).body;
    expect([before.methodologyVersion, after.methodologyVersion]).toEqual(['2.0.0', '2.1.0']);
    // Under a 30-day penalty an eight-month-old breach no longer counts.
    expect(after.factors[0].score).toBe(0);
    expect(before.factors[0].score).toBeGreaterThan(0);
    const versions = (await http.get('/api/v1/methodology/versions')).body.items;
    expect(versions.map((v: { version: string; active: boolean }) => [v.version, v.active])).toEqual([
      ['2.0.0', false],
      ['2.1.0', true],
    ]);
  });

  it.each([
    ['2.0.0', 'stored'],
    ['1.0.0', 'shipped, never stored on this database'],
  ])('never overwrites a version: %s (%s) answers 409', async (version) => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const res = await expectNoWrite(db, () => http.put('/api/v1/methodology').send(next({ version })));
    expectProblem(res, 409, 'methodology-version-taken');
  });

  it.each([
    [{ weights: { ...DEFAULT_POLICY.weights, incidents: 0.9 } }, 'body.weights'],
    [{ version: 'v 2!' }, 'body.version'],
    [{ mfa: { ...DEFAULT_POLICY.mfa, populationWeights: { ...DEFAULT_POLICY.mfa.populationWeights, admins: 90 } } }, 'body.mfa.populationWeights'],
    [{ decay: { name: 'x', kind: 'half-life', halfLifeDays: 0, cutoffDays: null } }, 'body.decay.halfLifeDays'],
    [{ incidents: { ...DEFAULT_POLICY.incidents, severityPoints: { low: 8, medium: 20, high: 40 } } }, 'body.incidents.severityPoints.critical'],
    [{ colour: 'blue' }, 'body.colour'],
  ])('rejects %j at %s and stores nothing', async (change, path) => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const res = await expectNoWrite(db, () => http.put('/api/v1/methodology').send(next(change)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('rejects a partial set of parameters', async () => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const res = await expectNoWrite(db, () => http.put('/api/v1/methodology').send({ version: '2', weights: DEFAULT_POLICY.weights }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain('body.decay');
  });
});

describe('PUT /api/v1/methodology: the rationale', () => {
  it('is stored with the version and returned with it', async () => {
    const { http } = testApp();
    const rationale = {
      ...DEFAULT_POLICY.rationale,
      decay: { why: 'Trying the SecurityScorecard-like penalty for a quarter.', source: 'judgement (CISO, 2026-11-29)' },
    };
    const res = await http.put('/api/v1/methodology').send(next({ rationale }));
    expect(res.status).toBe(200);
    expect((await http.get('/api/v1/methodology')).body.rationale.decay).toEqual(rationale.decay);
  });

  it.each([
    [
      'a parameter without one',
      (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'support.accessPoints')),
      'body.rationale.support.accessPoints',
    ],
    ['an empty source', (r: Record<string, unknown>) => ({ ...r, 'weights.mfa': { why: 'Because.', source: '' } }), 'body.rationale.weights.mfa.source'],
    ['no rationale at all', () => undefined, 'body.rationale'],
  ])('refuses %s at %s and stores nothing', async (_what, change, path) => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const res = await expectNoWrite(db, () => http.put('/api/v1/methodology').send(next({ rationale: change(DEFAULT_POLICY.rationale) })));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});

describe('POST /api/v1/methodology/preview', () => {
  const ranked = (rows: Array<{ vendorId: number; risk: number }>) => rows.map((r) => r.vendorId);

  it('ranks the engaged vendors under a draft as of a day, stores nothing, and leaves the version in force', async () => {
    const { db, http } = testApp();
    await http.post('/api/v1/vendors').send(vendorBody());
    await http.post('/api/v1/vendors/1/incidents').send(incidentBody({ publicDisclosureDate: '2023-10-20' }));
    await http.post('/api/v1/vendors').send(vendorBody({ name: 'Quiet Co', website: 'https://quiet.example.com', tier: 1 }));
    const inForce = (await http.get('/api/v1/portfolio/heatmap?asOf=2024-06-30')).body;
    const res = await expectNoWrite(db, () => http.post('/api/v1/methodology/preview?asOf=2024-06-30').send(next()));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ asOf: '2024-06-30', methodologyVersion: '2.1.0', decay: 'short-penalty' });
    expect(res.body.rows).toHaveLength(2);
    // Under a 30-day penalty the eight-month-old breach no longer counts: the breached vendor's risk falls.
    const risk = (h: { rows: Array<{ vendorId: number; risk: number }> }) => h.rows.find((r) => r.vendorId === 1)!.risk;
    expect(risk(res.body)).toBeLessThan(risk(inForce));
    expect(ranked(inForce.rows)[0]).toBe(1);
    expect((await http.get('/api/v1/methodology')).body.version).toBe('2.0.0');
    // The same draft as in force ranks exactly as the heatmap does.
    const same = (await http.post('/api/v1/methodology/preview?asOf=2024-06-30').send({ ...DEFAULT_POLICY, version: 'draft' })).body;
    expect(same.rows).toEqual(inForce.rows);
  });

  it('does not mind a version label already taken: nothing is stored', async () => {
    const { http } = testApp();
    expect((await http.post('/api/v1/methodology/preview').send({ ...DEFAULT_POLICY })).status).toBe(200);
  });

  it.each([
    [{ weights: { ...DEFAULT_POLICY.weights, incidents: 0.9 } }, 'body.weights'],
    [{ rationale: { ...DEFAULT_POLICY.rationale, 'weights.mfa': { why: 'x' } } }, 'body.rationale.weights.mfa.source'],
    [{ colour: 'blue' }, 'body.colour'],
  ])('validates the draft as PUT does: %j fails at %s, nothing written', async (change, path) => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const res = await expectNoWrite(db, () => http.post('/api/v1/methodology/preview').send(next(change)));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('refuses a bad asOf, and a body that is not JSON', async () => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const bad = await expectNoWrite(db, () => http.post('/api/v1/methodology/preview?asOf=2024-02-30').send(next()));
    expectProblem(bad, 400, 'validation-failed');
    expect(failingPaths(bad)).toContain('query.asOf');
    const text = await expectNoWrite(db, () => http.post('/api/v1/methodology/preview').set('Content-Type', 'text/plain').send('weights'));
    expect(text.status).toBe(415);
  });

  it('is for admins: analysts and viewers get 403 (as for PUT), strangers 401, and nothing is written', async () => {
    const { db, as, anon, http } = testApp();
    await http.get('/api/v1/methodology');
    for (const role of ['analyst', 'viewer'] as const) {
      const agent = as(role);
      expectProblem(await expectNoWrite(db, () => agent.post('/api/v1/methodology/preview').send(next())), 403, 'forbidden');
      expectProblem(await expectNoWrite(db, () => agent.put('/api/v1/methodology').send(next())), 403, 'forbidden');
    }
    expectProblem(await anon().post('/api/v1/methodology/preview').send(next()), 401, 'authentication-required');
  });
});
