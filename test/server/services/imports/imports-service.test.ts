/**
 * The imports service decides how an import runs: up to its threshold inline (a report), past it as
 * a background job (what the route answers 202 for). Real parts: the app's store, jobs and feed, and
 * a real import worker; only the threshold is small, so that the test needs a few rows, not 1,000.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../server/config.ts';
import type { Actor } from '../../../../server/domain/account.ts';
import { silentLogger } from '../../../../server/logger.ts';
import { importWorkers } from '../../../../server/services/imports/import-workers.ts';
import { importsService, JOB_THRESHOLD, runsAsJob } from '../../../../server/services/imports/imports-service.ts';
import { testApp } from '../../../helpers/app.ts';

const HEADER = 'name,category,website,tier,dataAccess,environmentAccess,status,businessOwner,nextReviewOn,notes';
const csv = (n: number) =>
  new Uint8Array(Buffer.from([HEADER, ...Array.from({ length: n }, (_, i) => `Vendor ${i},cat,,1,internal,none,,,,`)].join('\r\n') + '\r\n'));
/** The admin testApp signs in (user 1). */
const actor: Actor = { userId: 1, label: 'admin@example.com', via: null };
const who = { actor, userId: 1 };
const options = { dryRun: false, onInvalid: 'reject' } as const;

function service(jobThreshold?: number) {
  const { deps, db } = testApp();
  const workers = importWorkers({ size: 1, heapMb: 256, idleMs: 200, verisSchemaDir: deps.verisSchemaDir }, silentLogger);
  return { deps, db, imports: importsService(deps.store, deps.clock, deps.feed, deps.jobs, workers, { version: 'test', jobThreshold }) };
}

describe('the imports service: inline or as a job', () => {
  it('runs as a job only past the threshold (1,000 records unless told otherwise)', () => {
    expect(runsAsJob(JOB_THRESHOLD)).toBe(false);
    expect(runsAsJob(JOB_THRESHOLD + 1)).toBe(true);
    expect(JOB_THRESHOLD).toBe(1000);
    expect([0, 1, 2, 3].map((n) => runsAsJob(n, 2))).toEqual([false, false, false, true]);
  });

  it('imports up to its threshold inline, answering with the report, written when it answers', async () => {
    const { imports, deps } = service(3);
    const outcome = await imports.vendorsCsv(csv(3), who, options);
    expect(outcome).toMatchObject({ report: { created: 3, errorsTotal: 0 } });
    expect(deps.store.vendors.all()).toHaveLength(3);
    expect(deps.jobs.runningCount()).toBe(0);
  });

  it('starts a job past its threshold, which writes in the background and reports its progress', async () => {
    const { imports, deps } = service(3);
    const outcome = await imports.vendorsCsv(csv(4), who, options);
    if (!('job' in outcome)) throw new Error(`expected a job, got ${JSON.stringify(outcome)}`);
    expect(outcome.job).toMatchObject({ kind: 'vendors-csv', state: 'running', total: 4 });
    for (let i = 0; i < 200 && deps.jobs.runningCount() > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(deps.jobs.get(outcome.job.id, { userId: 1, admin: false })).toMatchObject({ state: 'succeeded', done: 4, result: { created: 4 } });
    expect(deps.store.vendors.all()).toHaveLength(4);
  });

  it('exports what it holds, with the app version, without the route touching the store', async () => {
    const { imports } = service();
    await imports.vendorsCsv(csv(2), who, options);
    expect(imports.exportAll()).toMatchObject({ appVersion: 'test', vendors: [{ name: 'Vendor 0' }, { name: 'Vendor 1' }] });
  });

  it('is what the import routes call: they hold no store, database or transfer function of their own', () => {
    const routes = readFileSync(join(PROJECT_ROOT, 'server', 'http', 'routes', 'imports.ts'), 'utf8');
    expect(routes).not.toMatch(/\bstore\b|\bdb\b|full-transfer|JOB_THRESHOLD/);
  });
});
