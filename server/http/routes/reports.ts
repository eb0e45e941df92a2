/** The quarterly risk report (JSON, CSV or Markdown), its snapshot history, and the admin's refreeze. */
import { z } from 'zod';
import { quarterLabel } from '../../domain/quarter.ts';
import { REPORT_VIEWS } from '../../domain/report.ts';
import { actorOf } from '../../services/auth-service.ts';
import { reportCsv, reportMarkdown } from '../../services/reports/report-formats.ts';
import { Reply, route } from '../route.ts';
import { idParam } from '../schemas/common.ts';
import { quarterlyReport, refreezeResult, reportSnapshot, reportSnapshots } from '../schemas/report.ts';
import type { Deps } from '../../deps.ts';

const quarterParams = z.strictObject({ quarter: quarterLabel });

export const reportRoutes = ({ reports }: Deps) => [
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
      view: z
        .enum(REPORT_VIEWS)
        .default('frozen')
        .meta({
          description:
            '`frozen` (default): the snapshot in force; `restated`: the same quarter and as-of day scored from today’s database under the snapshot’s methodology, not stored (a closed quarter only)',
        }),
    }),
    status: 200,
    response: quarterlyReport,
    handle: ({ params, query, principal }) => {
      const report = reports.quarterly(actorOf(principal), params.quarter, { vs: query.vs, view: query.view });
      const name = `vendorscope-report-${report.quarter}${query.vs ? `-vs-${report.vs}` : ''}${report.view === 'restated' ? '-restated' : ''}`;
      if (query.format === 'csv') return new Reply(200, reportCsv(report), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
      if (query.format === 'md') return new Reply(200, reportMarkdown(report), { 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.md"` });
      return report;
    },
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
    summary: 'Replace a closed quarter’s frozen report by one taken now (today’s database, the methodology in force); the old one stays in the history. Audited',
    params: quarterParams,
    status: 200,
    response: refreezeResult,
    errors: [409],
    handle: ({ params, principal }) => reports.refreeze(actorOf(principal), params.quarter),
  }),
];
