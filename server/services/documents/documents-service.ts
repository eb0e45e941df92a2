/**
 * Evidence documents: upload (streamed, bounded, typed by content), list, download, delete.
 * `upload` is what both the analyst's route and the vendor's response link call (issue 16 part B
 * passes the request's vendor and id, and its own actor).
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Store } from '../../db/store.ts';
import type { StoredDocument } from '../../db/documents-repo.ts';
import type { Actor } from '../../domain/account.ts';
import { DOCUMENT_MAX_BYTES, documentExpiresOn, documentMeta, expiredBy, type Document } from '../../domain/document.ts';
import { fieldProblems } from '../../domain/field-problems.ts';
import type { Clock } from '../clock.ts';
import { found, invalid, ServiceError } from '../errors.ts';
import { sniffMediaType } from './media-type.ts';

export interface UploadInput {
  readonly vendorId: number;
  /** The questionnaire request it comes with (the response link), or null. */
  readonly requestId: number | null;
  readonly actor: Actor;
  /** The metadata as sent (the `meta` field, JSON-parsed): validated here against its kind. */
  readonly meta: unknown;
  readonly fileName: string;
  /** The file's bytes as they arrive: read up to the limit and no further. */
  readonly stream: Readable;
  /** Checked again in the write transaction, after the file has arrived (the response link: the request may have been submitted meanwhile). */
  readonly stillAllowed?: () => void;
}

const tooLarge = () =>
  new ServiceError('too-large', 'payload-too-large', `The file is larger than ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB; nothing was stored.`, [
    { path: 'body.file', message: `over ${DOCUMENT_MAX_BYTES} bytes` },
  ]);

/** The stream's bytes, refusing (and no longer reading) once they pass `max`. */
async function readCapped(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge(); // leaving the loop destroys the stream
    chunks.push(chunk);
  }
  // busboy marks a file it cut at its own limit
  if ((stream as Readable & { truncated?: boolean }).truncated) throw tooLarge();
  return Buffer.concat(chunks, size);
}

/** A name fit for a Content-Disposition header: its last path segment, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return base === '' ? 'document' : base;
}

/** `watch` looks at the vendor's review state again after a write (a lapsed report reopens a decision: What changed). */
export function documentsService(store: Store, clock: Clock, watch?: { reviewCheck(vendorIds: Iterable<number>): void }) {
  const view = (d: StoredDocument, today = clock.today()): Document => {
    const expiresOn = documentExpiresOn(d.kind, d.details);
    return { ...d, expiresOn, expired: expiredBy(expiresOn, today) };
  };

  return {
    view,

    upload: async (u: UploadInput): Promise<Document> => {
      // Everything that can be told before the file is read, is.
      found(store.vendors.find(u.vendorId), 'vendor', u.vendorId);
      const parsed = documentMeta.safeParse(u.meta);
      if (!parsed.success) throw invalid("The document's metadata does not fit its kind; nothing was stored.", fieldProblems(parsed.error, 'body.meta'));
      const { kind, ...details } = parsed.data;
      const content = await readCapped(u.stream, DOCUMENT_MAX_BYTES);
      if (content.length === 0) throw invalid('The file is empty; nothing was stored.', [{ path: 'body.file', message: 'empty: choose a file' }]);
      const mediaType = sniffMediaType(content);
      if (mediaType === null) {
        throw new ServiceError(
          'unsupported',
          'document-type-refused',
          'Only PDF, PNG, JPEG and plain UTF-8 text are taken, recognised by their content (not their name); nothing was stored.',
          [{ path: 'body.file', message: 'not a PDF, PNG, JPEG or plain text file' }],
        );
      }
      const now = clock.now();
      return store.transaction(() => {
        // The vendor may have gone while the file arrived.
        found(store.vendors.find(u.vendorId), 'vendor', u.vendorId);
        u.stillAllowed?.();
        const id = store.documents.create(
          {
            vendorId: u.vendorId,
            requestId: u.requestId,
            kind,
            details,
            fileName: cleanFileName(u.fileName),
            mediaType,
            sha256: createHash('sha256').update(content).digest('hex'),
            content,
            uploadedBy: u.actor.label,
            knownFrom: clock.today(),
          },
          now,
        );
        const created = view(store.documents.find(id)!);
        store.audit.append(u.actor, { action: 'create', entity: 'document', entityId: id, vendorId: u.vendorId, after: created }, now);
        watch?.reviewCheck([u.vendorId]);
        return created;
      });
    },

    listForVendor: (vendorId: number): Document[] => {
      found(store.vendors.find(vendorId), 'vendor', vendorId);
      const today = clock.today();
      return store.documents.listByVendor(vendorId).map((d) => view(d, today));
    },

    /** The documents that came with a questionnaire request (the response page lists them: `{ id, fileName, kind, size }`). */
    listForRequest: (requestId: number): Document[] => {
      const today = clock.today();
      return store.documents.listByRequest(requestId).map((d) => view(d, today));
    },

    /** The document and its bytes, for a download. */
    content: (id: number): { document: Document; bytes: Buffer } => {
      const d = found(store.documents.find(id), 'document', id);
      return { document: view(d), bytes: store.documents.content(id)! };
    },

    delete: (actor: Actor, id: number): void =>
      store.transaction(() => {
        const d = found(store.documents.find(id), 'document', id);
        store.documents.delete(id);
        store.audit.append(actor, { action: 'delete', entity: 'document', entityId: id, vendorId: d.vendorId, before: view(d) }, clock.now());
        watch?.reviewCheck([d.vendorId]);
      }),
  };
}

export type DocumentsService = ReturnType<typeof documentsService>;
