/**
 * The response API for the vendor's contact: the token travels only in the X-Response-Token
 * header (never in a URL), and no cookie is needed. Failures become ApiErrors as everywhere else.
 */
import type { RespondView } from '../../server/domain/questionnaire-requests.ts';
import { problemOf } from './api-error.ts';

export type { RespondView };
export type SubmitResult = { readonly request: { readonly id: number; readonly state: string; readonly submittedAt: string | null; readonly readOnly: boolean } };

export class RespondClient {
  private readonly _token: string;
  private readonly _base: string;
  constructor(token: string, base = '/api/v1/respond') {
    this._token = token;
    this._base = base;
  }

  private async _call<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const headers: Record<string, string> = { 'X-Response-Token': this._token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this._base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store' });
    if (!res.ok) throw await problemOf(res);
    return res.status === 204 ? undefined : ((await res.json()) as T);
  }

  load = async (): Promise<RespondView> => (await this._call<RespondView>('GET', ''))!;
  save = async (questionId: string, value: unknown): Promise<void> => {
    await this._call('PUT', `/answers/${encodeURIComponent(questionId)}`, { value });
  };
  clear = async (questionId: string): Promise<void> => {
    await this._call('DELETE', `/answers/${encodeURIComponent(questionId)}`);
  };
  submit = async (): Promise<SubmitResult> => (await this._call<SubmitResult>('POST', '/submit'))!;
}
