/** /vendors: the portfolio's vendors and our relationship with each. */
import { z } from 'zod';
import { vendor, vendorInput, vendorPatch } from '../../domain/vendor.ts';
import { postureFact } from '../../domain/posture-fact.ts';
import { route } from '../route.ts';
import { csvReply } from '../csv-reply.ts';
import { vendorsToCsv } from '../../services/imports/vendors-csv.ts';
import { actorOf } from '../../services/auth-service.ts';
import { flagParam, idParams, tierParam } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const listQuery = z.strictObject({
  tier: tierParam.optional(),
  category: z.string().trim().min(1).max(100).optional().meta({ description: 'Exact category, case-insensitive' }),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Text in name, category or website' }),
  limit: z.coerce.number().int().min(1).max(1000).optional().meta({ description: 'Default 50 (for CSV: all)' }),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json').meta({ description: 'csv: a spreadsheet, formula-like cells neutralized' }),
});

const deleteQuery = z.strictObject({
  cascade: flagParam.meta({ description: 'Also delete the vendor’s incidents; without it a vendor with incidents is not deleted (409).' }),
});

export const vendorRoutes = ({ vendors, clock }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors',
    tag: 'vendors',
    summary: 'List vendors, filtered and paged',
    query: listQuery,
    status: 200,
    response: z.object({ items: z.array(vendor), total: z.number().int().meta({ description: 'All matches, not just this page' }) }),
    handle: ({ query }) => {
      const { format, limit, ...filter } = query;
      const page = vendors.list({ ...filter, limit: limit ?? (format === 'csv' ? Number.MAX_SAFE_INTEGER : 50) });
      return format === 'csv' ? csvReply(vendorsToCsv(page.items), 'vendors', clock.today()) : page;
    },
  }),
  route({
    method: 'post',
    access: 'analyst',
    path: '/vendors',
    tag: 'vendors',
    summary: 'Add a vendor',
    body: vendorInput,
    status: 201,
    response: vendor,
    errors: [409, 413, 415],
    versioned: true,
    handle: ({ body, principal }) => vendors.create(actorOf(principal), body),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id',
    tag: 'vendors',
    summary: 'One vendor',
    params: idParams,
    status: 200,
    response: vendor,
    errors: [404],
    versioned: true,
    handle: ({ params }) => vendors.get(params.id),
  }),
  route({
    method: 'patch',
    access: 'analyst',
    path: '/vendors/:id',
    tag: 'vendors',
    summary: 'Change some fields of a vendor',
    params: idParams,
    body: vendorPatch,
    status: 200,
    response: vendor,
    errors: [404, 409, 413, 415],
    versioned: true,
    handle: ({ params, body, principal, ifMatch }) => vendors.update(actorOf(principal), params.id, body, ifMatch),
  }),
  route({
    method: 'delete',
    access: 'admin',
    path: '/vendors/:id',
    tag: 'vendors',
    summary: 'Delete a vendor (admins; with ?cascade=true also its incidents). The audit log and the full export keep a record of it.',
    params: idParams,
    query: deleteQuery,
    status: 204,
    errors: [404, 409],
    versioned: true,
    handle: ({ params, query, principal, ifMatch }) => vendors.remove(actorOf(principal), params.id, query.cascade, ifMatch),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/posture-facts',
    tag: 'vendors',
    summary: "Public statements about the vendor's posture, with their sources",
    params: idParams,
    status: 200,
    response: z.object({ items: z.array(postureFact) }),
    errors: [404],
    handle: ({ params }) => ({ items: vendors.postureFacts(params.id) }),
  }),
];
