/** createApp(deps): the Express app, ready for listen() or supertest. It never listens itself. */
import express, { type Express, type Request, type Response } from 'express';
import type { Deps } from './deps.ts';
import { errorHandler, HttpError } from './http/problem.ts';
import { mountRoutes, type AnyRoute, type Authenticate } from './http/route.ts';
import { readCookie, SESSION_COOKIE } from './http/request-context.ts';
import { accountRoutes } from './http/routes/accounts.ts';
import { auditRoutes } from './http/routes/audit.ts';
import { passkeyRoutes } from './http/routes/passkeys.ts';
import { sessionRoutes } from './http/routes/session.ts';
import { portfolioRoutes } from './http/routes/portfolio.ts';
import { importRoutes } from './http/routes/imports.ts';
import { reportRoutes } from './http/routes/reports.ts';
import { reviewRoutes } from './http/routes/reviews.ts';
import { changeRoutes } from './http/routes/changes.ts';
import { incidentRoutes } from './http/routes/incidents.ts';
import { historyRoutes } from './http/routes/history.ts';
import { methodologyRoutes } from './http/routes/methodology.ts';
import { documentRoutes } from './http/routes/documents.ts';
import { backtestRoutes } from './http/routes/backtest.ts';
import { mfaRoutes } from './http/routes/mfa.ts';
import { scoreRoutes } from './http/routes/scores.ts';
import { subprocessorRoutes } from './http/routes/subprocessors.ts';
import { systemRoutes } from './http/routes/system.ts';
import { vendorRoutes } from './http/routes/vendors.ts';
import { alertRoutes } from './http/routes/alerts.ts';
import { webhookRoutes } from './http/routes/webhooks.ts';
import { questionnaireRoutes } from './http/routes/questionnaires.ts';
import { respondRoutes } from './http/routes/respond.ts';
import { questionnaireReviewRoutes } from './http/routes/questionnaire-review.ts';
import { questionnaireImportRoutes } from './http/routes/questionnaire-imports.ts';
import { dossierRoutes } from './http/routes/dossier.ts';
import { apiNoStore, securityHeaders } from './http/security-headers.ts';
import { accessLog } from './http/access-log.ts';
import { wellFormedRequest } from './http/request-guards.ts';
import { staticRoutes } from './http/static.ts';
import { compressResponses } from './http/compress.ts';

/** Every API route, in the order they are documented. */
export function apiRoutes(deps: Deps): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(deps, () => routes),
    ...vendorRoutes(deps),
    ...incidentRoutes(deps),
    ...subprocessorRoutes(deps),
    ...mfaRoutes(deps),
    ...documentRoutes(deps),
    ...scoreRoutes(deps),
    ...historyRoutes(deps),
    ...portfolioRoutes(deps),
    ...methodologyRoutes(deps),
    ...backtestRoutes(deps),
    ...sessionRoutes(deps),
    ...passkeyRoutes(deps),
    ...accountRoutes(deps),
    ...auditRoutes(deps),
    ...importRoutes(deps),
    ...questionnaireImportRoutes(deps),
    ...dossierRoutes(deps),
    ...reportRoutes(deps),
    ...reviewRoutes(deps),
    ...changeRoutes(deps),
    ...alertRoutes(deps),
    ...webhookRoutes(deps),
    ...questionnaireRoutes(deps),
    ...respondRoutes(deps),
    ...questionnaireReviewRoutes(deps),
  );
  return routes;
}

/** The caller of a request: an API token (Authorization: Bearer) or else the session cookie. */
const authenticator =
  ({ auth }: Deps): Authenticate =>
  (req) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      return auth.fromToken(m?.[1] ?? '');
    }
    const cookie = readCookie(req, SESSION_COOKIE);
    return cookie ? auth.fromSession(cookie) : null;
  };

/**
 * While a restore writes, its transaction is open on the one connection: a request that read
 * would see it unfinished, one that wrote would join it. Only the health check is answered.
 */
const duringRestore =
  ({ imports }: Deps) =>
  (req: Request, res: Response, next: () => void) => {
    if (!imports.restoring() || (req.method === 'GET' && req.path === '/v1/health')) return next();
    res.set('Retry-After', '5');
    throw new HttpError(503, 'restore-in-progress', 'A restore is being written; try again in a few seconds.');
  };

export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Only behind a TLS-terminating proxy that we trust may X-Forwarded-Proto make a request "secure".
  app.set('trust proxy', deps.trustProxy);
  app.use(compressResponses);
  app.use(securityHeaders);
  app.use('/api', accessLog(deps.log), apiNoStore);
  // After the access log and no-store, so that a refused API request is logged and never cached.
  app.use(wellFormedRequest);
  app.use('/api', duringRestore(deps));
  app.use(
    '/api/v1',
    mountRoutes(apiRoutes(deps), { authenticate: authenticator(deps), publicUrl: deps.publicUrl, checkResponses: deps.checkResponses ?? false }),
  );
  app.use('/api', (req) => {
    throw new HttpError(404, 'no-such-endpoint', `No endpoint ${req.method} ${req.originalUrl.split('?')[0]}.`);
  });
  if (deps.staticDir) app.use(staticRoutes(deps.staticDir));
  // Whatever the web app does not serve (another method, `*`, no web build) is a problem too, not Express's HTML page.
  app.use((req) => {
    throw new HttpError(404, 'no-such-endpoint', `Nothing here answers ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(deps.log));
  return app;
}
