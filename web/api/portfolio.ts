/** The API calls about the whole portfolio and the methodology that scores it. */
import type { DraftMethodologyBody, HeatmapStatus, MethodologyBody } from '../../server/http/contract.ts';
import type { DecayPolicyName } from '../../server/domain/methodology.ts';
import type { ApiCore, RequestOptions } from './core.ts';

/** The quarters a backtest covers; the server's defaults where left out. */
export interface BacktestRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly horizonDays?: number | undefined;
}
const rangeQuery = (q: BacktestRange) => ({ from: q.from, to: q.to, horizonDays: q.horizonDays });

export const portfolioCalls = (api: ApiCore) => ({
  about: (o?: RequestOptions) => api.call('GET /about', {}, o),
  /** `status`: engaged when left out (the server's default), `all`, or one status. */
  heatmap: (asOf?: string, o?: RequestOptions, decay?: DecayPolicyName, status?: HeatmapStatus) =>
    api.call('GET /portfolio/heatmap', { query: { asOf, decay, status } }, o),
  trends: (range: { from?: string; to?: string } = {}, o?: RequestOptions) => api.call('GET /portfolio/trends', { query: range }, o),
  supplyChain: (asOf?: string, o?: RequestOptions) => api.call('GET /portfolio/supply-chain', { query: { asOf } }, o),
  methodology: (o?: RequestOptions) => api.call('GET /methodology', {}, o),
  decayPolicies: async (o?: RequestOptions) => (await api.call('GET /methodology/decay-policies', {}, o)).items,
  /** Admins: stores a new methodology version and puts it in force. */
  putMethodology: (body: MethodologyBody, o?: RequestOptions) => api.call('PUT /methodology', { body }, o),
  /** Admins: the engaged vendors ranked under a draft that is not stored. */
  previewMethodology: (body: MethodologyBody, asOf?: string, o?: RequestOptions) => api.call('POST /methodology/preview', { body, query: { asOf } }, o),
  /** The backtest of a stored version (default: in force), optionally under another named decay policy (analysts). */
  backtest: (q: BacktestRange & { version?: string | undefined; decay?: DecayPolicyName | undefined } = {}, o?: RequestOptions) =>
    api.call('GET /methodology/backtest', { query: { ...rangeQuery(q), version: q.version, decay: q.decay } }, o),
  /** The backtest of draft parameters, before they are stored (admins); validation errors name `body.*` fields as PUT /methodology does. */
  backtestDraft: (draft: DraftMethodologyBody, q: BacktestRange = {}, o?: RequestOptions) =>
    api.call('POST /methodology/backtest', { body: draft, query: rangeQuery(q) }, o),
});
