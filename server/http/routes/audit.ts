/** The audit trail: all of it for admins, and each vendor's change history for everyone. */
import { z } from 'zod';
import { auditEntry } from '../../domain/account.ts';
import { isoDay } from '../../domain/fields.ts';
import { route } from '../route.ts';
import { idParams } from '../schemas/common.ts';
import type { Deps } from '../../deps.ts';

const page = z.object({ items: z.array(auditEntry), total: z.number().int() });

export const auditRoutes = ({ audit }: Deps) => [
  route({
    method: 'get',
    path: '/audit',
    access: 'admin',
    tag: 'audit',
    summary: 'Every change, newest first, filtered by entity, actor and time',
    query: z.strictObject({
      entity: z.string().max(50).optional(),
      entityId: z.string().max(100).optional(),
      actor: z.string().max(254).optional(),
      from: isoDay.optional().meta({ description: 'From this day (UTC), included' }),
      to: isoDay.optional().meta({ description: 'To this day (UTC), included' }),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    status: 200,
    response: page,
    handle: ({ query }) => audit.list(query),
  }),
  route({
    method: 'get',
    path: '/vendors/:id/changes',
    access: 'viewer',
    tag: 'audit',
    summary: 'The change history of a vendor and everything it owns',
    params: idParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) }),
    status: 200,
    response: page,
    errors: [404],
    handle: ({ params, query }) => audit.forVendor(params.id, query),
  }),
];
