/** A vendor's dossier as a document to attach: JSON (the default) or Markdown, as of a day. */
import { z } from 'zod';
import { isoDay } from '../../domain/fields.ts';
import { dossierOf } from '../../services/dossier/dossier-service.ts';
import { dossierMarkdown } from '../../services/dossier/dossier-markdown.ts';
import { Reply, route } from '../route.ts';
import { idParams } from '../schemas/common.ts';
import { dossier } from '../schemas/dossier.ts';
import type { RouteDeps } from '../../deps.ts';

/** "Okta, Inc." → "okta-inc": an ASCII file name part, safe in a header; the id when nothing is left. */
export function fileSlug(name: string, id: number): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || `vendor-${id}`;
}

export const dossierRoutes = ({ vendors, scoring, reviews, incidents, subprocessors, mfa, clock }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/dossier',
    tag: 'vendors',
    summary:
      "A vendor's dossier as of a day, as one document: relationship, score with findings (and their conditions) and gaps, review status and decisions, incidents, support chain, MFA, statements and sources; only what was known that day. ?format=md for Markdown (always an attachment)",
    params: idParams,
    query: z.strictObject({
      asOf: isoDay.optional().meta({ description: 'The dossier as of this day (YYYY-MM-DD): the score and every fact as known then; today when left out.' }),
      format: z.enum(['json', 'md']).default('json').meta({ description: '`json` (default) or `md`: a Markdown document' }),
      download: z
        .enum(['0', '1', 'true', 'false'])
        .optional()
        .transform((v) => v === '1' || v === 'true')
        .meta({
          description: 'JSON only: `1` sends it as an attachment (Content-Disposition) with the same file name as the Markdown; Markdown always is one',
        }),
    }),
    status: 200,
    response: dossier,
    errors: [404],
    handle: ({ params, query }) => {
      const asOf = query.asOf ?? clock.today();
      const d = dossierOf(
        {
          vendor: vendors.get,
          score: scoring.score,
          reviewStatus: reviews.status,
          reviews: reviews.list,
          incidents: incidents.listForVendor,
          subprocessors: subprocessors.listForVendor,
          mfa: mfa.get,
          statements: vendors.postureFacts,
          now: () => clock.now(),
        },
        params.id,
        asOf,
      );
      const name = `vendorscope-dossier-${fileSlug(d.vendor.name, d.vendor.id)}-${asOf}`;
      if (query.format === 'md')
        return new Reply(200, dossierMarkdown(d), {
          'Content-Type': 'text/markdown; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}.md"`,
        });
      if (query.download) return new Reply(200, d, { 'Content-Disposition': `attachment; filename="${name}.json"` });
      return d;
    },
  }),
];
