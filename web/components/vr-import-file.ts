/**
 * A labelled file input that reads the chosen file (or files, with `multiple`) as text and says so
 * with an event; optionally a paste area for those who have the text but no file (a spreadsheet's
 * copied cells). Reading a local file is not fetching: what to do with the text is the page's business.
 *
 * @fires import-file-chosen - files were chosen (or text pasted): the first one's name and text, and all of them
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formElement } from '../styles/forms.ts';

export class ImportFileChosen extends Event {
  static readonly type = 'import-file-chosen';
  readonly name: string;
  readonly text: string;
  /** Every file chosen, in the order given (one, unless the input takes several). */
  readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
  constructor(name: string, text: string, files = [{ name, text }]) {
    super(ImportFileChosen.type, { bubbles: true, composed: true });
    this.name = name;
    this.text = text;
    this.files = files;
  }
}

declare global {
  interface HTMLElementEventMap {
    'import-file-chosen': ImportFileChosen;
  }
  interface HTMLElementTagNameMap {
    'vr-import-file': ImportFile;
  }
}

@customElement('vr-import-file')
export class ImportFile extends LitElement {
  static override styles = [
    ...formElement,
    css`
      details {
        margin: 0 0 14px;
      }
      summary {
        cursor: pointer;
        color: var(--vr-accent);
        margin-bottom: 8px;
      }
      textarea {
        max-width: 60rem;
        font-family: var(--vr-font-mono);
        font-size: 0.85rem;
      }
    `,
  ];

  /** Unique within the page: the ids of the input and its hint derive from it. */
  @property() key = 'file';
  @property() label = 'File';
  @property() accept = '';
  @property() hint = '';
  /** When set, a paste area with this label is offered too. */
  @property() pasteLabel = '';
  @property({ type: Boolean }) busy = false;
  /** Whether several files may be chosen at once. */
  @property({ type: Boolean }) multiple = false;
  @state() private _reading = '';
  @query('textarea') private _paste!: HTMLTextAreaElement | null;

  override render() {
    const id = `${this.key}-input`;
    return html`<div class="field">
        <label for=${id}>${this.label}</label>
        <input id=${id} type="file" accept=${this.accept} ?multiple=${this.multiple} aria-describedby=${`${id}-hint`} @change=${this._onChange} />
        <p class="hint" id=${`${id}-hint`}>${this._reading ? `Reading ${this._reading}…` : this.hint}</p>
      </div>
      ${this.pasteLabel ? this._pasteArea() : nothing}`;
  }

  private _pasteArea() {
    const id = `${this.key}-paste`;
    return html`<details>
      <summary>${this.pasteLabel}</summary>
      <div class="field">
        <label for=${id}>Text to check</label>
        <textarea id=${id} rows="6" spellcheck="false"></textarea>
      </div>
      <div class="actions">
        <button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this._onPaste}>Check the pasted text</button>
      </div>
    </details>`;
  }

  private readonly _onChange = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    if (chosen.length === 0) return;
    this._reading = chosen.length === 1 ? chosen[0]!.name : `${chosen.length} files`;
    try {
      const files = await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await f.text() })));
      this.dispatchEvent(new ImportFileChosen(files[0]!.name, files[0]!.text, files));
    } finally {
      this._reading = '';
      // Cleared so that choosing the same file again, once fixed, is a change too.
      input.value = '';
    }
  };

  private readonly _onPaste = () => {
    const text = this._paste?.value ?? '';
    if (this.busy || text.trim() === '') return;
    this.dispatchEvent(new ImportFileChosen('pasted text', text));
  };
}
