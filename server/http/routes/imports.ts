/** Data in and out: CSV vendors, VERIS incidents, the full export and restore, and import jobs. */
import { z } from 'zod';
import { atLeast } from '../../domain/account.ts';
import { exportDocument } from '../../domain/export.ts';
import { actorOf, type Principal } from '../../services/auth-service.ts';
import type { Job, JobError } from '../../services/jobs-service.ts';
import { Unreadable, type Outcome } from '../../services/imports/imports-service.ts';
import { VENDOR_TEMPLATE } from '../../services/imports/vendors-csv.ts';
import { HttpError } from '../problem.ts';
import { Reply, route } from '../route.ts';
import { verisQuery, verisReport, vendorsCsvQuery, vendorsCsvReport } from '../schemas/imports.ts';
import type { RouteDeps } from '../../deps.ts';

/**
 * Body limits of the import routes, refused with 413 before they are read whole (a declared
 * Content-Length over the limit is refused before a byte is read). JSON records elsewhere: 1 MB.
 */
const MB = 1024 * 1024;
export const BODY_LIMITS = { vendorsCsv: 20 * MB, veris: 64 * MB, restore: 64 * MB } as const;

/**
 * Problems of records as a problem document: nothing was written. Rows refused only as possible
 * duplicates (a website domain alone matched) are a conflict that `onDuplicate` settles.
 */
const refused = (errors: readonly JobError[], total = errors.length) =>
  errors.every((e) => e.changedSince)
    ? new HttpError(
        412,
        'edit-conflict',
        `${total} row(s) update vendors changed by someone else since the preview or during the import; nothing was written. Preview the file again.`,
        errors.slice(0, 1000),
      )
    : errors.every((e) => e.duplicateOf)
      ? new HttpError(
          409,
          'import-possible-duplicates',
          `${total} row(s) may duplicate existing vendors; nothing was written. Choose onDuplicate=create or onDuplicate=skip.`,
          errors.slice(0, 1000),
        )
      : new HttpError(400, 'import-invalid', `${total} problem(s) found; nothing was written.`, errors.slice(0, 1000));

const jobView = (j: Job) => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  done: j.done,
  total: j.total,
  errors: j.errors,
  errorsTotal: j.errorsTotal,
  result: j.result,
  startedAt: j.startedAt,
  finishedAt: j.finishedAt,
});

const job = z
  .object({
    id: z.string(),
    kind: z.string(),
    state: z.enum(['running', 'succeeded', 'failed']),
    done: z.number().int(),
    total: z.number().int(),
    errors: z.array(z.looseObject({ path: z.string(), message: z.string() })).meta({ description: 'The first 1,000 problems' }),
    errorsTotal: z.number().int().meta({ description: 'How many problems in all' }),
    result: z.unknown(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });

export const importRoutes = ({ jobs, imports }: RouteDeps) => {
  const caller = (principal: Principal) => ({ actor: actorOf(principal), userId: principal.user.id });
  /** A job answers 202 with its Location; a report with problems refuses the import (a dry run reports them). */
  const reply = async <R extends { errors: readonly JobError[]; errorsTotal: number }>(outcome: Promise<Outcome<R>>, refuse: boolean): Promise<R | Reply> => {
    let done: Outcome<R>;
    try {
      done = await outcome;
    } catch (e) {
      if (e instanceof Unreadable) throw refused(e.errors);
      throw e;
    }
    if ('job' in done) return new Reply(202, jobView(done.job), { Location: `/api/v1/jobs/${done.job.id}` });
    if (refuse && done.report.errorsTotal > 0) throw refused(done.report.errors, done.report.errorsTotal);
    return done.report;
  };
  const admit = (principal: Principal) => imports.admit(principal.user.id);

  return [
    route({
      method: 'get',
      path: '/import/vendors/template.csv',
      access: 'viewer',
      tag: 'imports',
      summary: 'The CSV template for importing vendors',
      status: 200,
      produces: 'text/csv',
      handle: () =>
        new Reply(200, VENDOR_TEMPLATE, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="vendors-template.csv"' }),
    }),
    route({
      method: 'post',
      path: '/import/vendors',
      access: 'analyst',
      tag: 'imports',
      summary:
        'Import vendors from CSV: rows match vendors by id, or by name or alias; a website-domain match alone is only a possible duplicate (onDuplicate); every update shows its diff; ?dryRun=true reports without writing; ?onInvalid=skip imports the valid rows; over 1,000 rows runs as a job (202)',
      query: vendorsCsvQuery,
      rawBody: { types: ['text/csv', 'text/plain'], limit: BODY_LIMITS.vendorsCsv },
      admit,
      status: 200,
      response: vendorsCsvReport,
      errors: [409, 412, 413, 415, 429],
      handle: ({ query, bytes, principal }) =>
        reply(
          imports.vendorsCsv(bytes, caller(principal), {
            dryRun: query.dryRun,
            onInvalid: query.onInvalid,
            onDuplicate: query.onDuplicate,
            expectVersions: query.expectVersions,
          }),
          !query.dryRun,
        ),
    }),
    route({
      method: 'post',
      path: '/import/veris',
      access: 'analyst',
      tag: 'imports',
      summary:
        'Import VERIS incidents (one object, an array, or NDJSON): invalid optional fields are left out with a warning; records without a usable id, victim name or incident year refuse the import, or are skipped with ?onInvalid=skip; ?dryRun=true shows each record and the vendor it lands on without writing; over 1,000 records runs as a job (202)',
      query: verisQuery,
      rawBody: { types: ['application/json', 'application/x-ndjson', 'application/jsonl', 'text/plain'], limit: BODY_LIMITS.veris },
      admit,
      status: 200,
      response: verisReport,
      errors: [413, 415, 429],
      handle: ({ query, bytes, principal }) =>
        reply(imports.veris(bytes, caller(principal), { dryRun: query.dryRun, onInvalid: query.onInvalid }), !query.dryRun),
    }),
    route({
      method: 'get',
      path: '/jobs/:id',
      access: 'viewer',
      tag: 'imports',
      summary: 'Progress of an import job: { state, done, total, errors }',
      params: z.strictObject({ id: z.string().regex(/^job_[\w-]{1,40}$/, 'expected a job id') }),
      status: 200,
      response: job,
      errors: [404],
      handle: ({ params, principal }) => jobView(jobs.get(params.id, { userId: principal.user.id, admin: atLeast(principal.role, 'admin') })),
    }),
    route({
      method: 'get',
      path: '/export',
      access: 'viewer',
      tag: 'imports',
      summary: 'Everything but accounts, secrets and the audit trail, as one versioned JSON document',
      status: 200,
      response: exportDocument,
      handle: () => {
        const doc = imports.exportAll();
        return new Reply(200, doc, { 'Content-Disposition': `attachment; filename="vendorscope-${doc.exportedAt.slice(0, 10)}.json"` });
      },
    }),
    route({
      method: 'post',
      path: '/import/full',
      access: 'admin',
      tag: 'imports',
      summary: 'Restore an export into an empty database, or ?mode=merge into this one, or ?mode=replace everything',
      query: z.strictObject({ mode: z.enum(['empty', 'merge', 'replace']).default('empty') }),
      rawBody: { types: ['application/json'], limit: BODY_LIMITS.restore },
      admit,
      status: 200,
      response: z.object({
        mode: z.enum(['empty', 'merge', 'replace']),
        vendors: z.number().int(),
        incidents: z.number().int(),
        subprocessors: z.number().int(),
        mfaRecords: z.number().int(),
        postureFacts: z.number().int(),
        methodologyVersions: z.number().int(),
        snapshots: z.number().int(),
        reports: z.number().int(),
        reviews: z.number().int(),
        commitments: z.number().int().meta({ description: "Vendors' commitments (notify-within days, security contact)" }),
        documents: z.number().int(),
        questionnaireRequests: z.number().int(),
        questionnaireAnswers: z.number().int(),
        questionnaireImports: z.number().int().meta({ description: 'Imported CAIQ / SIG answer sheets' }),
      }),
      errors: [409, 413, 415, 429],
      handle: ({ query, bytes, principal }) => imports.restore(bytes, actorOf(principal), query.mode),
    }),
  ];
};
