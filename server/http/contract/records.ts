/**
 * The records the web reads everywhere, named once: each is the response of the route that answers
 * with exactly that record (or an element of it), so the names cannot drift from the schemas.
 * Bodies and queries are what a caller sends (zod input: defaults may be left out).
 */
import type { DeepReadonly } from '../../domain/deep-readonly.ts';
import type { BodyOf, QueryOf, ResponseOf } from '../contract.ts';

type ItemsOf<R> = R extends { readonly items: readonly (infer E)[] } ? E : never;

// Scores and the portfolio. A score is read-only, as the engine hands it out.
export type VendorScore = DeepReadonly<ResponseOf<'GET /vendors/:id/score'>>;
export type FactorScore = VendorScore['factors'][number];
export type Contribution = FactorScore['contributions'][number];
export type Finding = VendorScore['findings'][number];
export type Gap = VendorScore['gaps'][number];
export type MissingEvidence = VendorScore['toAssess'][number];
export type Heatmap = ResponseOf<'GET /portfolio/heatmap'>;
export type HeatmapRow = Heatmap['rows'][number];
/** Which vendors the heatmap shows: engaged (the default), all, or one status. */
export type HeatmapStatus = NonNullable<QueryOf<'GET /portfolio/heatmap'>['status']>;
export type Trends = ResponseOf<'GET /portfolio/trends'>;
export type SupplyChain = ResponseOf<'GET /portfolio/supply-chain'>;
export type SupplyChainNode = SupplyChain['nodes'][number];
export type SupplyChainEdge = SupplyChain['edges'][number];
export type HistoryItem = ItemsOf<ResponseOf<'GET /vendors/:id/history'>>;
export type WhatIfResult = ResponseOf<'POST /vendors/:id/what-if'>;
export type WhatIfRequest = BodyOf<'POST /vendors/:id/what-if'>;
export type Dossier = ResponseOf<'GET /vendors/:id/dossier'>;

// Vendors and the facts behind their scores.
export type VendorBody = BodyOf<'POST /vendors'>;
export type VendorPatch = BodyOf<'PATCH /vendors/:id'>;
export type IncidentBody = BodyOf<'POST /vendors/:id/incidents'>;
export type SubprocessorBody = BodyOf<'POST /vendors/:id/subprocessors'>;
export type SubprocessorPatch = BodyOf<'PATCH /subprocessors/:id'>;
export type MfaPostureBody = BodyOf<'PUT /vendors/:id/mfa'>;

// The methodology and its backtest.
export type Methodology = ResponseOf<'GET /methodology'>;
export type DecayPolicyCurve = ItemsOf<ResponseOf<'GET /methodology/decay-policies'>>;
/** The body of PUT /methodology (a new version) and of POST /methodology/preview (a draft). */
export type MethodologyBody = BodyOf<'PUT /methodology'>;
export type Backtest = ResponseOf<'GET /methodology/backtest'>;
/** Draft methodology parameters to backtest. */
export type DraftMethodologyBody = BodyOf<'POST /methodology/backtest'>;

// Imports, jobs and the full transfer.
export type Job = ResponseOf<'GET /jobs/:id'>;
export type VendorImport = ResponseOf<'POST /import/vendors'>;
/** A field an update changes, with its stored value and the new one. */
export type FieldChange = NonNullable<VendorImport['rows'][number]['changes']>[number];
export type OnDuplicate = NonNullable<QueryOf<'POST /import/vendors'>['onDuplicate']>;
export type VerisImport = ResponseOf<'POST /import/veris'>;
export type RestoreResult = ResponseOf<'POST /import/full'>;
export type RestoreMode = NonNullable<QueryOf<'POST /import/full'>['mode']>;

// Quarterly reports.
export type QuarterlyReport = ResponseOf<'GET /reports/quarterly/:quarter'>;
/** A tier-1 vendor's score as a report froze it (before methodology 2.0: without the assessment fields). */
export type FrozenScore = DeepReadonly<NonNullable<QuarterlyReport['tier1Scores']>[number]>;
export type ReportAppendixPage = ResponseOf<'GET /reports/quarterly/:quarter/vendors'>;
export type ReportSnapshots = ResponseOf<'GET /reports/quarterly/:quarter/snapshots'>;
export type RefreezeResult = ResponseOf<'POST /reports/quarterly/:quarter/refreeze'>;

// Procurement reviews.
export type Review = ResponseOf<'POST /vendors/:id/reviews'>;
export type ReviewBody = BodyOf<'POST /vendors/:id/reviews'>;
export type Condition = ResponseOf<'PATCH /conditions/:id'>;
export type ConditionChange = BodyOf<'PATCH /conditions/:id'>;
export type ReviewStatus = ResponseOf<'GET /vendors/:id/review-status'>;
export type DueList = ResponseOf<'GET /reviews/due'>;
export type DueItem = DueList['items'][number];
export type DueQuestionnaire = DueList['questionnaires'][number];
export type StoredCadence = ResponseOf<'GET /reviews/cadence'>;
export type Cadence = BodyOf<'PUT /reviews/cadence'>;

// Questionnaires.
export type QuestionnaireTemplate = ResponseOf<'GET /questionnaire-templates/:id'>;
export type QuestionnaireTemplateSummary = ItemsOf<ResponseOf<'GET /questionnaire-templates'>>;
export type QuestionnaireRequest = ItemsOf<ResponseOf<'GET /vendors/:id/questionnaire-requests'>>;
export type QuestionnaireRequestWithVendor = ItemsOf<ResponseOf<'GET /questionnaire-requests'>>;
export type QuestionnaireRequestDetail = ResponseOf<'GET /questionnaire-requests/:id'>;
export type NewQuestionnaireRequest = BodyOf<'POST /vendors/:id/questionnaire-requests'>;
export type SentQuestionnaireRequest = ResponseOf<'POST /questionnaire-requests/:id/send'>;
export type QuestionnaireReview = ResponseOf<'GET /questionnaire-requests/:id/review'>;
export type ReviewDecisions = BodyOf<'POST /questionnaire-requests/:id/decisions'>;
export type ReviewDecisionsResult = ResponseOf<'POST /questionnaire-requests/:id/decisions'>;
export type QuestionnaireImport = ItemsOf<ResponseOf<'GET /vendors/:id/questionnaire-imports'>>;
export type QuestionnaireImported = ResponseOf<'POST /vendors/:id/questionnaire-imports'>;
export type ImportDetail = ResponseOf<'GET /questionnaire-imports/:id'>;

// What changed, alerts and webhooks.
export type FeedPage = ResponseOf<'GET /changes'>;
export type WatchRule = ResponseOf<'POST /me/watch-rules'>;
/** A whole rule, as PUT replaces it (POST takes the same, with defaults). */
export type WatchRuleInput = BodyOf<'PUT /me/watch-rules/:id'>;
export type NotificationPage = ResponseOf<'GET /me/notifications'>;
export type Notification = NotificationPage['items'][number];
export type Webhook = ResponseOf<'GET /admin/webhooks/:id'>;
export type CreatedWebhook = ResponseOf<'POST /admin/webhooks'>;
export type WebhookBody = BodyOf<'POST /admin/webhooks'>;
export type WebhookPatch = BodyOf<'PATCH /admin/webhooks/:id'>;
export type DeliveryLog = ResponseOf<'GET /admin/deliveries'>;
export type Delivery = ResponseOf<'POST /admin/deliveries/:id/retry'>;

// Accounts, sessions and the audit trail.
export type About = ResponseOf<'GET /about'>;
/** The signed-in caller: user, the role this session acts with, and whether a passkey is still needed. */
export type Me = ResponseOf<'GET /me'>;
export type User = ResponseOf<'POST /users'>;
export type Session = ItemsOf<ResponseOf<'GET /sessions'>>;
export type ApiToken = ItemsOf<ResponseOf<'GET /tokens'>>;
export type CreatedToken = ResponseOf<'POST /tokens'>;
export type Passkey = ResponseOf<'POST /passkeys'>;
export type PasswordChanged = ResponseOf<'PUT /me/password'>;
export type AuditPage = ResponseOf<'GET /audit'>;
