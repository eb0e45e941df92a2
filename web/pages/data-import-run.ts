/**
 * What the data page's imports share: an import's outcome settled (its job polled, its progress
 * shown, never once a newer run replaced it) and a result that lists problems turned into the
 * refusal the page shows as a table.
 */
import type { ApiClient, ImportOutcome, Job } from '../api/client.ts';
import { refuseIfErrors, settle, type WithErrors } from '../imports.ts';

/** How often a running job is asked for its progress. */
export const POLL_MS = 400;

export async function settled<T extends WithErrors>(api: ApiClient, outcome: ImportOutcome<T>, signal: AbortSignal, show: (j: Job) => void): Promise<T> {
  const get = (id: string) => api.job(id, { signal });
  return refuseIfErrors(await settle(outcome, get, { signal, intervalMs: POLL_MS, onProgress: (j) => signal.aborted || show(j) }));
}

/** Where the page moves focus after the next render, and asks for it. */
export interface PageHooks {
  readonly api: () => ApiClient;
  readonly focusAfterRender: (selector: string) => void;
  readonly requestUpdate: () => void;
}
