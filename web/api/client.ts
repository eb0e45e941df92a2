/**
 * The one door to the REST API. Typed by the server's own types (imported as types only), and
 * every failure becomes an ApiError carrying the problem+json `status` and `code`.
 */
import type { Heatmap } from '../../server/services/scoring-service.ts';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { Vendor } from '../../server/domain/vendor.ts';
import type { Incident } from '../../server/domain/incident.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
import type { PostureFact } from '../../server/domain/posture-fact.ts';
import type { aboutService } from '../../server/services/about-service.ts';

export type About = ReturnType<ReturnType<typeof aboutService>['about']>;

/** A failed request: HTTP status (0 when the server could not be reached) and a stable code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ReadonlyArray<{ path: string; message: string }>;
  constructor(status: number, code: string, message: string, fields: ApiError['fields'] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
type Items<T> = { items: T[] };

async function problemOf(res: Response): Promise<ApiError> {
  const fallback = `${res.status} ${res.statusText}`.trim();
  try {
    const body = (await res.json()) as { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown };
    const code = typeof body.code === 'string' ? body.code : `http-${res.status}`;
    const message = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : fallback;
    return new ApiError(res.status, code, message, Array.isArray(body.errors) ? body.errors : []);
  } catch {
    return new ApiError(res.status, `http-${res.status}`, fallback);
  }
}

export class ApiClient {
  readonly base: string;
  private readonly _fetch: Fetch;

  constructor(base = '/api/v1', fetchImpl: Fetch = (input, init) => fetch(input, init)) {
    this.base = base;
    this._fetch = fetchImpl;
  }

  async get<T>(path: string, query: Record<string, string | undefined> = {}, opts: RequestOptions = {}): Promise<T> {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
    const url = `${this.base}${path}${params.size > 0 ? `?${params}` : ''}`;
    let res: Response;
    try {
      res = await this._fetch(url, { signal: opts.signal, headers: { accept: 'application/json' } });
    } catch (e) {
      // An abort is the Task cancelling a stale request: let it through untouched.
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network-error', 'The server could not be reached.');
    }
    if (!res.ok) throw await problemOf(res);
    return (await res.json()) as T;
  }

  about = (o?: RequestOptions) => this.get<About>('/about', {}, o);
  heatmap = (asOf?: string, o?: RequestOptions) => this.get<Heatmap>('/portfolio/heatmap', { asOf }, o);
  vendor = (id: number, o?: RequestOptions) => this.get<Vendor>(`/vendors/${id}`, {}, o);
  score = (id: number, asOf?: string, o?: RequestOptions) => this.get<VendorScore>(`/vendors/${id}/score`, { asOf }, o);
  incidents = async (id: number, o?: RequestOptions) => (await this.get<Items<Incident>>(`/vendors/${id}/incidents`, {}, o)).items;
  subprocessors = async (id: number, o?: RequestOptions) =>
    (await this.get<Items<Subprocessor>>(`/vendors/${id}/subprocessors`, {}, o)).items;
  mfa = (id: number, o?: RequestOptions) => this.get<MfaPosture>(`/vendors/${id}/mfa`, {}, o);
  postureFacts = async (id: number, o?: RequestOptions) =>
    (await this.get<Items<PostureFact>>(`/vendors/${id}/posture-facts`, {}, o)).items;
}
