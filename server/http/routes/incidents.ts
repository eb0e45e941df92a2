/** Incidents: /vendors/:id/incidents and /incidents/:id. */
import { z } from 'zod';
import { incident, incidentInput, incidentPatch } from '../../domain/incident.ts';
import { route } from '../route.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import type { Deps } from '../../deps.ts';

export const incidentRoutes = ({ incidents }: Deps) => [
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
    handle: ({ params, body, principal }) => incidents.update(actorOf(principal), params.id, body),
  }),
  route({
    method: 'delete',
    access: 'analyst',
    path: '/incidents/:id',
    tag: 'incidents',
    summary: 'Delete an incident',
    params: idParams,
    status: 204,
    errors: [404],
    handle: ({ params, principal }) => incidents.remove(actorOf(principal), params.id),
  }),
];
