/**
 * The response API for the vendor's contact: the token travels only in the X-Response-Token
 * header (never in a URL), and no cookie is needed. Failures become ApiErrors as everywhere else.
 */
import type { RespondView } from '../../server/domain/questionnaire-requests.ts';
import type { Document } from '../../server/domain/document.ts';
import { problemOf } from './api-error.ts';

export type { RespondView };
export type SubmitResult = {
  readonly request: { readonly id: number; readonly state: string; readonly submittedAt: string | null; readonly readOnly: boolean };
};

export class RespondClient {
  private readonly _token: string;
  private readonly _base: string;
  constructor(token: string, base = '/api/v1/respond') {
    this._token = token;
    this._base = base;
  }

  private async _call<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const headers: Record<string, string> = { 'X-Response-Token': this._token, Accept: 'application/json' };
    // A form sets its own type (multipart/form-data with its boundary).
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${this._base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
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
  /** Attaches a document to the request: its metadata first, then the file; refusals name `body.meta.*` and `body.file`. */
  uploadDocument = async (meta: Record<string, unknown>, file: Blob, fileName: string): Promise<Document> => {
    const form = new FormData();
    form.append('meta', JSON.stringify(meta));
    form.append('file', file, fileName);
    return (await this._call<{ document: Document }>('POST', '/documents', form))!.document;
  };
  submit = async (): Promise<SubmitResult> => (await this._call<SubmitResult>('POST', '/submit'))!;
}
