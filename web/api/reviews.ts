/** The API calls of procurement reviews (decisions, conditions, who is due) and of questionnaires to vendors. */
import type { QueryOf, Cadence, ConditionChange, NewQuestionnaireRequest, ReviewBody, ReviewDecisions } from '../../server/http/contract.ts';
import type { ApiCore, RequestOptions } from './core.ts';

export type DueQuery = Partial<Record<'before' | 'asOf' | 'owner' | 'tier', string>>;

export const reviewCalls = (api: ApiCore) => ({
  reviews: async (vendorId: number, o?: RequestOptions) => (await api.call('GET /vendors/:id/reviews', { params: { id: vendorId } }, o)).items,
  createReview: (vendorId: number, body: ReviewBody) => api.call('POST /vendors/:id/reviews', { params: { id: vendorId }, body }),
  updateCondition: (id: number, patch: ConditionChange, version: number) =>
    api.call('PATCH /conditions/:id', { params: { id }, body: patch }, { ifMatch: version }),
  reviewStatus: (vendorId: number, asOf?: string, o?: RequestOptions) =>
    api.call('GET /vendors/:id/review-status', { params: { id: vendorId }, query: { asOf } }, o),
  dueReviews: (q: DueQuery = {}, o?: RequestOptions) => api.call('GET /reviews/due', { query: q }, o),
  reviewCadence: (o?: RequestOptions) => api.call('GET /reviews/cadence', {}, o),
  setReviewCadence: (c: Cadence, version: number) => api.call('PUT /reviews/cadence', { body: c }, { ifMatch: version }),

  // Questionnaires (issue 16): templates, requests to vendors (the link is in the answer to create and send only), and their review.
  questionnaireTemplates: async (o?: RequestOptions) => (await api.call('GET /questionnaire-templates', {}, o)).items,
  questionnaireTemplate: (id: string, o?: RequestOptions) => api.call('GET /questionnaire-templates/:id', { params: { id } }, o),
  questionnaireRequests: async (vendorId: number, o?: RequestOptions) =>
    (await api.call('GET /vendors/:id/questionnaire-requests', { params: { id: vendorId } }, o)).items,
  /** Every vendor's requests, filtered by state or to the overdue ones. */
  allQuestionnaireRequests: async (q: { state?: QueryOf<'GET /questionnaire-requests'>['state']; overdue?: boolean } = {}, o?: RequestOptions) =>
    (await api.call('GET /questionnaire-requests', { query: { state: q.state, overdue: q.overdue ? 'true' : undefined } }, o)).items,
  questionnaireRequest: (id: number, o?: RequestOptions) => api.call('GET /questionnaire-requests/:id', { params: { id } }, o),
  createQuestionnaireRequest: (vendorId: number, body: NewQuestionnaireRequest) =>
    api.call('POST /vendors/:id/questionnaire-requests', { params: { id: vendorId }, body }),
  /** Sends a draft, or gives an open request a new link (the old one stops working). */
  sendQuestionnaireRequest: (id: number) => api.call('POST /questionnaire-requests/:id/send', { params: { id } }),
  revokeQuestionnaireRequest: (id: number) => api.call('POST /questionnaire-requests/:id/revoke', { params: { id } }),
  reopenQuestionnaireRequest: (id: number) => api.call('POST /questionnaire-requests/:id/reopen', { params: { id } }),
  questionnaireReview: (id: number, o?: RequestOptions) => api.call('GET /questionnaire-requests/:id/review', { params: { id } }, o),
  decideQuestionnaire: (id: number, body: ReviewDecisions) => api.call('POST /questionnaire-requests/:id/decisions', { params: { id }, body }),

  // Standard questionnaires in (CAIQ v4, SIG Lite).
  questionnaireImports: async (vendorId: number, o?: RequestOptions) =>
    (await api.call('GET /vendors/:id/questionnaire-imports', { params: { id: vendorId } }, o)).items,
  questionnaireImport: (id: number, o?: RequestOptions) => api.call('GET /questionnaire-imports/:id', { params: { id } }, o),
  /** The file as it is (XLSX or CSV: the server tells them apart by content, so the type says only "bytes"). */
  importQuestionnaire: (vendorId: number, file: Blob, q: QueryOf<'POST /vendors/:id/questionnaire-imports'>) =>
    api.call('POST /vendors/:id/questionnaire-imports', { params: { id: vendorId }, query: q }, {}, { type: 'application/octet-stream', data: file }),
});
