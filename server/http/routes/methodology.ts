/** /methodology: the parameters in force, their versions, and storing a new version. */
import { z } from 'zod';
import { decayPolicy, policy } from '../../domain/methodology.ts';
import { route } from '../route.ts';
import { asOfQuery } from '../schemas/common.ts';
import { heatmap } from '../schemas/score.ts';
import { actorOf } from '../../services/auth-service.ts';
import type { RouteDeps } from '../../deps.ts';

const stored = policy.extend({ note: z.string().nullable(), createdAt: z.string() }).meta({ id: 'MethodologyVersion' });
const newVersion = policy
  .extend({ note: z.string().trim().max(2000).nullable().default(null).meta({ description: 'Why this version exists' }) })
  .meta({ id: 'NewMethodologyVersion' });

const decayCatalogue = z.object({
  items: z.array(
    decayPolicy.and(
      z.object({
        inForce: z.boolean(),
        curve: z
          .array(z.object({ days: z.number().int(), weight: z.number() }))
          .meta({ description: 'Remaining weight of an incident by age, every 30 days for six years' }),
      }),
    ),
  ),
});

export const methodologyRoutes = ({ methodology, scoring, clock }: RouteDeps) => [
  route({
    method: 'get',
    path: '/methodology/decay-policies',
    access: 'viewer',
    tag: 'methodology',
    summary: 'The named decay policies, the one in force marked, with their curves',
    status: 200,
    response: decayCatalogue,
    handle: () => ({ items: methodology.decayPolicies() }),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/methodology',
    tag: 'methodology',
    summary: 'The methodology in force: its version and every parameter',
    status: 200,
    response: stored,
    handle: () => methodology.current(),
  }),
  route({
    method: 'put',
    access: 'admin',
    path: '/methodology',
    tag: 'methodology',
    summary: 'Store a new methodology version and put it in force (versions are never overwritten)',
    body: newVersion,
    status: 200,
    response: stored,
    errors: [409, 413, 415],
    handle: ({ body, principal }) => {
      const { note, ...next } = body;
      return methodology.create(actorOf(principal), next, note);
    },
  }),
  route({
    method: 'post',
    access: 'admin',
    path: '/methodology/preview',
    tag: 'methodology',
    summary: 'The engaged vendors ranked under a draft methodology (the body PUT would take), as of a day; nothing is stored',
    query: asOfQuery,
    body: newVersion,
    status: 200,
    response: heatmap,
    errors: [413, 415],
    handle: ({ body, query }) => {
      const { note: _note, ...draft } = body;
      return scoring.heatmap(query.asOf ?? clock.today(), undefined, 'engaged', draft);
    },
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/methodology/versions',
    tag: 'methodology',
    summary: 'Every stored methodology version, oldest first',
    status: 200,
    response: z.object({ items: z.array(z.object({ version: z.string(), note: z.string().nullable(), createdAt: z.string(), active: z.boolean() })) }),
    handle: () => ({ items: methodology.versions() }),
  }),
];
