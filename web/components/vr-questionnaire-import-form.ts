/**
 * Analysts import a vendor's completed CAIQ v4 or SIG Lite answer sheet: the file (XLSX or CSV),
 * its format (told by its columns unless chosen) and the day its answers are known from. A refusal's
 * problems show beside the field they concern: unknown or missing columns beside the file.
 *
 * @fires questionnaire-import-requested - the file, its name, the format and the day
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ImportFormat } from '../../server/domain/questionnaire-import.ts';
import { QuestionnaireImportRequested } from '../questionnaire-import-events.ts';
import { FORMAT_LABEL, importProblems } from '../questionnaire-imports.ts';
import { formElement } from '../styles/forms.ts';
import { field, formText, outcomes, selectField, submitButton } from './form-field.ts';

@customElement('vr-questionnaire-import-form')
export class QuestionnaireImportForm extends LitElement {
  static override styles = [
    ...formElement,
    css`
      ul.file-problems {
        margin: 4px 0 0;
        padding-left: 1.2em;
      }
    `,
  ];

  @property({ type: Boolean }) busy = false;
  /** The last refusal (an ApiError), shown beside the fields. */
  @property({ attribute: false }) error: unknown;
  /** What the last import did, in words ('' for nothing yet). */
  @property() done = '';
  @state() private _missing = false;
  @query('#q-file') private _file!: HTMLInputElement;

  override render() {
    const p = importProblems(this.error);
    const fileError = this._missing ? ['Choose an answer sheet first.'] : p.file;
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="q-form-title">
      <h3 id="q-form-title">Import an answer sheet</h3>
      <div class="field">
        <label for="q-file">Completed CAIQ v4 or SIG Lite sheet (.xlsx or .csv)</label>
        <input
          id="q-file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid=${fileError.length > 0 ? 'true' : 'false'}
          aria-describedby=${fileError.length > 0 ? 'q-file-error' : nothing}
          @change=${() => (this._missing = false)}
        />
        ${
          fileError.length > 0
            ? html`<div class="field-error" id="q-file-error">
              ${fileError[0]}${fileError.length > 1 ? html`<ul class="file-problems">${fileError.slice(1).map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
            </div>`
            : nothing
        }
      </div>
      ${selectField({
        id: 'q-format',
        name: 'format',
        label: 'Format',
        hint: 'Told by the sheet’s header columns unless you choose.',
        error: p.format,
        options: [
          { value: '', label: 'Recognise from the columns' },
          ...(Object.keys(FORMAT_LABEL) as ImportFormat[]).map((f) => ({ value: f, label: FORMAT_LABEL[f] })),
        ],
      })}
      ${field({ id: 'q-known-from', name: 'knownFrom', type: 'date', label: 'Answers known from', hint: 'The day the vendor answered; today when left empty.', error: p.knownFrom })}
      <div class="actions">${submitButton(this.busy, 'Import sheet', 'Importing…')}</div>
      ${outcomes(this.done, p.general ?? '')}
    </form>`;
  }

  private readonly _onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.busy) return;
    const file = this._file.files?.[0];
    if (!file) {
      this._missing = true;
      await this.updateComplete;
      this._file.focus();
      return;
    }
    const form = e.currentTarget as HTMLFormElement;
    const format = formText(form, 'format');
    this.dispatchEvent(new QuestionnaireImportRequested(file, file.name, format === '' ? null : (format as ImportFormat), formText(form, 'knownFrom')));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-import-form': QuestionnaireImportForm;
  }
}
