/**
 * Admins restore an export: the file, how (into an empty database, merged into this one, or
 * replacing everything), and for "replace" a second, explicit step that says what will be lost
 * before anything is sent. The page sends it and hands back the outcome.
 *
 * @fires restore-requested - the export's text and the mode, once confirmed
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { RestoreMode } from '../api/client.ts';
import { RESTORE_MODE_LABEL } from '../imports.ts';
import { formElement } from '../styles/forms.ts';

export class RestoreRequested extends Event {
  static readonly type = 'restore-requested';
  readonly text: string;
  readonly mode: RestoreMode;
  readonly fileName: string;
  constructor(text: string, mode: RestoreMode, fileName: string) {
    super(RestoreRequested.type, { bubbles: true, composed: true });
    this.text = text;
    this.mode = mode;
    this.fileName = fileName;
  }
}

declare global {
  interface HTMLElementEventMap {
    'restore-requested': RestoreRequested;
  }
  interface HTMLElementTagNameMap {
    'vr-restore-form': RestoreForm;
  }
}

const MODE_HINT: Readonly<Record<RestoreMode, string>> = {
  empty: 'Only for a new installation: refused if this database already holds vendors.',
  merge: 'Vendors, incidents and the rest are matched by name, source or reference and updated; the others are added. Nothing is deleted.',
  replace:
    'Deletes every vendor and its evidence, the methodology versions, snapshots and reports here, then writes the export’s. Accounts and the audit log stay.',
};

@customElement('vr-restore-form')
export class RestoreForm extends LitElement {
  static override styles = [
    ...formElement,
    css`
      label.check {
        align-items: flex-start;
      }
      label.check input {
        margin-top: 3px;
        flex: none;
      }
      .mode-hint {
        display: block;
        font-size: 0.82rem;
        color: var(--vr-ink-muted);
      }
      .confirm {
        margin: 0 0 14px;
        padding: 12px 16px;
        border: 1px solid var(--vr-danger-line);
        border-left: 4px solid var(--vr-danger);
        background: var(--vr-danger-soft);
        border-radius: var(--vr-radius);
      }
      .confirm h3 {
        margin: 0 0 4px;
        font-size: 1rem;
        color: var(--vr-danger);
      }
      .confirm p {
        margin: 0 0 10px;
      }
      button.danger.strong {
        background: var(--vr-danger);
        color: var(--vr-surface);
        border-color: var(--vr-danger);
        padding: 7px 16px;
        font-size: 1rem;
      }
      button.danger.strong:hover {
        background: var(--vr-danger);
        text-decoration: underline;
      }
    `,
  ];

  @property({ type: Boolean }) busy = false;
  @state() private _mode: RestoreMode = 'empty';
  @state() private _confirming = false;
  @state() private _missing = false;
  @query('#restore-file') private _file!: HTMLInputElement;
  @query('#restore-confirm') private _confirmButton!: HTMLButtonElement | null;
  @query('#restore-submit') private _submitButton!: HTMLButtonElement | null;

  override render() {
    return html`<form @submit=${this._onSubmit} novalidate>
      <div class="field">
        <label for="restore-file">Export file (.json)</label>
        <input
          id="restore-file"
          type="file"
          accept=".json,application/json"
          aria-invalid=${this._missing ? 'true' : 'false'}
          aria-describedby=${this._missing ? 'restore-file-error' : nothing}
          @change=${() => ((this._missing = false), (this._confirming = false))}
        />
        ${this._missing ? html`<p class="field-error" id="restore-file-error">Choose an export file first.</p>` : nothing}
      </div>
      <fieldset class="field">
        <legend>How to restore</legend>
        ${(Object.keys(RESTORE_MODE_LABEL) as RestoreMode[]).map(
          (m) => html`<label class="check">
            <input type="radio" name="mode" value=${m} .checked=${this._mode === m} @change=${() => ((this._mode = m), (this._confirming = false))} />
            <span>${RESTORE_MODE_LABEL[m]}<span class="mode-hint">${MODE_HINT[m]}</span></span>
          </label>`,
        )}
      </fieldset>
      ${this._confirming ? this._confirm() : nothing}
      <div class="actions">
        <button id="restore-submit" type="submit" class="primary" aria-disabled=${this.busy ? 'true' : 'false'} ?hidden=${this._confirming}>
          ${this.busy ? 'Restoring…' : 'Restore'}
        </button>
      </div>
    </form>`;
  }

  private _confirm() {
    return html`<div class="confirm" role="group" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h3 id="confirm-title">Replace everything in this database?</h3>
      <p id="confirm-text">${MODE_HINT.replace} This cannot be undone: download an export first if you may want it back.</p>
      <div class="actions">
        <button id="restore-confirm" type="button" class="danger strong" @click=${() => void this._send()}>Yes, replace everything</button>
        <button type="button" class="secondary" @click=${this._cancel}>Cancel</button>
      </div>
    </div>`;
  }

  private readonly _onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.busy) return;
    if (!this._file.files?.[0]) {
      this._missing = true;
      await this.updateComplete;
      this._file.focus();
      return;
    }
    if (this._mode === 'replace') {
      this._confirming = true;
      await this.updateComplete;
      this._confirmButton?.focus();
      return;
    }
    await this._send();
  };

  private readonly _send = async () => {
    const file = this._file.files?.[0];
    if (!file || this.busy) return;
    const text = await file.text();
    this._confirming = false;
    this.dispatchEvent(new RestoreRequested(text, this._mode, file.name));
    await this.updateComplete;
    this._submitButton?.focus();
  };

  private readonly _cancel = async () => {
    this._confirming = false;
    await this.updateComplete;
    this._submitButton?.focus();
  };
}
