/**
 * `npm run bench`: how long the portfolio heatmap and the review due list take to compute and to
 * serve for a large portfolio (5,000 vendors with incidents, support arrangements, MFA posture, and
 * procurement decisions for a quarter of them). Prints figures; asserts nothing, because timings
 * belong in benchmarks, not in tests.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { makeDeps } from '../../server/deps.ts';
import { reviewInput } from '../../server/domain/review.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { memDb } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';
import { TEST_PASSWORD_HASH } from '../helpers/passwords.ts';
import { seedSyntheticPortfolio } from './synthetic-portfolio.ts';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 5000);
const RUNS = 7;

const deps = makeDeps(memDb(), testOptions({ version: 'bench' }));
const { store } = deps;

seedSyntheticPortfolio(store, VENDORS);

// Decisions on every fourth vendor, on days spread over three years, so every state of the due list occurs.
for (let i = 0; i < VENDORS; i += 4) {
  const day = `${2024 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-15`;
  deps.reviews.create(SYSTEM, i + 1, reviewInput.parse({ decision: 'approved', rationale: 'bench', decidedOn: day }));
}

// The API is for signed-in callers: a viewer's session, as a browser would send it.
const viewer = store.users.create('bench@example.com', TEST_PASSWORD_HASH, 'viewer', deps.clock.now());
const cookie = `${SESSION_COOKIE}=${deps.auth.startSession(store.users.find(viewer)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async (fn: () => unknown | Promise<unknown>) => {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
};

const compute = await time(() => deps.scoring.heatmap('2026-11-29'));
const app = createApp(deps);
const get = async (path: string) => {
  const res = await request(app).get(path).set('Cookie', cookie);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return res.text.length;
};
let bytes = 0;
const served = await time(async () => {
  bytes = await get('/api/v1/portfolio/heatmap?asOf=2026-11-29');
});
const due = await time(() => deps.reviews.due({ asOf: '2026-11-29', before: '2026-12-29' }));
let dueBytes = 0;
const dueServed = await time(async () => {
  dueBytes = await get('/api/v1/reviews/due?asOf=2026-11-29');
});
let icsBytes = 0;
const icsServed = await time(async () => {
  icsBytes = await get('/api/v1/reviews/due.ics?asOf=2026-11-29');
});
const fmt = (t: { median: number; min: number; max: number }) => `median ${t.median.toFixed(1)} ms (min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)})`;
console.log(`heatmap, ${VENDORS} vendors × ${deps.scoring.heatmap('2026-11-29').factors.length} factors, ${RUNS} runs (target: well under 1 s)`);
console.log(`  compute (5 queries + scoring): ${fmt(compute)}`);
console.log(`  GET /api/v1/portfolio/heatmap: ${fmt(served)}, ${(bytes / 1024).toFixed(0)} KiB`);
console.log(`review due list, ${VENDORS} vendors, ${deps.reviews.due({ asOf: '2026-11-29', before: '2026-12-29' }).length} due (target: under 1 s)`);
console.log(`  compute (status of every vendor): ${fmt(due)}`);
console.log(`  GET /api/v1/reviews/due: ${fmt(dueServed)}, ${(dueBytes / 1024).toFixed(0)} KiB`);
console.log(`  GET /api/v1/reviews/due.ics: ${fmt(icsServed)}, ${(icsBytes / 1024).toFixed(0)} KiB`);
