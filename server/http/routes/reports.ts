/** The quarterly risk report (JSON, CSV or Markdown), its snapshot history, and the admin's refreeze. */
import { z } from 'zod';
import { quarterLabel } from '../../domain/quarter.ts';
import { REPORT_VIEWS } from '../../domain/report.ts';
import { actorOf } from '../../services/auth-service.ts';
import { reportCsv, reportMarkdown } from '../../services/reports/report-formats.ts';
import { Reply, route } from '../route.ts';
import { idParam } from '../schemas/common.ts';
import { quarterlyReport, refreezeResult, reportAppendixPage, reportAppendixVendor, reportSnapshot, reportSnapshots } from '../schemas/report.ts';
import { APPENDIX_PAGE, withAppendix } from '../../services/reports/report-appendix.ts';
import type { RouteDeps } from '../../deps.ts';

const quarterParams = z.strictObject({ quarter: quarterLabel });

export const reportRoutes = ({ reports, keptScores }: RouteDeps) => [
  route({
    method: 'get',
    path: '/reports/quarterly/:quarter',
    access: 'viewer',
    tag: 'reports',
    summary:
      'The quarterly report: a closed quarter’s one frozen snapshot (taken on first request), its restated view (?view=restated), or the live current quarter; ?vs=YYYY-Qn only adds comparison fields; ?format=csv|md',
    params: quarterParams,
    query: z.strictObject({
      format: z.enum(['json', 'csv', 'md']).default('json'),
      vs: quarterLabel.optional().meta({ description: 'The quarter to compare with; the previous one by default. Only the comparison fields change with it.' }),
      view: z.enum(REPORT_VIEWS).default('frozen').meta({
        description:
          '`frozen` (default): the snapshot in force; `restated`: the same quarter and as-of day scored from today’s database under the snapshot’s methodology, not stored (a closed quarter only)',
      }),
      appendix: z.enum(['paged', 'full']).default('paged').meta({
        description:
          'JSON only. `paged` (default): beyond 1,000 vendors the per-vendor lists (`tier1Scores`, `findings`, `notAssessed`) carry their first 50 entries and the rest is read from `/vendors`; `full`: always all of them. CSV and Markdown always hold everything',
      }),
    }),
    status: 200,
    response: quarterlyReport,
    handle: async ({ params, query, principal }) => {
      // The live quarter reads the kept scores: a rescore in progress is waited for without blocking other requests.
      await keptScores.fresh();
      const report = reports.quarterly(actorOf(principal), params.quarter, { vs: query.vs, view: query.view });
      const name = `vendorscope-report-${report.quarter}${query.vs ? `-vs-${report.vs}` : ''}${report.view === 'restated' ? '-restated' : ''}`;
      if (query.format === 'csv')
        return new Reply(200, reportCsv(report), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
      if (query.format === 'md')
        return new Reply(200, reportMarkdown(report), {
          'Content-Type': 'text/markdown; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}.md"`,
        });
      return withAppendix(report, query.appendix === 'full');
    },
  }),
  route({
    method: 'get',
    path: '/reports/quarterly/:quarter/vendors',
    access: 'viewer',
    tag: 'reports',
    summary:
      'A closed quarter’s per-vendor appendix, a page at a time, from its frozen snapshot (taken on first request): each vendor’s full score (tier 1), findings and not-assessed entry, in the report’s order. 409 for the live current quarter (its report takes ?appendix=full)',
    params: quarterParams,
    query: z.strictObject({
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0).meta({ description: 'Entries to skip' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(APPENDIX_PAGE.max)
        .default(APPENDIX_PAGE.default)
        .meta({ description: `Entries per page, at most ${APPENDIX_PAGE.max}` }),
    }),
    status: 200,
    response: reportAppendixPage,
    errors: [409],
    handle: ({ params, query, principal }) => reports.appendix(actorOf(principal), params.quarter, query),
  }),
  route({
    method: 'get',
    path: '/reports/quarterly/:quarter/vendors/:id',
    access: 'viewer',
    tag: 'reports',
    summary: 'One vendor’s entry of a closed quarter’s per-vendor appendix, from its frozen snapshot; 404 when the vendor is not in the report',
    params: z.strictObject({ quarter: quarterLabel, id: idParam }),
    status: 200,
    response: reportAppendixVendor,
    errors: [404, 409],
    handle: ({ params, principal }) => reports.appendixVendor(actorOf(principal), params.quarter, params.id),
  }),
  route({
    method: 'get',
    path: '/reports/quarterly/:quarter/snapshots',
    access: 'viewer',
    tag: 'reports',
    summary: 'A quarter’s report snapshots, newest first: the one in force and those a refreeze replaced',
    params: quarterParams,
    status: 200,
    response: reportSnapshots,
    handle: ({ params }) => reports.snapshots(params.quarter),
  }),
  route({
    method: 'get',
    path: '/reports/quarterly/:quarter/snapshots/:id',
    access: 'viewer',
    tag: 'reports',
    summary: 'One snapshot of a quarter’s report, in force or superseded, with its body exactly as frozen',
    params: z.strictObject({ quarter: quarterLabel, id: idParam }),
    status: 200,
    response: reportSnapshot,
    errors: [404],
    handle: ({ params }) => reports.snapshot(params.quarter, params.id),
  }),
  route({
    method: 'post',
    path: '/reports/quarterly/:quarter/refreeze',
    access: 'admin',
    tag: 'reports',
    summary:
      'Replace a closed quarter’s frozen report by one taken now (today’s database, the methodology in force); the old one stays in the history. Audited',
    params: quarterParams,
    status: 200,
    response: refreezeResult,
    errors: [409],
    handle: ({ params, principal }) => reports.refreeze(actorOf(principal), params.quarter),
  }),
];
