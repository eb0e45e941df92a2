/**
 * knownFrom through export and restore: kept exactly; a document from before it restores with
 * the dates the records themselves carry (a subprocessor's createdAt day, a statement's
 * statedDate, else the day the document was exported); a future or impossible one writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { demoApp } from '../../helpers/demo.ts';

type Doc = {
  exportedAt: string;
  subprocessors: Array<{ name: string; knownFrom?: string; createdAt: string }>;
  mfa: Array<{ vendorId: number; population: string; assessedOn: string; knownFrom?: string }>;
  postureFacts: Array<{ ref: string; statedDate: string | null; knownFrom?: string }>;
};

const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));

const demoExport = async (): Promise<Doc> => (await demoApp().http.get('/api/v1/export')).body;

/** The document as a version without knownFrom wrote it. */
const withoutKnownFrom = (d: Doc, exportedAt: string): Doc => ({
  ...d,
  exportedAt,
  subprocessors: d.subprocessors.map(({ knownFrom: _k, ...s }) => s),
  mfa: d.mfa.map(({ knownFrom: _k, ...m }) => m),
  postureFacts: d.postureFacts.map(({ knownFrom: _k, ...f }) => f),
});

describe('knownFrom in export and restore', () => {
  it('travels with every subprocessor, MFA record and posture statement, and comes back unchanged', async () => {
    const doc = await demoExport();
    expect(doc.subprocessors.find((s) => s.name.startsWith('Sitel'))!.knownFrom).toBe('2022-03-23');
    expect(doc.subprocessors.every((s) => typeof s.knownFrom === 'string')).toBe(true);
    expect(doc.mfa.every((m) => typeof m.knownFrom === 'string')).toBe(true);
    expect(doc.postureFacts.every((f) => typeof f.knownFrom === 'string')).toBe(true);
    const b = testApp();
    expect((await restoreInto(b.http, doc)).status).toBe(200);
    const again: Doc = (await b.http.get('/api/v1/export')).body;
    expect(again.subprocessors.map((s) => s.knownFrom)).toEqual(doc.subprocessors.map((s) => s.knownFrom));
    expect(again.mfa.map((m) => m.knownFrom)).toEqual(doc.mfa.map((m) => m.knownFrom));
    expect(again.postureFacts.map((f) => f.knownFrom)).toEqual(doc.postureFacts.map((f) => f.knownFrom));
  });

  it('restores a document from before knownFrom: a subprocessor from its createdAt day, a statement from its statedDate, the rest from the day it was exported', async () => {
    const doc = withoutKnownFrom(await demoExport(), '2025-06-01T08:00:00.000Z');
    const b = testApp();
    const res = await restoreInto(b.http, doc);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const back: Doc = (await b.http.get('/api/v1/export')).body;
    expect(back.subprocessors.map((s) => s.knownFrom)).toEqual(doc.subprocessors.map((s) => s.createdAt.slice(0, 10)));
    expect(new Set(back.mfa.map((m) => m.knownFrom))).toEqual(new Set(['2025-06-01']));
    const fact = (ref: string) => back.postureFacts.find((f) => f.ref === ref)!.knownFrom;
    expect(fact('okta-support-subprocessor-sitel-2022')).toBe('2022-03-23');
    expect(fact('okta-customer-can-block-support-access')).toBe('2025-06-01');
  });

  it('merging a document from before knownFrom keeps the dates this database has', async () => {
    const a = demoApp();
    const sitel = async () =>
      (await a.http.get(`/api/v1/vendors/${a.idOf('Okta')}/subprocessors`)).body.items.find((s: { name: string }) => s.name.startsWith('Sitel'));
    const before = await sitel();
    const doc = withoutKnownFrom((await a.http.get('/api/v1/export')).body, '2026-11-29T12:00:00.000Z');
    expect((await restoreInto(a.http, doc, '?mode=merge')).status).toBe(200);
    expect((await sitel()).knownFrom).toBe(before.knownFrom);
    const mfa = (await a.http.get(`/api/v1/vendors/${a.idOf('Okta')}/mfa`)).body.items;
    expect(mfa.map((r: { knownFrom: string }) => r.knownFrom)).toEqual(['2023-09']);
  });

  it.each([
    ['a subprocessor known from tomorrow', (d: Doc) => (d.subprocessors[0]!.knownFrom = '2026-11-30'), 'body.subprocessors.0.knownFrom'],
    ['an MFA record known from next year', (d: Doc) => (d.mfa[0]!.knownFrom = '2027'), 'body.mfa.0.knownFrom'],
    ['an MFA record known before the day it speaks for', (d: Doc) => (d.mfa[0]!.knownFrom = '2001-01-01'), 'body.mfa.0.knownFrom'],
    ['a statement known before it was stated', (d: Doc) => (d.postureFacts[0]!.knownFrom = '2001'), 'body.postureFacts.0.knownFrom'],
    ['a knownFrom that is no date', (d: Doc) => (d.subprocessors[1]!.knownFrom = 'soon'), 'body.subprocessors.1.knownFrom'],
  ])('refuses %s at its field and writes nothing', async (_what, spoil, path) => {
    const doc = await demoExport();
    spoil(doc);
    const b = testApp();
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, doc));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });
});
