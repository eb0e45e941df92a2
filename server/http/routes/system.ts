/** Health, about, and the OpenAPI document. */
import { z } from 'zod';
import { route, type AnyRoute } from '../route.ts';
import { openApiDocument } from '../openapi.ts';
import type { RouteDeps } from '../../deps.ts';

const aboutInfo = z
  .object({
    product: z.string(),
    version: z.string(),
    demo: z
      .object({ name: z.string(), fictional: z.boolean(), note: z.string(), seededAt: z.string() })
      .nullable()
      .meta({ description: 'The fictional demo company, when the demo portfolio was seeded' }),
    dataSources: z.array(z.object({ name: z.string(), scope: z.string(), license: z.string(), note: z.string() })),
  })
  .meta({ id: 'About' });

const health = z.object({ status: z.enum(['ok', 'degraded']), version: z.string(), db: z.enum(['ok', 'unavailable']) }).meta({ id: 'Health' });

export const systemRoutes = ({ about, version }: RouteDeps, all: () => readonly AnyRoute[]) => [
  route({
    method: 'get',
    access: 'public',
    path: '/health',
    tag: 'system',
    summary: 'Liveness and database health',
    status: 200,
    response: health,
    handle: () => about.health(),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/about',
    tag: 'system',
    summary: 'Version, the demo company (when seeded) and the data sources',
    status: 200,
    response: aboutInfo,
    handle: () => about.about(),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/openapi.json',
    tag: 'system',
    summary: 'This API, as an OpenAPI 3.1 document generated from the validating schemas',
    status: 200,
    response: z
      .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
      .meta({ description: 'An OpenAPI 3.1 document' }),
    handle: () => openApiDocument(all(), version),
  }),
];
