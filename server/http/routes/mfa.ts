/** /vendors/:id/mfa: MFA posture, one record per population. */
import { mfaPostureInput, storedMfaPosture } from '../../domain/mfa.ts';
import { route } from '../route.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

export const mfaRoutes = ({ mfa }: RouteDeps) => [
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/mfa',
    tag: 'mfa',
    summary: "A vendor's MFA posture; populations without a record are unknown",
    params: idParams,
    status: 200,
    response: storedMfaPosture,
    errors: [404],
    versioned: true,
    handle: ({ params }) => mfa.get(params.id),
  }),
  route({
    method: 'put',
    access: 'analyst',
    path: '/vendors/:id/mfa',
    tag: 'mfa',
    summary: 'Replace the MFA posture (populations left out become unknown)',
    params: idParams,
    body: mfaPostureInput,
    status: 200,
    response: storedMfaPosture,
    errors: [404, 413, 415],
    versioned: true,
    handle: ({ params, body, principal, ifMatch }) => mfa.replace(actorOf(principal), params.id, body, ifMatch),
  }),
];
