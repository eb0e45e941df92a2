/**
 * The server under a large import, measured from outside: a real server (in a process of its own,
 * imports-live-server.ts) on a file database (WAL) receives a 10,000-record VERIS import over HTTP while a client polls the health check and one
 * vendor's score; then two 50 MB uploads of junk lines, polled to their end, while the process's
 * memory is sampled; then a restore of the whole database. Prints figures; asserts nothing.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const MB = 1024 * 1024;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

/** Asks the server process something and waits for its answer. */
async function ask<T>(child: ChildProcess, what: string): Promise<T> {
  const answer = once(child, 'message') as Promise<[T]>;
  child.send(what);
  return (await answer)[0];
}

export async function importUnderLoad(dbPath: string, records: readonly object[], scoredVendorId: number): Promise<void> {
  const child = fork(fileURLToPath(new URL('./imports-live-server.ts', import.meta.url)), [dbPath], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const [{ port, cookie, adminCookie }] = (await once(child, 'message')) as [{ port: number; cookie: string; adminCookie: string }];
  const base = `http://127.0.0.1:${port}`;
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
    console.log(
      `  ${what}: ${ms.length} answers, p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms${failed ? `, ${failed} not ok` : ''} (goal: p99 under 100 ms)`,
    );

  const untilJobEnds = async (res: Response) => {
    let job = (await res.json()) as { id: string; state: string; errorsTotal?: number };
    if (res.status !== 202) throw new Error(`the import answered ${res.status}: ${JSON.stringify(job).slice(0, 300)}`);
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      job = (await (await get(`/api/v1/jobs/${job.id}`)).json()) as typeof job;
    }
    return job;
  };
  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/x-ndjson' }, body });

  console.log(
    `a ${records.length.toLocaleString('en-US')}-record VERIS import over HTTP (NDJSON, ${(records.map((r) => JSON.stringify(r)).join('\n').length / MB).toFixed(1)} MB), polled meanwhile`,
  );
  const ndjson = records.map((r) => JSON.stringify(r)).join('\n');
  const t0 = performance.now();
  const importing = post('/api/v1/import/veris', ndjson).then(untilJobEnds);
  const [health, score, job] = await Promise.all([
    pollDuring('/api/v1/health', importing),
    pollDuring(`/api/v1/vendors/${scoredVendorId}/score`, importing),
    importing,
  ]);
  console.log(`  import: ${job.state} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  report('GET /api/v1/health', health);
  report(`GET /api/v1/vendors/${scoredVendorId}/score`, score);

  console.log('two 50 MB uploads of junk lines at once, each polled to its end');
  const junk = Array.from({ length: Math.ceil((50 * MB) / 40) }, (_, i) => `this line is not JSON at all, number ${i}`)
    .join('\n')
    .slice(0, 50 * MB);
  const before = await ask<NodeJS.MemoryUsage>(child, 'now');
  await ask(child, 'reset');
  const t1 = performance.now();
  const uploads = Promise.all([post('/api/v1/import/veris', junk).then(untilJobEnds), post('/api/v1/import/veris', junk).then(untilJobEnds)]);
  const [healthJunk, jobs] = await Promise.all([pollDuring('/api/v1/health', uploads), uploads]);
  const peak = await ask<{ rss: number; heapUsed: number }>(child, 'peak');
  console.log(
    `  jobs: ${jobs.map((j) => `${j.state} (${(j.errorsTotal ?? 0).toLocaleString('en-US')} problems counted)`).join(', ')} in ${((performance.now() - t1) / 1000).toFixed(2)} s`,
  );
  report('GET /api/v1/health meanwhile', healthJunk);
  console.log(
    `  memory of the server process (serving thread and import worker): RSS ${(before.rss / MB).toFixed(0)} MB before, peak ${(peak.rss / MB).toFixed(0)} MB (ceiling: 1,536 MB); heap of the serving thread ${(before.heapUsed / MB).toFixed(0)} MB before, peak ${(peak.heapUsed / MB).toFixed(0)} MB (ceiling: 256 MB)`,
  );
  const after = await get('/api/v1/health');
  console.log(`  afterwards the health check answers ${after.status}`);

  // A restore is read and checked in the worker too, but written in one transaction (all or nothing).
  const exported = await (await fetch(`${base}/api/v1/export`, { headers: { Cookie: adminCookie, Origin: base } })).text();
  console.log(`a restore (?mode=replace) of the whole database, ${(exported.length / MB).toFixed(1)} MB, polled meanwhile`);
  const t2 = performance.now();
  const restoring = fetch(`${base}/api/v1/import/full?mode=replace`, {
    method: 'POST',
    headers: { Cookie: adminCookie, Origin: base, 'Content-Type': 'application/json' },
    body: exported,
  });
  const [healthRestore, restored] = await Promise.all([pollDuring('/api/v1/health', restoring), restoring]);
  console.log(`  restore: ${restored.status} in ${((performance.now() - t2) / 1000).toFixed(2)} s`);
  report('GET /api/v1/health meanwhile', healthRestore);
  child.send('exit');
  await once(child, 'exit');
}
