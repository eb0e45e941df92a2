/**
 * The one door to the REST API: the fetch core (core.ts) and the calls, one file per area, each
 * call typed by its route in the server's contract (server/http/contract.ts, types only). The
 * names the pages use for the API's records are the contract's, re-exported here.
 */
import { ApiCore } from './core.ts';
import { accountCalls } from './accounts.ts';
import { alertCalls } from './alerts.ts';
import { dataCalls } from './data.ts';
import { portfolioCalls } from './portfolio.ts';
import { reviewCalls } from './reviews.ts';
import { vendorCalls } from './vendors.ts';

export { ApiError } from './api-error.ts';
export type { CallInput, ImportOutcome, RequestOptions } from './core.ts';
export type { AuditQuery } from './accounts.ts';
export type { ChangesQuery } from './alerts.ts';
export type { ImportOptions } from './data.ts';
export type { BacktestRange } from './portfolio.ts';
export type { DueQuery } from './reviews.ts';
export type * from '../../server/http/contract.ts';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** A client of the API under `base` (the app's: `/api/v1`, with the browser's fetch). */
export function createApiClient(base = '/api/v1', fetchImpl?: Fetch) {
  const core = new ApiCore(base, fetchImpl);
  const calls = { ...portfolioCalls(core), ...vendorCalls(core), ...dataCalls(core), ...reviewCalls(core), ...alertCalls(core), ...accountCalls(core) };
  return Object.assign(core, calls);
}
export type ApiClient = ReturnType<typeof createApiClient>;
