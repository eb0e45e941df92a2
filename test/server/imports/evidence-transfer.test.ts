/**
 * The export carries evidence from vendors: documents with their bytes, questionnaire requests and
 * answers. Export → restore into a fresh database → export again gives the same document; a
 * document whose bytes do not match its record restores nothing.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../server/domain/account.ts';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { isoMeta, PDF, PNG, soc2Meta, uploadDocument } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

/** A request and its answers, written as part B's service would (its code is not on this branch). */
function questionnaire(t: ReturnType<typeof testApp>) {
  const q = t.deps.store.questionnaireTransfer;
  const id = q.insertRequest(
    {
      id: 0,
      vendorId: 1,
      templateId: 'support-chain-identity',
      templateVersion: '1',
      state: 'submitted',
      dueOn: '2026-12-15',
      contactName: 'Dana Vendor',
      contactEmail: 'dana@acme.example.com',
      message: null,
      linkExpiresOn: '2027-01-14',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-28T10:00:00.000Z',
      sentAt: '2026-11-20T10:00:00.000Z',
      openedAt: '2026-11-21T10:00:00.000Z',
      submittedAt: '2026-11-28T10:00:00.000Z',
      reviewedAt: null,
      revokedAt: null,
    },
    null,
  );
  t.db.prepare("UPDATE questionnaire_requests SET token_hash = 'ab12' WHERE id = ?").run(id);
  for (const [questionId, value] of [
    ['support-mfa', 'fido2'],
    ['subprocessors', [{ name: 'BPO', accessLevel: 'customer-data' }]],
  ] as const) {
    q.insertAnswer({
      requestId: id,
      questionId,
      value,
      answeredAt: '2026-11-27T10:00:00.000Z',
      submittedAt: '2026-11-28T10:00:00.000Z',
      decision: null,
      decisionComment: null,
      decidedAt: null,
    });
  }
  return id;
}

async function withEvidence() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody()).expect(201);
  const requestId = questionnaire(t);
  await uploadDocument(t.http, 1, soc2Meta(), PDF, 'soc2.pdf').expect(201);
  await t.deps.documents.upload({
    vendorId: 1,
    requestId,
    actor: { ...SYSTEM, label: `vendor contact, request ${requestId}` },
    meta: isoMeta(),
    fileName: 'cert.png',
    stream: Readable.from([PNG]),
  });
  return t;
}

const restoreInto = (http: ReturnType<typeof testApp>['http'], doc: unknown, qs = '') =>
  http.post(`/api/v1/import/full${qs}`).set('Content-Type', 'application/json').send(JSON.stringify(doc));
const withoutStamp = ({ exportedAt: _e, ...rest }: Record<string, unknown>) => rest;

describe('evidence in the export', () => {
  it('round-trips documents (bytes included), questionnaire requests and answers', async () => {
    const a = await withEvidence();
    const doc = (await a.http.get('/api/v1/export').expect(200)).body;
    expect(
      doc.documents.map((d: { kind: string; requestId: number | null; content: string }) => [d.kind, d.requestId, Buffer.from(d.content, 'base64').length]),
    ).toEqual([
      ['soc2', null, PDF.length],
      ['iso27001', 1, PNG.length],
    ]);
    expect(doc.questionnaireRequests).toHaveLength(1);
    // What the response page lists: the documents that came with the request.
    expect(a.deps.documents.listForRequest(1).map((d) => [d.fileName, d.kind, d.size, d.uploadedBy])).toEqual([
      ['cert.png', 'iso27001', PNG.length, 'vendor contact, request 1'],
    ]);
    expect(doc.questionnaireAnswers.map((x: { questionId: string }) => x.questionId)).toEqual(['subprocessors', 'support-mfa']);
    // No secret travels: the link's token hash stays behind.
    expect(JSON.stringify(doc.questionnaireRequests)).not.toMatch(/ab12|token/i);

    const b = testApp();
    const res = await restoreInto(b.http, doc).expect(200);
    expect(res.body).toMatchObject({ documents: 2, questionnaireRequests: 1, questionnaireAnswers: 2 });
    const again = (await b.http.get('/api/v1/export').expect(200)).body;
    expect(withoutStamp(again)).toEqual(withoutStamp(doc));
    const bytes = await b.http
      .get('/api/v1/documents/2/content')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(Buffer.compare(bytes.body as Buffer, PNG)).toBe(0);
    // The restored documents are facts of the score like uploaded ones.
    expect((await b.http.get('/api/v1/vendors/1/documents')).body.items.map((d: { expiresOn: string }) => d.expiresOn)).toEqual(['2027-03-31', '2027-06-30']);
  });

  it('a merge adds evidence once, however often the same export is merged', async () => {
    const a = await withEvidence();
    const doc = (await a.http.get('/api/v1/export').expect(200)).body;
    const b = testApp();
    await restoreInto(b.http, doc).expect(200);
    await restoreInto(b.http, doc, '?mode=merge').expect(200);
    expect(b.deps.store.documents.all()).toHaveLength(2);
    expect(b.deps.store.questionnaireTransfer.requests()).toHaveLength(1);
    expect(b.deps.store.questionnaireTransfer.answers()).toHaveLength(2);
  });

  it('refuses a document whose bytes do not match its record, or an answer without its request, and restores nothing', async () => {
    const a = await withEvidence();
    const doc = (await a.http.get('/api/v1/export').expect(200)).body;
    const b = testApp();
    const tampered = { ...doc, documents: [{ ...doc.documents[0], content: Buffer.from('%PDF-1.7 other').toString('base64') }, doc.documents[1]] };
    const res = await expectNoWrite(b.db, () => restoreInto(b.http, tampered));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.documents.0.content']);
    const html = Buffer.from('<html><script>x</script></html>');
    const disguised = {
      ...doc,
      documents: [
        {
          ...doc.documents[0],
          content: html.toString('base64'),
          size: html.length,
          sha256: (await import('node:crypto')).createHash('sha256').update(html).digest('hex'),
        },
      ],
    };
    expect(failingPaths(await expectNoWrite(b.db, () => restoreInto(b.http, disguised)))).toEqual(['body.documents.0.content']);
    const orphan = { ...doc, questionnaireRequests: [], documents: [] };
    expect(failingPaths(await expectNoWrite(b.db, () => restoreInto(b.http, orphan)))).toEqual([
      'body.questionnaireAnswers.0.requestId',
      'body.questionnaireAnswers.1.requestId',
    ]);
    const badMeta = { ...doc, documents: [{ ...doc.documents[0], details: { ...doc.documents[0].details, periodEnd: 'soon' } }] };
    expect(failingPaths(await expectNoWrite(b.db, () => restoreInto(b.http, badMeta)))).toContain('body.documents.0.details.periodEnd');
  });

  it('reads an export from before documents as having none', async () => {
    const a = testApp();
    await a.http.post('/api/v1/vendors').send(vendorBody()).expect(201);
    const { documents: _d, questionnaireRequests: _q, questionnaireAnswers: _a, ...older } = (await a.http.get('/api/v1/export').expect(200)).body;
    const b = testApp();
    expect((await restoreInto(b.http, older).expect(200)).body).toMatchObject({ documents: 0, questionnaireRequests: 0 });
  });
});
