/**
 * A fact accepted from a questionnaire names the answer it came from (`source.requestId`, or an
 * imported sheet's `source.importId`). Restored requests and sheets may get new ids (a merge into a
 * database that has some, an export whose ids have gaps): the restore carries the facts' sources
 * over to them, and refuses (nothing written) a fact naming a request or sheet the export lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { fullAnswers, shippedTemplate, submittedRequest, templatesOf } from '../../helpers/questionnaire-review.ts';

type App = ReturnType<typeof testApp>;
type Rec = Record<string, unknown>;
const CAIQ_CSV = readFileSync(join(import.meta.dirname, '../../fixtures/questionnaires/caiq-v4.csv'), 'utf8');
const app = () => testApp({ questionnaireTemplates: templatesOf(shippedTemplate()) });
const restoreInto = (http: App['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));
const addVendor = async (t: App, name: string) =>
  (
    await t.http
      .post('/api/v1/vendors')
      .send(vendorBody({ name, website: `https://${name.toLowerCase().replace(/\W/g, '')}.example.com` }))
      .expect(201)
  ).body.id as number;
const accept = async (t: App, requestId: number) => {
  const res = await t.http
    .post(`/api/v1/questionnaire-requests/${requestId}/decisions`)
    .send({ decisions: Object.keys(fullAnswers()).map((questionId) => ({ questionId, decision: 'accepted' })) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const importSheet = async (t: App, vendorId: number) => {
  const res = await t.http.post(`/api/v1/vendors/${vendorId}/questionnaire-imports`).set('Content-Type', 'text/csv').send(CAIQ_CSV);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.import.id as number;
};

/** A database whose one accepted request has id `1 + gap` (the requests before it deleted), and one imported sheet. */
async function source(gap: number) {
  const t = app();
  const vendorId = await addVendor(t, 'Acme Identity');
  for (let i = 0; i < gap; i++) submittedRequest(t.deps.store, vendorId);
  const requestId = submittedRequest(t.deps.store, vendorId);
  if (gap > 0) t.db.prepare('DELETE FROM questionnaire_requests WHERE id < ?').run(requestId);
  await accept(t, requestId);
  const other = await addVendor(t, 'Northwind Support');
  const importId = await importSheet(t, other);
  const doc = (await t.http.get('/api/v1/export').expect(200)).body;
  return { doc, requestId, importId };
}

/** A database that already has a request and an imported sheet of its own (other vendors). */
async function occupied() {
  const t = app();
  const vendorId = await addVendor(t, 'Zeta Storage');
  submittedRequest(t.deps.store, vendorId);
  submittedRequest(t.deps.store, vendorId);
  await importSheet(t, vendorId);
  return t;
}

/** The restored request's and sheet's ids, found by their vendors' names. */
async function restoredIds(t: App) {
  const vendors: Rec[] = (await t.http.get('/api/v1/vendors?limit=100')).body.items;
  const idOf = (name: string) => vendors.find((v) => v['name'] === name)!['id'] as number;
  const acme = idOf('Acme Identity');
  const requestId = (t.db.prepare('SELECT id FROM questionnaire_requests WHERE vendor_id = ?').get(acme) as { id: number }).id;
  const importId = (await t.http.get(`/api/v1/vendors/${idOf('Northwind Support')}/questionnaire-imports`)).body.items[0].id as number;
  return { acme, northwind: idOf('Northwind Support'), requestId, importId };
}

async function expectLinked(t: App) {
  const { acme, northwind, requestId, importId } = await restoredIds(t);
  const mfa: Rec[] = (await t.http.get(`/api/v1/vendors/${acme}/mfa`)).body.items;
  const support = mfa.find((m) => m['population'] === 'support')!;
  expect(support['source']).toEqual({ kind: 'questionnaire', requestId, questionId: 'mfa-support-method' });
  const subs: Rec[] = (await t.http.get(`/api/v1/vendors/${acme}/subprocessors`)).body.items;
  expect(subs.length).toBeGreaterThan(0);
  for (const s of subs) expect(s['source']).toMatchObject({ kind: 'questionnaire', requestId });
  const commitments: Rec[] = (await t.http.get(`/api/v1/vendors/${acme}/commitments`)).body.items;
  for (const c of commitments) expect(c['source']).toMatchObject({ kind: 'questionnaire', requestId });
  // The review of the request the fact names shows the answer it came from.
  const review = await t.http.get(`/api/v1/questionnaire-requests/${requestId}/review`);
  expect(review.status, JSON.stringify(review.body).slice(0, 300)).toBe(200);
  const item = review.body.items.find((i: { question: { id: string } }) => i.question.id === 'mfa-support-method');
  expect(item.answer).toMatchObject({ questionId: 'mfa-support-method', value: 'fido2', decision: 'accepted' });

  const nwMfa: Rec[] = (await t.http.get(`/api/v1/vendors/${northwind}/mfa`)).body.items;
  expect(nwMfa.find((m) => m['population'] === 'admins')!['source']).toEqual({ kind: 'questionnaire-import', importId, questionId: 'IAM-14.1' });
  const nwCommitments: Rec[] = (await t.http.get(`/api/v1/vendors/${northwind}/commitments`)).body.items;
  expect(nwCommitments.map((c) => c['source'])).toEqual([{ kind: 'questionnaire-import', importId, questionId: 'SEF-07.2' }]);
  // The sheet the fact names is there, with its answers, and its mapped answers name it.
  const sheet = await t.http.get(`/api/v1/questionnaire-imports/${importId}`);
  expect(sheet.status).toBe(200);
  expect(sheet.body.answersTotal).toBe(14);
  const iam = sheet.body.answers.find((a: { questionId: string }) => a.questionId === 'IAM-14.1');
  expect(iam).toMatchObject({
    answer: expect.any(String),
    mapping: { outcome: 'written', source: { kind: 'questionnaire-import', importId, questionId: 'IAM-14.1' } },
  });
}

describe('fact sources across export and restore', () => {
  it('exports imported sheets with their answers, and restores them into an empty database as they were', async () => {
    const { doc, importId } = await source(0);
    expect(doc.questionnaireImports).toHaveLength(1);
    expect(doc.questionnaireImports[0]).toMatchObject({ id: importId, format: 'caiq', answerCount: 14 });
    expect(doc.questionnaireImports[0].answers).toHaveLength(14);
    const b = app();
    const res = await restoreInto(b.http, doc).expect(200);
    expect(res.body).toMatchObject({ questionnaireImports: 1 });
    const again = (await b.http.get('/api/v1/export')).body;
    const { exportedAt: _a, ...first } = doc;
    const { exportedAt: _b, ...second } = again;
    expect(second).toEqual(first);
    await expectLinked(b);
  });

  it('an export whose request ids have a gap restores with every source naming the restored request', async () => {
    const { doc, requestId } = await source(1);
    expect(requestId).toBe(2);
    const b = app();
    await restoreInto(b.http, doc).expect(200);
    await expectLinked(b);
  });

  it('merged into a database that has requests and sheets, the facts name the new ids', async () => {
    const { doc } = await source(1);
    const b = await occupied();
    const res = await restoreInto(b.http, doc, '?mode=merge');
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    const { requestId, importId } = await restoredIds(b);
    expect(requestId).not.toBe(2);
    expect(importId).not.toBe(doc.questionnaireImports[0].id);
    await expectLinked(b);
    // Merged again: the same request and sheet, not added twice, and the sources still hold.
    await restoreInto(b.http, doc, '?mode=merge').expect(200);
    expect(b.db.prepare('SELECT COUNT(*) AS n FROM questionnaire_imports').get()).toEqual({ n: 2 });
    expect(b.db.prepare('SELECT COUNT(*) AS n FROM questionnaire_requests').get()).toEqual({ n: 3 });
    await expectLinked(b);
  });

  it('restores a document from before imported sheets were exported as having none', async () => {
    const { doc } = await source(0);
    const { questionnaireImports: _q, ...old } = doc;
    // Its facts named no sheet (nothing could refer to one it did not carry).
    old.mfa = old.mfa.filter((m: Rec) => (m['source'] as Rec | null)?.['kind'] !== 'questionnaire-import');
    old.commitments = old.commitments.filter((c: Rec) => (c['source'] as Rec | null)?.['kind'] !== 'questionnaire-import');
    const b = app();
    await restoreInto(b.http, old).expect(200);
    expect(b.db.prepare('SELECT COUNT(*) AS n FROM questionnaire_imports').get()).toEqual({ n: 0 });
  });

  it.each([
    ['an MFA record', 'mfa', 'questionnaire', 'requestId'],
    ['a subprocessor', 'subprocessors', 'questionnaire', 'requestId'],
    ['a commitment', 'commitments', 'questionnaire', 'requestId'],
    ['an MFA record', 'mfa', 'questionnaire-import', 'importId'],
    ['a commitment', 'commitments', 'questionnaire-import', 'importId'],
  ])('refuses %s (%s) naming a %s the export does not have: 400, the field named, nothing written', async (_what, list, kind, field) => {
    const { doc } = await source(0);
    const k = (doc[list] as Rec[]).findIndex((r) => (r['source'] as Rec | null)?.['kind'] === kind);
    expect(k).toBeGreaterThanOrEqual(0);
    (doc[list][k].source as Rec)[field] = 999;
    for (const mode of ['', '?mode=merge']) {
      const b = mode ? await occupied() : app();
      const res = await expectNoWrite(b.db, () => restoreInto(b.http, doc, mode));
      expectProblem(res, 400, 'validation-failed');
      expect(failingPaths(res)).toEqual([`body.${list}.${k}.source.${field}`]);
    }
  });

  it('property: whatever ids the requests had, the restored sources name the restored requests', async () => {
    const { doc } = await source(0);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 10_000 }), fc.boolean(), async (newId, merge) => {
        // The same document with its request renumbered (as an export with gaps would have it).
        const text = JSON.stringify(doc).replaceAll('"requestId":1,', `"requestId":${newId},`);
        const moved = JSON.parse(text);
        moved.questionnaireRequests[0].id = newId;
        const b = merge ? await occupied() : app();
        const res = await restoreInto(b.http, moved, merge ? '?mode=merge' : '');
        expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
        await expectLinked(b);
      }),
      { numRuns: 8 },
    );
  });
});
