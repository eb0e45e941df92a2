/**
 * /methodology/backtest: how well the methodology foresaw the portfolio's incidents, replayed
 * quarter by quarter (DESIGN §4.11). Analysts read it for stored versions; admins also for a draft,
 * before putting it in force.
 */
import { backtestDraftQuery, backtestQuery, backtestReport, draftMethodology } from '../../domain/backtest.ts';
import { route } from '../route.ts';
import type { RouteDeps } from '../../deps.ts';

export const backtestRoutes = ({ backtest }: RouteDeps) => [
  route({
    method: 'get',
    path: '/methodology/backtest',
    access: 'analyst',
    tag: 'methodology',
    summary: 'Backtest of a stored methodology version (default: in force), optionally under another decay policy, on the installed portfolio',
    query: backtestQuery,
    status: 200,
    response: backtestReport,
    errors: [422],
    handle: ({ query }) => backtest.stored(query),
  }),
  route({
    method: 'post',
    path: '/methodology/backtest',
    access: 'admin',
    tag: 'methodology',
    summary: 'Backtest of draft methodology parameters (not stored), on the installed portfolio',
    query: backtestDraftQuery,
    body: draftMethodology,
    status: 200,
    response: backtestReport,
    errors: [413, 415, 422],
    handle: ({ query, body }) => {
      const { note: _note, ...policy } = body;
      return backtest.draft(policy, query);
    },
  }),
];
