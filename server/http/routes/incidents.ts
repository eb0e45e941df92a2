/** Incidents: /vendors/:id/incidents and /incidents/:id. */
import { z } from 'zod';
import { incident, incidentInput, incidentPatch } from '../../domain/incident.ts';
import { route } from '../route.ts';
import { csvReply } from '../csv-reply.ts';
import { incidentsToCsv } from '../../services/imports/incidents-csv.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const listQuery = z.strictObject({
  vendorId: z.coerce.number().int().positive().optional(),
  source: z.enum(['veris']).optional().meta({ description: 'Only incidents imported from this format' }),
  year: z.coerce.number().int().min(1900).max(2999).optional().meta({ description: 'Year the intrusion began' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ description: 'Default 50 (for CSV: all)' }),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

export const incidentRoutes = ({ incidents, vendors, clock }: RouteDeps) => [
  route({
    method: 'get',
    path: '/incidents',
    access: 'viewer',
    tag: 'incidents',
    summary: 'Incidents across vendors, filtered and paged (?format=csv for a spreadsheet)',
    query: listQuery,
    status: 200,
    response: z.object({ items: z.array(incident), total: z.number().int() }),
    handle: ({ query }) => {
      const { format, limit, ...filter } = query;
      const page = incidents.list({ ...filter, limit: limit ?? (format === 'csv' ? Number.MAX_SAFE_INTEGER : 50) });
      if (format === 'json') return page;
      const names = new Map(vendors.all().map((v) => [v.id, v.name]));
      return csvReply(
        incidentsToCsv(page.items, (id) => names.get(id) ?? ''),
        'incidents',
        clock.today(),
      );
    },
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/incidents',
    tag: 'incidents',
    summary: "A vendor's incidents, newest disclosure first",
    params: idParams,
    status: 200,
    response: z.object({ items: z.array(incident) }),
    errors: [404],
    handle: ({ params }) => ({ items: incidents.listForVendor(params.id) }),
  }),
  route({
    method: 'post',
    access: 'analyst',
    path: '/vendors/:id/incidents',
    tag: 'incidents',
    summary: 'Record an incident of a vendor',
    params: idParams,
    body: incidentInput,
    status: 201,
    response: incident,
    errors: [404, 409, 413, 415],
    versioned: true,
    handle: ({ params, body, principal }) => incidents.create(actorOf(principal), params.id, body),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'One incident',
    params: idParams,
    status: 200,
    response: incident,
    errors: [404],
    versioned: true,
    handle: ({ params }) => incidents.get(params.id),
  }),
  route({
    method: 'patch',
    access: 'analyst',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'Change some fields of an incident (the result is checked as a whole)',
    params: idParams,
    body: incidentPatch,
    status: 200,
    response: incident,
    errors: [404, 409, 413, 415],
    versioned: true,
    handle: ({ params, body, principal, ifMatch }) => incidents.update(actorOf(principal), params.id, body, ifMatch),
  }),
  route({
    method: 'delete',
    access: 'analyst',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'Delete an incident (refused while another incident continues it)',
    params: idParams,
    status: 204,
    errors: [404, 409],
    versioned: true,
    handle: ({ params, principal, ifMatch }) => incidents.remove(actorOf(principal), params.id, ifMatch),
  }),
];
