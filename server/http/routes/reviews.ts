/** Procurement reviews: decisions, their conditions, review status, the due list and its calendar feed. */
import { z } from 'zod';
import { isoDay } from '../../domain/fields.ts';
import { dayNumber, isoDay as isoDayOf } from '../../domain/partial-date.ts';
import { cadence, condition, conditionPatch, review, reviewInput, reviewStatus, storedCadence } from '../../domain/review.ts';
import { actorOf } from '../../services/auth-service.ts';
import { toCsv } from '../../services/imports/csv.ts';
import { dueCalendar } from '../../services/reviews/calendar.ts';
import { DUE_SOON_DAYS, type DueItem } from '../../services/reviews/reviews-service.ts';
import { csvReply } from '../csv-reply.ts';
import { Reply, route } from '../route.ts';
import { asOfQuery, idParams, tierParam } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';
import { dueQuestionnaire } from '../../domain/questionnaire-api.ts';

const dueFilters = {
  before: isoDay.optional().meta({ description: `Review dates up to this day; ${DUE_SOON_DAYS} days from asOf when left out` }),
  asOf: isoDay.optional().meta({ description: 'The day the status is computed for; today when left out' }),
  owner: z.string().trim().min(1).max(200).optional().meta({ description: 'Business owner (case ignored)' }),
  tier: tierParam.optional(),
};

const dueItem = reviewStatus
  .extend({ name: z.string(), tier: z.number().int(), status: z.string(), businessOwner: z.string().nullable() })
  .meta({ id: 'DueReview' });

const dueCsv = (items: readonly DueItem[]) =>
  toCsv(
    ['vendorId', 'name', 'tier', 'status', 'businessOwner', 'state', 'nextReviewOn', 'lastDecision', 'lastDecidedOn', 'reasons'],
    items.map((i) => [
      i.vendorId,
      i.name,
      i.tier,
      i.status,
      i.businessOwner,
      i.state,
      i.nextReviewOn,
      i.lastReview?.decision ?? null,
      i.lastReview?.decidedOn ?? null,
      i.reasons.map((r) => r.text).join(' | '),
    ]),
  );

export const reviewRoutes = ({ reviews, clock, keptScores, dueQuestionnaires }: RouteDeps) => {
  const dueQuery = (q: { before?: string | undefined; asOf?: string | undefined; owner?: string | undefined; tier?: number | undefined }) => {
    const asOf = q.asOf ?? clock.today();
    return { asOf, before: q.before ?? isoDayOf(dayNumber(asOf) + DUE_SOON_DAYS), owner: q.owner, tier: q.tier };
  };
  return [
    route({
      method: 'get',
      path: '/vendors/:id/reviews',
      access: 'viewer',
      tag: 'reviews',
      summary: "A vendor's procurement decisions, latest first, each with the score it was taken on and its conditions",
      params: idParams,
      status: 200,
      response: z.object({ items: z.array(review) }),
      errors: [404],
      handle: ({ params }) => ({ items: reviews.list(params.id) }),
    }),
    route({
      method: 'post',
      path: '/vendors/:id/reviews',
      access: 'analyst',
      tag: 'reviews',
      summary: 'Record a decision (today, or an earlier day); it freezes the score and sets the status and next review date',
      params: idParams,
      body: reviewInput,
      status: 201,
      response: review,
      errors: [404],
      handle: ({ params, body, principal }) => reviews.create(actorOf(principal), params.id, body),
    }),
    route({
      method: 'patch',
      path: '/conditions/:id',
      access: 'analyst',
      tag: 'reviews',
      summary: 'Change a condition: met (with evidence), waived (with an expiry and an approver), or open again; owner and due date',
      params: idParams,
      body: conditionPatch,
      status: 200,
      response: condition,
      errors: [404],
      versioned: true,
      handle: ({ params, body, principal, ifMatch }) => reviews.updateCondition(actorOf(principal), params.id, body, ifMatch),
    }),
    route({
      method: 'get',
      path: '/vendors/:id/review-status',
      access: 'viewer',
      tag: 'reviews',
      summary: 'Whether the last decision still stands as of a day: ok, due, overdue or review-needed, with the reasons',
      params: idParams,
      query: asOfQuery,
      status: 200,
      response: reviewStatus,
      errors: [404],
      handle: ({ params, query }) => reviews.status(params.id, query.asOf ?? clock.today()),
    }),
    route({
      method: 'get',
      path: '/reviews/due',
      access: 'viewer',
      tag: 'reviews',
      summary: 'Vendors flagged, overdue, never reviewed or due by `before`, most urgent first; ?format=csv',
      query: z.strictObject({ ...dueFilters, format: z.enum(['json', 'csv']).default('json') }),
      status: 200,
      response: z.object({
        asOf: z.string(),
        before: z.string(),
        items: z.array(dueItem),
        questionnaires: z
          .array(dueQuestionnaire)
          .meta({ description: 'Questionnaire requests past their due day, not submitted nor revoked (same tier and owner filters)' }),
      }),
      handle: async ({ query }) => {
        // A rescore in progress (a new day, a methodology change) is waited for without blocking other requests.
        await keptScores.fresh();
        const q = dueQuery(query);
        const items = reviews.due(q);
        return query.format === 'csv'
          ? csvReply(dueCsv(items), 'reviews-due', q.asOf)
          : { asOf: q.asOf, before: q.before, items, questionnaires: dueQuestionnaires.list(q) };
      },
    }),
    route({
      method: 'get',
      path: '/reviews/due.ics',
      access: 'viewer',
      tag: 'reviews',
      summary: 'The due list as an iCalendar feed; calendar apps authenticate with an API token (?token=, Basic password, or Bearer)',
      query: z.strictObject({
        ...dueFilters,
        token: z.string().max(200).optional().meta({ description: 'An API token, for calendar apps that cannot send headers' }),
      }),
      tokenInUrl: true,
      status: 200,
      produces: 'text/calendar',
      handle: async ({ query, ctx }) => {
        await keptScores.fresh();
        const q = dueQuery(query);
        const origin = ctx.rp.origin;
        const ics = dueCalendar(reviews.due(q), { now: clock.now(), today: clock.today(), origin, host: new URL(origin).hostname }, dueQuestionnaires.list(q));
        return new Reply(200, ics, {
          'Content-Type': 'text/calendar; charset=utf-8',
          'Cache-Control': 'private, no-store',
          'Content-Disposition': 'inline; filename="vendorscope-reviews.ics"',
        });
      },
    }),
    route({
      method: 'get',
      path: '/reviews/cadence',
      access: 'viewer',
      tag: 'reviews',
      summary: 'Months between reviews per tier (null: none), used to default the next review date',
      status: 200,
      response: storedCadence,
      versioned: true,
      handle: () => reviews.cadence(),
    }),
    route({
      method: 'put',
      path: '/reviews/cadence',
      access: 'admin',
      tag: 'reviews',
      summary: 'Change the review cadence for decisions recorded from now on',
      body: cadence,
      status: 200,
      response: storedCadence,
      versioned: true,
      handle: ({ body, principal, ifMatch }) => reviews.setCadence(actorOf(principal), body, ifMatch),
    }),
  ];
};
