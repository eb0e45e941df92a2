/** The review of a submitted questionnaire, and a vendor's commitments (issue 16, part A). */
import { commitmentList } from '../../domain/commitment.ts';
import { questionnaireReview, reviewDecisions, reviewResult } from '../../domain/questionnaire-review.ts';
import { route } from '../route.ts';
import { actorOf } from '../../services/auth-service.ts';
import { idParams } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

export const questionnaireReviewRoutes = ({ questionnaireReview: review, commitments }: RouteDeps) => [
  route({
    method: 'get',
    access: 'analyst',
    path: '/questionnaire-requests/:id/review',
    tag: 'questionnaires',
    summary: "A request's answers side by side with what is on record: per mapped answer, the fact it would create or change (old → new)",
    params: idParams,
    status: 200,
    response: questionnaireReview,
    errors: [404, 409],
    handle: ({ params }) => review.review(params.id),
  }),
  route({
    method: 'post',
    access: 'analyst',
    path: '/questionnaire-requests/:id/decisions',
    tag: 'questionnaires',
    summary:
      'Accept or reject submitted answers, all in one transaction: accepted mapped answers become self-attested facts; a rejection (with a comment) reopens the request for those answers',
    params: idParams,
    body: reviewDecisions,
    status: 200,
    response: reviewResult,
    errors: [404, 409, 413, 415, 422],
    handle: ({ params, body, principal }) => review.decide(actorOf(principal), params.id, body),
  }),
  route({
    method: 'get',
    access: 'viewer',
    path: '/vendors/:id/commitments',
    tag: 'questionnaires',
    summary: "A vendor's commitments: days to notify customers of a breach, security contact (each self-attested or recorded)",
    params: idParams,
    status: 200,
    response: commitmentList,
    errors: [404],
    handle: ({ params }) => commitments.list(params.id),
  }),
];
