import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../server/logger.ts';
import { ServiceError } from '../../../server/services/errors.ts';
import { jobsService, type JobError } from '../../../server/services/jobs-service.ts';
import { MINUTE, testClock } from '../../helpers/clock.ts';

const limits = { perUser: 2, total: 3, keepMinutes: 60, keepFinished: 5 };

/** Work that runs until `finish` is called. */
function held() {
  let finish!: (r: { errors?: JobError[] }) => void;
  const work = () => new Promise<{ errors?: JobError[] }>((resolve) => (finish = resolve));
  return { work, finish: (r: { errors?: JobError[] } = {}) => finish(r) };
}
const settle = () => new Promise((r) => setImmediate(r));

const refusal = (run: () => unknown): ServiceError => {
  try {
    run();
  } catch (e) {
    return e as ServiceError;
  }
  throw new Error('expected a refusal');
};

describe('jobs service', () => {
  it('lets a user run two jobs at once and refuses a third with retry-after; others may still start', async () => {
    const jobs = jobsService(testClock(), silentLogger, limits);
    const a = held();
    const b = held();
    jobs.start('veris', 1, 10, a.work);
    jobs.start('veris', 1, 10, b.work);
    const e = refusal(() => jobs.start('veris', 1, 10, held().work));
    expect(e).toBeInstanceOf(ServiceError);
    expect(e).toMatchObject({ kind: 'throttled', code: 'too-many-imports', retryAfter: 30 });
    // Another user still may, until the server's total is reached.
    jobs.start('veris', 2, 10, held().work);
    expect(refusal(() => jobs.start('veris', 3, 10, held().work))).toMatchObject({ code: 'too-many-imports', message: expect.stringMatching(/server/) });
    a.finish();
    await settle();
    expect(() => jobs.start('veris', 1, 10, held().work)).not.toThrow();
  });

  it('keeps the first 1,000 errors of a failed job with their total, and the result without its error list', async () => {
    const jobs = jobsService(testClock(), silentLogger, limits);
    const errors = Array.from({ length: 5000 }, (_, i) => ({ path: `lines.${i + 1}`, message: 'not valid JSON' }));
    const job = jobs.start('veris', 1, 5000, async () => ({ errors: errors.slice(0, 1000), errorsTotal: 5000, created: 0 }));
    await settle();
    const seen = jobs.get(job.id, { userId: 1, admin: false });
    expect(seen).toMatchObject({ state: 'failed', errorsTotal: 5000 });
    expect(seen.errors).toHaveLength(1000);
    expect(seen.result).toEqual({ errorsTotal: 5000, created: 0 });
  });

  it('caps errors a job reports without a total', async () => {
    const jobs = jobsService(testClock(), silentLogger, limits);
    const errors = Array.from({ length: 2500 }, (_, i) => ({ path: `rows.${i}`, message: 'bad' }));
    const job = jobs.start('vendors-csv', 1, 2500, async () => ({ errors }));
    await settle();
    expect(jobs.get(job.id, { userId: 1, admin: false })).toMatchObject({ errorsTotal: 2500, errors: expect.any(Array) });
    expect(jobs.get(job.id, { userId: 1, admin: false }).errors).toHaveLength(1000);
  });

  it('forgets a finished job after keepMinutes, and keeps at most keepFinished of them', async () => {
    const clock = testClock();
    const jobs = jobsService(clock, silentLogger, limits);
    const first = jobs.start('veris', 1, 1, async () => ({}));
    await settle();
    clock.advance(59 * MINUTE);
    expect(jobs.get(first.id, { userId: 1, admin: false }).state).toBe('succeeded');
    clock.advance(2 * MINUTE);
    expect(() => jobs.get(first.id, { userId: 1, admin: false })).toThrow(/No job/);

    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(jobs.start('veris', 1, 1, async () => ({})).id);
      await settle();
    }
    jobs.start('veris', 1, 1, async () => ({}));
    const kept = ids.filter((id) => {
      try {
        jobs.get(id, { userId: 1, admin: false });
        return true;
      } catch {
        return false;
      }
    });
    expect(kept).toEqual(ids.slice(-5));
  });

  it('reports a failure it understands in its own words, and hides one it does not', async () => {
    const jobs = jobsService(testClock(), silentLogger, limits);
    const known = jobs.start('veris', 1, 1, async () => {
      throw new ServiceError('too-large', 'payload-too-large', 'The body needs more memory to read than an import may use.');
    });
    const unknown = jobs.start('veris', 1, 1, async () => {
      throw new Error('SQLITE_BUSY: secret detail');
    });
    await settle();
    expect(jobs.get(known.id, { userId: 1, admin: false }).errors[0]!.message).toMatch(/more memory/);
    expect(jobs.get(unknown.id, { userId: 1, admin: false }).errors[0]!.message).toBe('The import failed on the server; nothing was written.');
  });
});
