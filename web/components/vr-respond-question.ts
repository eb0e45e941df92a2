/**
 * One question of the response page, editable: a control per answer type (yes/no and choices as
 * radio buttons, several choices as checkboxes, number, date, text, a table of rows), its help and
 * its error beside it. Every change goes up as an AnswerEdited event (undefined: no answer); the
 * page keeps the drafts and saves them. All text is rendered as text, never as HTML.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Question } from '../../server/domain/questionnaire.ts';
import type { RespondView } from '../../server/domain/questionnaire-requests.ts';
import { DocumentUploadRequested } from '../document-events.ts';
import { KIND_LABELS, sizeText, type DocumentKind } from '../documents.ts';
import { controls, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import './vr-document-form.ts';

/** A document uploaded through the request, as the response API lists it. */
export type RespondDocument = RespondView['documents'][number];

/** The upload form's state for one document question (the page uploads; the form shows the outcome). */
export interface UploadState {
  readonly errors: Readonly<Record<string, string>>;
  readonly refusals: number;
  readonly failure: string;
  readonly done: string;
  readonly busy: boolean;
}
export const NO_UPLOAD: UploadState = { errors: {}, refusals: 0, failure: '', done: '', busy: false };

/** A document question's form asked for this file to be attached (the page uploads it, then chooses it as the answer). */
export class DocumentAttachRequested extends Event {
  static readonly type = 'document-attach-requested';
  readonly questionId: string;
  readonly meta: Record<string, unknown>;
  readonly file: File;
  constructor(questionId: string, meta: Record<string, unknown>, file: File) {
    super(DocumentAttachRequested.type, { bubbles: true, composed: true });
    this.questionId = questionId;
    this.meta = meta;
    this.file = file;
  }
}

type Row = Record<string, unknown>;
type Column = NonNullable<Question['columns']>[number];

/** A question's answer was changed in the page (not saved yet). */
export class AnswerEdited extends Event {
  static readonly type = 'answer-edited';
  readonly questionId: string;
  readonly value: unknown;
  constructor(questionId: string, value: unknown) {
    super(AnswerEdited.type, { bubbles: true, composed: true });
    this.questionId = questionId;
    this.value = value;
  }
}

declare global {
  interface HTMLElementEventMap {
    'answer-edited': AnswerEdited;
    'document-attach-requested': DocumentAttachRequested;
  }
  interface HTMLElementTagNameMap {
    'vr-respond-question': RespondQuestion;
  }
}

@customElement('vr-respond-question')
export class RespondQuestion extends LitElement {
  static override styles = [
    controls,
    srOnly,
    forms,
    css`
      :host {
        display: block;
      }
      .help {
        margin: 0 0 6px;
        color: var(--vr-ink-muted);
        font-size: 0.9rem;
      }
      .required {
        font-weight: 400;
        color: var(--vr-ink-muted);
      }
      .radios {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 18px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-bottom: 6px;
      }
      th,
      td {
        text-align: left;
        padding: 4px 6px 4px 0;
        vertical-align: top;
      }
      td input,
      td select {
        width: 100%;
        min-width: 6em;
        height: 32px;
      }
      .feeds {
        font-size: 0.85rem;
        color: var(--vr-ink-muted);
        margin: 4px 0 0;
      }
    `,
  ];

  @property({ attribute: false }) question!: Question;
  @property({ attribute: false }) value: unknown = undefined;
  @property() error = '';
  /** The documents uploaded through this request: a document answer chooses among them. */
  @property({ attribute: false }) documents: readonly RespondDocument[] = [];
  @property({ attribute: false }) upload: UploadState = NO_UPLOAD;

  private get _id() {
    return `q-${this.question.id}`;
  }

  private _emit(value: unknown): void {
    this.dispatchEvent(new AnswerEdited(this.question.id, value));
  }

  override render() {
    const q = this.question;
    const described = [q.help ? `${this._id}-help` : '', this.error ? `${this._id}-error` : ''].filter(Boolean).join(' ') || undefined;
    const req = q.required ? html` <span class="required">(required)</span>` : nothing;
    // What the answer feeds in the score, said to the vendor as to the analyst: the questions that count are no secret.
    const notes = html`${q.help ? html`<p class="help" id=${`${this._id}-help`}>${q.help}</p>` : nothing}
      ${q.feeds.length > 0 ? html`<p class="feeds">Feeds: ${q.feeds.join(' · ')}</p>` : nothing}
      ${this.error ? html`<p class="field-error" id=${`${this._id}-error`}>${this.error}</p>` : nothing}`;
    if (q.type === 'yes-no' || q.type === 'choice' || q.type === 'multi-choice' || q.type === 'rows' || q.type === 'document') {
      return html`<fieldset class="field" aria-describedby=${ifDefined(described)} aria-invalid=${this.error ? 'true' : 'false'}>
        <legend>${q.text}${req}</legend>
        ${notes} ${this._group(q)}
      </fieldset>`;
    }
    return html`<div class="field">
      <label for=${this._id}>${q.text}${req}</label>
      ${notes} ${this._single(q, described)}
    </div>`;
  }

  private _single(q: Question, described: string | undefined) {
    const v = this.value;
    const invalid = this.error ? 'true' : 'false';
    if (q.type === 'number') {
      return html`<input id=${this._id} type="number" min="0" step="any" inputmode="decimal" .value=${typeof v === 'number' ? String(v) : ''}
        aria-invalid=${invalid} aria-describedby=${ifDefined(described)}
        @input=${(e: Event) => {
          const t = (e.target as HTMLInputElement).value.trim();
          this._emit(t === '' ? undefined : Number(t));
        }} />`;
    }
    if (q.type === 'date') {
      return html`<input id=${this._id} type="date" .value=${typeof v === 'string' ? v : ''} aria-invalid=${invalid} aria-describedby=${ifDefined(described)}
        @input=${(e: Event) => this._emit((e.target as HTMLInputElement).value || undefined)} />`;
    }
    return html`<textarea id=${this._id} rows="3" maxlength="4000" .value=${typeof v === 'string' ? v : ''} aria-invalid=${invalid} aria-describedby=${ifDefined(described)}
      @input=${(e: Event) => this._emit((e.target as HTMLTextAreaElement).value === '' ? undefined : (e.target as HTMLTextAreaElement).value)}></textarea>`;
  }

  private _group(q: Question) {
    const v = this.value;
    const name = this._id;
    if (q.type === 'yes-no') {
      return html`<div class="radios">
        ${[true, false].map(
          (b) => html`<label class="check"><input type="radio" name=${name} .checked=${v === b} @change=${() => this._emit(b)} />${b ? 'Yes' : 'No'}</label>`,
        )}
      </div>`;
    }
    if (q.type === 'choice') {
      return html`<div class="radios">
        ${(q.options ?? []).map(
          (o) =>
            html`<label class="check"><input type="radio" name=${name} .checked=${v === o.value} @change=${() => this._emit(o.value)} />${o.label}</label>`,
        )}
      </div>`;
    }
    if (q.type === 'multi-choice') {
      const picked = Array.isArray(v) ? (v as string[]) : [];
      return html`<div class="radios">
        ${(q.options ?? []).map(
          (o) => html`<label class="check"><input type="checkbox" name=${name} .checked=${picked.includes(o.value)}
              @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                const next = (q.options ?? []).map((x) => x.value).filter((x) => (x === o.value ? on : picked.includes(x)));
                this._emit(next.length ? next : undefined);
              }} />${o.label}</label>`,
        )}
      </div>`;
    }
    if (q.type === 'document') return this._documents(q);
    return this._rows(q);
  }

  /** The uploaded documents to choose from (by file name, never their content), then a form to upload another. */
  private _documents(q: Question) {
    const picked = Array.isArray(this.value) ? (this.value as number[]) : [];
    const u = this.upload;
    return html`${
      this.documents.length
        ? html`<div class="radios" role="group" aria-label="Documents given as the answer">
            ${this.documents.map(
              (d) => html`<label class="check"><input type="checkbox" name=${this._id} .checked=${picked.includes(d.id)}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const next = this.documents.map((x) => x.id).filter((x) => (x === d.id ? on : picked.includes(x)));
                    this._emit(next.length ? next : undefined);
                  }} />${d.fileName} (${KIND_LABELS[d.kind as DocumentKind] ?? d.kind}, ${sizeText(d.size)})</label>`,
            )}
          </div>`
        : html`<p class="help">No document attached yet.</p>`
    }
      <div @document-upload-requested=${(e: DocumentUploadRequested) => {
        e.stopPropagation();
        this.dispatchEvent(new DocumentAttachRequested(q.id, e.meta, e.file));
      }}>
        <vr-document-form .errors=${u.errors} refusals=${u.refusals} failure=${u.failure} done=${u.done} ?busy=${u.busy}></vr-document-form>
      </div>`;
  }

  private _rows(q: Question) {
    const rows = Array.isArray(this.value) ? (this.value as Row[]) : [];
    const cols = q.columns ?? [];
    const set = (i: number, c: Column, cell: unknown) => {
      const next = rows
        .map((r, j) => (j === i ? { ...r, [c.id]: cell } : r))
        .map((r) => Object.fromEntries(Object.entries(r).filter(([, x]) => x !== undefined && x !== '')));
      this._emit(next);
    };
    return html`${
      rows.length
        ? html`<table>
            <thead>
              <tr>
                ${cols.map((c) => html`<th scope="col">${c.label}${c.required ? ' (required)' : ''}</th>`)}
                <th scope="col"><span class="sr-only">Remove</span></th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r, i) => html`<tr>
                  ${cols.map((c) => html`<td>${this._cell(c, r[c.id], `${c.label}, row ${i + 1}`, (x) => set(i, c, x))}</td>`)}
                  <td><button type="button" class="secondary" @click=${() => this._emit(rows.length > 1 ? rows.filter((_, j) => j !== i) : undefined)}>Remove row ${i + 1}</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="help">No rows yet.</p>`
    }
      <button type="button" class="secondary" @click=${() => this._emit([...rows, {}])}>Add a row</button>`;
  }

  private _cell(c: Column, v: unknown, label: string, set: (v: unknown) => void) {
    if (c.type === 'yes-no' || c.type === 'choice') {
      const options =
        c.type === 'yes-no'
          ? [
              { value: 'true', label: 'Yes' },
              { value: 'false', label: 'No' },
            ]
          : (c.options ?? []);
      const current = v === undefined || v === null ? '' : String(v);
      return html`<select aria-label=${label} @change=${(e: Event) => {
        const x = (e.target as HTMLSelectElement).value;
        set(x === '' ? undefined : c.type === 'yes-no' ? x === 'true' : x);
      }}>
        <option value="" ?selected=${current === ''}>—</option>
        ${options.map((o) => html`<option value=${o.value} ?selected=${current === o.value}>${o.label}</option>`)}
      </select>`;
    }
    if (c.type === 'number') {
      return html`<input type="number" min="0" step="any" aria-label=${label} .value=${typeof v === 'number' ? String(v) : ''}
        @input=${(e: Event) => {
          const t = (e.target as HTMLInputElement).value.trim();
          set(t === '' ? undefined : Number(t));
        }} />`;
    }
    return html`<input type="text" maxlength="500" aria-label=${label} .value=${typeof v === 'string' ? v : ''} @input=${(e: Event) => set((e.target as HTMLInputElement).value)} />`;
  }
}
