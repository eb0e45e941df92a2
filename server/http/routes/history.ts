/** Quarter-end history, frozen snapshots, and what-if scoring. */
import { z } from 'zod';
import { quarterLabel } from '../../domain/quarter.ts';
import { whatIf } from '../../domain/what-if.ts';
import { route } from '../route.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import { vendorScore } from '../schemas/score.ts';
import { BANDS } from '../../scoring/types.ts';
import type { RouteDeps } from '../../deps.ts';

const historyItem = z.object({
  quarter: z.string(),
  asOf: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  risk: z.number(),
  band: z.enum(BANDS),
  methodologyVersion: z.string(),
  frozen: z.boolean().meta({ description: 'A closed quarter’s stored snapshot (true) or the live current quarter (false)' }),
});

const delta = z.object({ likelihood: z.number(), impact: z.number(), risk: z.number() });

export const historyRoutes = ({ history, whatIf: whatIfs }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/history',
    tag: 'scores',
    summary: 'The score at each quarter end (closed quarters frozen on first use; the current one live)',
    params: idParams,
    query: z.strictObject({
      from: quarterLabel.optional().meta({ description: 'First quarter; default seven quarters before `to`' }),
      to: quarterLabel.optional().meta({ description: 'Last quarter; default the current one' }),
    }),
    status: 200,
    response: z.object({ items: z.array(historyItem) }),
    errors: [404],
    handle: ({ params, query }) => history.history(params.id, query),
  }),
  route({
    method: 'post',
    access: 'admin',
    path: '/snapshots/:quarter/recompute',
    tag: 'scores',
    summary: 'Recompute every vendor’s frozen snapshot of a closed quarter under the methodology in force',
    params: z.strictObject({ quarter: quarterLabel }),
    status: 200,
    response: z.object({ quarter: z.string(), asOf: z.string(), methodologyVersion: z.string(), vendors: z.number().int() }),
    handle: ({ params, principal }) => history.recompute(actorOf(principal), params.quarter),
  }),
  route({
    method: 'post',
    access: 'viewer',
    path: '/vendors/:id/what-if',
    tag: 'scores',
    summary: 'Score hypothetical changes beside the real score; stores nothing',
    params: idParams,
    body: whatIf,
    status: 200,
    response: z.object({ before: vendorScore, after: vendorScore, delta }),
    errors: [404, 413, 415],
    handle: ({ params, body }) => whatIfs.evaluate(params.id, body),
  }),
];
