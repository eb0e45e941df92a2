/**
 * `npm run bench:quarters`: closed quarters at scale (issue 15 §1). Seeds the synthetic portfolio
 * (10,000 vendors by default, engaged since 2019 so every closed quarter has them all), then times
 * the trends of the last eight quarters and the closed-quarter report, each requested twice (the
 * first freezes), with the body sizes and the process RSS. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { makeDeps } from '../../server/deps.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { shiftQuarter } from '../../server/domain/quarter.ts';
import { memDb } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';
import { TEST_PASSWORD_HASH } from '../helpers/passwords.ts';
import { seedSyntheticPortfolio } from './synthetic-portfolio.ts';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 10000);

const db = memDb();
const deps = makeDeps(db, testOptions({ version: 'bench' }));
deps.methodology.ensureDefault();
const { store } = deps;
let t0 = performance.now();
seedSyntheticPortfolio(store, VENDORS);
// The synthetic vendors are created "today"; engaged since 2019 they are in every closed quarter's report.
db.prepare("UPDATE vendors SET engaged_since = '2019-01-01'").run();
const facts = ['incidents', 'subprocessors', 'mfa_postures', 'posture_facts'].reduce(
  (n, t) => n + (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  VENDORS,
);
console.log(`quarters bench: ${VENDORS} vendors, ${facts} fact rows, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const viewer = store.users.create('bench@example.com', TEST_PASSWORD_HASH, 'viewer', deps.clock.now());
const cookie = `${SESSION_COOKIE}=${deps.auth.startSession(store.users.find(viewer)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;
const app = createApp(deps);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

const get = async (label: string, path: string) => {
  t0 = performance.now();
  const res = await request(app).get(path).set('Cookie', cookie);
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
  console.log(
    `  ${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  body ${mb(Buffer.byteLength(res.text)).padStart(9)}  RSS ${mb(process.memoryUsage().rss)}`,
  );
  return res;
};

const current = deps.history.current();
const closed = shiftQuarter(current, -1);
console.log(`current quarter ${current}; closed quarter ${closed}`);
await get('trends, 8 quarters (first: freezes 7)', '/api/v1/portfolio/trends');
await get('trends, 8 quarters (second)', '/api/v1/portfolio/trends');
// The same without the current quarter: only what the frozen snapshots hold.
await get(`trends, 7 closed quarters (to=${closed})`, `/api/v1/portfolio/trends?from=${shiftQuarter(closed, -6)}&to=${closed}`);
t0 = performance.now();
deps.history.currentScores(store.vendors.all());
console.log(
  `  ${"the current quarter's column alone".padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s  (currentScores(): the kept scores' risk and band)`,
);
await get(`report ${closed} (first: freezes)`, `/api/v1/reports/quarterly/${closed}`);
const second = await get(`report ${closed} (second)`, `/api/v1/reports/quarterly/${closed}`);
const body = second.body as { appendix?: { total?: number } };
if (body.appendix?.total !== undefined) {
  await get(`report appendix page (offset 0, limit 100)`, `/api/v1/reports/quarterly/${closed}/vendors?offset=0&limit=100`);
  await get(`report appendix, one vendor`, `/api/v1/reports/quarterly/${closed}/vendors/1`);
}
