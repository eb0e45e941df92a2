/**
 * `npm run bench:backtest`: how long the backtest takes, how long it holds the event loop at a
 * stretch, and what memory it keeps, on the demo portfolio and on synthetic portfolios of 1,000 and
 * 5,000 vendors (27 quarter ends, 2019-Q1 to 2025-Q3, 365-day horizon, 1,000 resamples). Prints
 * figures; asserts nothing, because timings belong in benchmarks, not in tests.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { makeDeps } from '../../server/deps.ts';
import { SYSTEM } from '../../server/domain/account.ts';
import { loadConfig } from '../../server/config.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { backtestSteps } from '../../server/scoring/backtest/backtest.ts';
import { backtestOptions } from '../../server/services/backtest/backtest-service.ts';
import { loadDemoPortfolio } from '../../server/services/demo-portfolio.ts';
import { loadAllFacts } from '../../server/services/facts-loader.ts';
import { seedDemoPortfolio } from '../../server/services/seed-service.ts';
import { memDb } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';
import { TEST_PASSWORD_HASH } from '../helpers/passwords.ts';
import { seedSyntheticPortfolio } from './synthetic-portfolio.ts';

const RANGE = { from: '2019-Q1', to: '2025-Q3', horizonDays: 365 } as const;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function bench(label: string, seed: (deps: ReturnType<typeof makeDeps>) => void) {
  const deps = makeDeps(memDb(), testOptions({ version: 'bench' }));
  deps.methodology.ensureDefault();
  seed(deps);
  const policy = deps.methodology.active();

  // The pure run, step by step: the longest step is the longest the server is held at a stretch.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const facts = loadAllFacts(deps.store);
  const load = performance.now() - t;
  t = performance.now();
  const steps = backtestSteps(facts, policy, backtestOptions(RANGE, false));
  let longest = 0;
  let replayed = 0;
  let peakHeap = 0;
  let step = performance.now();
  let next = steps.next();
  while (!next.done) {
    const now = performance.now();
    longest = Math.max(longest, now - step);
    replayed += 1;
    if (replayed % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    step = performance.now();
    next = steps.next();
  }
  const total = performance.now() - t;
  const outcome = next.value;
  if (!outcome.ok) throw new Error(`${label}: too few events (${outcome.events})`);
  const r = outcome.report;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;

  // Through the API: the first request computes (with its pauses), the next one is a cache hit.
  const app = createApp(deps);
  const analyst = deps.store.users.create('bench@example.com', TEST_PASSWORD_HASH, 'analyst', deps.clock.now());
  const cookie = `${SESSION_COOKIE}=${deps.auth.startSession(deps.store.users.find(analyst)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;
  const get = async () => {
    const t0 = performance.now();
    const res = await request(app).get(`/api/v1/methodology/backtest?from=${RANGE.from}&to=${RANGE.to}`).set('Cookie', cookie);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${res.text}`);
    return { ms: performance.now() - t0, bytes: res.text.length };
  };
  const cold = await get();
  const warm = await get();

  console.log(
    `${label}: ${r.population.vendors} vendors × ${r.quarters.length} quarter ends = ${r.population.observations} vendor-quarters, ${r.population.events} events`,
  );
  console.log(`  load facts: ${ms(load)}; backtest (replay + ${r.bootstrap.resamples} resamples): ${ms(total)}, longest step without a pause ${ms(longest)}`);
  console.log(
    `  heap: ${mib(heapBefore)} before, peak ≥ ${mib(peakHeap)} during, ${mib(heapAfter)} after (the report kept: ${(JSON.stringify(r).length / 1024).toFixed(0)} KiB)`,
  );
  console.log(
    `  GET /api/v1/methodology/backtest: ${ms(cold.ms)} first (computed), ${ms(warm.ms)} again (cached: facts loaded and hashed), ${(cold.bytes / 1024).toFixed(0)} KiB`,
  );
}

await bench('demo portfolio', (deps) => seedDemoPortfolio(deps.store, loadDemoPortfolio(loadConfig({}).seedDir), deps.clock, { reset: false, actor: SYSTEM }));
for (const count of [1000, 5000]) await bench(`synthetic ${count}`, (deps) => seedSyntheticPortfolio(deps.store, count));
