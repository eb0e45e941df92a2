/** Events of the vendor page's standard questionnaire imports: the form and list ask, the page's controller does. */
import type { ImportFormat } from '../server/domain/questionnaire-import.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** Import this answer sheet (format: null, told by its columns; knownFrom: '' for today). */
export class QuestionnaireImportRequested extends Event {
  static readonly type = 'questionnaire-import-requested';
  readonly file: Blob;
  readonly fileName: string;
  readonly format: ImportFormat | null;
  readonly knownFrom: string;
  constructor(file: Blob, fileName: string, format: ImportFormat | null, knownFrom: string) {
    super(QuestionnaireImportRequested.type, UP);
    this.file = file;
    this.fileName = fileName;
    this.format = format;
    this.knownFrom = knownFrom;
  }
}

/** Show (or hide, when shown) the answers of this import. */
export class QuestionnaireImportToggled extends Event {
  static readonly type = 'questionnaire-import-toggled';
  readonly id: number;
  constructor(id: number) {
    super(QuestionnaireImportToggled.type, UP);
    this.id = id;
  }
}

declare global {
  interface HTMLElementEventMap {
    'questionnaire-import-requested': QuestionnaireImportRequested;
    'questionnaire-import-toggled': QuestionnaireImportToggled;
  }
}
