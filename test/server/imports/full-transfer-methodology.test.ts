/**
 * Methodology versions through export and restore: a document written before a vendor could be
 * not assessed (methodology 1.x parameters, without priors, category table or minimum evidence
 * share) restores, and its version goes on scoring as 1.x did: every vendor assessed.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';

type Params = Record<string, Record<string, unknown>>;
type Doc = { methodologyVersions: Array<{ version: string; parameters: Params }> };

const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown) =>
  http.post('/api/v1/import/full').set('Content-Type', 'application/json').send(JSON.stringify(doc));

/** The document as methodology 1.x wrote it. */
const as1x = (d: Doc): Doc => ({
  ...d,
  methodologyVersions: d.methodologyVersions.map((m) => {
    const { assessment: _a, inherent: _i, support, mfa, ...rest } = m.parameters;
    const { unknownPrior: _s, ...support1 } = support!;
    const { unknownPrior: _m, ...mfa1 } = mfa!;
    return { ...m, parameters: { ...rest, support: support1, mfa: mfa1 } };
  }),
});

describe('methodology versions in export and restore', () => {
  it('a document from before the not-assessed band restores, and its version assesses every vendor as 1.x did', async () => {
    const doc = as1x((await demoApp().http.get('/api/v1/export')).body as Doc);
    const b = testApp();
    const res = await restoreInto(b.http, doc);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const m = (await b.http.get('/api/v1/methodology')).body;
    expect(m.assessment).toEqual({ minEvidenceShare: 0 });
    expect(m.support.unknownPrior).toBe(35 * 1 * (0.5 + (1 - 0.5) * 0.05));
    expect(m.mfa.unknownPrior).toBe(1 - (1 - 0.7) * 0.25);
    const rows = (await b.http.get('/api/v1/portfolio/heatmap?asOf=2026-11-29')).body.rows as Array<{ band: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.band === 'not-assessed')).toEqual([]);
  });

  it('refuses a version whose parameters are wrong either way, and writes nothing', async () => {
    const doc = (await demoApp().http.get('/api/v1/export')).body as Doc;
    doc.methodologyVersions[0]!.parameters['assessment'] = { minEvidenceShare: 2 };
    const b = testApp();
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, doc));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res).some((p) => p.includes('assessment.minEvidenceShare'))).toBe(true);
  });
});
