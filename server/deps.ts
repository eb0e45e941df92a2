/** Wiring: one database handle in, every service out. No side effects beyond what it is given. */
import type { Db } from './db/open.ts';
import { createStore } from './db/store.ts';
import type { Logger } from './logger.ts';
import type { Policy } from './scoring/policy.ts';
import type { Clock } from './services/clock.ts';
import { aboutService } from './services/about-service.ts';
import { backtestService } from './services/backtest/backtest-service.ts';
import { accountsService } from './services/accounts-service.ts';
import { auditService } from './services/audit-service.ts';
import { authService, type AuthOptions } from './services/auth-service.ts';
import { historyService } from './services/history-service.ts';
import { incidentsService } from './services/incidents-service.ts';
import { methodologyService } from './services/methodology-service.ts';
import { mfaService } from './services/mfa-service.ts';
import { passkeysService } from './services/passkeys-service.ts';
import { scoringService } from './services/scoring-service.ts';
import { HashGate } from './services/hash-gate.ts';
import { verifyPassword } from './services/passwords.ts';
import { SignInThrottle, type ThrottleLimits } from './services/sign-in-throttle.ts';
import { subprocessorsService } from './services/subprocessors-service.ts';
import { subprocessorIncidentsService } from './services/subprocessor-incidents-service.ts';
import { supplyChainService } from './services/supply-chain-service.ts';
import { jobsService } from './services/jobs-service.ts';
import { importsService } from './services/imports/imports-service.ts';
import { DEFAULT_IMPORT_WORKERS, importWorkers } from './services/imports/import-workers.ts';
import { reportService } from './services/reports/report-service.ts';
import { reviewsService } from './services/reviews/reviews-service.ts';
import { verisValidator } from './services/imports/veris-schema.ts';
import { vendorsService } from './services/vendors-service.ts';
import { documentsService } from './services/documents/documents-service.ts';
import { changesService } from './services/changes/changes-service.ts';
import { feedEvents } from './services/changes/feed-events.ts';
import { feedService } from './services/changes/feed-service.ts';
import { whatIfService } from './services/what-if-service.ts';
import { keptScoresService } from './services/kept/kept-scores-service.ts';
import { keptHeatmap } from './services/kept/kept-heatmap.ts';
import { alertsSink } from './services/alerts/alerts-sink.ts';
import { dispatcher } from './services/alerts/dispatcher.ts';
import { smtpTransport } from './services/alerts/mail-sender.ts';
import { parseAllowlist } from './services/alerts/target-check.ts';
import { watchService } from './services/alerts/watch-service.ts';
import { webhooksService } from './services/alerts/webhooks-service.ts';
import type { AlertSettings } from './config.ts';
import { fromList, loadTemplates } from './services/questionnaires/templates.ts';
import { requestsService } from './services/questionnaires/requests-service.ts';
import { respondService } from './services/questionnaires/respond-service.ts';
import { dueQuestionnairesService } from './services/questionnaires/due-requests.ts';
import { DEFAULT_RESPOND_LIMITS, RespondThrottle, type RespondLimits } from './services/questionnaires/respond-throttle.ts';
import { commitmentsService } from './services/commitments-service.ts';
import { reviewService, type TemplateLookup } from './services/questionnaires/review-service.ts';
import { questionnaireImportsService } from './services/questionnaires/questionnaire-imports-service.ts';

export interface DepsOptions {
  readonly clock: Clock;
  /** The methodology a new database starts with. */
  readonly policy: Policy;
  readonly log: Logger;
  readonly version: string;
  /** The built web app (web/dist), or null to serve the API alone. */
  readonly staticDir: string | null;
  readonly auth: AuthOptions;
  /** Sign-in throttle and password-hash queue (DEFAULT_THROTTLE). */
  readonly throttle: ThrottleLimits;
  /** The password check sign-in uses; tests pass one that counts its calls. */
  readonly verifyPassword?: typeof verifyPassword;
  /** Express's `trust proxy` setting: false, or what to trust (e.g. `loopback`, a hop count). */
  readonly trustProxy: boolean | number | string;
  /** The URL browsers use for the app, when it is not the one requests arrive at (behind a proxy). */
  readonly publicUrl: string | null;
  /** Where the VERIS schemas live (data/veris). */
  readonly verisSchemaDir: string;
  /** Alert delivery (e-mail, webhooks, the outbox's pacing); left out: e-mail off, nothing allow-listed. */
  readonly alerts?: AlertSettings;
  /** Where the questionnaire templates live (data/questionnaires); left out: no templates. Read and checked here, once. */
  readonly questionnaireDir?: string;
  /** The response API's throttle (DEFAULT_RESPOND_LIMITS). */
  readonly respondLimits?: RespondLimits;
  /**
   * The questionnaire templates a request may name (by id and version), for the review. Left out:
   * the templates loaded from questionnaireDir, by id (a request keeps its template id; the file is the current version).
   */
  readonly questionnaireTemplates?: TemplateLookup;
  /**
   * Check every JSON answer against its route's declared response schema, and answer 500
   * `response-contract` when it does not match: the API tests run with it on; production does not
   * pay for it.
   */
  readonly checkResponses?: boolean;
}

export const DEFAULT_ALERTS: AlertSettings = {
  smtpUrl: null,
  mailFrom: null,
  webhookAllow: '',
  webhookTimeoutSeconds: 10,
  deliveryPollSeconds: 10,
  deliveryRetrySeconds: 30,
  deliveryMaxAttempts: 8,
};

export function makeDeps(db: Db, opts: DepsOptions) {
  const store = createStore(db);
  const methodology = methodologyService(store, opts.clock, opts.policy);
  const throttle = new SignInThrottle(opts.throttle, () => Date.parse(opts.clock.now()));
  const hashes = new HashGate(opts.throttle.hashConcurrency, opts.throttle.hashQueue);
  const guards = { throttle, hashes, verify: opts.verifyPassword ?? verifyPassword };
  const auth = authService(store, opts.clock, guards, opts.auth);
  const jobs = jobsService(opts.clock, opts.log);
  const alerts = opts.alerts ?? DEFAULT_ALERTS;
  const allow = parseAllowlist(alerts.webhookAllow);
  const mail =
    alerts.smtpUrl && alerts.mailFrom ? smtpTransport({ smtpUrl: alerts.smtpUrl, from: alerts.mailFrom }, alerts.webhookTimeoutSeconds * 1000) : null;
  // Sinks (in-app alerts, the delivery outbox) join here: each sees every recorded change in its transaction.
  const changes = changesService(store, opts.clock, [alertsSink(store, { email: mail !== null })]);
  // Kept scores: recomputed as writes mark vendors stale; today's reads come from them.
  const keptScores = keptScoresService(store, opts.clock, methodology, changes, opts.log);
  const history = historyService(store, opts.clock, methodology, keptScores);
  // What changed besides score changes: a plain reviews service tells it review states (no cycle back).
  const feed = feedEvents(store, opts.clock, changes, reviewsService(store, opts.clock, methodology, keptScores), methodology);
  const incidents = incidentsService(store, opts.clock, feed);
  const questionnaireTemplates = opts.questionnaireDir ? loadTemplates(opts.questionnaireDir) : fromList([]);
  const questionnaires = requestsService(store, opts.clock, questionnaireTemplates, { mail, log: opts.log });
  const respondThrottle = new RespondThrottle(opts.respondLimits ?? DEFAULT_RESPOND_LIMITS, () => Date.parse(opts.clock.now()));
  const subprocessors = subprocessorsService(store, opts.clock, feed);
  const mfa = mfaService(store, opts.clock);
  const commitments = commitmentsService(store, opts.clock);
  const documents = documentsService(store, opts.clock, feed);
  // The imports service holds the store and decides inline or job: the import routes never see the database.
  const imports = importsService(store, opts.clock, feed, jobs, importWorkers({ ...DEFAULT_IMPORT_WORKERS, verisSchemaDir: opts.verisSchemaDir }, opts.log), {
    version: opts.version,
  });
  return {
    ...opts,
    store,
    vendors: vendorsService(store, opts.clock),
    incidents,
    subprocessors,
    subprocessorIncidents: subprocessorIncidentsService(store, opts.clock, incidents),
    mfa,
    commitments,
    questionnaireReview: reviewService(store, opts.clock, {
      mfa,
      subprocessors,
      commitments,
      templates: opts.questionnaireTemplates ?? ((id) => questionnaireTemplates.get(id)),
    }),
    questionnaireImports: questionnaireImportsService(store, opts.clock, mfa, commitments),
    documents,
    methodology,
    backtest: backtestService(store, opts.clock, methodology),
    scoring: scoringService(store, methodology, keptScores),
    history,
    reports: reportService(store, opts.clock, history, methodology, keptScores),
    reviews: reviewsService(store, opts.clock, methodology, keptScores, feed),
    whatIf: whatIfService(store, opts.clock, methodology),
    about: aboutService(store, opts.version),
    accounts: accountsService(store, opts.clock, { passwordCost: opts.auth.passwordCost, guards }),
    auth,
    passkeys: passkeysService(store, opts.clock, auth),
    audit: auditService(store),
    supplyChain: supplyChainService(store),
    jobs,
    changes,
    feed,
    feedReader: feedService(store, opts.clock),
    keptScores,
    keptHeatmap: keptHeatmap(keptScores),
    watch: watchService(store, opts.clock),
    webhooks: webhooksService(store, opts.clock, allow),
    /** The outbox sender: built here, started only by server/main.ts (createApp starts no timers). */
    dispatcher: dispatcher(store, opts.clock, opts.log, {
      allow,
      mail,
      timeoutMs: alerts.webhookTimeoutSeconds * 1000,
      backoffMs: alerts.deliveryRetrySeconds * 1000,
      maxAttempts: alerts.deliveryMaxAttempts,
      pollMs: alerts.deliveryPollSeconds * 1000,
      publicUrl: opts.publicUrl,
      // A restore holds the one connection in an open transaction: the outbox waits it out.
      paused: imports.restoring,
    }),
    mailDescription: mail?.describe ?? null,
    imports,
    questionnaireTemplates,
    dueQuestionnaires: dueQuestionnairesService(store, questionnaires, questionnaireTemplates),
    questionnaires,
    respond: respondService(store, opts.clock, questionnaires, respondThrottle, documents),
    veris: verisValidator(opts.verisSchemaDir),
  };
}

export type Deps = ReturnType<typeof makeDeps>;
/**
 * What a route may use: every service, never the store. A route that needs data asks a service,
 * so the database handle stays below the http layer (a route reaching for `store` fails the type check).
 */
export type RouteDeps = Omit<Deps, 'store'>;
