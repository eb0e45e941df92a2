/**
 * Evidence from vendors in the full export and restore (issue 16): documents with their bytes
 * (base64), questionnaire requests and their answers. Steps yield one record at a time, inside the
 * restore's one transaction (full-transfer.ts): all or nothing, and the event loop turns between them.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import type { ExportDocument } from '../../domain/export.ts';
import type { FieldProblem } from '../../domain/field-problems.ts';
import { sniffMediaType } from '../documents/media-type.ts';

type Evidence = Pick<ExportDocument, 'documents' | 'questionnaireRequests' | 'questionnaireAnswers'>;

export function exportEvidence(store: Store): Evidence {
  return {
    documents: store.documents.all().map((d) => ({ ...d, content: store.documents.content(d.id)!.toString('base64') })),
    questionnaireRequests: store.questionnaireTransfer.requests() as Evidence['questionnaireRequests'],
    questionnaireAnswers: store.questionnaireTransfer.answers() as Evidence['questionnaireAnswers'],
  };
}

/** A document's bytes must be what its record says (size, SHA-256, a type we take): nothing is restored otherwise. */
export function evidenceProblems(d: Pick<ExportDocument, 'documents' | 'questionnaireRequests' | 'questionnaireAnswers'>): FieldProblem[] {
  const problems: FieldProblem[] = d.documents.flatMap((doc, k) => {
    const bytes = Buffer.from(doc.content, 'base64');
    const path = `body.documents.${k}.content`;
    if (bytes.length !== doc.size) return [{ path, message: `holds ${bytes.length} bytes, the record says ${doc.size}` }];
    if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) return [{ path, message: 'does not match its sha256' }];
    if (sniffMediaType(bytes) !== doc.mediaType) return [{ path, message: `is not ${doc.mediaType}` }];
    return [];
  });
  const requests = new Set(d.questionnaireRequests.map((r) => r.id));
  d.questionnaireAnswers.forEach((a, k) => {
    if (!requests.has(a.requestId)) problems.push({ path: `body.questionnaireAnswers.${k}.requestId`, message: `the document has no questionnaire request ${a.requestId}` });
  });
  d.documents.forEach((doc, k) => {
    if (doc.requestId !== null && !requests.has(doc.requestId)) problems.push({ path: `body.documents.${k}.requestId`, message: `the document has no questionnaire request ${doc.requestId}` });
  });
  return problems;
}

type AtRecord = <T>(path: string, write: () => T) => T;

/**
 * Writes the evidence with its own ids (or, merging, with new ids for requests this database does
 * not have: same vendor, template and creation time is the same request). `mapVendor` maps the
 * document's vendor ids to this database's.
 */
export function* restoreEvidence(store: Store, d: Evidence, atRecord: AtRecord, exact: boolean, mapVendor: (id: number) => number): Generator<void, void> {
  const requestIds = new Map<number, number>();
  const fresh = new Set<number>();
  for (const [k, r] of d.questionnaireRequests.entries()) {
    const vendorId = mapVendor(r.vendorId);
    const same = exact ? undefined : store.questionnaireTransfer.findSame(vendorId, r.templateId, r.createdAt);
    const id = same ?? atRecord(`body.questionnaireRequests[${k}]`, () => store.questionnaireTransfer.insertRequest({ ...r, vendorId }, exact ? r.id : null));
    if (same === undefined) fresh.add(r.id);
    requestIds.set(r.id, id);
    yield;
  }
  // A merge leaves the answers of a request it already has as they are.
  for (const [k, a] of d.questionnaireAnswers.entries()) {
    if (!fresh.has(a.requestId)) continue;
    atRecord(`body.questionnaireAnswers[${k}]`, () => store.questionnaireTransfer.insertAnswer({ ...a, requestId: requestIds.get(a.requestId)! }));
    yield;
  }
  for (const [k, doc] of d.documents.entries()) {
    const vendorId = mapVendor(doc.vendorId);
    // Merging: a file this vendor has already (same bytes) is not added twice.
    if (!exact && store.documents.listByVendor(vendorId).some((x) => x.sha256 === doc.sha256)) continue;
    const { id, content, uploadedAt, requestId, size: _s, vendorId: _v, ...fields } = doc;
    atRecord(`body.documents[${k}]`, () =>
      store.documents.create(
        { ...fields, vendorId, requestId: requestId === null ? null : (requestIds.get(requestId) ?? null), content: Buffer.from(content, 'base64') },
        uploadedAt,
        exact ? id : null,
      ),
    );
    yield;
  }
}
