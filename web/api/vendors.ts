/** The API calls about one vendor: its record, score, dossier, history, and the facts behind them. */
import type { BodyOf, IncidentBody, MfaPostureBody, SubprocessorBody, VendorBody, WhatIfRequest } from '../../server/http/contract.ts';
import type { ApiCore, RequestOptions } from './core.ts';

export const vendorCalls = (api: ApiCore) => ({
  vendor: (id: number, o?: RequestOptions) => api.call('GET /vendors/:id', { params: { id } }, o),
  /** Vendors by name, a page at a time (at most 1000): for pickers such as a subprocessor's own vendor record. */
  vendors: (q: { q?: string; limit?: number; offset?: number } = {}, o?: RequestOptions) => api.call('GET /vendors', { query: q }, o),
  score: (id: number, asOf?: string, o?: RequestOptions) => api.call('GET /vendors/:id/score', { params: { id }, query: { asOf } }, o),
  /** The vendor's dossier as one document as of a day (the print view reads it; its downloads are ?format=md and ?download=1). */
  dossier: (id: number, asOf?: string, o?: RequestOptions) => api.call('GET /vendors/:id/dossier', { params: { id }, query: { asOf } }, o),
  history: async (id: number, range: { from?: string; to?: string } = {}, o?: RequestOptions) =>
    (await api.call('GET /vendors/:id/history', { params: { id }, query: range }, o)).items,
  whatIf: (id: number, change: WhatIfRequest, o?: RequestOptions) => api.call('POST /vendors/:id/what-if', { params: { id }, body: change }, o),
  incidents: async (id: number, o?: RequestOptions) => (await api.call('GET /vendors/:id/incidents', { params: { id } }, o)).items,
  subprocessors: async (id: number, o?: RequestOptions) => (await api.call('GET /vendors/:id/subprocessors', { params: { id } }, o)).items,
  mfa: (id: number, o?: RequestOptions) => api.call('GET /vendors/:id/mfa', { params: { id } }, o),
  postureFacts: async (id: number, o?: RequestOptions) => (await api.call('GET /vendors/:id/posture-facts', { params: { id } }, o)).items,
  /** The vendor's commitments (days to notify of a breach, security contact). */
  commitments: async (id: number, o?: RequestOptions) => (await api.call('GET /vendors/:id/commitments', { params: { id } }, o)).items,
  /** A vendor's evidence documents (metadata only). */
  documents: async (id: number, o?: RequestOptions) => (await api.call('GET /vendors/:id/documents', { params: { id } }, o)).items,
  /** Uploads a document (analysts): its metadata first, then the file; refusals name `body.meta.*` and `body.file`. */
  uploadDocument: async (vendorId: number, meta: Record<string, unknown>, file: Blob, fileName: string) => {
    const form = new FormData();
    form.append('meta', JSON.stringify(meta));
    form.append('file', file, fileName);
    return (await api.call('POST /vendors/:id/documents', { params: { id: vendorId } }, {}, { type: null, data: form })).document;
  },
  deleteDocument: (id: number) => api.call('DELETE /documents/:id', { params: { id } }),
  /** Where a document downloads from (always as an attachment). */
  documentUrl: (id: number) => api.url('GET /documents/:id/content', { params: { id } }),
  vendorChanges: (id: number, limit = 100, o?: RequestOptions) => api.call('GET /vendors/:id/changes', { params: { id }, query: { limit } }, o),

  // Analysts: the facts behind a vendor's score. Validation errors come back as ApiError field errors.
  // A change to a stored record names the version it was made against (If-Match): the app never overwrites in silence.
  createIncident: (vendorId: number, body: IncidentBody) => api.call('POST /vendors/:id/incidents', { params: { id: vendorId }, body }),
  updateIncident: (id: number, patch: BodyOf<'PATCH /incidents/:id'>, version: number) =>
    api.call('PATCH /incidents/:id', { params: { id }, body: patch }, { ifMatch: version }),
  deleteIncident: (id: number, version: number) => api.call('DELETE /incidents/:id', { params: { id } }, { ifMatch: version }),
  /** An incident at a subprocessor, filed on its own vendor record (created, not engaged, when it has none). */
  createSubprocessorIncident: (subprocessorId: number, body: IncidentBody) =>
    api.call('POST /subprocessors/:id/incidents', { params: { id: subprocessorId }, body }),
  createSubprocessor: (vendorId: number, body: SubprocessorBody) => api.call('POST /vendors/:id/subprocessors', { params: { id: vendorId }, body }),
  updateSubprocessor: (id: number, patch: BodyOf<'PATCH /subprocessors/:id'>, version: number) =>
    api.call('PATCH /subprocessors/:id', { params: { id }, body: patch }, { ifMatch: version }),
  deleteSubprocessor: (id: number, version: number) => api.call('DELETE /subprocessors/:id', { params: { id } }, { ifMatch: version }),
  putMfa: (vendorId: number, posture: MfaPostureBody, version: number) =>
    api.call('PUT /vendors/:id/mfa', { params: { id: vendorId }, body: posture }, { ifMatch: version }),
  updateVendor: (id: number, patch: BodyOf<'PATCH /vendors/:id'>, version: number) =>
    api.call('PATCH /vendors/:id', { params: { id }, body: patch }, { ifMatch: version }),
  /** Adds a vendor (analysts); refusals name `body.*` fields. */
  createVendor: (body: VendorBody) => api.call('POST /vendors', { body }),
  /** Deletes a vendor (admins), with its incidents when `cascade`, only while it is at `version`. */
  deleteVendor: (id: number, version: number, cascade: boolean) =>
    api.call('DELETE /vendors/:id', { params: { id }, query: { cascade: cascade ? 'true' : undefined } }, { ifMatch: version }),
});
