/** The audit trail: all of it for admins, and each vendor's change history for everyone. */
import { z } from 'zod';
import { auditEntry } from '../../domain/account.ts';
import { isoDay } from '../../domain/fields.ts';
import { route } from '../route.ts';
import { csvReply } from '../csv-reply.ts';
import { AUDIT_CSV_MAX_ROWS } from '../../services/audit-csv.ts';
import { idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const page = z.object({ items: z.array(auditEntry), total: z.number().int() });

export const auditRoutes = ({ audit, clock }: RouteDeps) => [
  route({
    method: 'get',
    path: '/audit',
    access: 'admin',
    tag: 'audit',
    summary: 'Every change, newest first, filtered by entity, vendor, actor and time, with the names of the vendor and the entity; ?format=csv',
    query: z.strictObject({
      entity: z.string().max(50).optional().meta({ description: 'Record type: vendor, incident, user, session…' }),
      entityId: z.string().max(100).optional().meta({ description: 'The id of the record (with `entity`)' }),
      vendorId: z.coerce.number().int().positive().optional().meta({ description: "A vendor's entries and those of everything it owns" }),
      actor: z.string().max(254).optional().meta({ description: 'E-mail of who acted, "system" or "anonymous" (any case)' }),
      from: isoDay.optional().meta({ description: 'From this day (UTC), included' }),
      to: isoDay.optional().meta({ description: 'To this day (UTC), included' }),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
      format: z
        .enum(['json', 'csv'])
        .default('json')
        .meta({ description: `csv: a download of the newest ${AUDIT_CSV_MAX_ROWS} entries the filters match (limit and offset do not apply)` }),
    }),
    status: 200,
    response: page,
    handle: ({ query }) => {
      const { format, limit, offset, ...filters } = query;
      return format === 'csv' ? csvReply(audit.csv(filters), 'audit-log', clock.today()) : audit.list({ ...filters, limit, offset });
    },
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
