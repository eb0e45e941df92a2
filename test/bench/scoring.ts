/**
 * `npm run bench:scoring`: the pure engine alone, per vendor, over the synthetic portfolio held in
 * memory (BENCH_VENDORS, default 2,000): loading every vendor's facts once (facts-loader.ts
 * `loadAllFacts`) and scoring each (`scoreVendor`). For profiling:
 * `TZ=UTC node --cpu-prof --import tsx test/bench/scoring.ts`.
 */
import { performance } from 'node:perf_hooks';
import { makeDeps } from '../../server/deps.ts';
import { scoreVendor } from '../../server/scoring/score-vendor.ts';
import { loadAllFacts } from '../../server/services/facts-loader.ts';
import { memDb } from '../helpers/db.ts';
import { testOptions } from '../helpers/app.ts';
import { seedSyntheticPortfolio } from './synthetic-portfolio.ts';

const VENDORS = Number(process.env.BENCH_VENDORS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const deps = makeDeps(memDb(), testOptions({ version: 'bench' }));
deps.methodology.ensureDefault();
seedSyntheticPortfolio(deps.store, VENDORS);
const policy = deps.methodology.active();
const asOf = deps.clock.today();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load: number[] = [];
const score: number[] = [];
// CPU time of this process (user + system), which a busy shared machine disturbs far less than wall time.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const wall: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const w0 = performance.now();
  const t0 = cpuMs();
  const all = loadAllFacts(deps.store);
  const t1 = cpuMs();
  for (const f of all) scoreVendor(f, policy, asOf);
  const t2 = cpuMs();
  load.push(t1 - t0);
  score.push(t2 - t1);
  wall.push(performance.now() - w0);
}
const per = (ms: number) => `${((ms * 1000) / VENDORS).toFixed(0)} µs per vendor`;
console.log(
  `${VENDORS} vendors, median of ${RUNS} runs, CPU time: loadAllFacts ${median(load).toFixed(0)} ms (${per(median(load))}), scoreVendor ${median(score).toFixed(0)} ms (${per(median(score))}); wall time of both ${median(wall).toFixed(0)} ms`,
);
