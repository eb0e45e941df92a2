/** The quarterly risk report, as JSON, CSV or Markdown. */
import { z } from 'zod';
import { quarterLabel } from '../../domain/quarter.ts';
import { reportCsv, reportMarkdown } from '../../services/reports/report-formats.ts';
import { Reply, route } from '../route.ts';
import type { Deps } from '../../deps.ts';

export const reportRoutes = ({ reports }: Deps) => [
  route({
    method: 'get',
    path: '/reports/quarterly/:quarter',
    access: 'viewer',
    tag: 'reports',
    summary: 'The quarterly report (frozen for a closed quarter; live for the current one); ?format=csv|md; ?vs=YYYY-Qn compares with another quarter',
    params: z.strictObject({ quarter: quarterLabel }),
    query: z.strictObject({
      format: z.enum(['json', 'csv', 'md']).default('json'),
      vs: quarterLabel.optional().meta({ description: 'The quarter to compare with; the previous one by default' }),
    }),
    status: 200,
    handle: ({ params, query }) => {
      const report = reports.quarterly(params.quarter, query.vs);
      const name = `vendorscope-report-${report.quarter}${query.vs ? `-vs-${report.vs}` : ''}`;
      if (query.format === 'csv') return new Reply(200, reportCsv(report), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` });
      if (query.format === 'md') return new Reply(200, reportMarkdown(report), { 'Content-Type': 'text/markdown; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.md"` });
      return report;
    },
  }),
];
