/**
 * The dossier's evidence documents: the list (metadata only) and the analyst's upload. An upload
 * that went through reloads the list and lets the page reload what it changes (a lapsed report is
 * a gap in the score and may reopen the review); a refused one leaves the server's messages by field.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { ApiError } from '../api/api-error.ts';
import { KIND_LABELS, uploadErrors, type Document, type DocumentKind } from '../documents.ts';

export interface DocumentsSource {
  readonly api: () => ApiClient;
  readonly vendorId: () => number;
  /** Reload what an upload changes outside the list (score, review status, change history). */
  readonly afterUpload: () => Promise<void>;
}

export class DocumentsController implements ReactiveController {
  readonly list: Task<readonly [number], Document[]>;
  errors: Readonly<Record<string, string>> = {};
  refusals = 0;
  failure = '';
  done = '';
  busy = false;
  private readonly _host: ReactiveControllerHost;
  private readonly _src: DocumentsSource;

  constructor(host: ReactiveControllerHost, src: DocumentsSource) {
    this._host = host;
    this._src = src;
    host.addController(this);
    this.list = new Task(host, { args: () => [src.vendorId()] as const, task: ([id], { signal }) => src.api().documents(id, { signal }) });
  }

  hostConnected(): void {}

  async upload(meta: Record<string, unknown>, file: File): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = '';
    this.done = '';
    this._host.requestUpdate();
    try {
      const d = await this._src.api().uploadDocument(this._src.vendorId(), meta, file, file.name);
      this.errors = {};
      this.done = `Uploaded ${d.fileName} as ${KIND_LABELS[meta.kind as DocumentKind] ?? 'a document'}.`;
      await Promise.all([this.list.run(), this._src.afterUpload()]);
    } catch (e) {
      const named = e instanceof ApiError ? uploadErrors(e.fields) : {};
      // With no file chosen, the browser sends an empty one: say so beside the file field.
      if (e instanceof ApiError && e.code === 'document-type-refused') named.file ??= 'Not a PDF, PNG, JPEG or plain text file.';
      this.errors = named;
      this.failure = Object.keys(named).length > 0 ? 'The document was not uploaded: see the fields marked.' : e instanceof Error ? e.message : String(e);
      this.refusals++;
    } finally {
      this.busy = false;
      this._host.requestUpdate();
    }
  }
}
