/**
 * The fetch core of the API client: one typed `call` per route of the contract. A call names its
 * route by its key (`'GET /vendors/:id/score'`), and the key fixes everything else: the method,
 * the path the params fill in, the query and body it takes and the answer it gets, all read from
 * the server's route declarations (server/http/contract.ts, types only). Every failure becomes an
 * ApiError with the problem+json `status` and `code`. The session travels as an HttpOnly cookie
 * the app never sees: fetch sends it (same origin), and a 401 that means "signed out" on any call
 * is reported through `onSignedOut`, so the app can ask again.
 */
import type { BodyOf, Job, ParamsOf, QueryOf, ResponseOf, RouteKey } from '../../server/http/contract.ts';
import { ApiError, isSignedOut, problemOf } from './api-error.ts';

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /**
   * The version of the record this change was made against (the record's `version`): sent as
   * If-Match, so that a record changed by someone else meanwhile answers 412 edit-conflict.
   */
  readonly ifMatch?: number | undefined;
}

/** What a call sends: its path parameters and body when its route has them, and its query. */
export type CallInput<K extends RouteKey> = (ParamsOf<K> extends undefined ? { readonly params?: undefined } : { readonly params: ParamsOf<K> }) &
  (BodyOf<K> extends undefined ? { readonly body?: undefined } : { readonly body: BodyOf<K> }) & { readonly query?: QueryOf<K> };

/** A body that is not JSON of ours: a CSV, NDJSON or export document, a file, or a form (the browser sets its multipart type). */
export interface RawBody {
  readonly type: string | null;
  readonly data: string | Blob | FormData;
}

/** An import either finished at once (its result) or, when large, runs as a job to poll. */
export type ImportOutcome<T> = { readonly kind: 'done'; readonly result: T } | { readonly kind: 'job'; readonly job: Job };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `/vendors/:id/score` with `{ id: 3 }` → `/vendors/3/score`. */
function fill(pattern: string, params: object | undefined): string {
  const values = new Map(Object.entries(params ?? {}));
  return pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(values.get(name))));
}

/** A query's set values (empty strings left out, lists repeated); `undefined` and `null` mean "not given". */
function search(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') params.append(name, String(v));
    }
  }
  return params.size > 0 ? `?${params}` : '';
}

export class ApiCore {
  readonly base: string;
  /** Called when a request finds nobody signed in (never for a failed sign-in attempt). */
  onSignedOut: ((e: ApiError) => void) | undefined;
  private readonly _fetch: Fetch;

  constructor(base = '/api/v1', fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.base = base;
    this._fetch = fetchImpl;
  }

  /**
   * Calls one route of the contract with its JSON body (if any), or with `raw` (a file, a form, an
   * export document); resolves to its declared answer.
   */
  async call<K extends RouteKey>(key: K, input: CallInput<K>, opts: RequestOptions = {}, raw?: RawBody): Promise<ResponseOf<K>> {
    const body = raw ?? (input.body === undefined ? undefined : { type: 'application/json', data: JSON.stringify(input.body) });
    const answer = await this._send(key, input, body, opts);
    // The wire's JSON is the route's declared response: the API tests check every answer against its schema.
    return answer.body as ResponseOf<K>;
  }

  /** Sends a raw body (an import) to a route that answers 202 with a job when the work is large. */
  async upload<K extends RouteKey>(key: K, input: CallInput<K>, body: RawBody, opts: RequestOptions = {}): Promise<ImportOutcome<ResponseOf<K>>> {
    const answer = await this._send(key, input, body, opts);
    // 202 is the documented "runs as a job" answer of the import routes (server/http/routes/imports.ts).
    return answer.status === 202 ? { kind: 'job', job: answer.body as Job } : { kind: 'done', result: answer.body as ResponseOf<K> };
  }

  /** Where a route's answer is, for a link (a download) rather than a fetch. */
  url<K extends RouteKey>(key: K, input: CallInput<K>): string {
    return `${this.base}${fill(key.slice(key.indexOf(' ') + 1), input.params)}${search(input.query)}`;
  }

  private async _send<K extends RouteKey>(
    key: K,
    input: CallInput<K>,
    body: RawBody | undefined,
    opts: RequestOptions,
  ): Promise<{ status: number; body: unknown }> {
    const method = key.slice(0, key.indexOf(' '));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body?.type) headers['content-type'] = body.type;
    if (opts.ifMatch !== undefined) headers['if-match'] = `"v${opts.ifMatch}"`;
    let res: Response;
    try {
      // The browser adds the session cookie and, on state-changing methods, the Origin the server checks.
      res = await this._fetch(this.url(key, input), { method, signal: opts.signal, headers, body: body?.data });
    } catch (e) {
      // An abort is the Task cancelling a stale request: let it through untouched.
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network-error', 'The server could not be reached.');
    }
    if (!res.ok) {
      const problem = await problemOf(res);
      if (isSignedOut(problem)) this.onSignedOut?.(problem);
      throw problem;
    }
    return { status: res.status, body: res.status === 204 ? undefined : ((await res.json()) as unknown) };
  }
}
