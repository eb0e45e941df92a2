/**
 * Long imports run as jobs: the request answers 202 at once, and GET /jobs/:id reports progress.
 * Jobs live in memory (one process serves the app), so what they keep is bounded: the first 1,000
 * errors (with the total), a result without its error list, at most `keepFinished` finished jobs,
 * each for `keepMinutes`; and only so many run at once, per user and in all.
 */
import { randomSecret } from './secrets.ts';
import type { Clock } from './clock.ts';
import { notFound, ServiceError } from './errors.ts';
import { LIST_LIMIT } from './imports/capped.ts';
import type { Logger } from '../logger.ts';

export interface JobLimits {
  /** Jobs one user may have running at once. */
  readonly perUser: number;
  /** Jobs running at once in all. */
  readonly total: number;
  readonly keepMinutes: number;
  readonly keepFinished: number;
}

/**
 * Two running imports per user and four in all keep a 2-core server responsive (each job's
 * reading takes a worker; see import-workers.ts); an hour is long enough to read a result.
 */
export const DEFAULT_JOB_LIMITS: JobLimits = { perUser: 2, total: 4, keepMinutes: 60, keepFinished: 100 };

/** Seconds a client is told to wait when too many imports run. */
export const IMPORT_RETRY_SECONDS = 30;

export const tooManyImports = (mine: boolean): ServiceError =>
  new ServiceError(
    'throttled',
    'too-many-imports',
    mine
      ? 'You have as many imports running as one user may; wait for one to finish.'
      : 'The server is running as many imports as it may at once; try again shortly.',
    [],
    IMPORT_RETRY_SECONDS,
  );

export interface JobError {
  readonly path: string;
  readonly message: string;
  readonly [extra: string]: unknown;
}

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly ownerId: number;
  state: 'running' | 'succeeded' | 'failed';
  done: number;
  total: number;
  /** The first 1,000 errors. */
  errors: JobError[];
  /** How many errors there were in all. */
  errorsTotal: number;
  /** The job's report, without its error list (that is `errors`). */
  result: unknown;
  readonly startedAt: string;
  finishedAt: string | null;
}

/** Tells a job how far it got. */
export type Progress = (done: number) => void;

/** Lets the event loop breathe between chunks of work, so other requests are served meanwhile. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function jobsService(clock: Clock, log: Logger, limits: JobLimits = DEFAULT_JOB_LIMITS) {
  const jobs = new Map<string, Job>();
  const prune = () => {
    const cutoff = Date.parse(clock.now()) - limits.keepMinutes * 60_000;
    const finished = [...jobs.values()].filter((j) => j.finishedAt);
    for (const [n, j] of finished.entries()) {
      // Map order is the order jobs started: the oldest beyond `keepFinished` go first.
      if (Date.parse(j.finishedAt!) < cutoff || finished.length - n > limits.keepFinished) jobs.delete(j.id);
    }
  };
  const running = () => [...jobs.values()].filter((j) => j.state === 'running');
  /** Throws a 429 failure when `ownerId` may not start another job now. */
  const admit = (ownerId: number): void => {
    const now = running();
    if (now.filter((j) => j.ownerId === ownerId).length >= limits.perUser) throw tooManyImports(true);
    if (now.length >= limits.total) throw tooManyImports(false);
  };

  return {
    /** How many jobs are running now. */
    runningCount: (): number => running().length,

    /**
     * Starts `work` in the background. It reports progress; a result with `errors` (records that
     * failed validation) ends the job as failed, and so does a throw.
     */
    start: (
      kind: string,
      ownerId: number,
      total: number,
      work: (progress: Progress) => Promise<{ errors?: readonly JobError[]; errorsTotal?: number } & object>,
    ): Job => {
      prune();
      admit(ownerId);
      const job: Job = {
        id: randomSecret('job_').slice(0, 24),
        kind,
        ownerId,
        state: 'running',
        done: 0,
        total,
        errors: [],
        errorsTotal: 0,
        result: null,
        startedAt: clock.now(),
        finishedAt: null,
      };
      jobs.set(job.id, job);
      void (async () => {
        try {
          const result = await work((done) => {
            job.done = Math.min(done, job.total);
          });
          const { errors = [], ...rest } = result;
          job.result = rest;
          job.errors = errors.slice(0, LIST_LIMIT);
          job.errorsTotal = result.errorsTotal ?? errors.length;
          job.state = job.errorsTotal > 0 ? 'failed' : 'succeeded';
          if (job.state === 'succeeded') job.done = job.total;
        } catch (e) {
          const known = e instanceof ServiceError && e.kind !== 'throttled';
          // Validation problems come back as `errors`; a throw is ours, and its details stay in the log.
          if (!known) log.error(`job ${kind} failed`, e);
          job.state = 'failed';
          job.errors = [{ path: '', message: known ? (e as Error).message : 'The import failed on the server; nothing was written.' }];
          job.errorsTotal = 1;
        } finally {
          job.finishedAt = clock.now();
        }
      })();
      return job;
    },

    /** A job its owner (or an admin) may see. */
    get: (id: string, viewer: { userId: number; admin: boolean }): Job => {
      prune();
      const job = jobs.get(id);
      if (!job || (job.ownerId !== viewer.userId && !viewer.admin)) throw notFound('job', id);
      return job;
    },
  };
}

export type JobsService = ReturnType<typeof jobsService>;
