/**
 * Imports, exports and restores, as the API runs them: the body is read and checked in an import
 * worker (import-workers.ts), so the thread that serves requests stays free; this service decides
 * whether an import runs inline or, past `jobThreshold` records, as a job, writing in batched
 * transactions with the event loop free between them. How many imports run at once is bounded per
 * user and in all. It holds the store: the import routes only hand it the parsed request and the caller.
 */
import type { Actor } from '../../domain/account.ts';
import type { ExportDocument } from '../../domain/export.ts';
import type { Store } from '../../db/store.ts';
import type { Clock } from '../clock.ts';
import { ServiceError } from '../errors.ts';
import { breathe, IMPORT_RETRY_SECONDS, tooManyImports, type Job, type JobError, type JobsService, type Progress } from '../jobs-service.ts';
import { CsvSyntaxError, type CsvRecord } from './csv.ts';
import { exportAll } from './full-export.ts';
import { restoreStepwise, type RestoreMode } from './full-transfer.ts';
import { WorkerFailed, WorkerOutOfMemory, type ImportWorkers, type WorkerRun } from './import-workers.ts';
import { importVendorsCsv, type VendorImportOptions, type VendorImportReport } from './vendors-csv.ts';
import type { FeedEvents } from '../changes/feed-events.ts';
import { writeVeris, type OnInvalid, type VerisImportResult } from './veris-import.ts';
import type { PreparedVeris } from './veris-prepare.ts';

/** Imports larger than this run as a job (202) whose progress GET /jobs/:id reports. */
export const JOB_THRESHOLD = 1000;

export interface ImportsOptions {
  /** The app's version, written into an export. */
  readonly version: string;
  /** Records up to which an import runs inline; more run as a job (JOB_THRESHOLD). */
  readonly jobThreshold?: number;
}

/** Whether an import of `total` records runs as a job rather than inline. */
export const runsAsJob = (total: number, threshold = JOB_THRESHOLD): boolean => total > threshold;
/** Records per write transaction in a job: small enough that one batch holds the event loop only a few milliseconds. */
export const WRITE_BATCH = 100;

/** Import requests being read or checked at once, per user and in all (each holds its body in memory). */
export const REQUEST_LIMITS = { perUser: 2, total: 4 } as const;

export interface Caller {
  readonly actor: Actor;
  readonly userId: number;
}

/** What an import came to: a report (which may list problems that refused it), or a job started. */
export type Outcome<R> = { readonly report: R } | { readonly job: Job };

/** The client's body could not be read at all: the problems that refuse it. */
export class Unreadable extends Error {
  constructor(readonly errors: readonly JobError[]) {
    super(`${errors.length} problem(s) found; nothing was written.`);
  }
}

/** A worker's failure in the service's terms. */
function readFailure(e: unknown): unknown {
  if (e instanceof WorkerOutOfMemory)
    return new ServiceError('too-large', 'payload-too-large', 'The body needs more memory to read than an import may use; split it into smaller files.');
  if (!(e instanceof WorkerFailed)) return e;
  const f = e.failure;
  if (f.reason === 'too-large') return new ServiceError('too-large', 'payload-too-large', `The body could not be read: ${f.message}.`);
  if (f.reason === 'bad-encoding') return new ServiceError('invalid', 'bad-encoding', 'The body is not valid UTF-8; save the file as UTF-8 and try again.');
  if (f.reason === 'unreadable') return new Unreadable(f.errors);
  if (f.reason === 'csv-syntax') return new CsvSyntaxError(f.message, f.line);
  return new ServiceError(f.kind, f.code, f.message, f.fields);
}

async function read<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw readFailure(e);
  }
}

/** Records a restore writes between turns of the event loop. */
export const RESTORE_STEP = 500;

export function importsService(
  store: Store,
  clock: Clock,
  feed: Pick<FeedEvents, 'incidentsAdded'>,
  jobs: JobsService,
  workers: ImportWorkers,
  opts: ImportsOptions,
) {
  const threshold = opts.jobThreshold ?? JOB_THRESHOLD;
  const inFlight = new Map<number, number>();
  let inFlightTotal = 0;
  let restoring = false;

  /** Counts the records, then runs `work` inline or, past the threshold, as a job. */
  async function inlineOrJob<T, R extends { errors: readonly JobError[] }>(
    kind: string,
    who: Caller,
    run: WorkerRun<T>,
    work: (read: Promise<T>, progress?: Progress) => Promise<R>,
  ): Promise<Outcome<R>> {
    let total: number;
    try {
      total = (await read(run.counted)) ?? 0;
    } catch (e) {
      // A broken CSV quote is a problem of the file, reported like any other row problem.
      if (e instanceof CsvSyntaxError) return { report: await work(Promise.reject(e)) };
      throw e;
    }
    if (!runsAsJob(total, threshold)) return { report: await work(read(run.result)) };
    try {
      return {
        job: jobs.start(kind, who.userId, total, (progress) => {
          run.onProgress(progress);
          return work(read(run.result), progress);
        }),
      };
    } catch (e) {
      // No room for another job (429): the body is not read on for nothing.
      run.cancel();
      throw e;
    }
  }

  return {
    /**
     * Holds one of the import slots while a request's body is received and read; throws a 429
     * failure when the caller (or the server) has as many as allowed. Returns the release.
     */
    admit(userId: number): () => void {
      const mine = inFlight.get(userId) ?? 0;
      if (mine >= REQUEST_LIMITS.perUser) throw tooManyImports(true);
      if (inFlightTotal >= REQUEST_LIMITS.total) throw tooManyImports(false);
      inFlight.set(userId, mine + 1);
      inFlightTotal++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlightTotal--;
        const left = (inFlight.get(userId) ?? 1) - 1;
        if (left > 0) inFlight.set(userId, left);
        else inFlight.delete(userId);
      };
    },

    veris(bytes: Uint8Array, who: Caller, opts: { dryRun: boolean; onInvalid: OnInvalid }): Promise<Outcome<VerisImportResult>> {
      const run = workers.run<PreparedVeris>({ kind: 'veris', bytes, onInvalid: opts.onInvalid });
      return inlineOrJob('veris', who, run, async (prepared, progress) => {
        return writeVeris(store, clock, await prepared, {
          actor: who.actor,
          feed,
          dryRun: opts.dryRun,
          // Inline imports are small and stay one transaction; a job writes in batches.
          batch: progress ? WRITE_BATCH : undefined,
          written: progress,
        });
      });
    },

    vendorsCsv(bytes: Uint8Array, who: Caller, opts: Omit<VendorImportOptions, 'progress'>): Promise<Outcome<VendorImportReport>> {
      const run = workers.run<CsvRecord[]>({ kind: 'csv', bytes });
      return inlineOrJob('vendors-csv', who, run, (records, progress) => importVendorsCsv(store, clock, who.actor, records, { ...opts, progress }));
    },

    /** Everything but accounts, secrets and the audit trail, as one versioned document. */
    exportAll: (): ExportDocument => exportAll(store, clock, opts.version),

    /**
     * Whether a restore is writing. Its transaction stays open while the event loop turns, so every
     * other request must stay off the database until it ends (app.ts answers them 503).
     */
    restoring: (): boolean => restoring,

    /**
     * Restores an export, all or nothing, in one transaction that lets the event loop turn every
     * RESTORE_STEP records. It needs the database to itself: no other import may be running.
     */
    async restore(bytes: Uint8Array, actor: Actor, mode: RestoreMode) {
      const doc = await read(workers.run<ExportDocument>({ kind: 'export', bytes }).result);
      // This request holds one import slot; any other import would write into the restore's transaction.
      if (restoring || inFlightTotal > 1 || jobs.runningCount() > 0) {
        throw new ServiceError(
          'throttled',
          'too-many-imports',
          'A restore needs the database to itself: wait until the imports running now have finished.',
          [],
          IMPORT_RETRY_SECONDS,
        );
      }
      restoring = true;
      try {
        return await restoreStepwise(store, clock, actor, doc, mode, feed, breathe, RESTORE_STEP);
      } finally {
        restoring = false;
      }
    },
  };
}

export type ImportsService = ReturnType<typeof importsService>;
