/** Data in and out: CSV vendors, VERIS incidents, the full export and restore, and import jobs. */
import { z } from 'zod';
import { atLeast } from '../../domain/account.ts';
import { exportDocument } from '../../domain/export.ts';
import { actorOf, type Principal } from '../../services/auth-service.ts';
import type { Job, JobError, Progress } from '../../services/jobs-service.ts';
import { exportAll, parseExport, restore } from '../../services/imports/full-transfer.ts';
import { importVendorsCsv, vendorCsvRowCount, VENDOR_TEMPLATE } from '../../services/imports/vendors-csv.ts';
import { importVeris, parseVerisText } from '../../services/imports/veris-import.ts';
import { HttpError } from '../problem.ts';
import { Reply, route } from '../route.ts';
import { problems, verisQuery, verisReport, vendorsCsvQuery, vendorsCsvReport } from '../schemas/imports.ts';
import type { Deps } from '../../deps.ts';

/** Imports larger than this run as a job (202) whose progress GET /jobs/:id reports. */
export const JOB_THRESHOLD = 1000;

/**
 * Problems of records as a problem document: nothing was written. Rows refused only as possible
 * duplicates (a website domain alone matched) are a conflict that `onDuplicate` settles.
 */
const refused = (errors: readonly JobError[]) =>
  errors.every((e) => e.changedSince)
    ? new HttpError(412, 'edit-conflict', `${errors.length} row(s) update vendors changed by someone else since the preview or during the import; nothing was written. Preview the file again.`, errors.slice(0, 1000))
    : errors.every((e) => e.duplicateOf)
    ? new HttpError(409, 'import-possible-duplicates', `${errors.length} row(s) may duplicate existing vendors; nothing was written. Choose onDuplicate=create or onDuplicate=skip.`, errors.slice(0, 1000))
    : new HttpError(400, 'import-invalid', `${errors.length} problem(s) found; nothing was written.`, errors.slice(0, 1000));

const jobView = (j: Job) => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  done: j.done,
  total: j.total,
  errors: j.errors,
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
    errors: z.array(z.looseObject({ path: z.string(), message: z.string() })),
    result: z.unknown(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });

const importProblems = problems;

export const importRoutes = ({ store, clock, jobs, veris, version }: Deps) => {
  /** Runs an import inline, or as a job when it is large; a refused inline import is a 400. */
  const runImport = async <R extends { errors: readonly JobError[] }>(
    kind: string,
    principal: Principal,
    total: number,
    work: (progress?: Progress) => Promise<R>,
    refuse = true,
  ): Promise<R | Reply> => {
    if (total > JOB_THRESHOLD) {
      const started = jobs.start(kind, principal.user.id, total, (progress) => work(progress));
      return new Reply(202, jobView(started), { Location: `/api/v1/jobs/${started.id}` });
    }
    const result = await work();
    if (refuse && result.errors.length > 0) throw refused(result.errors);
    return result;
  };

  return [
    route({
      method: 'get',
      path: '/import/vendors/template.csv',
      access: 'viewer',
      tag: 'imports',
      summary: 'The CSV template for importing vendors',
      status: 200,
      produces: 'text/csv',
      handle: () => new Reply(200, VENDOR_TEMPLATE, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="vendors-template.csv"' }),
    }),
    route({
      method: 'post',
      path: '/import/vendors',
      access: 'analyst',
      tag: 'imports',
      summary:
        'Import vendors from CSV: rows match vendors by id, or by name or alias; a website-domain match alone is only a possible duplicate (onDuplicate); every update shows its diff; ?dryRun=true reports without writing; ?onInvalid=skip imports the valid rows; over 1,000 rows runs as a job (202)',
      query: vendorsCsvQuery,
      rawBody: { types: ['text/csv', 'text/plain'], limit: '20mb' },
      status: 200,
      response: vendorsCsvReport,
      errors: [409, 412, 413, 415],
      handle: ({ query, text, principal }) =>
        runImport(
          'vendors-csv',
          principal,
          vendorCsvRowCount(text),
          (progress) =>
            importVendorsCsv(store, clock, actorOf(principal), text, {
              dryRun: query.dryRun,
              onInvalid: query.onInvalid,
              onDuplicate: query.onDuplicate,
              expectVersions: query.expectVersions,
              progress,
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
      rawBody: { types: ['application/json', 'application/x-ndjson', 'application/jsonl', 'text/plain'], limit: '100mb' },
      status: 200,
      response: verisReport,
      errors: [413, 415],
      handle: ({ query, text, principal }) => {
        const { records, errors } = parseVerisText(text);
        if (errors.length > 0) throw refused(errors);
        return runImport(
          'veris',
          principal,
          records.length,
          (progress) => importVeris(store, clock, veris, records, { actor: actorOf(principal), progress, dryRun: query.dryRun, onInvalid: query.onInvalid }),
          !query.dryRun,
        );
      },
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
        const doc = exportAll(store, clock, version);
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
      rawBody: { types: ['application/json'], limit: '200mb' },
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
      }),
      errors: [409, 413, 415],
      handle: ({ query, text, principal }) => restore(store, clock, actorOf(principal), parseExport(text), query.mode),
    }),
  ];
};
