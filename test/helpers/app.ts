/** createApp over a fresh in-memory database with a fixed clock, for supertest. */
import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../../server/app.ts';
import { makeDeps } from '../../server/deps.ts';
import { silentLogger } from '../../server/logger.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { fixedClock } from '../../server/services/clock.ts';
import { fingerprint, memDb } from './db.ts';

export const NOW = '2026-11-29T12:00:00.000Z';

export function testApp() {
  const db = memDb();
  const deps = makeDeps(db, { clock: fixedClock(NOW), policy: DEFAULT_POLICY, log: silentLogger, version: 'test', staticDir: null });
  deps.methodology.ensureDefault(); // as start-up does
  const app = createApp(deps);
  return { db, deps, app, http: request(app) };
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
