/** Scores: one vendor's score and the portfolio heatmap, as of a day. */
import { z } from 'zod';
import { PreparedJson, route } from '../route.ts';
import { DECAY_POLICY_NAMES } from '../../domain/methodology.ts';
import { VENDOR_STATUSES } from '../../domain/vocabulary.ts';
import { asOfQuery, idParams } from '../schemas/common.ts';
import { heatmap, vendorScore } from '../schemas/score.ts';
import type { RouteDeps } from '../../deps.ts';

export const scoreRoutes = ({ scoring, clock, keptHeatmap, methodology }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/score',
    tag: 'scores',
    summary: "A vendor's score as of a day, with every factor and contribution",
    params: idParams,
    query: asOfQuery,
    status: 200,
    response: vendorScore,
    errors: [404],
    handle: ({ params, query }) => scoring.score(params.id, query.asOf ?? clock.today()),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/portfolio/heatmap',
    tag: 'scores',
    summary:
      'Every engaged vendor (or those of ?status=) × factor, as of a day, riskiest first (optionally under another decay policy); today’s is served from the kept scores with an ETag (If-None-Match → 304)',
    query: asOfQuery.extend({
      decay: z.enum(DECAY_POLICY_NAMES).optional().meta({ description: 'Score with this decay policy instead of the methodology’s' }),
      status: z
        .enum(['engaged', 'all', ...VENDOR_STATUSES])
        .default('engaged')
        .meta({
          description:
            'Which vendors: engaged (default: every status but not-engaged), all, or one status (not-engaged finds the victims a VERIS import created).',
        }),
    }),
    status: 200,
    response: heatmap,
    handle: async ({ query }) => {
      const asOf = query.asOf ?? clock.today();
      // Today under the methodology's own decay: the kept rows, serialized once per generation (ETag, 304).
      if (asOf === clock.today() && (query.decay === undefined || query.decay === methodology.active().decay.name)) {
        const prepared = await keptHeatmap.today(query.status);
        return new PreparedJson(prepared.body, prepared.etag);
      }
      return scoring.heatmap(asOf, query.decay, query.status);
    },
  }),
];
