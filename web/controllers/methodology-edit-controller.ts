/**
 * The methodology page's editor, for admins: the draft of a new version (from the version in
 * force), a Task that ranks the portfolio under the draft beside the version in force (POST
 * /methodology/preview and the heatmap, the same day), and one that stores it (PUT /methodology).
 * A refusal of either keeps the draft and places the server's errors beside its fields.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Methodology, MethodologyBody } from '../api/client.ts';
import { ApiError, fieldErrorPaths } from '../api/api-error.ts';
import { rankings, type Rankings } from '../ranking-diff.ts';
import { draftBody, draftOf, placeErrors, type MethodologyDraft } from '../methodology-draft.ts';

export interface MethodologyEditSource {
  readonly api: () => ApiClient;
  /** The day the rankings are compared on ('' for today). */
  readonly asOf: () => string;
  /** After a version was stored: reload the page's methodology and rankings. */
  readonly afterSave: (saved: Methodology) => Promise<void>;
}

export class MethodologyEditController implements ReactiveController {
  draft: MethodologyDraft | undefined;
  /** The version the draft started from. */
  inForce = '';
  /** The last refusal (of a save or a comparison); how many so far (focus moves to the first error on each). */
  error: unknown = undefined;
  refusals = 0;
  /** What the last save did, in words. */
  said = '';
  readonly compare: Task<readonly [MethodologyDraft, string], { readonly asOf: string; readonly rankings: Rankings }>;
  readonly save: Task<readonly [MethodologyDraft], Methodology>;
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost, source: MethodologyEditSource) {
    this._host = host;
    host.addController(this);
    this.compare = new Task(host, {
      autoRun: false,
      task: async ([draft, asOf], { signal }) => {
        const day = asOf || undefined;
        const [now, next] = await Promise.all([source.api().heatmap(day, { signal }), source.api().previewMethodology(draftBody(draft), day, { signal })]);
        const columns = [
          { policy: `in force: ${this.inForce}`, inForce: true, rows: now.rows },
          { policy: `draft: ${draft.version.trim() || '(no label)'}`, inForce: false, rows: next.rows },
        ];
        return { asOf: now.asOf, rankings: rankings(columns) };
      },
      onError: (e) => this._refused(e),
    });
    this.save = new Task(host, {
      autoRun: false,
      task: ([draft]) => source.api().putMethodology(draftBody(draft)),
      onComplete: async (saved) => {
        this.said = `Version ${saved.version} is in force. Scores from now on name it; closed quarters stay as they were frozen.`;
        this.close();
        await source.afterSave(saved);
      },
      onError: (e) => this._refused(e),
    });
  }

  hostConnected(): void {}

  get editing(): boolean {
    return this.draft !== undefined;
  }

  /** The server's messages placed beside the draft's fields. */
  get errors(): Record<string, string> {
    return this.draft ? placeErrors(fieldErrorPaths(this.error), this.draft) : {};
  }

  /** The failure in words when the server named no field. */
  get failure(): string {
    const e = this.error;
    if (e === undefined || Object.keys(this.errors).length > 0) return '';
    if (e instanceof ApiError && e.code === 'forbidden') return 'Only admins may change the methodology.';
    return e instanceof Error ? e.message : String(e);
  }

  get busy(): boolean {
    return this.save.status === TaskStatus.PENDING;
  }

  get comparing(): boolean {
    return this.compare.status === TaskStatus.PENDING;
  }

  /** The comparison of the draft as it is now (none once the draft changed, or after a refusal). */
  get comparison(): { readonly asOf: string; readonly rankings: Rankings } | undefined {
    return this.compare.status === TaskStatus.COMPLETE && this._comparedDraft === this.draft ? this.compare.value : undefined;
  }

  private _comparedDraft: MethodologyDraft | undefined;
  private _comparedBody: MethodologyBody | undefined;

  /**
   * The body of the draft last compared, while the draft is unchanged: what its backtest runs on
   * (one object per comparison, so that the backtest runs once per "Compare", not per keystroke).
   */
  get comparedBody(): MethodologyBody | undefined {
    return this._comparedDraft === this.draft ? this._comparedBody : undefined;
  }

  open(m: Methodology): void {
    this.draft = draftOf(m);
    this.inForce = m.version;
    this.error = undefined;
    this.said = '';
    this._comparedDraft = undefined;
    this._host.requestUpdate();
  }

  close(): void {
    this.draft = undefined;
    this.error = undefined;
    this._host.requestUpdate();
  }

  change(d: MethodologyDraft): void {
    this.draft = d;
    this._host.requestUpdate();
  }

  requestCompare(d: MethodologyDraft, asOf: string): void {
    this.draft = d;
    this.error = undefined;
    this._comparedDraft = d;
    this._comparedBody = draftBody(d);
    void this.compare.run([d, asOf]);
  }

  submit(d: MethodologyDraft): void {
    if (this.busy) return;
    this.draft = d;
    this.error = undefined;
    void this.save.run([d]);
  }

  private _refused(e: unknown): void {
    this.error = e;
    this.refusals++;
    this._host.requestUpdate();
  }
}
