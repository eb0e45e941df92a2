/** The API calls that move data in and out: imports (large ones run as jobs), the full restore, quarterly reports. */
import type { RestoreMode } from '../../server/http/contract.ts';
import type { ApiCore, RequestOptions } from './core.ts';

/** A check (dry run) or the import, and what to do with invalid rows or records (the server's default: reject). */
export interface ImportOptions {
  readonly dryRun: boolean;
  readonly onInvalid?: 'reject' | 'skip' | undefined;
}

export const dataCalls = (api: ApiCore) => ({
  /** `expectVersions`: the dry run's, so that rows whose vendor changed since the preview are refused. */
  importVendors: (csv: string, o: ImportOptions & { readonly onDuplicate?: 'create' | 'skip' | undefined; readonly expectVersions?: string | undefined }) =>
    api.upload(
      'POST /import/vendors',
      {
        query: {
          dryRun: o.dryRun ? 'true' : undefined,
          onInvalid: o.onInvalid,
          onDuplicate: o.onDuplicate,
          expectVersions: o.dryRun ? undefined : o.expectVersions,
        },
      },
      { type: 'text/csv', data: csv },
    ),
  importVeris: (text: string, type: 'application/json' | 'application/x-ndjson', o: ImportOptions = { dryRun: false }) =>
    api.upload('POST /import/veris', { query: { dryRun: o.dryRun ? 'true' : undefined, onInvalid: o.onInvalid } }, { type, data: text }),
  job: (id: string, o?: RequestOptions) => api.call('GET /jobs/:id', { params: { id } }, o),
  restore: (json: string, mode: RestoreMode) => api.call('POST /import/full', { query: { mode } }, {}, { type: 'application/json', data: json }),

  /** The quarterly report (`2023-Q4`), compared with the previous quarter or with `vs`; `restated`: as known today. */
  quarterlyReport: (quarter: string, vs?: string, o?: RequestOptions, view?: 'restated', appendix?: 'full') =>
    api.call('GET /reports/quarterly/:quarter', { params: { quarter }, query: { vs, view, appendix } }, o),
  /** A page of a closed quarter's per-vendor appendix, from its frozen snapshot. */
  reportAppendix: (quarter: string, offset: number, limit: number, o?: RequestOptions) =>
    api.call('GET /reports/quarterly/:quarter/vendors', { params: { quarter }, query: { offset, limit } }, o),
  /** A quarter's frozen snapshots, newest first. */
  reportSnapshots: (quarter: string, o?: RequestOptions) => api.call('GET /reports/quarterly/:quarter/snapshots', { params: { quarter } }, o),
  /** Admins: replace a closed quarter's snapshot by one taken now. */
  refreezeReport: (quarter: string) => api.call('POST /reports/quarterly/:quarter/refreeze', { params: { quarter } }),
});
