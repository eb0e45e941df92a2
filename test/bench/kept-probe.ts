/**
 * A short probe of the kept scores (not the bench): N vendors, a methodology change, and the p99 of
 * one vendor's score while the rescore drains; then the heatmap's requests/s against a bare Express
 * route serving the same body. `node --import tsx test/bench/kept-probe.ts 10000`
 */
import autocannon from 'autocannon';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SYSTEM } from '../../server/domain/account.ts';
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { testApp } from '../helpers/app.ts';
import { seedSyntheticPortfolio } from './synthetic-portfolio.ts';

const n = Number(process.argv[2] ?? 2000);
const t = testApp();
let t0 = performance.now();
seedSyntheticPortfolio(t.deps.store, n);
await t.deps.keptScores.fresh();
console.log(`seeded and kept ${n} vendors in ${Math.round(performance.now() - t0)} ms`);

const listen = (app: express.Express) => new Promise<{ url: string; close: () => void }>((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: () => s.close() }));
});
const api = await listen(t.app);
const cookie = t.cookieFor('viewer');

const sample = async (until: () => boolean) => {
  const times: number[] = [];
  while (!until()) {
    const id = 1 + Math.floor(Math.random() * n);
    const s = performance.now();
    const r = await fetch(`${api.url}/api/v1/vendors/${id}/score`, { headers: { cookie, host: 'vendorscope.test' } });
    await r.arrayBuffer();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return `${times.length} requests, p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(1)} ms`;
};
let k = 0;
console.log(`one vendor's score, nothing stale: ${await sample(() => k++ >= 200)}`);
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
// p99 of one vendor's score while a full rescore (methodology change) drains.
const weights = { ...DEFAULT_POLICY.weights, incidents: DEFAULT_POLICY.weights.incidents + 0.05, mfa: DEFAULT_POLICY.weights.mfa - 0.05 };
t0 = performance.now();
t.deps.methodology.create(SYSTEM, { ...DEFAULT_POLICY, version: '9.9.9', weights }, null);
const drained = t.deps.keptScores.drain().then(() => performance.now() - t0);
let done = false;
void drained.then(() => (done = true));
const during = await sample(() => done);
lag.disable();
console.log(`full rescore of ${n} vendors: ${Math.round(await drained)} ms; one vendor's score meanwhile: ${during}; event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`);
t0 = performance.now();
const raw = t.db.prepare('SELECT * FROM incidents').all().length + t.db.prepare('SELECT * FROM subprocessors').all().length + t.db.prepare('SELECT * FROM mfa_postures').all().length + t.db.prepare('SELECT * FROM vendors').all().length;
console.log(`raw .all() of the ${raw} fact rows: ${Math.round(performance.now() - t0)} ms`);

const body = Buffer.from(await (await fetch(`${api.url}/api/v1/portfolio/heatmap`, { headers: { cookie, host: 'vendorscope.test' } })).arrayBuffer());
const bare = express();
bare.get('/h', (_req, res) => res.type('application/json').send(body));
const b = await listen(bare);
const run = (url: string, headers: Record<string, string> = {}) => autocannon({ url, connections: 8, duration: 5, headers });
const apiRun = await run(`${api.url}/api/v1/portfolio/heatmap`, { cookie, host: 'vendorscope.test' });
const bareRun = await run(`${b.url}/h`);
console.log(`heatmap (${(body.length / 1e6).toFixed(1)} MB): API ${apiRun.requests.average} req/s (non-2xx ${apiRun.non2xx}), bare ${bareRun.requests.average} req/s, ratio ${(apiRun.requests.average / bareRun.requests.average).toFixed(2)}`);
api.close();
b.close();
process.exit(0);
