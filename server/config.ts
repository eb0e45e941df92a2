/** Configuration, read once from the environment and checked before anything starts. */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  readonly webDir: string;
  readonly staticDir: string;
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
  return Object.freeze({
    port,
    host,
    dbPath: fromRoot(env.DB_PATH?.trim() || 'data/vendorscope.sqlite'),
    demo: demo === 'on',
    migrationsDir: fromRoot('data/migrations'),
    seedDir: fromRoot('data/seed'),
    webDir: fromRoot('web'),
    staticDir: fromRoot('web/dist'),
  });
}
