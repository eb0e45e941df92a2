/**
 * The API's contract, in types: what every route takes and answers, read off the routes themselves
 * (their zod schemas, through `route()`), so there is nothing here to keep in step by hand. A handler
 * that returns another shape than its declared response fails the type check in its route file; a
 * client that reads another shape fails here. The web takes its API types from this module alone
 * (plus the pure domain vocabularies), as types: nothing of the server reaches the bundle.
 *
 *   type V = ResponseOf<'GET /vendors/:id'>;   // the vendor record, as the API sends it
 *   type Q = QueryOf<'GET /vendors'>;          // what /vendors accepts in its query
 */
import type { TypesOf } from './route.ts';
import type { accountRoutes } from './routes/accounts.ts';
import type { alertRoutes } from './routes/alerts.ts';
import type { auditRoutes } from './routes/audit.ts';
import type { backtestRoutes } from './routes/backtest.ts';
import type { changeRoutes } from './routes/changes.ts';
import type { documentRoutes } from './routes/documents.ts';
import type { dossierRoutes } from './routes/dossier.ts';
import type { historyRoutes } from './routes/history.ts';
import type { importRoutes } from './routes/imports.ts';
import type { incidentRoutes } from './routes/incidents.ts';
import type { methodologyRoutes } from './routes/methodology.ts';
import type { mfaRoutes } from './routes/mfa.ts';
import type { passkeyRoutes } from './routes/passkeys.ts';
import type { portfolioRoutes } from './routes/portfolio.ts';
import type { questionnaireImportRoutes } from './routes/questionnaire-imports.ts';
import type { questionnaireReviewRoutes } from './routes/questionnaire-review.ts';
import type { questionnaireRoutes } from './routes/questionnaires.ts';
import type { reportRoutes } from './routes/reports.ts';
import type { respondRoutes } from './routes/respond.ts';
import type { reviewRoutes } from './routes/reviews.ts';
import type { scoreRoutes } from './routes/scores.ts';
import type { sessionRoutes } from './routes/session.ts';
import type { subprocessorRoutes } from './routes/subprocessors.ts';
import type { systemRoutes } from './routes/system.ts';
import type { vendorRoutes } from './routes/vendors.ts';
import type { webhookRoutes } from './routes/webhooks.ts';

type Each<F extends (...args: never[]) => readonly unknown[]> = TypesOf<ReturnType<F>[number]>;

/** Every route's types, one member per route. */
type AnyRouteTypes =
  | Each<typeof systemRoutes>
  | Each<typeof vendorRoutes>
  | Each<typeof incidentRoutes>
  | Each<typeof subprocessorRoutes>
  | Each<typeof mfaRoutes>
  | Each<typeof documentRoutes>
  | Each<typeof scoreRoutes>
  | Each<typeof historyRoutes>
  | Each<typeof portfolioRoutes>
  | Each<typeof methodologyRoutes>
  | Each<typeof backtestRoutes>
  | Each<typeof sessionRoutes>
  | Each<typeof passkeyRoutes>
  | Each<typeof accountRoutes>
  | Each<typeof auditRoutes>
  | Each<typeof importRoutes>
  | Each<typeof questionnaireImportRoutes>
  | Each<typeof dossierRoutes>
  | Each<typeof reportRoutes>
  | Each<typeof reviewRoutes>
  | Each<typeof changeRoutes>
  | Each<typeof alertRoutes>
  | Each<typeof webhookRoutes>
  | Each<typeof questionnaireRoutes>
  | Each<typeof respondRoutes>
  | Each<typeof questionnaireReviewRoutes>;

/** Every route by its key, `METHOD /path` as mounted under /api/v1. */
export type Api = { [T in AnyRouteTypes as T['key']]: T };
export type RouteKey = keyof Api;

export type ResponseOf<K extends RouteKey> = Api[K]['response'];
export type QueryOf<K extends RouteKey> = Api[K]['query'];
export type BodyOf<K extends RouteKey> = Api[K]['body'];
export type ParamsOf<K extends RouteKey> = Api[K]['params'];

export type * from './contract/records.ts';
