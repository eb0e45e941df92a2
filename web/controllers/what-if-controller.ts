/**
 * The vendor page's what-if: a Task that asks the API for the score with the page's draft (which
 * lives in the URL, so a link opens the same what-if). Each change of the draft restarts the Task, whose previous run is aborted (its
 * signal cancels the pause and the fetch), and the run waits a moment first: moving through a
 * select's options sends one request, not one per option.
 */
import type { ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { ApiClient, WhatIfResult } from '../api/client.ts';
import { isNoChange, whatIfChange, type Relationship, type WhatIfDraft } from '../what-if.ts';

/** How long the draft must stay still before it is sent. */
export const WHAT_IF_DEBOUNCE_MS = 250;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done, fail) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), { once: true });
  });

export interface WhatIfSource {
  readonly api: () => ApiClient;
  readonly vendorId: () => number;
  readonly asOf: () => string;
  /** The relationship on record, once the vendor is loaded. */
  readonly relationship: () => Relationship | undefined;
  /** The draft shown now (from the page's URL). */
  readonly draft: () => WhatIfDraft;
}

/** Not a ReactiveController itself: its Tasks are, and they hook into the host's updates. */
export class WhatIfController {
  readonly task: Task<readonly [number, string], WhatIfResult | undefined>;

  constructor(host: ReactiveControllerHost, source: WhatIfSource) {
    this.task = new Task(host, {
      args: () => {
        const now = source.relationship();
        const change = now ? whatIfChange(source.draft(), now, source.asOf() || undefined) : {};
        return [source.vendorId(), isNoChange(change) ? '' : JSON.stringify(change)] as const;
      },
      task: async ([id, change], { signal }) => {
        if (!change) return undefined;
        await pause(WHAT_IF_DEBOUNCE_MS, signal);
        return source.api().whatIf(id, JSON.parse(change) as object, { signal });
      },
    });
  }
}
