/** Questionnaire templates and requests: the analyst sends a request, revokes or reopens it, and reads it. */
import { z } from 'zod';
import { questionnaireRequest, questionnaireTemplate } from '../../domain/questionnaire.ts';
import {
  newQuestionnaireRequest,
  requestDetail,
  requestListQuery,
  requestWithVendor,
  sentRequest,
  templateSummary,
} from '../../domain/questionnaire-requests.ts';
import { actorOf } from '../../services/auth-service.ts';
import { ServiceError } from '../../services/errors.ts';
import { route } from '../route.ts';
import { idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

const templateParams = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a template id')
    .meta({ description: 'Template id' }),
});
const one = z.object({ request: questionnaireRequest });

export const questionnaireRoutes = ({ questionnaireTemplates: templates, questionnaires }: RouteDeps) => [
  route({
    method: 'get',
    path: '/questionnaire-templates',
    access: 'viewer',
    tag: 'questionnaires',
    summary: 'The questionnaire templates installed (data/questionnaires), with their sections',
    status: 200,
    response: z.object({ items: z.array(templateSummary) }),
    handle: () => ({ items: templates.summaries() }),
  }),
  route({
    method: 'get',
    path: '/questionnaire-templates/:id',
    access: 'viewer',
    tag: 'questionnaires',
    summary: 'A questionnaire template: sections, questions, answer types, what each answer maps to and which part of the score it feeds',
    params: templateParams,
    status: 200,
    response: questionnaireTemplate,
    errors: [404],
    handle: ({ params }) => {
      const t = templates.get(params.id);
      if (!t) throw new ServiceError('not-found', 'questionnaire-template-not-found', `No questionnaire template "${params.id}".`);
      return t;
    },
  }),
  route({
    method: 'post',
    path: '/vendors/:id/questionnaire-requests',
    access: 'analyst',
    tag: 'questionnaires',
    summary:
      "Ask a vendor's contact to answer a questionnaire: a draft, or sent at once with a response link shown this once (and mailed when e-mail is set up)",
    params: idParams,
    body: newQuestionnaireRequest,
    status: 201,
    response: sentRequest,
    errors: [404],
    handle: ({ params, body, principal, ctx }) => questionnaires.create(actorOf(principal), params.id, body, ctx.rp.origin),
  }),
  route({
    method: 'get',
    path: '/vendors/:id/questionnaire-requests',
    access: 'viewer',
    tag: 'questionnaires',
    summary: "A vendor's questionnaire requests, newest first",
    params: idParams,
    status: 200,
    response: z.object({ items: z.array(questionnaireRequest) }),
    errors: [404],
    handle: ({ params }) => questionnaires.listForVendor(params.id),
  }),
  route({
    method: 'get',
    path: '/questionnaire-requests',
    access: 'viewer',
    tag: 'questionnaires',
    summary: 'Questionnaire requests across the portfolio, newest first; by state, or only the overdue ones',
    query: requestListQuery,
    status: 200,
    response: z.object({ items: z.array(requestWithVendor) }),
    handle: ({ query }) => questionnaires.list(query),
  }),
  route({
    method: 'get',
    path: '/questionnaire-requests/:id',
    access: 'viewer',
    tag: 'questionnaires',
    summary: 'A questionnaire request with its template and the answers so far',
    params: idParams,
    status: 200,
    response: requestDetail,
    errors: [404],
    handle: ({ params }) => questionnaires.detail(params.id),
  }),
  route({
    method: 'post',
    path: '/questionnaire-requests/:id/send',
    access: 'analyst',
    tag: 'questionnaires',
    summary: 'Send a draft, or make a new link for a request still open (the old link stops working); the link is shown this once',
    params: idParams,
    status: 200,
    response: sentRequest,
    errors: [404, 409],
    handle: ({ params, principal, ctx }) => questionnaires.send(actorOf(principal), params.id, ctx.rp.origin),
  }),
  route({
    method: 'post',
    path: '/questionnaire-requests/:id/revoke',
    access: 'analyst',
    tag: 'questionnaires',
    summary: 'Withdraw a request: its link answers 410 from now on (any state but accepted)',
    params: idParams,
    status: 200,
    response: one,
    errors: [404, 409],
    handle: ({ params, principal }) => questionnaires.revoke(actorOf(principal), params.id),
  }),
  route({
    method: 'post',
    path: '/questionnaire-requests/:id/reopen',
    access: 'analyst',
    tag: 'questionnaires',
    summary: 'Reopen a submitted or reviewed request: the contact may change the answers not accepted, with the same link',
    params: idParams,
    status: 200,
    response: one,
    errors: [404, 409],
    handle: ({ params, principal }) => questionnaires.reopen(actorOf(principal), params.id),
  }),
];
