/**
 * Long imports run as jobs: the request answers 202 at once, and GET /jobs/:id reports progress.
 * Jobs live in memory (one process serves the app); a finished job is kept for an hour.
 */
import { randomSecret } from './secrets.ts';
import type { Clock } from './clock.ts';
import { notFound } from './errors.ts';
import type { Logger } from '../logger.ts';

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
  errors: JobError[];
  result: unknown;
  readonly startedAt: string;
  finishedAt: string | null;
}

/** Tells a job how far it got. */
export type Progress = (done: number) => void;

const KEEP_MS = 60 * 60_000;

/** Lets the event loop breathe between chunks of work, so other requests are served meanwhile. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function jobsService(clock: Clock, log: Logger) {
  const jobs = new Map<string, Job>();
  const prune = () => {
    const cutoff = Date.parse(clock.now()) - KEEP_MS;
    for (const [id, j] of jobs) if (j.finishedAt && Date.parse(j.finishedAt) < cutoff) jobs.delete(id);
  };

  return {
    /**
     * Starts `work` in the background. It reports progress; a result with `errors` (records that
     * failed validation) ends the job as failed, and so does a throw.
     */
    start: (kind: string, ownerId: number, total: number, work: (progress: Progress) => Promise<{ errors?: readonly JobError[] } & object>): Job => {
      prune();
      const job: Job = { id: randomSecret('job_').slice(0, 24), kind, ownerId, state: 'running', done: 0, total, errors: [], result: null, startedAt: clock.now(), finishedAt: null };
      jobs.set(job.id, job);
      void (async () => {
        try {
          const result = await work((done) => {
            job.done = Math.min(done, job.total);
          });
          job.result = result;
          job.errors = [...(result.errors ?? [])];
          job.state = job.errors.length > 0 ? 'failed' : 'succeeded';
          if (job.state === 'succeeded') job.done = job.total;
        } catch (e) {
          // Validation problems come back as `errors`; a throw is ours, and its details stay in the log.
          log.error(`job ${kind} failed`, e);
          job.state = 'failed';
          job.errors = [{ path: '', message: 'The import failed on the server; nothing was written.' }];
        } finally {
          job.finishedAt = clock.now();
        }
      })();
      return job;
    },

    /** A job its owner (or an admin) may see. */
    get: (id: string, viewer: { userId: number; admin: boolean }): Job => {
      const job = jobs.get(id);
      if (!job || (job.ownerId !== viewer.userId && !viewer.admin)) throw notFound('job', id);
      return job;
    },
  };
}

export type JobsService = ReturnType<typeof jobsService>;
