/**
 * Root causes, entry paths and campaign links through export and restore: kept exactly; a document
 * from before them restores (derived root causes, no links, a methodology version that scores as
 * 1.x did); a link the document cannot hold writes nothing; a merge maps links to this database's ids.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../server/scoring/policy.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';
import { incidentBody, vendorBody } from '../../helpers/fixtures.ts';
import { V1_PARAMETERS } from '../../helpers/policies.ts';

type Incident = { id: number; ref: string | null; vendorId: number; rootCause?: string | null; entryPath?: string | null; continuationOf?: number | null };
type Doc = { incidents: Incident[]; methodologyVersions: Array<{ version: string; parameters: Record<string, unknown> }> };

const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));

async function demoExport(): Promise<{ doc: Doc; idOf: (ref: string) => number }> {
  const t = demoApp();
  const refs = (await t.http.get('/api/v1/incidents?limit=1000')).body.items as Incident[];
  const idOf = (ref: string) => refs.find((i) => i.ref === ref)!.id;
  expect(
    (await t.http.patch(`/api/v1/incidents/${idOf('okta-2022-01-sitel')}`).send({ rootCause: 'subprocessor-compromise', entryPath: 'subprocessor' })).status,
  ).toBe(200);
  return { doc: (await t.http.get('/api/v1/export')).body, idOf };
}

describe('root causes and campaigns in export and restore', () => {
  it('travel with every incident and come back unchanged', async () => {
    const { doc, idOf } = await demoExport();
    const byRef = (ref: string) => doc.incidents.find((i) => i.ref === ref)!;
    expect(byRef('okta-2022-01-sitel')).toMatchObject({ rootCause: 'subprocessor-compromise', entryPath: 'subprocessor', continuationOf: null });
    expect(byRef('lastpass-2022-vault-backups').continuationOf).toBe(idOf('lastpass-2022-08-dev-environment'));
    expect(JSON.stringify(doc.incidents)).not.toContain('derivedRootCause');
    const b = testApp();
    expect((await restoreInto(b.http, doc)).status).toBe(200);
    const again: Doc = (await b.http.get('/api/v1/export')).body;
    expect(again.incidents).toEqual(doc.incidents);
  });

  it('a document from before them restores: root causes derived, no campaign, methodology 1.0.0 scoring as it did', async () => {
    const { doc } = await demoExport();
    const old = {
      ...doc,
      incidents: doc.incidents.map(({ rootCause: _r, entryPath: _e, continuationOf: _c, ...i }) => i),
      methodologyVersions: doc.methodologyVersions.map((m) => ({ ...m, version: '1.0.0', parameters: V1_PARAMETERS })),
    };
    const b = testApp();
    const res = await restoreInto(b.http, old);
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const sitel = (await b.http.get('/api/v1/incidents?limit=1000')).body.items.find((i: Incident) => i.ref === 'okta-2022-01-sitel');
    expect(sitel).toMatchObject({ rootCause: null, entryPath: null, continuationOf: null, derivedRootCause: 'support-credential-theft' });
    const method = (await b.http.get('/api/v1/methodology')).body;
    expect(method).toMatchObject({
      version: '1.0.0',
      recurrence: { matchOn: 'classes', pairWith: 'closest', requireSameEntryPath: false },
      campaigns: { countAsOne: false },
      incidentCap: { likelihoodPoints: null },
    });
  });

  it.each([
    ['an incident the document does not have', (d: Doc, k: number) => ({ ...d.incidents[k]!, continuationOf: 99_999 })],
    [
      "another vendor's incident",
      (d: Doc, k: number) => ({ ...d.incidents[k]!, continuationOf: d.incidents.find((i) => i.vendorId !== d.incidents[k]!.vendorId)!.id }),
    ],
  ])('refuses a link to %s and writes nothing', async (_what, change) => {
    const { doc } = await demoExport();
    const k = doc.incidents.findIndex((i) => i.ref === 'okta-2023-10-support-system');
    const bad = { ...doc, incidents: doc.incidents.map((i, j) => (j === k ? change(doc, k) : i)) };
    const b = testApp();
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, bad));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual([`body.incidents.${k}.continuationOf`]);
  });

  it('refuses a link to an incident known after its continuation', async () => {
    const { doc, idOf } = await demoExport();
    const k = doc.incidents.findIndex((i) => i.ref === 'lastpass-2022-08-dev-environment');
    const bad = { ...doc, incidents: doc.incidents.map((i, j) => (j === k ? { ...i, continuationOf: idOf('lastpass-2022-vault-backups') } : i)) };
    const b = testApp();
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, bad));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(`body.incidents.${k}.continuationOf`);
  });

  it('a merge links in this database’s ids, and a document without links keeps the links this database has', async () => {
    const { doc, idOf } = await demoExport();
    const b = testApp();
    // Another vendor and incident first, so that the ids of the merged ones differ from the document's.
    await b.http.post('/api/v1/vendors').send(vendorBody({ name: 'Zeta Co', website: 'https://zeta.example.com' }));
    await b.http.post('/api/v1/vendors/1/incidents').send(incidentBody({ ref: 'zeta' }));
    expect((await restoreInto(b.http, doc, '?mode=merge')).status).toBe(200);
    const items = (await b.http.get('/api/v1/incidents?limit=1000')).body.items as Incident[];
    const mine = (ref: string) => items.find((i) => i.ref === ref)!;
    expect(mine('lastpass-2022-vault-backups').id).not.toBe(idOf('lastpass-2022-vault-backups'));
    expect(mine('lastpass-2022-vault-backups').continuationOf).toBe(mine('lastpass-2022-08-dev-environment').id);
    expect(mine('okta-2022-01-sitel')).toMatchObject({ rootCause: 'subprocessor-compromise', entryPath: 'subprocessor' });
    const old = { ...doc, incidents: doc.incidents.map(({ rootCause: _r, entryPath: _e, continuationOf: _c, ...i }) => i) };
    expect((await restoreInto(b.http, old, '?mode=merge')).status).toBe(200);
    const kept = (await b.http.get('/api/v1/incidents?limit=1000')).body.items as Incident[];
    expect(kept.find((i) => i.ref === 'lastpass-2022-vault-backups')!.continuationOf).toBe(mine('lastpass-2022-08-dev-environment').id);
    expect(kept.find((i) => i.ref === 'okta-2022-01-sitel')).toMatchObject({ rootCause: 'subprocessor-compromise' });
  });

  it('the shipped default exports its new parameters, and restores with them', async () => {
    const { doc } = await demoExport();
    expect(doc.methodologyVersions[0]!.parameters).toMatchObject({ campaigns: DEFAULT_POLICY.campaigns, incidentCap: DEFAULT_POLICY.incidentCap });
  });
});
