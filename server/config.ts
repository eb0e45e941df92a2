/** Configuration, read once from the environment and checked before anything starts. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllowlist } from './services/alerts/target-check.ts';

/** The project's root folder, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dbPath: string;
  /** Seed the demo portfolio into an empty database (VENDORSCOPE_DEMO=off to skip). */
  readonly demo: boolean;
  readonly migrationsDir: string;
  readonly seedDir: string;
  readonly verisSchemaDir: string;
  /** Questionnaire templates (data/questionnaires, or QUESTIONNAIRE_DIR), checked at start. */
  readonly questionnaireDir: string;
  readonly webDir: string;
  readonly staticDir: string;
  /** The first admin, created when the database has no users (unattended installs, CI). */
  readonly firstAdmin: { readonly email: string; readonly password: string } | null;
  readonly trustProxy: boolean | number | string;
  readonly publicUrl: string | null;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly requirePasskeyForAdmins: boolean;
  /** Alerts (issue 15 §3): SMTP_URL/MAIL_FROM (e-mail off when unset), WEBHOOK_ALLOW and the outbox's pacing. */
  readonly alerts: AlertSettings;
}

export interface AlertSettings {
  /** smtp:// or smtps:// with the credentials in it; never logged. Null: e-mail alerts are off. */
  readonly smtpUrl: string | null;
  readonly mailFrom: string | null;
  /** WEBHOOK_ALLOW as given: host names, addresses and CIDR ranges webhooks may post to although private or loopback. */
  readonly webhookAllow: string;
  readonly webhookTimeoutSeconds: number;
  readonly deliveryPollSeconds: number;
  readonly deliveryRetrySeconds: number;
  readonly deliveryMaxAttempts: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const fromRoot = (p: string) => (p === ':memory:' || isAbsolute(p) ? p : resolve(PROJECT_ROOT, p));

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`PORT must be an integer 0–65535, not "${env.PORT}"`);
  const host = env.HOST?.trim() || '127.0.0.1';
  const demo = (env.VENDORSCOPE_DEMO ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(demo)) throw new ConfigError(`VENDORSCOPE_DEMO must be "on" or "off", not "${env.VENDORSCOPE_DEMO}"`);
  const email = env.VENDORSCOPE_ADMIN_EMAIL?.trim();
  const password = env.VENDORSCOPE_ADMIN_PASSWORD;
  if (Boolean(email) !== Boolean(password)) throw new ConfigError('set both VENDORSCOPE_ADMIN_EMAIL and VENDORSCOPE_ADMIN_PASSWORD, or neither');
  const publicUrl = env.PUBLIC_URL?.trim() || null;
  if (publicUrl !== null && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) URL, not "${publicUrl}"`);
  return Object.freeze({
    firstAdmin: email && password ? { email, password } : null,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    publicUrl,
    sessionIdleMinutes: positive(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
    sessionMaxHours: positive(env.SESSION_MAX_HOURS, 12, 'SESSION_MAX_HOURS'),
    requirePasskeyForAdmins: flag(env.REQUIRE_PASSKEY_FOR_ADMINS, 'REQUIRE_PASSKEY_FOR_ADMINS'),
    alerts: alertSettings(env),
    port,
    host,
    dbPath: fromRoot(env.DB_PATH?.trim() || 'data/vendorscope.sqlite'),
    demo: demo === 'on',
    migrationsDir: fromRoot('data/migrations'),
    seedDir: fromRoot('data/seed'),
    verisSchemaDir: fromRoot('data/veris'),
    questionnaireDir: fromRoot(env.QUESTIONNAIRE_DIR?.trim() || 'data/questionnaires'),
    webDir: fromRoot('web'),
    staticDir: fromRoot('web/dist'),
  });
}

function alertSettings(env: Readonly<Record<string, string | undefined>>): AlertSettings {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  // The message never repeats the URL: it may hold a password.
  if (smtpUrl !== null && (!URL.canParse(smtpUrl) || !['smtp:', 'smtps:'].includes(new URL(smtpUrl).protocol) || !new URL(smtpUrl).hostname)) {
    throw new ConfigError('SMTP_URL must be smtp://[user:password@]host[:port] or smtps://…');
  }
  const mailFrom = env.MAIL_FROM?.trim() || null;
  if (smtpUrl !== null && mailFrom === null) throw new ConfigError('set MAIL_FROM (the sender of alert e-mails) with SMTP_URL');
  if (mailFrom !== null && !/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(mailFrom))
    throw new ConfigError(`MAIL_FROM must be an e-mail address, not "${mailFrom}"`);
  const webhookAllow = env.WEBHOOK_ALLOW?.trim() ?? '';
  try {
    parseAllowlist(webhookAllow);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const attempts = positive(env.DELIVERY_MAX_ATTEMPTS, 8, 'DELIVERY_MAX_ATTEMPTS');
  if (!Number.isInteger(attempts)) throw new ConfigError(`DELIVERY_MAX_ATTEMPTS must be a whole number, not "${env.DELIVERY_MAX_ATTEMPTS}"`);
  return {
    smtpUrl,
    mailFrom,
    webhookAllow,
    webhookTimeoutSeconds: positive(env.WEBHOOK_TIMEOUT_SECONDS, 10, 'WEBHOOK_TIMEOUT_SECONDS'),
    deliveryPollSeconds: positive(env.DELIVERY_POLL_SECONDS, 10, 'DELIVERY_POLL_SECONDS'),
    deliveryRetrySeconds: positive(env.DELIVERY_RETRY_SECONDS, 30, 'DELIVERY_RETRY_SECONDS'),
    deliveryMaxAttempts: attempts,
  };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number, not "${value}"`);
  return n;
}

function flag(value: string | undefined, name: string): boolean {
  const v = (value ?? 'false').trim().toLowerCase();
  if (!['true', 'false', '1', '0', ''].includes(v)) throw new ConfigError(`${name} must be true or false, not "${value}"`);
  return v === 'true' || v === '1';
}

/** TRUST_PROXY: unset/false (default), true, a hop count, or Express's names ("loopback", addresses). */
function trustProxyOf(value: string | undefined): boolean | number | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
