/**
 * The vendor page's analyst edits: which dialog is open, a Task that runs the change asked for
 * (create, update or delete an incident or a subprocessor, replace the MFA posture, change the
 * relationship), its outcome in words, and the list of vendors a subprocessor may be linked to
 * (loaded the first time that form opens). The page refreshes what a change touched (`afterSave`).
 */
import type { ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { isEditConflict } from '../api/api-error.ts';
import { editOutcome, subprocessorPatch, type VendorEdit } from '../vendor-edits.ts';
import type { EditTarget } from '../vendor-events.ts';

export type OpenDialog =
  | { readonly kind: Exclude<EditTarget, 'mfa' | 'relationship' | 'subprocessor-incident'>; readonly id: number | null }
  | { readonly kind: 'subprocessor-incident'; readonly id: number }
  | { readonly kind: 'mfa' | 'relationship' }
  | { readonly kind: 'delete'; readonly what: 'incident' | 'subprocessor'; readonly id: number; readonly label: string };

export interface EditsSource {
  readonly api: () => ApiClient;
  readonly vendorId: () => number;
  /** Reload what the change touched; the dialog is closed by then. */
  readonly afterSave: (edit: VendorEdit) => Promise<void>;
}

/** Not a ReactiveController itself: its Tasks are, and they hook into the host's updates. */
export class VendorEditsController {
  dialog: OpenDialog | null = null;
  /** The last change that went through, and the section it belongs to. */
  said: ReturnType<typeof editOutcome> | null = null;
  /** The last failed save of the dialog open now (cleared when a dialog opens). */
  error: unknown = undefined;
  /** How many saves the server refused (a form moves focus to its first error on each). */
  refusals = 0;
  /** The edit last sent, to map the server's errors back to the form that sent it. */
  sent: VendorEdit | null = null;
  readonly save: Task<readonly [VendorEdit], VendorEdit>;
  readonly vendors: Task<readonly [], Array<{ id: number; name: string }>>;
  private readonly _host: ReactiveControllerHost;
  private readonly _source: EditsSource;

  constructor(host: ReactiveControllerHost, source: EditsSource) {
    this._host = host;
    this._source = source;
    this.save = new Task(host, {
      autoRun: false,
      task: async ([edit]) => {
        await this._run(source.api(), source.vendorId(), edit);
        return edit;
      },
      onComplete: (edit) => {
        this.dialog = null;
        // Said once the page shows the result, so that the words and the lists agree.
        void source.afterSave(edit).finally(() => {
          this.said = editOutcome(edit);
          this._host.requestUpdate();
        });
      },
      onError: (e) => {
        this.error = e;
        this.refusals++;
      },
    });
    this.vendors = new Task(host, {
      autoRun: false,
      task: async (_, { signal }) => (await source.api().vendors({ limit: 1000 }, { signal })).items.map((v) => ({ id: v.id, name: v.name })),
    });
  }

  get busy(): boolean {
    return this.save.status === TaskStatus.PENDING;
  }

  open(dialog: OpenDialog): void {
    this.dialog = dialog;
    this.error = undefined;
    this.said = null;
    if (dialog.kind === 'subprocessor' && this.vendors.status === TaskStatus.INITIAL) void this.vendors.run([]);
    this._host.requestUpdate();
  }

  close(): void {
    this.dialog = null;
    this._host.requestUpdate();
  }

  submit(edit: VendorEdit): void {
    if (this.busy) return;
    this.sent = edit;
    this.error = undefined;
    void this.save.run([edit]);
  }

  /**
   * After a 412: the dialog's record as it is now, reloaded, in a fresh form (what was typed is
   * dropped: the analyst chose theirs).
   */
  async reloadTheirs(): Promise<void> {
    const open = this.dialog;
    const sent = this.sent;
    if (!open || !sent) return;
    this.dialog = null;
    this.error = undefined;
    this._host.requestUpdate();
    await this._source.afterSave(sent);
    this.open(open);
  }

  /** After a 412: the same change again, made against the version the server now has. */
  reapply(): void {
    const sent = this.sent;
    const current = isEditConflict(this.error) ? (this.error.current as { version?: unknown } | undefined) : undefined;
    if (!sent || typeof current?.version !== 'number') return;
    this.submit({ ...sent, version: current.version });
  }

  private async _run(api: ApiClient, vendorId: number, edit: VendorEdit): Promise<unknown> {
    const version = () => {
      // Every form of a stored record says which version it was opened on; never a blind overwrite.
      if (edit.version === undefined) throw new Error('This form did not say which version of the record it edits; reload the page.');
      return edit.version;
    };
    switch (edit.kind) {
      case 'incident':
        return edit.id === null ? api.createIncident(vendorId, edit.body) : api.updateIncident(edit.id, edit.body, version());
      case 'subprocessor':
        return edit.id === null ? api.createSubprocessor(vendorId, edit.body) : api.updateSubprocessor(edit.id, subprocessorPatch(edit.body), version());
      case 'subprocessor-incident':
        return api.createSubprocessorIncident(edit.subprocessorId, edit.body);
      case 'mfa':
        return api.putMfa(vendorId, edit.posture, version());
      case 'relationship':
        return api.updateVendor(vendorId, edit.patch, version());
      case 'delete-incident':
        return api.deleteIncident(edit.id, version());
      case 'delete-subprocessor':
        return api.deleteSubprocessor(edit.id, version());
    }
  }
}
