/**
 * The analyst's upload form for an evidence document: the kind, then that kind's fields, then the
 * file. The server's refusals show beside their fields (`body.meta.periodEnd` → Period end,
 * `body.file` → File) and focus moves to the first after each refused upload.
 *
 * @fires document-upload-requested - the form was submitted: the metadata and the file
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DocumentUploadRequested } from '../document-events.ts';
import { KIND_FIELDS, KIND_LABELS, metaFromForm, type DocumentKind, type KindField } from '../documents.ts';
import { errorsChanged, focusFirstError } from './edit-form.ts';
import { field, outcomes, selectField, submitButton } from './form-field.ts';
import { formElement } from '../styles/forms.ts';

const KINDS = Object.keys(KIND_LABELS) as DocumentKind[];

@customElement('vr-document-form')
export class DocumentForm extends LitElement {
  static override styles = [
    ...formElement,
    css`
      #doc-kind {
        max-width: 20rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0 14px;
      }
    `,
  ];

  /** The server's messages by field (`periodEnd`, `file`, `meta`…). */
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property() done = '';
  @property({ type: Boolean }) busy = false;

  @state() private _kind: DocumentKind = 'soc2';

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refusals') && changed.get('refusals') !== undefined) focusFirstError(this.renderRoot);
    // After an upload the form starts empty again.
    if (changed.has('done') && this.done) {
      const form = this.renderRoot.querySelector('form');
      form?.reset();
      // The kind stays as chosen (the next document is often of the same kind).
      const kind = form?.elements.namedItem('kind');
      if (kind instanceof HTMLSelectElement) kind.value = this._kind;
    }
  }

  override render() {
    return html`<form method="post" novalidate aria-labelledby="doc-form-title" @submit=${this._onSubmit} @change=${this._onChange}>
      <h3 id="doc-form-title">Upload a document</h3>
      ${outcomes(this.done, this.failure || (this.errors.meta ?? ''))}
      ${selectField({
        id: 'doc-kind',
        name: 'kind',
        label: 'Kind',
        value: this._kind,
        options: KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
        error: this.errors.kind,
      })}
      <div class="grid">${KIND_FIELDS[this._kind].map((f) => this._field(f))}</div>
      <div class="field">
        <label for="doc-file">File</label>
        <input
          id="doc-file"
          name="file"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
          aria-invalid=${this.errors.file ? 'true' : 'false'}
          aria-describedby=${this.errors.file ? 'doc-file-hint doc-file-error' : 'doc-file-hint'}
        />
        <p class="hint" id="doc-file-hint">PDF, PNG, JPEG or plain text, at most 20 MB. It is checked by its content, not its name, and only ever offered back as a download.</p>
        ${this.errors.file ? html`<p class="field-error" id="doc-file-error">${this.errors.file}</p>` : nothing}
      </div>
      <div class="actions">${submitButton(this.busy, 'Upload', 'Uploading…')}</div>
    </form>`;
  }

  private _field(f: KindField) {
    const id = `doc-${f.name}`;
    const error = this.errors[f.name];
    if (f.type === 'select')
      return selectField({ id, name: f.name, label: f.label, options: f.options ?? [], value: f.options?.[0]?.value, error, hint: f.hint });
    if (f.type === 'checkbox') {
      return html`<div class="field">
        <label class="check"><input type="checkbox" id=${id} name=${f.name} value="yes" aria-invalid=${error ? 'true' : 'false'} />${f.label}</label>
        ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
      </div>`;
    }
    return field({
      id,
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required,
      hint: f.hint,
      error,
      ...(f.type === 'number' ? { min: 0, inputmode: 'numeric' as const } : {}),
    });
  }

  /** The kind's select decides which fields show. */
  private _onChange(e: Event): void {
    const t = e.target as HTMLSelectElement;
    if (t.name === 'kind') this._kind = t.value as DocumentKind;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get('file');
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' ? v : null;
    };
    const meta = metaFromForm(this._kind, text);
    this.dispatchEvent(new DocumentUploadRequested(meta, file instanceof File ? file : new File([], '')));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-document-form': DocumentForm;
  }
}
