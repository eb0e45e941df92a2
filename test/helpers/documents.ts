/** Document uploads for tests: small files of each accepted type, metadata of each kind, a multipart POST. */
import type request from 'supertest';

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
export const TEXT = Buffer.from('Bridge letter: no material changes since 2026-06-30.\n', 'utf8');
export const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', 'utf8');

export const soc2Meta = (o: Record<string, unknown> = {}) => ({
  kind: 'soc2',
  type: 'type2',
  periodStart: '2025-07-01',
  periodEnd: '2026-06-30',
  auditor: 'Example Assurance LLP',
  exceptions: 2,
  bridgeLetter: false,
  ...o,
});
export const isoMeta = (o: Record<string, unknown> = {}) => ({ kind: 'iso27001', certificateNumber: 'IS 712345', expiresOn: '2027-03-31', ...o });
export const pentestMeta = (o: Record<string, unknown> = {}) => ({
  kind: 'pentest',
  testedOn: '2026-09-15',
  scope: 'Customer-facing web app and support portal',
  ...o,
});
export const otherMeta = (o: Record<string, unknown> = {}) => ({ kind: 'other', title: 'Security whitepaper', date: '2026-01-10', ...o });

/** POSTs meta then file, as the dossier's form does. */
export const uploadDocument = (agent: request.Agent, vendorId: number, meta: unknown, file: Buffer, fileName = 'report.pdf') =>
  agent
    .post(`/api/v1/vendors/${vendorId}/documents`)
    .field('meta', typeof meta === 'string' ? meta : JSON.stringify(meta))
    .attach('file', file, fileName);
