/**
 * The server under a large import, measured from outside: a real server on a file database (WAL)
 * receives a 10,000-record VERIS import over HTTP while a client polls the health check and one
 * vendor's score; then two 50 MB uploads of junk lines, polled to their end, while the process's
 * memory is sampled. Prints figures; asserts nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app.ts';
import type { Deps } from '../../server/deps.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { TEST_PASSWORD_HASH } from '../helpers/passwords.ts';

const MB = 1024 * 1024;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

export async function importUnderLoad(deps: Deps, records: readonly object[], scoredVendorId: number): Promise<void> {
  const server = http.createServer(createApp(deps));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const analyst = deps.store.users.create('bench-analyst@example.com', TEST_PASSWORD_HASH, 'analyst', deps.clock.now());
  const cookie = `${SESSION_COOKIE}=${deps.auth.startSession(deps.store.users.find(analyst)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;
  const headers = { Cookie: cookie, Origin: base };
  const get = (path: string) => fetch(`${base}${path}`, { headers });

  /** Polls `path` one request after another until `until` settles; the latencies of every answer. */
  const pollDuring = async (path: string, until: Promise<unknown>) => {
    let done = false;
    void until.finally(() => (done = true));
    const ms: number[] = [];
    let failed = 0;
    while (!done) {
      const t0 = performance.now();
      const res = await get(path);
      await res.arrayBuffer();
      ms.push(performance.now() - t0);
      if (!res.ok) failed++;
      await new Promise((r) => setTimeout(r, 5));
    }
    return { ms, failed };
  };
  const report = (what: string, { ms, failed }: { ms: number[]; failed: number }) =>
    console.log(`  ${what}: ${ms.length} answers, p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms${failed ? `, ${failed} not ok` : ''} (goal: p99 under 100 ms)`);

  const untilJobEnds = async (res: Response) => {
    let job = (await res.json()) as { id: string; state: string; errorsTotal?: number };
    if (res.status !== 202) throw new Error(`the import answered ${res.status}: ${JSON.stringify(job).slice(0, 300)}`);
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      job = (await (await get(`/api/v1/jobs/${job.id}`)).json()) as typeof job;
    }
    return job;
  };
  const post = (path: string, body: string) => fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/x-ndjson' }, body });

  console.log(`a ${records.length.toLocaleString('en-US')}-record VERIS import over HTTP (NDJSON, ${(records.map((r) => JSON.stringify(r)).join('\n').length / MB).toFixed(1)} MB), polled meanwhile`);
  const ndjson = records.map((r) => JSON.stringify(r)).join('\n');
  const t0 = performance.now();
  const importing = post('/api/v1/import/veris', ndjson).then(untilJobEnds);
  const [health, score, job] = await Promise.all([pollDuring('/api/v1/health', importing), pollDuring(`/api/v1/vendors/${scoredVendorId}/score`, importing), importing]);
  console.log(`  import: ${job.state} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  report('GET /api/v1/health', health);
  report(`GET /api/v1/vendors/${scoredVendorId}/score`, score);

  console.log('two 50 MB uploads of junk lines at once, each polled to its end');
  const junk = (Array.from({ length: Math.ceil((50 * MB) / 40) }, (_, i) => `this line is not JSON at all, number ${i}`).join('\n').slice(0, 50 * MB));
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const before = process.memoryUsage();
  const sampler = setInterval(sample, 20);
  const t1 = performance.now();
  const uploads = Promise.all([post('/api/v1/import/veris', junk).then(untilJobEnds), post('/api/v1/import/veris', junk).then(untilJobEnds)]);
  const [healthJunk, jobs] = await Promise.all([pollDuring('/api/v1/health', uploads), uploads]);
  clearInterval(sampler);
  console.log(`  jobs: ${jobs.map((j) => `${j.state} (${(j.errorsTotal ?? 0).toLocaleString('en-US')} problems counted)`).join(', ')} in ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  report('GET /api/v1/health meanwhile', healthJunk);
  console.log(
    `  memory of the whole process (serving thread and import worker): RSS ${(before.rss / MB).toFixed(0)} MB before, peak ${(peakRss / MB).toFixed(0)} MB (ceiling: 1,536 MB); heap of the serving thread: peak ${(peakHeap / MB).toFixed(0)} MB (ceiling: 512 MB)`,
  );
  const after = await get('/api/v1/health');
  console.log(`  afterwards the health check answers ${after.status}`);
  server.closeAllConnections();
  server.close();
}
