/** Evidence documents over HTTP: upload by content type, list, download as an attachment, delete; each refusal writes nothing. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { HTML, isoMeta, JPEG, otherMeta, PDF, pentestMeta, PNG, soc2Meta, TEXT, uploadDocument } from '../../helpers/documents.ts';
import { vendorBody } from '../../helpers/fixtures.ts';

async function withVendor() {
  const t = testApp();
  await t.http.post('/api/v1/vendors').send(vendorBody()).expect(201);
  return t;
}

const binary = (res: import('supertest').Response, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('documents', () => {
  it('stores a SOC 2 report with its period, recognises a PDF by its bytes, and lists it with its expiry', async () => {
    const { http, deps } = await withVendor();
    const res = await uploadDocument(http, 1, soc2Meta(), PDF, 'Acme SOC 2 FY26.pdf').expect(201);
    expect(res.body.document).toMatchObject({
      id: 1,
      vendorId: 1,
      requestId: null,
      kind: 'soc2',
      details: {
        type: 'type2',
        periodStart: '2025-07-01',
        periodEnd: '2026-06-30',
        auditor: 'Example Assurance LLP',
        exceptions: 2,
        bridgeLetter: false,
        title: null,
      },
      fileName: 'Acme SOC 2 FY26.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: 'admin@example.com',
      knownFrom: '2026-11-29',
      expiresOn: '2027-06-30',
      expired: false,
    });
    const list = await http.get('/api/v1/vendors/1/documents').expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain('%PDF');
    expect(deps.store.audit.list({ entity: 'document', limit: 10, offset: 0 }).items[0]).toMatchObject({ action: 'create', entityId: 1, vendorId: 1 });
  });

  it('takes PNG, JPEG and plain text, whatever their names say, and each kind with its own fields', async () => {
    const { http } = await withVendor();
    const types = [];
    for (const [meta, file, name] of [
      [isoMeta(), PNG, 'cert.pdf'],
      [pentestMeta(), JPEG, 'summary'],
      [otherMeta(), TEXT, 'letter.html'],
    ] as const) {
      types.push((await uploadDocument(http, 1, meta, file, name).expect(201)).body.document.mediaType);
    }
    expect(types).toEqual(['image/png', 'image/jpeg', 'text/plain']);
    const list = (await http.get('/api/v1/vendors/1/documents').expect(200)).body.items;
    expect(list.map((d: { kind: string; expiresOn: string | null }) => [d.kind, d.expiresOn])).toEqual([
      ['other', null],
      ['pentest', null],
      ['iso27001', '2027-03-31'],
    ]);
  });

  it('reads an ISO 27001 certificate past its expiry as expired', async () => {
    const { http } = await withVendor();
    const d = (await uploadDocument(http, 1, isoMeta({ expiresOn: '2026-11-28' }), PDF).expect(201)).body.document;
    expect(d).toMatchObject({ expiresOn: '2026-11-28', expired: true });
    const today = (await uploadDocument(http, 1, isoMeta({ expiresOn: '2026-11-29' }), PDF).expect(201)).body.document;
    expect(today.expired).toBe(false);
  });

  it('serves the bytes back only as an attachment, never sniffed or rendered', async () => {
    const { http } = await withVendor();
    await uploadDocument(http, 1, otherMeta(), TEXT, 'Brücke letter (final).txt').expect(201);
    const res = await http.get('/api/v1/documents/1/content').buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body as Buffer, TEXT)).toBe(0);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Br_cke letter (final).txt"; filename*=UTF-8''Br%C3%BCcke%20letter%20%28final%29.txt`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
    expect(res.headers['cache-control']).toBe('no-store');
    expectProblem(await http.get('/api/v1/documents/9/content'), 404, 'document-not-found');
  });

  it('refuses an HTML page named .pdf with 415 document-type-refused, and writes nothing', async () => {
    const { http, db } = await withVendor();
    const res = await expectNoWrite(db, () => uploadDocument(http, 1, soc2Meta(), HTML, 'report.pdf'));
    expectProblem(res, 415, 'document-type-refused');
    expect(failingPaths(res)).toEqual(['body.file']);
    // Markup without a doctype, SVG, and binary junk too.
    for (const file of [
      Buffer.from('  <html><body>x</body></html>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from([0, 1, 2, 3, 0xfe]),
    ]) {
      expectProblem(await expectNoWrite(db, () => uploadDocument(http, 1, soc2Meta(), file)), 415, 'document-type-refused');
    }
  });

  it('refuses metadata that does not fit its kind, naming the fields, and writes nothing', async () => {
    const { http, db } = await withVendor();
    const wrongKind = await expectNoWrite(db, () => uploadDocument(http, 1, { kind: 'soc2', certificateNumber: 'X', expiresOn: '2027-01-01' }, PDF));
    expectProblem(wrongKind, 400, 'validation-failed');
    expect(failingPaths(wrongKind)).toEqual(expect.arrayContaining(['body.meta.certificateNumber', 'body.meta.periodEnd', 'body.meta.auditor']));
    const backwards = await expectNoWrite(db, () => uploadDocument(http, 1, soc2Meta({ periodStart: '2026-07-01', periodEnd: '2026-06-30' }), PDF));
    expect(failingPaths(backwards)).toEqual(['body.meta.periodEnd']);
    const unknownKind = await expectNoWrite(db, () => uploadDocument(http, 1, { kind: 'contract' }, PDF));
    expect(failingPaths(unknownKind)).toEqual(['body.meta.kind']);
    const notJson = await expectNoWrite(db, () => uploadDocument(http, 1, '{kind:', PDF));
    expect(failingPaths(notJson)).toEqual(['body.meta']);
    const late = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/documents').attach('file', PDF, 'a.pdf').field('meta', JSON.stringify(soc2Meta())));
    expectProblem(late, 400, 'validation-failed');
    expect(failingPaths(late)).toEqual(['body.meta']);
    const noFile = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/documents').field('meta', JSON.stringify(soc2Meta())));
    expect(failingPaths(noFile)).toEqual(['body.file']);
    const empty = await expectNoWrite(db, () => uploadDocument(http, 1, soc2Meta(), Buffer.alloc(0)));
    expect(failingPaths(empty)).toEqual(['body.file']);
  });

  it('refuses an upload for an unknown vendor with 404, and writes nothing', async () => {
    const { http, db } = await withVendor();
    expectProblem(await expectNoWrite(db, () => uploadDocument(http, 99, soc2Meta(), PDF)), 404, 'vendor-not-found');
    expectProblem(await http.get('/api/v1/vendors/99/documents'), 404, 'vendor-not-found');
  });

  it('lets a viewer read and download but not upload or delete (403, nothing written)', async () => {
    const { http, db, as } = await withVendor();
    await uploadDocument(http, 1, soc2Meta(), PDF).expect(201);
    const viewer = as('viewer');
    expectProblem(await expectNoWrite(db, () => uploadDocument(viewer, 1, soc2Meta(), PDF)), 403, 'forbidden');
    expectProblem(await expectNoWrite(db, () => viewer.delete('/api/v1/documents/1')), 403, 'forbidden');
    await viewer.get('/api/v1/vendors/1/documents').expect(200);
    await viewer.get('/api/v1/documents/1/content').expect(200);
  });

  it('refuses a body that is not multipart/form-data with 415', async () => {
    const { http, db } = await withVendor();
    const res = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/documents').set('Content-Type', 'application/pdf').send(PDF));
    expectProblem(res, 415, 'unsupported-media-type');
    const json = await expectNoWrite(db, () => http.post('/api/v1/vendors/1/documents').send({ meta: soc2Meta() }));
    expectProblem(json, 415, 'unsupported-media-type');
  });

  it('deletes a document (analyst), audited', async () => {
    const { http, deps, as } = await withVendor();
    await uploadDocument(http, 1, soc2Meta(), PDF).expect(201);
    await as('analyst').delete('/api/v1/documents/1').expect(204);
    expect((await http.get('/api/v1/vendors/1/documents')).body.items).toEqual([]);
    expect(deps.store.audit.list({ entity: 'document', limit: 10, offset: 0 }).items[0]).toMatchObject({ action: 'delete', entityId: 1 });
    expectProblem(await http.delete('/api/v1/documents/1'), 404, 'document-not-found');
  });

  it('is in the OpenAPI document: a multipart body (meta, file) and its problem answers', async () => {
    const { http } = await withVendor();
    const doc = (await http.get('/api/v1/openapi.json').expect(200)).body;
    const upload = doc.paths['/api/v1/vendors/{id}/documents'].post;
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(['201', '404', '413', '415', '429']));
    expect(doc.paths['/api/v1/documents/{id}/content'].get).toBeDefined();
  });

  it('goes with its vendor when the vendor is deleted', async () => {
    const { http, deps } = await withVendor();
    await uploadDocument(http, 1, soc2Meta(), PDF).expect(201);
    await http.delete('/api/v1/vendors/1').expect(204);
    expect(deps.store.documents.all()).toEqual([]);
  });
});
