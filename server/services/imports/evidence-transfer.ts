/**
 * Evidence from vendors in the full export and restore (issue 16): documents with their bytes
 * (base64), questionnaire requests and their answers, imported CAIQ / SIG sheets with theirs. A
 * restored request or sheet may get a new id (merging, or ids taken): the facts that name it as
 * their source are carried over to it (`sourceMap`). Steps yield one record at a time, inside the
 * restore's one transaction (full-transfer.ts): all or nothing, and the event loop turns between them.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../db/store.ts';
import type { ExportDocument } from '../../domain/export.ts';
import type { FieldProblem } from '../../domain/field-problems.ts';
import { isFactSource, type FactSource } from '../../domain/fact-source.ts';
import { sniffMediaType } from '../documents/media-type.ts';

type Evidence = Pick<ExportDocument, 'documents' | 'questionnaireRequests' | 'questionnaireAnswers' | 'questionnaireImports'>;
type Facts = Pick<ExportDocument, 'mfa' | 'subprocessors' | 'commitments'>;

/** The document's request and sheet ids → this database's, once restored. */
export interface SourceIds {
  readonly requests: ReadonlyMap<number, number>;
  readonly imports: ReadonlyMap<number, number>;
}

/**
 * A fact's source with the request or sheet it names as restored here. Unknown ids cannot reach
 * here (sourceProblems refuses the document first); a citation string or null stays as it is.
 */
export function remapSource<S extends string | FactSource | null | undefined>(source: S, ids: SourceIds): S {
  const s: unknown = source;
  if (!isFactSource(s)) return source;
  if (s.kind === 'questionnaire') return { ...s, requestId: ids.requests.get(s.requestId) ?? s.requestId } as S;
  return { ...s, importId: ids.imports.get(s.importId) ?? s.importId } as S;
}

/** Facts whose source names a request or sheet the document does not carry: nothing is restored then (it would name another one, or none). */
export function sourceProblems(d: Evidence & Facts): FieldProblem[] {
  const requests = new Set(d.questionnaireRequests.map((r) => r.id));
  const imports = new Set(d.questionnaireImports.map((i) => i.id));
  const check = (list: ReadonlyArray<{ source?: string | FactSource | null | undefined }>, where: string) =>
    list.flatMap((r, k) => {
      const s = r.source;
      if (!isFactSource(s)) return [];
      if (s.kind === 'questionnaire')
        return requests.has(s.requestId)
          ? []
          : [{ path: `body.${where}.${k}.source.requestId`, message: `the document has no questionnaire request ${s.requestId}` }];
      return imports.has(s.importId)
        ? []
        : [{ path: `body.${where}.${k}.source.importId`, message: `the document has no imported questionnaire ${s.importId}` }];
    });
  return [...check(d.mfa, 'mfa'), ...check(d.subprocessors, 'subprocessors'), ...check(d.commitments, 'commitments')];
}

export function exportEvidence(store: Store): Evidence {
  return {
    documents: store.documents.all().map((d) => ({ ...d, content: store.documents.content(d.id)!.toString('base64') })),
    questionnaireRequests: store.questionnaireTransfer.requests() as Evidence['questionnaireRequests'],
    questionnaireAnswers: store.questionnaireTransfer.answers() as Evidence['questionnaireAnswers'],
    questionnaireImports: store.questionnaireImports.all().map((i) => ({ ...i, answers: store.questionnaireImports.allAnswers(i.id) })),
  };
}

/** A document's bytes must be what its record says (size, SHA-256, a type we take): nothing is restored otherwise. */
export function evidenceProblems(d: Evidence): FieldProblem[] {
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
    if (!requests.has(a.requestId))
      problems.push({ path: `body.questionnaireAnswers.${k}.requestId`, message: `the document has no questionnaire request ${a.requestId}` });
  });
  d.documents.forEach((doc, k) => {
    if (doc.requestId !== null && !requests.has(doc.requestId))
      problems.push({ path: `body.documents.${k}.requestId`, message: `the document has no questionnaire request ${doc.requestId}` });
  });
  return problems;
}

type AtRecord = <T>(path: string, write: () => T) => T;

/**
 * Writes the evidence with its own ids (or, merging, with new ids for requests this database does
 * not have: same vendor, template and creation time is the same request; for sheets, same vendor,
 * file (SHA-256) and import time). `mapVendor` maps the document's vendor ids to this database's.
 * Returns the ids the requests and sheets have here, for the facts that name them.
 */
export function* restoreEvidence(store: Store, d: Evidence, atRecord: AtRecord, exact: boolean, mapVendor: (id: number) => number): Generator<void, SourceIds> {
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
  const importIds = new Map<number, number>();
  for (const [k, imp] of d.questionnaireImports.entries()) {
    const { id, answers, vendorId: v, ...fields } = imp;
    const vendorId = mapVendor(v);
    const same = exact ? undefined : store.questionnaireImports.findSame(vendorId, imp.sha256, imp.importedAt);
    if (same !== undefined) {
      importIds.set(id, same);
      continue;
    }
    const newId = atRecord(`body.questionnaireImports[${k}]`, () =>
      store.questionnaireImports.create({ ...fields, vendorId, importedByUserId: null }, exact ? id : null),
    );
    importIds.set(id, newId);
    // A mapped answer names its sheet as the facts do: the sheet's id here.
    const moved = answers.map((a) => (a.mapping === null ? a : { ...a, mapping: { ...a.mapping, source: { ...a.mapping.source, importId: newId } } }));
    atRecord(`body.questionnaireImports[${k}].answers`, () => store.questionnaireImports.addAnswers(newId, moved));
    yield;
  }
  return { requests: requestIds, imports: importIds };
}
