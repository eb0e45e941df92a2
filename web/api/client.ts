/**
 * The one door to the REST API. Typed by the server's own types (imported as types only), and
 * every failure becomes an ApiError carrying the problem+json `status` and `code`. The session
 * travels as an HttpOnly cookie the app never sees: fetch sends it (same origin), and a 401 that
 * means "signed out" on any call is reported through `onSignedOut`, so the app can ask again.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { Heatmap, HeatmapStatus } from '../../server/services/scoring-service.ts';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { Dossier } from '../../server/services/dossier/dossier-service.ts';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { Incident } from '../../server/domain/incident.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { StoredMfaPosture } from '../../server/domain/mfa.ts';
import type { PostureFact } from '../../server/domain/posture-fact.ts';
import type { Commitment } from '../../server/domain/commitment.ts';
import type { ApiToken, AuditEntry, Passkey, PasswordChanged, Role, Session, User } from '../../server/domain/account.ts';
import type { aboutService } from '../../server/services/about-service.ts';
import type { meOf } from '../../server/http/routes/session.ts';
import type { HistoryService } from '../../server/services/history-service.ts';
import type { SupplyChainService } from '../../server/services/supply-chain-service.ts';
import type { MethodologyService } from '../../server/services/methodology-service.ts';
import type { WhatIfResult } from '../../server/services/what-if-service.ts';
import type { whatIf } from '../../server/domain/what-if.ts';
import type { incidentInput } from '../../server/domain/incident.ts';
import type { subprocessorInput } from '../../server/domain/subprocessor.ts';
import type { mfaPostureInput } from '../../server/domain/mfa.ts';
import type { vendorInput } from '../../server/domain/vendor.ts';
import type { DecayPolicyName } from '../../server/domain/methodology.ts';
import type { BacktestReport, draftMethodology } from '../../server/domain/backtest.ts';
import type { Job } from '../../server/services/jobs-service.ts';
import type { importVendorsCsv } from '../../server/services/imports/vendors-csv.ts';
import type { importVeris } from '../../server/services/imports/veris-import.ts';
import type { restore, RestoreMode } from '../../server/services/imports/full-transfer.ts';
import type { QuarterlyReport, RefreezeResult, ReportAppendixPage, ReportSnapshots } from '../../server/services/reports/report-service.ts';
import type { Cadence, Condition, conditionPatch, Review, reviewInput, ReviewStatus, StoredCadence } from '../../server/domain/review.ts';
import type { DueItem } from '../../server/services/reviews/reviews-service.ts';
import type { FeedPage } from '../../server/services/changes/feed-service.ts';
import type { WatchRule, WatchRuleInput } from '../../server/domain/watch-rule.ts';
import type { Notification } from '../../server/domain/notification.ts';
import type { Delivery, newWebhook, Webhook, WebhookPatch } from '../../server/domain/webhook.ts';
import type { ImportDetail, MappedAnswer, QuestionnaireImport } from '../../server/domain/questionnaire-import.ts';
import type { QuestionnaireRequest, QuestionnaireTemplate } from '../../server/domain/questionnaire.ts';
import type {
  DueQuestionnaire,
  NewQuestionnaireRequest,
  QuestionnaireRequestDetail,
  QuestionnaireRequestWithVendor,
  QuestionnaireReview,
  QuestionnaireTemplateSummary,
  ReviewDecisions,
  ReviewDecisionsResult,
  SentQuestionnaireRequest,
} from '../../server/domain/questionnaire-api.ts';
import type { Document } from '../../server/domain/document.ts';
import type { z } from 'zod';
import { ApiError, isSignedOut, problemOf } from './api-error.ts';

export { ApiError } from './api-error.ts';
export type About = ReturnType<ReturnType<typeof aboutService>['about']>;
/** The signed-in caller: user, the role this session acts with, and whether a passkey is still needed. */
export type Me = ReturnType<typeof meOf>;
export type CreatedToken = ApiToken & { readonly token: string };
export type { WhatIfResult };
export interface AuditPage {
  readonly items: AuditEntry[];
  readonly total: number;
}
export type Trends = ReturnType<HistoryService['trends']>;
export type HistoryItem = ReturnType<HistoryService['history']>['items'][number];
export type SupplyChain = ReturnType<SupplyChainService['graph']>;
export type Methodology = ReturnType<MethodologyService['current']>;
export type DecayPolicyCurve = ReturnType<MethodologyService['decayPolicies']>[number];
/** The body of PUT /methodology (a new version) and of POST /methodology/preview (a draft). */
export type MethodologyBody = Omit<Methodology, 'createdAt' | 'note'> & { readonly note: string | null };
export type Backtest = BacktestReport;
/** The quarters a backtest covers; the server's defaults where left out. */
export interface BacktestRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly horizonDays?: number | undefined;
}
/** Draft methodology parameters to backtest: the body PUT /methodology takes, version and note optional. */
export type DraftMethodologyBody = z.input<typeof draftMethodology>;
/** The body of POST /vendors/:id/what-if (as sent: defaults may be left out). */
export type WhatIfRequest = z.input<typeof whatIf>;
export type IncidentBody = z.input<typeof incidentInput>;
export type SubprocessorBody = z.input<typeof subprocessorInput>;
/** The body of PUT /vendors/:id/mfa: a record's knownFrom may be left out (or null). */
export type MfaPostureBody = z.input<typeof mfaPostureInput>;
export type VendorBody = z.input<typeof vendorInput>;
export type VendorImport = Awaited<ReturnType<typeof importVendorsCsv>>;
export type VerisImport = Awaited<ReturnType<typeof importVeris>>;
export type RestoreResult = ReturnType<typeof restore>;
export type { Job, QuarterlyReport, RefreezeResult, ReportAppendixPage, ReportSnapshots, RestoreMode };
export type { Delivery, Notification, WatchRule, WatchRuleInput, Webhook, WebhookPatch };
export type WebhookBody = z.input<typeof newWebhook>;
export type CreatedWebhook = Webhook & { readonly secret: string };
export interface NotificationPage {
  readonly items: Notification[];
  readonly unread: number;
  readonly nextBefore: number | null;
}
export interface DeliveryLog {
  readonly items: Delivery[];
  readonly nextBefore: number | null;
}
export type { Cadence, Condition, DueItem, Review, ReviewStatus, StoredCadence };
export type {
  DueQuestionnaire,
  NewQuestionnaireRequest,
  QuestionnaireRequest,
  QuestionnaireRequestDetail,
  QuestionnaireRequestWithVendor,
  QuestionnaireReview,
};
export type { QuestionnaireTemplate, QuestionnaireTemplateSummary, ReviewDecisions, ReviewDecisionsResult, SentQuestionnaireRequest };
export type ReviewBody = z.input<typeof reviewInput>;
export type ConditionChange = z.input<typeof conditionPatch>;
export interface DueList {
  readonly asOf: string;
  readonly before: string;
  readonly items: DueItem[];
  /** Overdue questionnaire requests (issue 16), when the server lists them. */
  readonly questionnaires?: DueQuestionnaire[];
}
export type DueQuery = Partial<Record<'before' | 'asOf' | 'owner' | 'tier', string>>;
/** A check (dry run) or the import, and what to do with invalid rows or records (the server's default: reject). */
export interface ImportOptions {
  readonly dryRun: boolean;
  readonly onInvalid?: 'reject' | 'skip' | undefined;
}
/** An import either finished at once (its result) or, when large, runs as a job to poll. */
export type ImportOutcome<T> = { readonly kind: 'done'; readonly result: T } | { readonly kind: 'job'; readonly job: Job };
export type ChangesQuery = Partial<Record<'since' | 'tier' | 'owner' | 'kind' | 'before' | 'limit', string>>;
export type { FeedPage };
export type { ImportDetail, MappedAnswer, QuestionnaireImport };
export interface QuestionnaireImported {
  readonly import: QuestionnaireImport;
  readonly facts: MappedAnswer[];
}
export type AuditQuery = Partial<Record<'entity' | 'entityId' | 'actor' | 'from' | 'to' | 'limit' | 'offset', string>>;

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /**
   * The version of the record this change was made against (the record's `version`): sent as
   * If-Match, so that a record changed by someone else meanwhile answers 412 edit-conflict.
   */
  readonly ifMatch?: number | undefined;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
type Items<T> = { items: T[] };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class ApiClient {
  readonly base: string;
  /** Called when a request finds nobody signed in (never for a failed sign-in attempt). */
  onSignedOut: ((e: ApiError) => void) | undefined;
  private readonly _fetch: Fetch;

  constructor(base = '/api/v1', fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.base = base;
    this._fetch = fetchImpl;
  }

  async request<T>(method: Method, path: string, body?: unknown, query: Record<string, string | undefined> = {}, opts: RequestOptions = {}): Promise<T> {
    return (await this._send<T>(method, path, body === undefined ? undefined : { type: 'application/json', text: JSON.stringify(body) }, query, opts)).body;
  }

  /** Sends a text body as is (CSV, NDJSON, an export document), keeping the status: 202 means a job. */
  upload<T>(
    path: string,
    text: string,
    type: string,
    query: Record<string, string | undefined> = {},
    opts: RequestOptions = {},
  ): Promise<{ status: number; body: T }> {
    return this._send<T>('POST', path, { type, text }, query, opts);
  }

  /** A body without a type of ours (FormData: the browser sets multipart/form-data with its boundary). */
  private async _send<T>(
    method: Method,
    path: string,
    body: { type: string | null; text: string | Blob | FormData } | undefined,
    query: Record<string, string | undefined>,
    opts: RequestOptions,
  ): Promise<{ status: number; body: T }> {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
    const url = `${this.base}${path}${params.size > 0 ? `?${params}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body?.type) headers['content-type'] = body.type;
    if (opts.ifMatch !== undefined) headers['if-match'] = `"v${opts.ifMatch}"`;
    let res: Response;
    try {
      // The browser adds the session cookie and, on state-changing methods, the Origin the server checks.
      res = await this._fetch(url, { method, signal: opts.signal, headers, body: body?.text });
    } catch (e) {
      // An abort is the Task cancelling a stale request: let it through untouched.
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network-error', 'The server could not be reached.');
    }
    if (!res.ok) {
      const problem = await problemOf(res);
      if (isSignedOut(problem)) this.onSignedOut?.(problem);
      throw problem;
    }
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  }

  get<T>(path: string, query: Record<string, string | undefined> = {}, opts: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, query, opts);
  }

  private async _items<T>(path: string, query: Record<string, string | undefined>, o?: RequestOptions): Promise<T[]> {
    return (await this.get<Items<T>>(path, query, o)).items;
  }

  about = (o?: RequestOptions) => this.get<About>('/about', {}, o);
  /** `status`: engaged when left out (the server's default), `all`, or one status. */
  heatmap = (asOf?: string, o?: RequestOptions, decay?: DecayPolicyName, status?: HeatmapStatus) =>
    this.get<Heatmap>('/portfolio/heatmap', { asOf, decay, status }, o);
  trends = (range: { from?: string; to?: string } = {}, o?: RequestOptions) => this.get<Trends>('/portfolio/trends', range, o);
  supplyChain = (asOf?: string, o?: RequestOptions) => this.get<SupplyChain>('/portfolio/supply-chain', { asOf }, o);
  methodology = (o?: RequestOptions) => this.get<Methodology>('/methodology', {}, o);
  decayPolicies = (o?: RequestOptions) => this._items<DecayPolicyCurve>('/methodology/decay-policies', {}, o);
  /** Admins: stores a new methodology version and puts it in force. */
  putMethodology = (body: MethodologyBody, o?: RequestOptions) => this.request<Methodology>('PUT', '/methodology', body, {}, o);
  /** Admins: the engaged vendors ranked under a draft that is not stored. */
  previewMethodology = (body: MethodologyBody, asOf?: string, o?: RequestOptions) => this.request<Heatmap>('POST', '/methodology/preview', body, { asOf }, o);
  /** The backtest of a stored version (default: in force), optionally under another named decay policy (analysts). */
  backtest = (q: BacktestRange & { version?: string | undefined; decay?: DecayPolicyName | undefined } = {}, o?: RequestOptions) =>
    this.get<Backtest>('/methodology/backtest', { ...rangeQuery(q), version: q.version, decay: q.decay }, o);
  /** The backtest of draft parameters, before they are stored (admins); validation errors name `body.*` fields as PUT /methodology does. */
  backtestDraft = (draft: DraftMethodologyBody, q: BacktestRange = {}, o?: RequestOptions) =>
    this.request<Backtest>('POST', '/methodology/backtest', draft, rangeQuery(q), o);
  history = (id: number, range: { from?: string; to?: string } = {}, o?: RequestOptions) => this._items<HistoryItem>(`/vendors/${id}/history`, range, o);
  whatIf = (id: number, change: WhatIfRequest, o?: RequestOptions) => this.request<WhatIfResult>('POST', `/vendors/${id}/what-if`, change, {}, o);
  vendor = (id: number, o?: RequestOptions) => this.get<Vendor>(`/vendors/${id}`, {}, o);
  /** Vendors by name, a page at a time (at most 1000): for pickers such as a subprocessor's own vendor record. */
  vendors = (q: { q?: string; limit?: number; offset?: number } = {}, o?: RequestOptions) =>
    this.get<{ items: Vendor[]; total: number }>('/vendors', { q: q.q, limit: q.limit?.toString(), offset: q.offset?.toString() }, o);
  score = (id: number, asOf?: string, o?: RequestOptions) => this.get<VendorScore>(`/vendors/${id}/score`, { asOf }, o);
  /** The vendor's dossier as one document as of a day (the print view reads it; its downloads are ?format=md and ?download=1). */
  dossier = (id: number, asOf?: string, o?: RequestOptions) => this.get<Dossier>(`/vendors/${id}/dossier`, { asOf }, o);
  incidents = (id: number, o?: RequestOptions) => this._items<Incident>(`/vendors/${id}/incidents`, {}, o);
  subprocessors = (id: number, o?: RequestOptions) => this._items<Subprocessor>(`/vendors/${id}/subprocessors`, {}, o);
  mfa = (id: number, o?: RequestOptions) => this.get<StoredMfaPosture>(`/vendors/${id}/mfa`, {}, o);
  postureFacts = (id: number, o?: RequestOptions) => this._items<PostureFact>(`/vendors/${id}/posture-facts`, {}, o);
  /** The vendor's commitments (days to notify of a breach, security contact). */
  commitments = (id: number, o?: RequestOptions) => this._items<Commitment>(`/vendors/${id}/commitments`, {}, o);
  /** A vendor's evidence documents (metadata only). */
  documents = (id: number, o?: RequestOptions) => this._items<Document>(`/vendors/${id}/documents`, {}, o);
  /** Uploads a document (analysts): its metadata first, then the file; refusals name `body.meta.*` and `body.file`. */
  uploadDocument = async (vendorId: number, meta: Record<string, unknown>, file: Blob, fileName: string): Promise<Document> => {
    const form = new FormData();
    form.append('meta', JSON.stringify(meta));
    form.append('file', file, fileName);
    return (await this._send<{ document: Document }>('POST', `/vendors/${vendorId}/documents`, { type: null, text: form }, {}, {})).body.document;
  };
  deleteDocument = (id: number) => this.request<void>('DELETE', `/documents/${id}`);
  /** Where a document downloads from (always as an attachment). */
  documentUrl = (id: number) => `${this.base}/documents/${id}/content`;
  vendorChanges = (id: number, limit = 100, o?: RequestOptions) => this.get<AuditPage>(`/vendors/${id}/changes`, { limit: String(limit) }, o);

  // Analysts: the facts behind a vendor's score. Validation errors come back as ApiError field errors.
  // A change to a stored record names the version it was made against (If-Match): the app never overwrites in silence.
  createIncident = (vendorId: number, body: IncidentBody) => this.request<Incident>('POST', `/vendors/${vendorId}/incidents`, body);
  updateIncident = (id: number, patch: Partial<IncidentBody>, version: number) =>
    this.request<Incident>('PATCH', `/incidents/${id}`, patch, {}, { ifMatch: version });
  deleteIncident = (id: number, version: number) => this.request<void>('DELETE', `/incidents/${id}`, undefined, {}, { ifMatch: version });
  /** An incident at a subprocessor, filed on its own vendor record (created, not engaged, when it has none). */
  createSubprocessorIncident = (subprocessorId: number, body: IncidentBody) =>
    this.request<{ incident: Incident; vendor: Vendor; subprocessor: Subprocessor; link: 'linked' | 'matched-by-name' | 'created' }>(
      'POST',
      `/subprocessors/${subprocessorId}/incidents`,
      body,
    );
  createSubprocessor = (vendorId: number, body: SubprocessorBody) => this.request<Subprocessor>('POST', `/vendors/${vendorId}/subprocessors`, body);
  updateSubprocessor = (id: number, patch: Partial<SubprocessorBody>, version: number) =>
    this.request<Subprocessor>('PATCH', `/subprocessors/${id}`, patch, {}, { ifMatch: version });
  deleteSubprocessor = (id: number, version: number) => this.request<void>('DELETE', `/subprocessors/${id}`, undefined, {}, { ifMatch: version });
  putMfa = (vendorId: number, posture: MfaPostureBody, version: number) =>
    this.request<StoredMfaPosture>('PUT', `/vendors/${vendorId}/mfa`, posture, {}, { ifMatch: version });
  updateVendor = (id: number, patch: Partial<VendorBody>, version: number) => this.request<Vendor>('PATCH', `/vendors/${id}`, patch, {}, { ifMatch: version });
  /** Adds a vendor (analysts); refusals name `body.*` fields. */
  createVendor = (body: VendorBody) => this.request<Vendor>('POST', '/vendors', body);
  /** Deletes a vendor (admins), with its incidents when `cascade`, only while it is at `version`. */
  deleteVendor = (id: number, version: number, cascade: boolean) =>
    this.request<void>('DELETE', `/vendors/${id}`, undefined, { cascade: cascade ? 'true' : undefined }, { ifMatch: version });

  // Data in and out. Large imports answer 202 with a job whose progress `job(id)` reports.
  /** `expectVersions`: the dry run's, so that rows whose vendor changed since the preview are refused. */
  importVendors = async (
    csv: string,
    o: ImportOptions & { readonly onDuplicate?: 'create' | 'skip' | undefined; readonly expectVersions?: string | undefined },
  ): Promise<ImportOutcome<VendorImport>> =>
    outcome(
      await this.upload<VendorImport | Job>('/import/vendors', csv, 'text/csv', {
        dryRun: o.dryRun ? 'true' : undefined,
        onInvalid: o.onInvalid,
        onDuplicate: o.onDuplicate,
        expectVersions: o.dryRun ? undefined : o.expectVersions,
      }),
    );
  importVeris = async (
    text: string,
    type: 'application/json' | 'application/x-ndjson',
    o: ImportOptions = { dryRun: false },
  ): Promise<ImportOutcome<VerisImport>> =>
    outcome(await this.upload<VerisImport | Job>('/import/veris', text, type, { dryRun: o.dryRun ? 'true' : undefined, onInvalid: o.onInvalid }));
  job = (id: string, o?: RequestOptions) => this.get<Job>(`/jobs/${encodeURIComponent(id)}`, {}, o);
  restore = async (json: string, mode: RestoreMode) => (await this.upload<RestoreResult>('/import/full', json, 'application/json', { mode })).body;
  /** The quarterly report (`2023-Q4`), compared with the previous quarter or with `vs`; `restated`: as known today. */
  quarterlyReport = (quarter: string, vs?: string, o?: RequestOptions, view?: 'restated', appendix?: 'full') =>
    this.get<QuarterlyReport>(`/reports/quarterly/${encodeURIComponent(quarter)}`, { vs, view, appendix }, o);
  /** A page of a closed quarter's per-vendor appendix, from its frozen snapshot. */
  reportAppendix = (quarter: string, offset: number, limit: number, o?: RequestOptions) =>
    this.get<ReportAppendixPage>(`/reports/quarterly/${encodeURIComponent(quarter)}/vendors`, { offset: String(offset), limit: String(limit) }, o);
  /** A quarter's frozen snapshots, newest first. */
  reportSnapshots = (quarter: string, o?: RequestOptions) => this.get<ReportSnapshots>(`/reports/quarterly/${encodeURIComponent(quarter)}/snapshots`, {}, o);
  /** Admins: replace a closed quarter's snapshot by one taken now. */
  refreezeReport = (quarter: string) => this.request<RefreezeResult>('POST', `/reports/quarterly/${encodeURIComponent(quarter)}/refreeze`);

  // Procurement reviews: decisions, their conditions, and who is due.
  reviews = (vendorId: number, o?: RequestOptions) => this._items<Review>(`/vendors/${vendorId}/reviews`, {}, o);
  createReview = (vendorId: number, body: ReviewBody) => this.request<Review>('POST', `/vendors/${vendorId}/reviews`, body);
  updateCondition = (id: number, patch: ConditionChange, version: number) =>
    this.request<Condition>('PATCH', `/conditions/${id}`, patch, {}, { ifMatch: version });
  reviewStatus = (vendorId: number, asOf?: string, o?: RequestOptions) => this.get<ReviewStatus>(`/vendors/${vendorId}/review-status`, { asOf }, o);
  dueReviews = (q: DueQuery = {}, o?: RequestOptions) => this.get<DueList>('/reviews/due', q, o);
  reviewCadence = (o?: RequestOptions) => this.get<StoredCadence>('/reviews/cadence', {}, o);
  setReviewCadence = (c: Cadence, version: number) => this.request<StoredCadence>('PUT', '/reviews/cadence', c, {}, { ifMatch: version });

  // Questionnaires (issue 16): templates, requests to vendors (the link is in the answer to create and send only), and their review.
  questionnaireTemplates = (o?: RequestOptions) => this._items<QuestionnaireTemplateSummary>('/questionnaire-templates', {}, o);
  questionnaireTemplate = (id: string, o?: RequestOptions) => this.get<QuestionnaireTemplate>(`/questionnaire-templates/${encodeURIComponent(id)}`, {}, o);
  questionnaireRequests = (vendorId: number, o?: RequestOptions) => this._items<QuestionnaireRequest>(`/vendors/${vendorId}/questionnaire-requests`, {}, o);
  /** Every vendor's requests, filtered by state or to the overdue ones. */
  allQuestionnaireRequests = (q: { state?: string; overdue?: boolean } = {}, o?: RequestOptions) =>
    this._items<QuestionnaireRequestWithVendor>('/questionnaire-requests', { state: q.state, overdue: q.overdue ? 'true' : undefined }, o);
  questionnaireRequest = (id: number, o?: RequestOptions) => this.get<QuestionnaireRequestDetail>(`/questionnaire-requests/${id}`, {}, o);
  createQuestionnaireRequest = (vendorId: number, body: NewQuestionnaireRequest) =>
    this.request<SentQuestionnaireRequest>('POST', `/vendors/${vendorId}/questionnaire-requests`, body);
  /** Sends a draft, or gives an open request a new link (the old one stops working). */
  sendQuestionnaireRequest = (id: number) => this.request<SentQuestionnaireRequest>('POST', `/questionnaire-requests/${id}/send`);
  revokeQuestionnaireRequest = (id: number) => this.request<{ request: QuestionnaireRequest }>('POST', `/questionnaire-requests/${id}/revoke`);
  reopenQuestionnaireRequest = (id: number) => this.request<{ request: QuestionnaireRequest }>('POST', `/questionnaire-requests/${id}/reopen`);
  questionnaireReview = (id: number, o?: RequestOptions) => this.get<QuestionnaireReview>(`/questionnaire-requests/${id}/review`, {}, o);
  decideQuestionnaire = (id: number, body: ReviewDecisions) => this.request<ReviewDecisionsResult>('POST', `/questionnaire-requests/${id}/decisions`, body);

  // What changed: the feed, and when I last looked at it.
  changes = (q: ChangesQuery, o?: RequestOptions) => this.get<FeedPage>('/changes', q, o);
  changesSeen = (o?: RequestOptions) => this.get<{ seenAt: string | null }>('/me/changes-seen', {}, o);
  markChangesSeen = (seenAt?: string) => this.request<{ seenAt: string | null }>('PUT', '/me/changes-seen', seenAt ? { seenAt } : {});

  // Signing in and out, and the first admin.
  me = (o?: RequestOptions) => this.get<Me>('/me', {}, o);
  signIn = (email: string, password: string) => this.request<Me>('POST', '/session', { email, password });
  signOut = () => this.request<void>('DELETE', '/session');
  setup = (token: string, email: string, password: string) => this.request<Me>('POST', '/setup', { token, email, password });
  changePassword = (currentPassword: string, newPassword: string, revokeTokens: boolean) =>
    this.request<PasswordChanged>('PUT', '/me/password', { currentPassword, newPassword, revokeTokens });
  passkeySignInOptions = () => this.request<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }>('POST', '/session/passkey-options');
  passkeySignIn = (challengeId: string, response: AuthenticationResponseJSON) => this.request<Me>('POST', '/session/passkey', { challengeId, response });

  // The caller's own sessions, API tokens and passkeys.
  sessions = (o?: RequestOptions) => this._items<Session>('/sessions', {}, o);
  revokeSession = (id: number) => this.request<void>('DELETE', `/sessions/${id}`);
  tokens = (o?: RequestOptions) => this._items<ApiToken>('/tokens', {}, o);
  createToken = (t: { name: string; role: Role; expiresInDays: number }) => this.request<CreatedToken>('POST', '/tokens', t);
  revokeToken = (id: number) => this.request<void>('DELETE', `/tokens/${id}`);
  passkeys = (o?: RequestOptions) => this._items<Passkey>('/passkeys', {}, o);
  passkeyRegistrationOptions = () => this.request<PublicKeyCredentialCreationOptionsJSON>('POST', '/passkeys/registration-options');
  addPasskey = (name: string, response: RegistrationResponseJSON) => this.request<Passkey>('POST', '/passkeys', { name, response });
  removePasskey = (id: number) => this.request<void>('DELETE', `/passkeys/${id}`);

  // Alerts: your watch rules and the bell.
  watchRules = (o?: RequestOptions) => this._items<WatchRule>('/me/watch-rules', {}, o);
  createWatchRule = (r: WatchRuleInput) => this.request<WatchRule>('POST', '/me/watch-rules', r);
  replaceWatchRule = (id: number, r: WatchRuleInput) => this.request<WatchRule>('PUT', `/me/watch-rules/${id}`, r);
  deleteWatchRule = (id: number) => this.request<void>('DELETE', `/me/watch-rules/${id}`);
  resetWatchRules = () => this.request<{ items: WatchRule[] }>('POST', '/me/watch-rules/reset');
  notifications = (q: { before?: number; unread?: boolean; limit?: number } = {}, o?: RequestOptions) =>
    this.get<NotificationPage>('/me/notifications', { before: q.before?.toString(), unread: q.unread ? 'true' : undefined, limit: q.limit?.toString() }, o);
  unreadCount = (o?: RequestOptions) => this.get<{ unread: number }>('/me/notifications/unread-count', {}, o);
  markRead = (id: number) => this.request<{ unread: number }>('POST', `/me/notifications/${id}/read`);
  markAllRead = () => this.request<{ unread: number }>('POST', '/me/notifications/read-all');

  // Admins: webhook targets and the delivery log.
  webhooks = (o?: RequestOptions) => this._items<Webhook>('/admin/webhooks', {}, o);
  createWebhook = (w: WebhookBody) => this.request<CreatedWebhook>('POST', '/admin/webhooks', w);
  updateWebhook = (id: number, patch: WebhookPatch, version: number) =>
    this.request<Webhook>('PATCH', `/admin/webhooks/${id}`, patch, {}, { ifMatch: version });
  deleteWebhook = (id: number) => this.request<void>('DELETE', `/admin/webhooks/${id}`);
  deliveries = (q: { channel?: 'email' | 'webhook'; status?: string; before?: number } = {}, o?: RequestOptions) =>
    this.get<DeliveryLog>('/admin/deliveries', { channel: q.channel, status: q.status, before: q.before?.toString() }, o);
  retryDelivery = (id: number) => this.request<Delivery>('POST', `/admin/deliveries/${id}/retry`);

  // Admins: users and the audit trail.
  users = (o?: RequestOptions) => this._items<User>('/users', {}, o);
  createUser = (u: { email: string; password: string; role: Role }) => this.request<User>('POST', '/users', u);
  updateUser = (id: number, patch: { role?: Role; disabled?: boolean }, version: number) =>
    this.request<User>('PATCH', `/users/${id}`, patch, {}, { ifMatch: version });
  resetPassword = (id: number, newPassword: string) => this.request<PasswordChanged>('PUT', `/users/${id}/password`, { newPassword });
  audit = (q: AuditQuery, o?: RequestOptions) => this.get<AuditPage>('/audit', q, o);

  // Standard questionnaires in (CAIQ v4, SIG Lite).
  questionnaireImports = (vendorId: number, o?: RequestOptions) => this._items<QuestionnaireImport>(`/vendors/${vendorId}/questionnaire-imports`, {}, o);
  questionnaireImport = (id: number, o?: RequestOptions) => this.get<ImportDetail>(`/questionnaire-imports/${id}`, {}, o);
  /** The file as it is (XLSX or CSV: the server tells them apart by content, so the type says only "bytes"). */
  importQuestionnaire = async (
    vendorId: number,
    file: Blob,
    q: { format?: string | undefined; knownFrom?: string | undefined; fileName?: string | undefined },
  ) =>
    (await this._send<QuestionnaireImported>('POST', `/vendors/${vendorId}/questionnaire-imports`, { type: 'application/octet-stream', text: file }, q, {}))
      .body;
}

const rangeQuery = (q: BacktestRange) => ({ from: q.from, to: q.to, horizonDays: q.horizonDays?.toString() });

function outcome<T>(r: { status: number; body: T | Job }): ImportOutcome<T> {
  return r.status === 202 ? { kind: 'job', job: r.body as Job } : { kind: 'done', result: r.body as T };
}
