/**
 * `npm run bench`: issue 15's goal table, as ratios measured in the same run (absolute times are
 * noise on a shared 2-core machine), and the scaling table. A real server (live/portfolio-server.ts,
 * a process of its own) serves a real SQLite file filled by synthetic-portfolio.ts (≈12.8 fact rows
 * per vendor: 10,000 vendors ≈ 128k rows); a bare Express server (live/bare-server.ts) serves the
 * same heatmap body and an 11-byte body; autocannon loads each with 8 connections for a bounded time.
 * Prints figures; asserts nothing, because timings belong in benchmarks, not in tests.
 *
 * BENCH_SIZES=1000,5000 picks the sizes (default 1000,5000,10000,50000); the goal table is measured
 * at 10,000 vendors, or at the largest size below it when 10,000 is not asked for. BENCH_SECONDS sets
 * autocannon's window (default 15 s for the heatmap, two thirds of it for the vendors list);
 * BENCH_TIMEOUT_S how long one request may take (default 180 s; a figure that took longer says so).
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { portfolioFile } from './live/portfolio-file.ts';
import { rescoreOverHttp, type BenchServer } from './live/rescore.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const GOAL_SIZE = SIZES.includes(10_000) ? 10_000 : Math.max(...SIZES.filter((n) => n <= 10_000), Math.min(...SIZES));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** How long one request may take before the bench gives up on it (and restarts the server, which is still busy with it). */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 180) * 1000;
const MB = 1024 * 1024;
const work = mkdtempSync(join(tmpdir(), 'vendorscope-bench-run-'));

const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : 'n/a');
const secs = (x: number) => `${(x / 1000).toFixed(2)} s`;
const ratio = (x: number) => (!Number.isFinite(x) ? 'n/a' : x >= 0.1 || x === 0 ? x.toFixed(2) : x.toPrecision(2));
const meets = (ok: boolean) => (ok ? 'met' : 'NOT met');

interface Child extends BenchServer {
  proc: ChildProcess;
  /** How long the server took to compute its kept scores before listening (API servers). */
  kept?: { ms: number; cpu: number };
}

async function start(script: string, arg: string): Promise<Child> {
  const proc = fork(fileURLToPath(new URL(script, import.meta.url)), [arg], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const [hello] = (await once(proc, 'message')) as [{ port: number; cookie?: string; adminCookie?: string; kept?: { ms: number; cpu: number } }];
  const base = `http://127.0.0.1:${hello.port}`;
  return {
    proc,
    base,
    headers: hello.cookie ? { Cookie: hello.cookie } : {},
    adminCookie: hello.adminCookie ?? '',
    ...(hello.kept ? { kept: hello.kept } : {}),
  };
}
async function stop(c: Child): Promise<void> {
  const exited = once(c.proc, 'exit');
  c.proc.send(c.proc.connected ? 'exit' : '');
  // The API server may be busy with abandoned work: do not wait for it to answer.
  setTimeout(() => c.proc.kill('SIGKILL'), 500).unref();
  await exited;
}
async function ask<T>(c: Child, cmd: string, more: object = {}): Promise<T> {
  const answer = once(c.proc, 'message') as Promise<[T]>;
  c.proc.send({ cmd, ...more });
  return (await answer)[0];
}

/** GETs `path` up to `runs` times while under `budgetMs` (at least once): latencies, and the last body. */
async function sequential(c: Child, path: string, runs: number, budgetMs: number, timeoutMs = TIMEOUT_MS) {
  const times: number[] = [];
  let body = Buffer.alloc(0);
  let failed = false;
  const t = performance.now();
  while (times.length === 0 || (times.length < runs && performance.now() - t < budgetMs)) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${c.base}${path}`, { headers: c.headers, signal: AbortSignal.timeout(timeoutMs) });
      body = Buffer.from(await res.arrayBuffer());
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.toString().slice(0, 200)}`);
    } catch (e) {
      if ((e as Error).name !== 'TimeoutError') throw e;
      failed = true;
    }
    times.push(performance.now() - t0);
    if (failed) break;
  }
  return { times, body, p50: percentile(times, 50), timedOut: failed };
}

/** Requests with a 2xx answer per second, under autocannon with 8 connections for `seconds`. */
async function load(url: string, headers: Record<string, string>, seconds: number) {
  const r = await autocannon({ url, connections: 8, duration: seconds, headers, timeout: Math.max(10, seconds * 2) });
  return { perSecond: r['2xx'] / r.duration, ok: r['2xx'], p50: r.latency.p50, p99: r.latency.p99, seconds: r.duration };
}
const loadText = (l: Awaited<ReturnType<typeof load>>) => `${l.perSecond.toFixed(1)} req/s (${l.ok} answers in ${l.seconds.toFixed(0)} s)`;

/** One vendor's score polled one request after another while `until` settles. */
async function pollDuring(c: Child, path: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const res = await fetch(`${c.base}${path}`, { headers: c.headers });
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
  }
  return times;
}

const scaling: Array<{ vendors: number; p50: string; rss: number; note: string }> = [];
const goals: string[] = [];
const details: string[] = [];
const say = (line: string) => {
  console.log(line);
  details.push(line);
};

for (const vendors of SIZES) {
  const t0 = performance.now();
  const { path: dbFile, seededIn } = portfolioFile(vendors, work);
  console.log(`\n${vendors.toLocaleString('en-US')} vendors: ${seededIn ? `seeded in ${seededIn.toFixed(0)} s` : 'seeded portfolio from the cache'}`);
  let api = await start('./live/portfolio-server.ts', dbFile);
  if (api.kept) console.log(`  kept scores computed at start in ${secs(api.kept.ms)} (CPU ${secs(api.kept.cpu)})`);
  // The scaling table: the heatmap one request at a time (at most 5, within 30 s), the server's peak memory.
  await ask(api, 'reset');
  const heat = await sequential(api, '/api/v1/portfolio/heatmap', 5, 30_000);
  const peak = await ask<{ rss: number }>(api, 'peak');
  scaling.push({
    vendors,
    p50: heat.timedOut ? `> ${secs(heat.times[0]!)} (timed out)` : `${ms(heat.p50)} (${heat.times.length} run${heat.times.length > 1 ? 's' : ''})`,
    rss: peak.rss / MB,
    note: heat.timedOut ? 'no answer' : `${(heat.body.length / MB).toFixed(1)} MB body`,
  });
  console.log(
    `  heatmap one at a time: p50 ${ms(heat.p50)} over ${heat.times.length}, ${(heat.body.length / MB).toFixed(1)} MB; server peak RSS ${(peak.rss / MB).toFixed(0)} MB`,
  );
  if (heat.timedOut) {
    // Still busy with it: a fresh server for what follows.
    await stop(api);
    api = await start('./live/portfolio-server.ts', dbFile);
  }

  if (vendors === GOAL_SIZE) {
    say(`goal measurements at ${vendors.toLocaleString('en-US')} vendors`);
    // The bare server serves the very body the API serves: wait for it however long it takes.
    const heatBody = heat.timedOut ? (await sequential(api, '/api/v1/portfolio/heatmap', 1, 0, 3_600_000)).body : heat.body;
    // The review due list (issue 8's figures).
    const due = await sequential(api, '/api/v1/reviews/due', 5, 15_000);
    const ics = await sequential(api, '/api/v1/reviews/due.ics', 5, 15_000);
    say(
      `  GET /api/v1/reviews/due: p50 ${ms(due.p50)}, ${(due.body.length / 1024).toFixed(0)} KiB; due.ics: p50 ${ms(ics.p50)}, ${(ics.body.length / 1024).toFixed(0)} KiB (target: under 1 s)`,
    );

    // Full rescore ÷ raw read of the fact rows, both in the server's process.
    // The ratio is of CPU time: both run synchronously in the server's process, and CPU time is what
    // other processes on a shared machine disturb least (wall times printed beside it).
    const raw = await ask<{ ms: number[]; cpu: number[]; rows: number }>(api, 'raw', { runs: 5, budgetMs: 10_000 });
    const rescore = await ask<{ ms: number[]; cpu: number[] }>(api, 'rescore', { runs: 3, budgetMs: 30_000 });
    const rescoreRatio = percentile(rescore.cpu, 50) / percentile(raw.cpu, 50);
    say(
      `  full rescore (test/bench/live/rescore.ts fullRescore): CPU p50 ${ms(percentile(rescore.cpu, 50))} (wall ${ms(percentile(rescore.ms, 50))}) over ${rescore.ms.length}; ` +
        `raw .all() of ${raw.rows.toLocaleString('en-US')} rows: CPU p50 ${ms(percentile(raw.cpu, 50))} (wall ${ms(percentile(raw.ms, 50))})`,
    );
    goals.push(
      `| full rescore of ${vendors.toLocaleString('en-US')} vendors ÷ raw .all() read of the same ${raw.rows.toLocaleString('en-US')} rows (CPU time) | ≤ 2 | ${ratio(rescoreRatio)} | ${meets(rescoreRatio <= 2)} |`,
    );

    // One vendor's score, polled while a full rescore runs (started over HTTP).
    const rescoring = rescoreOverHttp(api);
    const during = await pollDuring(api, '/api/v1/vendors/1/score', rescoring);
    await rescoring;
    const p99 = percentile(during, 99);
    say(
      `  GET /api/v1/vendors/1/score during a rescore: ${during.length} answers, p50 ${ms(percentile(during, 50))}, p99 ${ms(p99)}, max ${ms(Math.max(...during))}`,
    );
    goals.push(`| p99 of one vendor's score while a full rescore runs | < 100 ms | ${ms(p99)} (${during.length} answers) | ${meets(p99 < 100)} |`);

    // The closed-quarter report and trends: the first request freezes, the second is the figure. A
    // request that timed out leaves the server busy with it: the next measurement gets a fresh one.
    const twice = async (path: string) => {
      const first = await sequential(api, path, 1, 0);
      const then = first.timedOut ? first : await sequential(api, path, 1, 0);
      if (then.timedOut) {
        await stop(api);
        api = await start('./live/portfolio-server.ts', dbFile);
      }
      return { first: first.times[0]!, then: then.times[0]!, timedOut: then.timedOut, bytes: then.body.length };
    };
    const report = await twice('/api/v1/reports/quarterly/2026-Q3');
    const trends = await twice('/api/v1/portfolio/trends');
    const took = (t: { first: number; then: number; timedOut: boolean }) =>
      t.timedOut
        ? `over ${secs(TIMEOUT_MS)} (gave up${t.first < TIMEOUT_MS ? ` after a first request of ${secs(t.first)}` : ''})`
        : `first ${secs(t.first)}, then ${secs(t.then)}`;
    const reportSize = report.timedOut ? 'n/a' : `${(report.bytes / MB).toFixed(1)} MB`;
    say(`  report 2026-Q3: ${took(report)}, ${reportSize}`);
    say(`  trends (8 quarters): ${took(trends)}`);
    const peakAll = await ask<{ rss: number }>(api, 'peak');
    say(`  server peak RSS so far: ${(peakAll.rss / MB).toFixed(0)} MB`);
    const under = (t: { then: number; timedOut: boolean }) => (t.timedOut ? `> ${secs(TIMEOUT_MS)}` : secs(t.then));
    goals.push(`| trends (8 quarters) after the first freeze | < 1 s | ${under(trends)} | ${meets(!trends.timedOut && trends.then < 1000)} |`);
    goals.push(
      `| closed-quarter report after the first freeze; its JSON | < 1 s; ≤ 5 MB | ${under(report)}; ${reportSize} | ${meets(!report.timedOut && report.then < 1000)}; ${report.timedOut ? 'n/a' : meets(report.bytes / MB <= 5)} |`,
    );

    // Throughput, each side in a server process of its own; the API server is fresh for each load (a
    // load leaves abandoned requests behind).
    const bodyFile = join(work, 'heatmap.json');
    writeFileSync(bodyFile, heatBody);
    await stop(api);
    const bare = await start('./live/bare-server.ts', bodyFile);
    const bareSame = await load(`${bare.base}/same`, {}, SECONDS);
    const bareSmall = await load(`${bare.base}/small`, {}, Math.ceil((SECONDS * 2) / 3));
    await stop(bare);
    api = await start('./live/portfolio-server.ts', dbFile);
    const apiHeat = await load(`${api.base}/api/v1/portfolio/heatmap`, api.headers, SECONDS);
    await stop(api);
    api = await start('./live/portfolio-server.ts', dbFile);
    const apiList = await load(`${api.base}/api/v1/vendors?limit=50`, api.headers, Math.ceil((SECONDS * 2) / 3));
    say(`  heatmap API ${loadText(apiHeat)}, p50 ${ms(apiHeat.p50)}; bare route, same ${(heatBody.length / MB).toFixed(1)} MB body: ${loadText(bareSame)}`);
    say(`  GET /api/v1/vendors?limit=50 ${loadText(apiList)}, p50 ${ms(apiList.p50)}; bare 11-byte route: ${loadText(bareSmall)}`);
    const heatRatio = apiHeat.perSecond / bareSame.perSecond;
    const listRatio = apiList.perSecond / bareSmall.perSecond;
    goals.unshift(
      `| heatmap API for ${vendors.toLocaleString('en-US')} vendors (8 connections) ÷ a bare Express route serving the same body | ≥ 0.5 | ${ratio(heatRatio)} | ${meets(heatRatio >= 0.5)} |`,
      `| GET /api/v1/vendors?limit=50 ÷ a bare Express 11-byte route | ≥ 0.3 | ${ratio(listRatio)} | ${meets(listRatio >= 0.3)} |`,
    );
  }
  await stop(api);
  console.log(`  (${secs(performance.now() - t0)} for this size)`);
}

console.log(`\nGoals, measured at ${GOAL_SIZE.toLocaleString('en-US')} vendors (ratios of one run)\n`);
console.log('| figure | goal | measured | |\n| --- | --- | --- | --- |');
for (const g of goals) console.log(g);
console.log("\nScaling: the heatmap API one request at a time, and the server process's peak RSS (goal at 50,000: RSS < 1 GB)\n");
console.log('| vendors | heatmap API p50 | server peak RSS | |\n| --- | --- | --- | --- |');
for (const s of scaling)
  console.log(
    `| ${s.vendors.toLocaleString('en-US')} | ${s.p50} | ${s.rss.toFixed(0)} MB${s.vendors === 50_000 ? ` (${meets(s.rss < 1024)})` : ''} | ${s.note} |`,
  );
rmSync(work, { recursive: true, force: true });
