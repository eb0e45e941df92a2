import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';

const next = (o: object = {}) => ({ ...DEFAULT_POLICY, version: '1.1.0', note: 'short-penalty trial', decay: { name: 'short-penalty', kind: 'linear', days: 30 }, ...o });

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
    expect(res.body).toMatchObject({ version: '1.1.0', note: 'short-penalty trial', decay: { name: 'short-penalty' } });
    const after = (await http.get('/api/v1/vendors/1/score?asOf=2024-06-30')).body;
    expect([before.methodologyVersion, after.methodologyVersion]).toEqual(['1.0.0', '1.1.0']);
    // Under a 30-day penalty an eight-month-old breach no longer counts.
    expect(after.factors[0].score).toBe(0);
    expect(before.factors[0].score).toBeGreaterThan(0);
    const versions = (await http.get('/api/v1/methodology/versions')).body.items;
    expect(versions.map((v: { version: string; active: boolean }) => [v.version, v.active])).toEqual([
      ['1.0.0', false],
      ['1.1.0', true],
    ]);
  });

  it('never overwrites a version (409)', async () => {
    const { db, http } = testApp();
    await http.get('/api/v1/methodology');
    const res = await expectNoWrite(db, () => http.put('/api/v1/methodology').send(next({ version: '1.0.0' })));
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
