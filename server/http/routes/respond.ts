/**
 * The response API: the vendor's contact, with no account, answers one request. The only credential
 * is the response token in the X-Response-Token header (never in the URL, so it never reaches an
 * access log or a browser history); it opens its own request and nothing else, and every other
 * route ignores it.
 */
import { z } from 'zod';
import { answerInput, RESPONSE_TOKEN_HEADER, respondAnswer, respondView } from '../../domain/questionnaire-requests.ts';
import { REQUEST_STATES } from '../../domain/questionnaire.ts';
import type { RequestContext } from '../request-context.ts';
import { route } from '../route.ts';
import type { Deps } from '../../deps.ts';

const questionParams = z.strictObject({ questionId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a question id').meta({ description: 'Question id' }) });
const AUTH = `Authenticated by the response token in the ${RESPONSE_TOKEN_HEADER} header (401 response-token-invalid, 410 response-link-gone when expired or withdrawn)`;

export const respondRoutes = ({ respond }: Deps) => {
  const responding = (ctx: RequestContext) => respond.authenticate(ctx.header(RESPONSE_TOKEN_HEADER), ctx.ip);
  return [
    route({
      method: 'get',
      path: '/respond',
      access: 'public',
      responseToken: true,
      tag: 'respond',
      summary: `The request the response token opens: its questions and the answers so far. ${AUTH}`,
      status: 200,
      response: respondView,
      errors: [410, 429],
      handle: ({ ctx }) => respond.view(responding(ctx)),
    }),
    route({
      method: 'put',
      path: '/respond/answers/:questionId',
      access: 'public',
      responseToken: true,
      tag: 'respond',
      summary: `Save a draft answer (422 answer-invalid naming the field when it does not fit the question, 413 answer-too-large). ${AUTH}`,
      params: questionParams,
      body: answerInput,
      status: 200,
      response: respondAnswer,
      errors: [404, 409, 410, 413, 422, 429],
      handle: ({ ctx, params, body }) => respond.saveAnswer(responding(ctx), params.questionId, body.value),
    }),
    route({
      method: 'delete',
      path: '/respond/answers/:questionId',
      access: 'public',
      responseToken: true,
      tag: 'respond',
      summary: `Clear a draft answer. ${AUTH}`,
      params: questionParams,
      status: 204,
      errors: [404, 409, 410, 429],
      handle: ({ ctx, params }) => respond.deleteAnswer(responding(ctx), params.questionId),
    }),
    route({
      method: 'post',
      path: '/respond/submit',
      access: 'public',
      responseToken: true,
      tag: 'respond',
      summary: `Submit the answers: they freeze until the request is reopened (422 answers-missing naming the required questions). ${AUTH}`,
      status: 200,
      response: z.object({ request: z.object({ id: z.number().int(), state: z.enum(REQUEST_STATES), submittedAt: z.string().nullable(), readOnly: z.boolean() }) }),
      errors: [409, 410, 422, 429],
      handle: ({ ctx }) => respond.submit(responding(ctx)),
    }),
  ];
};
