/**
 * createApp over a fresh in-memory database with a fixed clock, for supertest. `http` is signed
 * in as an admin, the way a browser would be: session cookie, and the app's own Host and Origin.
 */
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../../server/app.ts';
import { makeDeps, type DepsOptions } from '../../server/deps.ts';
import type { Role } from '../../server/domain/account.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { silentLogger, type Logger } from '../../server/logger.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { fixedClock } from '../../server/services/clock.ts';
import { DEFAULT_THROTTLE } from '../../server/services/sign-in-throttle.ts';
import { fingerprint, memDb } from './db.ts';
import { loadConfig } from '../../server/config.ts';
import { TEST_PASSWORD_HASH } from './passwords.ts';

/** A small questionnaire template for tests (every answer type once); the shipped ones are part of data/. */
export const FIXTURE_QUESTIONNAIRES = fileURLToPath(new URL('../fixtures/questionnaires', import.meta.url));

export const NOW = '2026-11-29T12:00:00.000Z';
export const HOST = 'vendorscope.test';
export const ORIGIN = `http://${HOST}`;
/** Cheap scrypt for tests; production uses the OWASP cost. */
export const TEST_SCRYPT_COST = 1024;

export const testOptions = (over: Partial<DepsOptions> = {}): DepsOptions => ({
  clock: fixedClock(NOW),
  policy: DEFAULT_POLICY,
  log: silentLogger,
  version: 'test',
  staticDir: null,
  auth: { sessionIdleMinutes: 30, sessionMaxHours: 12, requirePasskeyForAdmins: false, passwordCost: TEST_SCRYPT_COST },
  throttle: DEFAULT_THROTTLE,
  trustProxy: false,
  publicUrl: null,
  verisSchemaDir: loadConfig({}).verisSchemaDir,
  questionnaireDir: FIXTURE_QUESTIONNAIRES,
  // Every answer in the API tests is checked against its route's response schema (500 when it is not).
  checkResponses: true,
  ...over,
});

export function testApp(over: Partial<DepsOptions> = {}) {
  const db = memDb();
  const deps = makeDeps(db, testOptions(over));
  deps.methodology.ensureDefault(); // as start-up does
  const app = createApp(deps);
  /** An agent that sends the app's own Host and Origin, as the app's pages do. */
  const anon = () => request.agent(app).set('Host', HOST).set('Origin', ORIGIN);
  /** The Cookie header of a new user with this role, signed in. */
  const cookieFor = (role: Role, email = `${role}-${deps.store.users.count() + 1}@example.com`) => {
    const id = deps.store.users.create(email, TEST_PASSWORD_HASH, role, NOW);
    const { secret } = deps.auth.startSession(deps.store.users.find(id)!, false, { ip: '127.0.0.1', userAgent: 'test' }, null);
    return `${SESSION_COOKIE}=${secret}`;
  };
  /** An agent for a new user with this role, signed in. */
  const as = (role: Role, email?: string) => anon().set('Cookie', cookieFor(role, email));
  const http = as('admin', 'admin@example.com');
  return { db, deps, app, http, anon, as, cookieFor };
}

/**
 * A logger that keeps what it is given: `lines` (info and error), and `errors`, each error line with
 * the stack of its error (so a test can assert that a client's mistake logged no stack trace).
 */
export function capturingLogger() {
  const lines: string[] = [];
  const errors: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(m),
    error: (m, e) => {
      const line = `${m} ${e instanceof Error ? `${e.message}\n${e.stack}` : String(e ?? '')}`;
      lines.push(line);
      errors.push(line);
    },
  };
  return { log, lines, errors };
}

/** Asserts an RFC 9457 problem answer with this status and code. */
export function expectProblem(res: request.Response, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: `urn:vendorscope:problem:${code}` });
  expect(typeof res.body.title).toBe('string');
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|node_modules|SqliteError/);
}

/** Runs a request and asserts it left the database exactly as it was. */
export async function expectNoWrite<T>(db: Parameters<typeof fingerprint>[0], run: () => Promise<T>): Promise<T> {
  const before = fingerprint(db);
  const result = await run();
  expect(fingerprint(db)).toBe(before);
  return result;
}

/** The failing field paths of a validation problem. */
export const failingPaths = (res: request.Response): string[] => (res.body.errors ?? []).map((e: { path: string }) => e.path);
