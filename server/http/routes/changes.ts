/** What changed: the feed of events (score changes, incidents, findings, reviews, conditions, evidence) and each user's last visit. */
import { z } from 'zod';
import { change, CHANGE_KINDS } from '../../domain/change.ts';
import { isoDay, timestamp } from '../../domain/fields.ts';
import { route } from '../route.ts';
import { idParam, tierParam } from '../schemas/common.ts';
import type { RouteDeps } from '../../deps.ts';

/** A query parameter given several times (`tier=1&tier=2`) or as a comma list (`tier=1,2`), or both. */
// The item schema reads one string (tierParam coerces it); any: zod types a coercing schema's input as unknown.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- neither unknown nor string is accepted both by the pipe and from a coercing schema
const listParam = <O>(item: z.ZodType<O, any>, description: string) =>
  z
    .union([z.string(), z.array(z.string()).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))
    .pipe(z.array(item).min(1).max(20))
    .meta({ description });

const isoInstant = z.iso.datetime({ offset: true });

/** A day (from its start, UTC) or an ISO timestamp. */
const sinceParam = z
  .string()
  .refine((s) => isoDay.safeParse(s).success || isoInstant.safeParse(s).success, { message: 'expected a day (YYYY-MM-DD) or an ISO-8601 timestamp' })
  .transform((s) => new Date(isoDay.safeParse(s).success ? `${s}T00:00:00.000Z` : s).toISOString())
  .meta({ description: 'Only events recorded at or after this day (from 00:00 UTC) or timestamp' });

const changesQuery = z.strictObject({
  since: sinceParam.optional(),
  tier: listParam(tierParam, "The vendor's tier (1–4): repeat it or give a comma list").optional(),
  owner: z.string().trim().min(1).max(200).optional().meta({ description: "The vendor's business owner (case ignored)" }),
  kind: listParam(z.enum(CHANGE_KINDS), `Event kinds (${CHANGE_KINDS.join(', ')}): repeat it or give a comma list`).optional(),
  before: idParam.optional().meta({ description: 'The cursor: events older than this id (the `next` of the previous page)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: 'Events per page (1–200, default 50)' }),
});

const changesPage = z
  .object({
    items: z.array(change),
    next: z.number().int().nullable().meta({ description: 'Pass as `before` for the next page; null on the last one' }),
  })
  .meta({ id: 'ChangesPage' });

const seen = z
  .object({ seenAt: timestamp.nullable().meta({ description: 'When the user last marked the feed seen; null before the first time' }) })
  .meta({ id: 'ChangesSeen' });

export const changeRoutes = ({ feedReader }: RouteDeps) => [
  route({
    method: 'get',
    path: '/changes',
    access: 'viewer',
    tag: 'changes',
    summary: 'What changed, newest first: score changes with their causes, new incidents, findings, reviews needed, conditions overdue, evidence expiring',
    query: changesQuery,
    status: 200,
    response: changesPage,
    handle: ({ query }) =>
      feedReader.list({ since: query.since, tiers: query.tier, owner: query.owner, kinds: query.kind, before: query.before, limit: query.limit }),
  }),
  route({
    method: 'get',
    path: '/me/changes-seen',
    access: 'viewer',
    tag: 'changes',
    summary: 'When you last marked What changed seen ("since my last visit", in any browser)',
    status: 200,
    response: seen,
    handle: ({ principal }) => ({ seenAt: feedReader.seenAt(principal.user.id) }),
  }),
  route({
    method: 'put',
    path: '/me/changes-seen',
    access: 'viewer',
    tag: 'changes',
    summary: 'Mark What changed seen: up to now, or up to a given time (never later than now; never moves back)',
    body: z.strictObject({ seenAt: isoInstant.optional().meta({ description: 'Seen up to this time; now when left out' }) }).meta({ id: 'ChangesSeenInput' }),
    status: 200,
    response: seen,
    handle: ({ principal, body }) => ({ seenAt: feedReader.markSeen(principal.user.id, body.seenAt) }),
  }),
];
