/**
 * The process entry, and the only module with side effects:
 *   serve          build the web app if stale, open and migrate the database, seed the demo
 *                  portfolio into an empty one, listen
 *   seed [--reset] seed the demo portfolio (idempotent); --reset deletes all vendors first
 *   import | export | restore | backup | report | backtest | verify-scores | questionnaire   the data commands of server/cli/commands.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { answerMalformedHttp } from './http/parse-errors.ts';
import { buildWeb, webBuildIsStale } from './build-web.ts';
import { TemplateError } from './services/questionnaires/templates.ts';
import { ConfigError, loadConfig, PROJECT_ROOT, type Config } from './config.ts';
import { makeDeps, type Deps } from './deps.ts';
import { DatabaseTooNewError, listMigrations, migrate } from './db/migrate.ts';
import { openDb, type Db } from './db/open.ts';
import { createStore, type Store } from './db/store.ts';
import { runCommand } from './cli/commands.ts';
import { consoleLogger as log } from './logger.ts';
import { DEFAULT_POLICY } from './scoring/policy.ts';
import { SYSTEM } from './domain/account.ts';
import { DEFAULT_SCRYPT_COST } from './services/passwords.ts';
import { DEFAULT_THROTTLE } from './services/sign-in-throttle.ts';
import { systemClock } from './services/clock.ts';
import { ServiceError } from './services/errors.ts';
import { loadDemoPortfolio } from './services/demo-portfolio.ts';
import { DEMO_SEEDED_KEY, seedDemoPortfolio } from './services/seed-service.ts';

const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function openMigrated(config: Config): Db {
  const db = openDb(config.dbPath);
  const applied = migrate(db, listMigrations(config.migrationsDir));
  if (applied.length > 0) log.info(`database ${config.dbPath}: applied migration(s) ${applied.join(', ')}`);
  return db;
}

function seed(config: Config, store: Store, reset: boolean, via: string): void {
  const s = seedDemoPortfolio(store, loadDemoPortfolio(config.seedDir), systemClock, { reset, actor: { ...SYSTEM, via } });
  log.info(
    `demo portfolio${reset ? ' (reset)' : ''}: ${s.vendorsCreated} vendors, ${s.incidentsCreated} incidents created, ` +
      `${s.incidentsUpdated} updated, ${s.subprocessorsCreated} subprocessors, ${s.mfaRecordsCreated} MFA records, ${s.postureFacts} posture facts, ${s.reviewsCreated} example review decision(s)`,
  );
}

function depsFor(config: Config, db: Db): Deps {
  const deps = makeDeps(db, {
    clock: systemClock,
    policy: DEFAULT_POLICY,
    log,
    version,
    staticDir: config.staticDir,
    auth: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionMaxHours: config.sessionMaxHours,
      requirePasskeyForAdmins: config.requirePasskeyForAdmins,
      passwordCost: DEFAULT_SCRYPT_COST,
    },
    throttle: DEFAULT_THROTTLE,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    verisSchemaDir: config.verisSchemaDir,
    questionnaireDir: config.questionnaireDir,
    alerts: config.alerts,
  });
  deps.methodology.ensureDefault();
  return deps;
}

/** The data commands (import, export, restore, backup), on the database at DB_PATH. */
async function dataCommand(config: Config, args: readonly string[]): Promise<number> {
  const db = openMigrated(config);
  try {
    return await runCommand(depsFor(config, db), args, {
      line: (text) => {
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        console.log(text);
      },
      raw: (text) => process.stdout.write(text),
      // On a terminal the bar redraws in place; in a log each step is its own line.
      progress: (text) => (process.stderr.isTTY ? process.stderr.write(`\r\x1b[K${text}`) : console.error(text)),
    });
  } finally {
    db.close();
  }
}

/**
 * What changed: the sweep of what time alone brings (reviews falling due, conditions overdue,
 * evidence expiring), at start and at each new UTC day. The sweep records each event once, so a
 * restart on the same day repeats nothing. Returns the stop.
 */
function dailyFeedSweep(deps: Deps): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      // After the kept scores are current (a new day, a migration): the sweep reads today's review statuses.
      await deps.keptScores.fresh();
      const r = deps.feed.sweep(deps.clock.today());
      if (r.recorded > 0) log.info(`what changed: the sweep of ${r.day} recorded ${r.recorded} event(s)`);
    } catch (e) {
      log.error('what changed: the daily sweep failed', e);
    }
    // The next UTC midnight, plus a second so that today() has moved on.
    const now = Date.parse(deps.clock.now());
    const next = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1) + 1000;
    timer = setTimeout(() => void run(), next - now);
    timer.unref();
  };
  void run();
  return () => clearTimeout(timer);
}

async function serve(config: Config): Promise<void> {
  // The database first: a database from a newer release stops us before any other work.
  const db = openMigrated(config);
  if (webBuildIsStale(PROJECT_ROOT, config.webDir, config.staticDir)) {
    log.info('building the web app (missing or older than its sources)…');
    // Vite picks development builds of dependencies (Lit's dev mode, with its console warnings) from
    // NODE_ENV, which a test runner or a shell may have set: the app served is always a production build.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await buildWeb(PROJECT_ROOT);
    } finally {
      if (env === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = env;
    }
  }
  const deps = depsFor(config, db);
  if (config.firstAdmin) {
    const admin = await deps.accounts.createFirstAdmin(config.firstAdmin.email, config.firstAdmin.password);
    if (admin) log.info(`created the first admin, ${admin.email}, from VENDORSCOPE_ADMIN_EMAIL`);
  }
  const setup = deps.accounts.hasUsers() ? null : deps.accounts.issueSetupToken();
  // Only a database that never had the demo and holds no vendors gets it: deleting the demo sticks.
  if (config.demo && deps.store.meta.get(DEMO_SEEDED_KEY) === undefined && deps.store.vendors.all().length === 0) {
    seed(config, deps.store, false, 'first-start');
  }
  // Kept scores: caught up now when they are of an older day (or a migration left them to compute),
  // and recomputed at the start of each UTC day.
  const stopDayJob = deps.keptScores.startDayJob();
  const stopSweep = dailyFeedSweep(deps);
  const app = createApp(deps);
  // Alert deliveries: what was pending when the process last stopped (or died) is sent now.
  log.info(
    deps.mailDescription
      ? `e-mail alerts on, through ${deps.mailDescription} (from ${config.alerts.mailFrom})`
      : 'e-mail alerts off (set SMTP_URL and MAIL_FROM to send them)',
  );
  if (config.alerts.webhookAllow) log.info(`webhooks may post to these private or loopback targets: ${config.alerts.webhookAllow}`);
  deps.dispatcher.start();
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    // One address to open. Passkeys need a host name, not an address, so a loopback or all-interfaces
    // server is opened as localhost (which the browser resolves to this machine).
    const base = config.publicUrl ?? `http://${['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host}:${port}`;
    log.info(`Vendorscope ${version} listening on http://${config.host}:${port}; open ${base} (database ${config.dbPath})`);
    if (setup) log.info(`No users yet. Create the first admin within an hour at ${base}/setup#token=${setup.token}`);
  });
  answerMalformedHttp(server);
  server.on('error', (e) => {
    log.error(`cannot listen on ${config.host}:${config.port}`, e);
    process.exit(1);
  });
  const stop = () => {
    stopSweep();
    stopDayJob();
    deps.dispatcher.stop();
    server.close(() => {
      db.close();
      process.exit(0);
    });
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function run(argv: readonly string[]): Promise<void> {
  const [command = 'serve', ...args] = argv;
  const config = loadConfig(process.env);
  if (command === 'serve') return serve(config);
  if (command === 'seed') {
    const db = openMigrated(config);
    seed(config, createStore(db), args.includes('--reset'), 'cli');
    db.close();
    return;
  }
  if (['import', 'export', 'restore', 'backup', 'report', 'backtest', 'verify-scores', 'questionnaire'].includes(command)) {
    process.exitCode = await dataCommand(config, argv);
    return;
  }
  throw new ConfigError(`unknown command "${command}"; use serve, seed [--reset], import, export, restore, backup, report, backtest or verify-scores`);
}

run(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof DatabaseTooNewError || e instanceof ConfigError || e instanceof TemplateError) console.error(`vendorscope: ${e.message}`);
  else if (e instanceof ServiceError) console.error(`vendorscope: ${e.message} ${e.fields.map((f) => f.message).join('; ')}`);
  else console.error('vendorscope: failed to start:', e);
  process.exit(1);
});
