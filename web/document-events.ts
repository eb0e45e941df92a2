/** Events of the dossier's documents section: the form says what the analyst asked for; the page uploads. */
const UP: EventInit = { bubbles: true, composed: true };

/** Upload this file with this metadata (as the form read it; the server checks it). */
export class DocumentUploadRequested extends Event {
  static readonly type = 'document-upload-requested';
  readonly meta: Record<string, unknown>;
  readonly file: File;
  constructor(meta: Record<string, unknown>, file: File) {
    super(DocumentUploadRequested.type, UP);
    this.meta = meta;
    this.file = file;
  }
}
