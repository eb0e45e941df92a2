/** SQL for evidence documents: metadata lists never read the content; the content is read by id, alone. */
import type { Document, DocumentKind, DocumentMediaType } from '../domain/document.ts';
import type { Db } from './open.ts';

/** A document as stored: the API's Document without what is derived from its dates (expiry). */
export type StoredDocument = Omit<Document, 'expiresOn' | 'expired'>;

export interface NewDocument {
  readonly vendorId: number;
  readonly requestId: number | null;
  readonly kind: DocumentKind;
  readonly details: Readonly<Record<string, unknown>>;
  readonly fileName: string;
  readonly mediaType: DocumentMediaType;
  readonly sha256: string;
  readonly content: Buffer;
  readonly uploadedBy: string;
  readonly knownFrom: string;
}

interface DocumentRow {
  id: number;
  vendor_id: number;
  request_id: number | null;
  kind: string;
  details: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  known_from: string;
  created_at: string;
}

const COLUMNS = 'id, vendor_id, request_id, kind, details, file_name, media_type, size, sha256, uploaded_by, known_from, created_at';

const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  vendorId: r.vendor_id,
  requestId: r.request_id,
  kind: r.kind as DocumentKind,
  details: JSON.parse(r.details) as Record<string, unknown>,
  fileName: r.file_name,
  mediaType: r.media_type as DocumentMediaType,
  size: r.size,
  sha256: r.sha256,
  uploadedAt: r.created_at,
  uploadedBy: r.uploaded_by,
  knownFrom: r.known_from,
});

export function documentsRepo(db: Db) {
  const insert =
    db.prepare(`INSERT INTO documents (id, vendor_id, request_id, kind, details, file_name, media_type, size, sha256, content, uploaded_by, known_from, created_at)
    VALUES (@id, @vendor_id, @request_id, @kind, @details, @file_name, @media_type, @size, @sha256, @content, @uploaded_by, @known_from, @created_at)`);
  const byVendor = db.prepare<[number], DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE vendor_id = ? ORDER BY id DESC`);
  const byId = db.prepare<[number], DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`);
  const byRequest = db.prepare<[number], DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE request_id = ? ORDER BY id`);
  const all = db.prepare<[], DocumentRow>(`SELECT ${COLUMNS} FROM documents ORDER BY id`);
  const content = db.prepare<[number], { content: Buffer }>('SELECT content FROM documents WHERE id = ?');
  const remove = db.prepare('DELETE FROM documents WHERE id = ?');
  return {
    /** Stores a document; a restore passes the exported id and time. */
    create: (d: NewDocument, now: string, id: number | null = null): number =>
      Number(
        insert.run({
          id,
          vendor_id: d.vendorId,
          request_id: d.requestId,
          kind: d.kind,
          details: JSON.stringify(d.details),
          file_name: d.fileName,
          media_type: d.mediaType,
          size: d.content.length,
          sha256: d.sha256,
          content: d.content,
          uploaded_by: d.uploadedBy,
          known_from: d.knownFrom,
          created_at: now,
        }).lastInsertRowid,
      ),
    find: (id: number): StoredDocument | undefined => {
      const r = byId.get(id);
      return r && toDocument(r);
    },
    listByVendor: (vendorId: number): StoredDocument[] => byVendor.all(vendorId).map(toDocument),
    /** The documents uploaded through one questionnaire request's response link, oldest first. */
    listByRequest: (requestId: number): StoredDocument[] => byRequest.all(requestId).map(toDocument),
    /** Every document's metadata, oldest first (the scoring facts of the whole portfolio, the export). */
    all: (): StoredDocument[] => all.all().map(toDocument),
    content: (id: number): Buffer | undefined => content.get(id)?.content,
    delete: (id: number): boolean => remove.run(id).changes > 0,
  };
}

export type DocumentsRepo = ReturnType<typeof documentsRepo>;
