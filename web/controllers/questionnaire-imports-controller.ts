/**
 * The vendor page's standard questionnaire imports: the list (a Task per vendor), the answers of
 * the import the analyst opened (a Task per import), and sending a sheet. After an import the list
 * reloads and the page is told (the facts, score and history may have changed).
 */
import type { ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { ApiClient, QuestionnaireImported } from '../api/client.ts';
import type { QuestionnaireImportRequested } from '../questionnaire-import-events.ts';

export interface QuestionnaireImportsSource {
  readonly api: () => ApiClient;
  readonly vendorId: () => number;
  readonly afterImport: () => Promise<void>;
}

export class QuestionnaireImportsController {
  readonly list: Task<readonly [number], QuestionnaireImported['import'][]>;
  readonly detail: Task<readonly [number], Awaited<ReturnType<ApiClient['questionnaireImport']>> | undefined>;
  /** The import whose answers are shown; 0 for none. */
  openId = 0;
  busy = false;
  /** The last refusal, for the form to show beside its fields; undefined after a success. */
  error: unknown;
  /** The last import's outcome, for the form's status line. */
  done: QuestionnaireImported | undefined;
  private readonly _host: ReactiveControllerHost;
  private readonly _source: QuestionnaireImportsSource;

  constructor(host: ReactiveControllerHost, source: QuestionnaireImportsSource) {
    this._host = host;
    this._source = source;
    this.list = new Task(host, {
      args: () => [source.vendorId()] as const,
      task: ([id], { signal }) => source.api().questionnaireImports(id, { signal }),
    });
    this.detail = new Task(host, {
      args: () => [this.openId] as const,
      task: ([id], { signal }) => (id === 0 ? Promise.resolve(undefined) : source.api().questionnaireImport(id, { signal })),
    });
  }

  toggle(id: number): void {
    this.openId = this.openId === id ? 0 : id;
    this._host.requestUpdate();
  }

  async submit(e: QuestionnaireImportRequested): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.done = undefined;
    this._host.requestUpdate();
    try {
      this.done = await this._source.api().importQuestionnaire(this._source.vendorId(), e.file, {
        format: e.format ?? undefined,
        knownFrom: e.knownFrom || undefined,
        fileName: e.fileName || undefined,
      });
      this.error = undefined;
      this.openId = this.done.import.id;
      await Promise.all([this.list.run(), this._source.afterImport()]);
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  }
}
