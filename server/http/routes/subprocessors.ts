/** Subprocessors (support arrangements): /vendors/:id/subprocessors and /subprocessors/:id. */
import { z } from 'zod';
import { subprocessor, subprocessorInput, subprocessorPatch } from '../../domain/subprocessor.ts';
import { incident, incidentInput } from '../../domain/incident.ts';
import { vendor } from '../../domain/vendor.ts';
import { route } from '../route.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const subprocessorIncident = z
  .object({
    incident,
    vendor: vendor.meta({ description: 'The vendor record the incident is filed on: the subprocessor’s own' }),
    subprocessor: subprocessor.meta({ description: 'The subprocessor, now linked to that record (vendorId)' }),
    link: z.enum(['linked', 'matched-by-name', 'created']).meta({
      description:
        '`linked`: the subprocessor already had its vendor record; `matched-by-name`: a vendor of that name (or alias) was on record and is now linked; `created`: a not-engaged vendor record was created for it',
    }),
  })
  .meta({ id: 'SubprocessorIncident' });

export const subprocessorRoutes = ({ subprocessors, subprocessorIncidents }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/subprocessors',
    tag: 'subprocessors',
    summary: "A vendor's subprocessors and support arrangements",
    params: idParams,
    status: 200,
    response: z.object({ items: z.array(subprocessor) }),
    errors: [404],
    handle: ({ params }) => ({ items: subprocessors.listForVendor(params.id) }),
  }),
  route({
    method: 'post',
    access: 'analyst',
    path: '/vendors/:id/subprocessors',
    tag: 'subprocessors',
    summary: 'Record a subprocessor of a vendor',
    params: idParams,
    body: subprocessorInput,
    status: 201,
    response: subprocessor,
    errors: [404, 413, 415],
    versioned: true,
    handle: ({ params, body, principal }) => subprocessors.create(actorOf(principal), params.id, body),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/subprocessors/:id',
    tag: 'subprocessors',
    summary: 'One subprocessor',
    params: idParams,
    status: 200,
    response: subprocessor,
    errors: [404],
    versioned: true,
    handle: ({ params }) => subprocessors.get(params.id),
  }),
  route({
    method: 'patch',
    access: 'analyst',
    path: '/subprocessors/:id',
    tag: 'subprocessors',
    summary: 'Change some fields of a subprocessor',
    params: idParams,
    body: subprocessorPatch,
    status: 200,
    response: subprocessor,
    errors: [404, 413, 415],
    versioned: true,
    handle: ({ params, body, principal, ifMatch }) => subprocessors.update(actorOf(principal), params.id, body, ifMatch),
  }),
  route({
    method: 'post',
    access: 'analyst',
    path: '/subprocessors/:id/incidents',
    tag: 'subprocessors',
    summary:
      'Record an incident at a subprocessor: filed on its own vendor record (created, not engaged, and linked when it has none), so every vendor it serves inherits it',
    params: idParams,
    body: incidentInput,
    status: 201,
    response: subprocessorIncident,
    errors: [404, 409, 413, 415],
    handle: ({ params, body, principal }) => subprocessorIncidents.create(actorOf(principal), params.id, body),
  }),
  route({
    method: 'delete',
    access: 'analyst',
    path: '/subprocessors/:id',
    tag: 'subprocessors',
    summary: 'Delete a subprocessor',
    params: idParams,
    status: 204,
    errors: [404],
    versioned: true,
    handle: ({ params, principal, ifMatch }) => subprocessors.remove(actorOf(principal), params.id, ifMatch),
  }),
];
