/**
 * Evidence documents: /vendors/:id/documents (upload, list), /documents/:id/content (download, only
 * ever as an attachment), /documents/:id (delete).
 */
import { z } from 'zod';
import { DOCUMENT_MAX_BYTES, document } from '../../domain/document.ts';
import { actorOf } from '../../services/auth-service.ts';
import type { RouteDeps } from '../../deps.ts';
import { readUpload } from '../multipart.ts';
import { validationError } from '../problem.ts';
import { Reply, route } from '../route.ts';
import { idParams } from '../schemas/common.ts';

/** The metadata field is small; the whole body may be the file plus this much (boundaries, part headers, meta). */
export const META_LIMIT = 16 * 1024;
export const DOCUMENT_BODY_LIMIT = DOCUMENT_MAX_BYTES + 64 * 1024;

export const uploadForm = z
  .object({
    meta: z.string().meta({
      description:
        'JSON DocumentMeta: `{ "kind": "soc2", "type": "type2", "periodStart": …, "periodEnd": …, "auditor": …, "exceptions": 0, "bridgeLetter": false }`; send it BEFORE the file',
    }),
    file: z.string().meta({
      description: `The file (PDF, PNG, JPEG or plain UTF-8 text, recognised by content), at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB`,
      format: 'binary',
    }),
  })
  .meta({ id: 'DocumentUpload' });

/** `attachment` with an ASCII fallback name and the exact name in UTF-8 (RFC 6266, RFC 8187). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/** The JSON in the `meta` field, or a validation problem naming it. */
export function metaOf(fields: ReadonlyMap<string, string>): unknown {
  const text = fields.get('meta');
  if (text === undefined) throw validationError([{ path: 'body.meta', message: 'send the meta field (JSON) before the file' }]);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError([{ path: 'body.meta', message: 'not valid JSON' }]);
  }
}

export const documentRoutes = ({ documents, imports }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/documents',
    tag: 'documents',
    summary: "A vendor's evidence documents (metadata only), newest first",
    params: idParams,
    status: 200,
    response: z.object({ items: z.array(document) }),
    errors: [404],
    handle: ({ params }) => ({ items: documents.listForVendor(params.id) }),
  }),
  route({
    method: 'post',
    access: 'analyst',
    path: '/vendors/:id/documents',
    tag: 'documents',
    summary: 'Upload an evidence document (multipart/form-data: meta, then file)',
    params: idParams,
    multipart: { limit: DOCUMENT_BODY_LIMIT, fields: uploadForm },
    // An upload holds up to 20 MB while it arrives: it takes one of the user's import slots (two each, four in all; 429 beyond).
    admit: (principal) => imports.admit(principal.user.id),
    status: 201,
    response: z.object({ document }),
    errors: [404, 413, 415, 429],
    handle: async ({ params, principal, request }) => {
      const created = await readUpload(
        request,
        request.res!,
        { fileSize: DOCUMENT_MAX_BYTES, fieldSize: META_LIMIT, fileField: 'file' },
        ({ fields, fileName, stream }) =>
          documents.upload({ vendorId: params.id, requestId: null, actor: actorOf(principal), meta: metaOf(fields), fileName, stream }),
      );
      return { document: created };
    },
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/documents/:id/content',
    tag: 'documents',
    summary: 'Download a document, as an attachment (never shown inline)',
    params: idParams,
    status: 200,
    produces: 'application/octet-stream',
    errors: [404],
    handle: ({ params }) => {
      const { document: d, bytes } = documents.content(params.id);
      return new Reply(200, bytes, {
        'Content-Type': d.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : d.mediaType,
        'Content-Disposition': attachment(d.fileName),
        'X-Content-Type-Options': 'nosniff',
        // Opened anyway (a saved link, a plug-in), it runs nothing and reaches nothing.
        'Content-Security-Policy': "sandbox; default-src 'none'",
      });
    },
  }),
  route({
    method: 'delete',
    access: 'analyst',
    path: '/documents/:id',
    tag: 'documents',
    summary: 'Delete a document',
    params: idParams,
    status: 204,
    errors: [404],
    handle: ({ params, principal }) => documents.delete(actorOf(principal), params.id),
  }),
];
