/** Portfolio-wide views beyond the heatmap: quarter trends and the supply-chain graph. */
import { z } from 'zod';
import { quarterLabel } from '../../domain/quarter.ts';
import { ACCESS_LEVELS } from '../../domain/vocabulary.ts';
import { BANDS } from '../../scoring/types.ts';
import { route } from '../route.ts';
import { asOfQuery } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const trends = z
  .object({
    quarters: z.array(z.string()),
    asOf: z.array(z.string()).meta({ description: 'The day each quarter is scored as of: its last day, or today for the current one' }),
    rows: z.array(
      z.object({
        vendorId: z.number().int(),
        name: z.string(),
        tier: z.number().int(),
        risks: z.array(z.number()),
        bands: z.array(z.enum(BANDS)),
        delta: z.number().meta({ description: 'Risk at the last quarter minus risk at the first' }),
        mover: z.boolean().meta({ description: 'Among the five largest changes of at least five points' }),
      }),
    ),
  })
  .meta({ id: 'Trends' });

const graph = z
  .object({
    asOf: z.string(),
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['vendor', 'subprocessor']),
        name: z.string(),
        vendorId: z.number().int().nullable(),
        tier: z.number().int().nullable(),
        serves: z.number().int(),
        concentration: z.boolean(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        subprocessorId: z.number().int(),
        function: z.string(),
        accessLevel: z.enum(ACCESS_LEVELS),
        outsourced: z.boolean(),
        active: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'SupplyChain' });

export const portfolioRoutes = ({ history, supplyChain, clock, keptScores }: RouteDeps) => [
  route({
    method: 'get',
    path: '/portfolio/trends',
    access: 'viewer',
    tag: 'scores',
    summary: 'Every engaged vendor’s risk at each quarter end (closed quarters frozen), biggest movers marked',
    query: z.strictObject({ from: quarterLabel.optional(), to: quarterLabel.optional() }),
    status: 200,
    response: trends,
    handle: async ({ query }) => {
      // The current quarter reads the kept scores: a rescore in progress is waited for without blocking other requests.
      await keptScores.fresh();
      return history.trends(query);
    },
  }),
  route({
    method: 'get',
    path: '/portfolio/supply-chain',
    access: 'viewer',
    tag: 'scores',
    summary: 'Vendors and their subprocessors as a graph; concentration where one serves several',
    query: asOfQuery,
    status: 200,
    response: graph,
    handle: ({ query }) => supplyChain.graph(query.asOf ?? clock.today()),
  }),
];
