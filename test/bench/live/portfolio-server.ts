/**
 * The API server the bench measures, in a process of its own so that its memory is its own: it
 * opens the portfolio file it is given, listens on a free port, tells its parent the port and a
 * viewer's and an admin's session cookies, and samples its memory every 20 ms. Asked by message, it
 * also times, in its own process, a full rescore (rescore.ts) and the raw read of the fact rows.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../../server/app.ts';
import { openDb } from '../../../server/db/open.ts';
import { makeDeps } from '../../../server/deps.ts';
import { SESSION_COOKIE } from '../../../server/http/request-context.ts';
import { testOptions } from '../../helpers/app.ts';
import { TEST_PASSWORD_HASH } from '../../helpers/passwords.ts';
import { fullRescore } from './rescore.ts';

const db = openDb(process.argv[2]!);
const deps = makeDeps(db, testOptions({ version: 'bench' }));
deps.methodology.ensureDefault();
const sessionOf = (role: 'viewer' | 'admin') => {
  const id = deps.store.users.create(`bench-${role}-${process.pid}@example.com`, TEST_PASSWORD_HASH, role, deps.clock.now());
  return `${SESSION_COOKIE}=${deps.auth.startSession(deps.store.users.find(id)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;
};
const cookie = sessionOf('viewer');
const adminCookie = sessionOf('admin');

let peak = { rss: 0, heapUsed: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
};
setInterval(sample, 20).unref();

/** The fact rows of the portfolio, read as plainly as SQLite can: what any rescore must at least read. */
// A decision's stored score (a JSON copy of the score it was made on) is no fact: it is left out.
const FACT_READS = ['vendors', 'incidents', 'subprocessors', 'mfa_postures', 'posture_facts']
  .map((t) => `SELECT * FROM ${t}`)
  .concat('SELECT id, vendor_id, decision, rationale, decided_on, next_review_on, next_review_set, decided_by, created_at FROM reviews')
  .map((sql) => db.prepare(sql));
const rawRead = (): number => FACT_READS.reduce((n, q) => n + q.all().length, 0);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `fn` up to `runs` times while under `budgetMs` (at least once): the wall and the CPU
 * milliseconds of each (CPU time, which other processes on a shared machine disturb far less).
 */
const timed = async (fn: () => unknown, runs: number, budgetMs: number): Promise<{ ms: number[]; cpu: number[] }> => {
  const ms: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (ms.length === 0 || (ms.length < runs && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    const c0 = cpuMs();
    // A rescore may be batched and yield (kept scores): wait for it.
    await fn();
    cpu.push(cpuMs() - c0);
    ms.push(performance.now() - t0);
  }
  return { ms, cpu };
};

// Kept scores are computed once, as a server's first start after seeding or a migration does (the
// day job catches up before anything is served here, so what follows measures the steady state).
const k0 = performance.now();
const c0 = cpuMs();
await deps.keptScores.fresh();
const kept = { ms: performance.now() - k0, cpu: cpuMs() - c0 };

const server = http.createServer(createApp(deps));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port, cookie, adminCookie, kept }));
type Command = { cmd: string; runs?: number; budgetMs?: number };
const answer = async (m: Command) => {
  sample();
  // Every question gets an answer, so the parent can wait for each.
  switch (m.cmd) {
    case 'exit':
      return process.exit(0);
    case 'reset':
      peak = { rss: 0, heapUsed: 0 };
      return process.send!({});
    case 'peak':
      return process.send!(peak);
    case 'rescore':
      return process.send!(await timed(() => fullRescore(deps), m.runs ?? 3, m.budgetMs ?? 30_000));
    case 'raw':
      return process.send!({ ...(await timed(rawRead, m.runs ?? 5, m.budgetMs ?? 10_000)), rows: rawRead() });
    default:
      return process.send!({ error: `unknown command ${m.cmd}` });
  }
};
// A rejection ends this child (Node's default), which the parent sees as an exit.
process.on('message', (m: Command) => void answer(m));
