/**
 * Documents attached from the response page: POST /respond/documents with nothing but the response
 * token. They land on the request's vendor with the request's id, audited as the vendor contact; a
 * `document` answer may name only its own request's uploads; every refusal writes nothing.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../helpers/db.ts';
import { expectNoWrite, expectProblem, failingPaths } from '../../helpers/app.ts';
import { HTML, otherMeta, PDF, soc2Meta } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { questionnaireApp, REQUIRED_ANSWERS } from '../../helpers/questionnaires.ts';

type App = Awaited<ReturnType<typeof questionnaireApp>>;

/** Meta then file, as the response page's form sends them. */
const attach = (t: App, token: string, meta: unknown, file: Buffer, fileName = 'soc2.pdf') =>
  t.anon().post('/api/v1/respond/documents').set('X-Response-Token', token).field('meta', JSON.stringify(meta)).attach('file', file, fileName);

const documentRows = (t: App) =>
  t.db.prepare('SELECT id, vendor_id AS vendorId, request_id AS requestId, uploaded_by AS uploadedBy FROM documents ORDER BY id').all();

describe('documents from the response page', () => {
  it("lands on the request's vendor with the request's id, audited as the vendor contact, and is listed by GET /respond", async () => {
    const t = await questionnaireApp();
    const { id, token } = await t.send();
    const res = await attach(t, token, soc2Meta(), PDF, 'Acme SOC 2.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.document).toMatchObject({
      vendorId: t.vendor.id,
      requestId: id,
      kind: 'soc2',
      fileName: 'Acme SOC 2.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      uploadedBy: `vendor contact, request ${id}`,
    });
    expect(documentRows(t)).toEqual([{ id: res.body.document.id, vendorId: t.vendor.id, requestId: id, uploadedBy: `vendor contact, request ${id}` }]);
    const audit = (await t.http.get(`/api/v1/audit?actor=vendor contact, request ${id}&limit=100`)).body.items as Array<{
      action: string;
      entity: string;
      via: string;
      vendorId: number;
    }>;
    expect(audit.filter((e) => e.entity === 'document')).toMatchObject([{ action: 'create', via: 'response-link', vendorId: t.vendor.id }]);
    expect(JSON.stringify(audit)).not.toContain(token);
    // The vendor sees it on the page; the analyst sees it on the dossier.
    expect((await t.vendorCall(token).get()).body.documents).toEqual([
      { id: res.body.document.id, fileName: 'Acme SOC 2.pdf', kind: 'soc2', size: PDF.length },
    ]);
    expect((await t.http.get(`/api/v1/vendors/${t.vendor.id}/documents`)).body.items).toMatchObject([{ id: res.body.document.id, requestId: id }]);
    // And it may be the answer to a document question.
    const answer = await t.vendorCall(token).put('soc2-report', [res.body.document.id]);
    expect(answer.status).toBe(200);
    expect(answer.body.answer.value).toEqual([res.body.document.id]);
  });

  it('a token of another request cannot name that document in an answer (nor see it)', async () => {
    const t = await questionnaireApp();
    const other = (await t.http.post('/api/v1/vendors').send(vendorBody({ name: 'Other Vendor Inc' }))).body as { id: number };
    const mine = await t.send();
    const sameVendor = await t.send({ contactName: 'Sam Same' });
    const theirs = await t.send({ contactName: 'Theo Theirs' }, other.id);
    const doc = (await attach(t, mine.token, otherMeta(), PDF).expect(201)).body.document as { id: number };
    // An analyst's upload on the vendor is not the request's either.
    const analysts = (
      await t.http.post(`/api/v1/vendors/${t.vendor.id}/documents`).field('meta', JSON.stringify(otherMeta())).attach('file', PDF, 'a.pdf').expect(201)
    ).body.document as { id: number };
    for (const token of [sameVendor.token, theirs.token]) {
      const res = await expectNoWrite(t.db, () => t.vendorCall(token).put('soc2-report', [doc.id]));
      expectProblem(res, 422, 'answer-invalid');
      expect(failingPaths(res)).toEqual(['body.value.0']);
      expect((await t.vendorCall(token).get()).body.documents).toEqual([]);
    }
    expectProblem(await expectNoWrite(t.db, () => t.vendorCall(mine.token).put('soc2-report', [analysts.id])), 422, 'answer-invalid');
  });

  it('an HTML file named .pdf: 415, nothing written', async () => {
    const t = await questionnaireApp();
    const { token } = await t.send();
    await t.vendorCall(token).get();
    const res = await expectNoWrite(t.db, () => attach(t, token, soc2Meta(), HTML, 'report.pdf'));
    expectProblem(res, 415, 'document-type-refused');
  });

  it('metadata that does not fit its kind: 422 naming the field, nothing written', async () => {
    const t = await questionnaireApp();
    const { token } = await t.send();
    await t.vendorCall(token).get();
    const res = await expectNoWrite(t.db, () => attach(t, token, { kind: 'other', date: '2026-01-10' }, PDF));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(failingPaths(res)).toContain('body.meta.title');
  });

  it('a revoked token: 410, nothing written; a wrong token: 401, nothing written', async () => {
    const t = await questionnaireApp();
    const { id, token } = await t.send();
    await t.http.post(`/api/v1/questionnaire-requests/${id}/revoke`).expect(200);
    expectProblem(await expectNoWrite(t.db, () => attach(t, token, soc2Meta(), PDF)), 410, 'response-link-gone');
    expectProblem(await expectNoWrite(t.db, () => attach(t, 'A'.repeat(43), soc2Meta(), PDF)), 401, 'response-token-invalid');
    expectProblem(
      await expectNoWrite(t.db, () => t.anon().post('/api/v1/respond/documents').field('meta', JSON.stringify(soc2Meta())).attach('file', PDF, 'a.pdf')),
      401,
      'response-token-invalid',
    );
  });

  it('after submission: 409 request-read-only, nothing written', async () => {
    const t = await questionnaireApp();
    const { token } = await t.send();
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await t.vendorCall(token).put(q, value);
    expect((await t.vendorCall(token).submit()).status).toBe(200);
    expectProblem(await expectNoWrite(t.db, () => attach(t, token, soc2Meta(), PDF)), 409, 'request-read-only');
  });

  it('a body that is not multipart: 415, nothing written', async () => {
    const t = await questionnaireApp();
    const { token } = await t.send();
    await t.vendorCall(token).get();
    const res = await expectNoWrite(t.db, () => t.anon().post('/api/v1/respond/documents').set('X-Response-Token', token).send({ meta: soc2Meta() }));
    expectProblem(res, 415, 'unsupported-media-type');
  });
});

describe('uploads through the response link, while they arrive', () => {
  it('one at a time per request: a second is refused (429) until the first is done', async () => {
    const t = await questionnaireApp();
    const { token } = await t.send();
    const who = t.deps.respond.authenticate(token, '127.0.0.1');
    const release = t.deps.respond.admitUpload(who);
    expect(() => t.deps.respond.admitUpload(who)).toThrow(expect.objectContaining({ code: 'too-many-uploads' }));
    release();
    release(); // twice is once
    t.deps.respond.admitUpload(who)();
  });

  it('a request submitted while the file arrived: 409, nothing written', async () => {
    const t = await questionnaireApp();
    const { token } = await t.send();
    for (const [q, value] of Object.entries(REQUIRED_ANSWERS)) await t.vendorCall(token).put(q, value);
    const who = t.deps.respond.authenticate(token, '127.0.0.1');
    const stream = new PassThrough();
    const upload = t.deps.respond.upload(who, { meta: otherMeta(), fileName: 'late.pdf', stream });
    stream.write(PDF.subarray(0, 8));
    expect((await t.vendorCall(token).submit()).status).toBe(200);
    const before = fingerprint(t.db);
    stream.end(PDF.subarray(8));
    await expect(upload).rejects.toMatchObject({ code: 'request-read-only' });
    expect(fingerprint(t.db)).toBe(before);
    expect(documentRows(t)).toEqual([]);
  });
});
