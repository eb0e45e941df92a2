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
import type { RouteDeps } from '../../deps.ts';
import { DOCUMENT_MAX_BYTES, document } from '../../domain/document.ts';
import { readUpload } from '../multipart.ts';
import { DOCUMENT_BODY_LIMIT, META_LIMIT, metaOf, uploadForm } from './documents.ts';

const questionParams = z.strictObject({
  questionId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a question id')
    .meta({ description: 'Question id' }),
});
const AUTH = `Authenticated by the response token in the ${RESPONSE_TOKEN_HEADER} header (401 response-token-invalid, 410 response-link-gone when expired or withdrawn)`;

export const respondRoutes = ({ respond }: RouteDeps) => {
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
      response: z.object({
        request: z.object({ id: z.number().int(), state: z.enum(REQUEST_STATES), submittedAt: z.string().nullable(), readOnly: z.boolean() }),
      }),
      errors: [409, 410, 422, 429],
      handle: ({ ctx }) => respond.submit(responding(ctx)),
    }),
    route({
      method: 'post',
      path: '/respond/documents',
      access: 'public',
      responseToken: true,
      tag: 'respond',
      summary: `Attach a document to the request (multipart/form-data: meta, then file; as POST /vendors/{id}/documents, on the request's vendor). 409 request-read-only once submitted; 429 too-many-uploads while another of this request's uploads is arriving. ${AUTH}`,
      multipart: { limit: DOCUMENT_BODY_LIMIT, fields: uploadForm },
      status: 201,
      response: z.object({ document }),
      errors: [409, 410, 413, 415, 422, 429],
      handle: async ({ ctx, request }) => {
        const res = request.res!;
        let release: () => void;
        let who;
        try {
          who = responding(ctx);
          release = respond.admitUpload(who);
        } catch (e) {
          // Refused before a byte of the file is read: the rest of the body is not wanted either.
          res.set('Connection', 'close');
          throw e;
        }
        res.once('close', release);
        const responder = who;
        return readUpload(request, res, { fileSize: DOCUMENT_MAX_BYTES, fieldSize: META_LIMIT, fileField: 'file' }, ({ fields, fileName, stream }) =>
          respond.upload(responder, { meta: metaOf(fields), fileName, stream }),
        );
      },
    }),
  ];
};
