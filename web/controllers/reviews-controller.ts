/**
 * The vendor page's procurement review: the review status as of the page's day, the decisions
 * (latest first, with their conditions), and for analysts the review cadence and the findings a
 * decision of a given day could turn into conditions (those of the score as of that day, which
 * is the score the server freezes). A save Task records a decision or changes a condition; the
 * section's events are heard on the host, so the page only places the pieces. After a save the
 * status and the decisions reload, and the page reloads what else changed (`afterChange`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { VendorScore } from '../../server/http/contract.ts';
import type { ApiClient, Cadence, ConditionChange, Review, ReviewBody, ReviewStatus } from '../api/client.ts';
import { ApiError, fieldErrorPaths, fieldErrors, isEditConflict } from '../api/api-error.ts';
import { conditionOutcome, decisionOutcome } from '../reviews.ts';
import type { ConditionChangeRequested, ConditionEditMode, ConditionEditRequested, DecisionDayChanged, DecisionSubmitted } from '../review-events.ts';

export type ReviewAction =
  | { readonly kind: 'decision'; readonly body: ReviewBody }
  // `version`: the condition's as listed when the change was asked for (sent as If-Match).
  | { readonly kind: 'condition'; readonly id: number; readonly patch: ConditionChange; readonly version: number | undefined };

export interface ReviewsSource {
  readonly api: () => ApiClient;
  readonly vendorId: () => number;
  /** The page's "as of" day ('' for today): the status is computed for it. */
  readonly asOf: () => string;
  /** Whether the caller may record decisions: only then are the cadence and the findings loaded. */
  readonly editable: () => boolean;
  readonly vendorName: () => string;
  /** Reload what a save touched outside the section (the vendor's status and next review, its change history). */
  readonly afterChange: () => Promise<void>;
}

/** The failure in words when the server named no field (a field's message shows beside the field). */
function failureOf(error: unknown, named: number): string {
  if (error === undefined || named > 0) return '';
  if (error instanceof ApiError && error.code === 'forbidden') return 'Your role may not record decisions or change conditions: analysts and admins may.';
  if (isEditConflict(error)) return `${error.message} The list now shows their version: make your change again if it still applies.`;
  return error instanceof Error ? error.message : String(error);
}

export class ReviewsController implements ReactiveController {
  readonly status: Task<readonly [number, string], ReviewStatus>;
  readonly list: Task<readonly [number], Review[]>;
  readonly cadence: Task<readonly [boolean], Cadence | undefined>;
  /** The score as of the decision form's day: its findings may become conditions. */
  readonly findings: Task<readonly [number, string, boolean], VendorScore | undefined>;
  readonly save: Task<readonly [ReviewAction], ReviewAction>;
  /** The condition whose small form is open, and which one. */
  editing: { readonly id: number; readonly mode: ConditionEditMode } | null = null;
  /** The last save that went through, in words, and where it shows. */
  said: { readonly section: 'decision' | 'conditions'; readonly text: string } | null = null;
  /** The last failed save (cleared when another is sent or a form opens). */
  error: unknown = undefined;
  /** How many saves the server refused: a form moves focus to its first error on each. */
  refusals = 0;
  /** How many decisions were recorded here: the form starts a fresh draft on each. */
  recorded = 0;
  sent: ReviewAction | null = null;
  /** The vendor the section last showed: another one starts with nothing open and nothing said. */
  private _shown = 0;
  /** The decision form's "decided on" day for this vendor ('' for today). */
  private _day = { vendorId: 0, day: '' };
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _source: ReviewsSource;

  constructor(host: ReactiveControllerHost & HTMLElement, source: ReviewsSource) {
    this._host = host;
    this._source = source;
    host.addController(this);
    this.status = new Task(host, {
      args: () => [source.vendorId(), source.asOf()] as const,
      task: ([id, asOf], { signal }) => source.api().reviewStatus(id, asOf || undefined, { signal }),
    });
    this.list = new Task(host, {
      args: () => [source.vendorId()] as const,
      task: ([id], { signal }) => source.api().reviews(id, { signal }),
    });
    this.cadence = new Task(host, {
      args: () => [source.editable()] as const,
      task: ([editable], { signal }) => (editable ? source.api().reviewCadence({ signal }) : Promise.resolve(undefined)),
    });
    this.findings = new Task(host, {
      args: () => [source.vendorId(), this.decisionDay, source.editable()] as const,
      task: ([id, day, editable], { signal }) => (editable ? source.api().score(id, day || undefined, { signal }) : Promise.resolve(undefined)),
    });
    this.save = new Task(host, {
      autoRun: false,
      task: async ([action]) => {
        const api = source.api();
        if (action.kind === 'decision') await api.createReview(source.vendorId(), action.body);
        else if (action.version === undefined) throw new Error('This condition is no longer listed; reload the page.');
        else await api.updateCondition(action.id, action.patch, action.version);
        return action;
      },
      onComplete: (action) => {
        if (action.kind === 'decision') this.recorded++;
        else this.editing = null;
        // Said once the section shows the result, so that the words and the lists agree.
        void this.reload(true).finally(() => {
          this.said =
            action.kind === 'decision'
              ? { section: 'decision', text: decisionOutcome(action.body, source.vendorName()) }
              : { section: 'conditions', text: conditionOutcome(action.patch) };
          this._host.requestUpdate();
        });
      },
      onError: (e) => {
        this.error = e;
        this.refusals++;
        // A condition someone else changed since it was listed: list theirs, so that the next try is made against it.
        if (isEditConflict(e)) void this.list.run();
      },
    });
  }

  hostConnected(): void {
    this._host.addEventListener('decision-submitted', this._onDecision);
    this._host.addEventListener('decision-day-changed', this._onDay);
    this._host.addEventListener('condition-edit-requested', this._onEdit);
    this._host.addEventListener('condition-edit-cancelled', this._onCancel);
    this._host.addEventListener('condition-change-requested', this._onChange);
  }

  hostUpdate(): void {
    const id = this._source.vendorId();
    if (id === this._shown) return;
    this._shown = id;
    this.editing = null;
    this.said = null;
    this.error = undefined;
    this.sent = null;
  }

  hostDisconnected(): void {
    this._host.removeEventListener('decision-submitted', this._onDecision);
    this._host.removeEventListener('decision-day-changed', this._onDay);
    this._host.removeEventListener('condition-edit-requested', this._onEdit);
    this._host.removeEventListener('condition-edit-cancelled', this._onCancel);
    this._host.removeEventListener('condition-change-requested', this._onChange);
  }

  get decisionDay(): string {
    return this._day.vendorId === this._source.vendorId() ? this._day.day : '';
  }

  get busy(): boolean {
    return this.save.status === TaskStatus.PENDING;
  }

  /** The server's errors of the last decision refused, by path (`conditions.0.findingId`), in words. */
  get decisionErrors(): Record<string, string> {
    return this.sent?.kind === 'decision' ? fieldErrorPaths(this.error) : {};
  }

  /** The server's errors of the last condition change refused, by field. */
  get conditionErrors(): Record<string, string> {
    return this.sent?.kind === 'condition' ? fieldErrors(this.error) : {};
  }

  failure(kind: ReviewAction['kind']): string {
    if (this.sent?.kind !== kind) return '';
    return failureOf(this.error, Object.keys(kind === 'decision' ? this.decisionErrors : this.conditionErrors).length);
  }

  notice(section: 'decision' | 'conditions'): string {
    return this.said?.section === section ? this.said.text : '';
  }

  /** The status and the decisions again (after an edit elsewhere on the page, the status may change too); with `all`, what the page reloads as well. */
  async reload(all = false): Promise<void> {
    await Promise.all([this.status.run(), this.list.run(), all ? this._source.afterChange() : undefined]);
  }

  private _submit(action: ReviewAction): void {
    if (this.busy) return;
    this.sent = action;
    this.error = undefined;
    this.said = null;
    void this.save.run([action]);
  }

  private readonly _onDecision = (e: DecisionSubmitted) => {
    e.stopPropagation();
    this._submit({ kind: 'decision', body: e.body });
  };

  private readonly _onDay = (e: DecisionDayChanged) => {
    e.stopPropagation();
    this._day = { vendorId: this._source.vendorId(), day: e.day };
    this._host.requestUpdate();
  };

  private readonly _onEdit = (e: ConditionEditRequested) => {
    e.stopPropagation();
    this.editing = { id: e.conditionId, mode: e.mode };
    if (this.sent?.kind === 'condition') this.error = undefined;
    this.said = null;
    this._host.requestUpdate();
  };

  private readonly _onCancel = (e: Event) => {
    e.stopPropagation();
    this.editing = null;
    this._host.requestUpdate();
  };

  private readonly _onChange = (e: ConditionChangeRequested) => {
    e.stopPropagation();
    const listed = this.list.value?.flatMap((r) => r.conditions).find((c) => c.id === e.conditionId);
    this._submit({ kind: 'condition', id: e.conditionId, patch: e.patch, version: listed?.version });
  };
}
