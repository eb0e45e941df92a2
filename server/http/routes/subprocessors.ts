/** Subprocessors (support arrangements): /vendors/:id/subprocessors and /subprocessors/:id. */
import { z } from 'zod';
import { subprocessor, subprocessorInput, subprocessorPatch } from '../../domain/subprocessor.ts';
import { route } from '../route.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import type { Deps } from '../../deps.ts';

export const subprocessorRoutes = ({ subprocessors }: Deps) => [
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
    handle: ({ params, body, principal }) => subprocessors.update(actorOf(principal), params.id, body),
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
    handle: ({ params, principal }) => subprocessors.remove(actorOf(principal), params.id),
  }),
];
