/**
 * The admin's form for a new methodology version: its label and note, then every parameter grouped
 * as the page shows them, each with its values, why and source, starting from the version in
 * force. The server's errors show beside the fields they name (a value, a parameter's row, a
 * section, a rationale) and focus moves to the first after each refusal. "Compare rankings" asks
 * for the portfolio ranked under the version in force and under this draft, side by side, before
 * saving puts it in force; the backtest of the draft goes in the `draft-backtest` slot.
 *
 * @fires methodology-draft-changed - a field was changed: the draft the form shows now
 * @fires methodology-draft-compare - Compare rankings: the draft to rank
 * @fires methodology-draft-submitted - Save and put in force: the draft to store
 * @fires methodology-edit-cancelled - Cancel
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Rankings } from '../ranking-diff.ts';
import {
  draftFromForm,
  getAt,
  leafLabel,
  leavesOf,
  optionsOf,
  sectionsOf,
  sourceName,
  valueName,
  whyName,
  type MethodologyDraft,
  type ParameterRow,
  type ParameterSection,
} from '../methodology-draft.ts';
import { formElement } from '../styles/forms.ts';
import { card, srOnly } from '../styles/shared.ts';
import { editFormStyles, errorsChanged, focusFirstError } from './edit-form.ts';
import { field, outcomes, submitButton, textareaField } from './form-field.ts';
import { MethodologyDraftChanged, MethodologyDraftCompare, MethodologyDraftSubmitted, MethodologyEditCancelled } from '../methodology-events.ts';
import './vr-methodology-ranking.ts';

const idOf = (prefix: string, path: string) => `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

@customElement('vr-methodology-editor')
export class MethodologyEditor extends LitElement {
  static override styles = [
    card,
    srOnly,
    ...formElement,
    editFormStyles,
    css`
      .lede {
        margin: 0 0 14px;
        max-width: 100ch;
      }
      .head {
        display: grid;
        grid-template-columns: minmax(12rem, 18rem) minmax(0, 1fr);
        gap: 0 16px;
      }
      fieldset.group {
        padding-bottom: 6px;
      }
      .param {
        display: grid;
        grid-template-columns: minmax(10rem, 15rem) minmax(0, 1.3fr) minmax(0, 2fr);
        gap: 0 14px;
        padding: 10px 0 0;
        border-top: 1px solid var(--vr-line);
      }
      .param:first-of-type {
        border-top: 0;
      }
      .param-name {
        margin: 0;
        font-family: var(--vr-font-mono);
        font-size: 0.82rem;
        font-weight: 700;
        overflow-wrap: anywhere;
        padding-top: 4px;
      }
      .values {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
        gap: 0 10px;
      }
      .values .field {
        margin-bottom: 8px;
      }
      .values .field label,
      .why .field label {
        font-weight: 400;
        font-size: 0.82rem;
      }
      .fixed {
        margin: 0 0 8px;
        font-size: 0.88rem;
      }
      .why .field {
        margin-bottom: 8px;
      }
      p.field-error.block {
        margin: 0 0 8px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 10px;
        margin: 0;
        padding: 12px 0 0;
        position: static;
        border-top: 0;
      }
      section.compare {
        margin-top: 20px;
      }
      section.compare h3 {
        margin: 0 0 6px;
      }
      @media (max-width: 1000px) {
        .param,
        .head {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) draft?: MethodologyDraft;
  /** The version in force, which the draft started from and is compared with. */
  @property() inForce = '';
  /** The server's messages placed by `placeErrors` (version, note, v.…, p.…, s.…, why.…, src.…, form). */
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  /** Raised by each refusal (of a save or a comparison): focus then moves to the first field named. */
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property({ type: Boolean }) busy = false;
  /** The portfolio ranked under the version in force and under the draft, once asked for. */
  @property({ attribute: false }) comparison?: Rankings;
  @property({ type: Boolean }) comparing = false;
  /** The day the rankings are compared on. */
  @property() asOf = '';

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#ed-version')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refusals') && changed.get('refusals') !== undefined) focusFirstError(this.renderRoot);
  }

  override render() {
    const d = this.draft;
    if (!d) return nothing;
    const e = this.errors;
    return html`<section class="card" aria-labelledby="ed-t">
      <h2 id="ed-t">A new methodology version</h2>
      <p class="lede">
        It starts from version <strong>${this.inForce}</strong>, in force now. Change any value and say why, with its source. Compare the rankings
        before saving: saving stores the version and puts it in force (versions are never overwritten; scores of closed quarters stay frozen).
      </p>
      <form novalidate aria-labelledby="ed-t" @submit=${this._onSubmit} @change=${this._onChange}>
        ${outcomes('', [this.failure, e.form].filter(Boolean).join(' '))}
        <div class="head">
          ${field({ id: 'ed-version', name: 'version', label: 'Version label', value: d.version, error: e.version, hint: 'New; e.g. 2.1.0', maxlength: 40 })}
          ${textareaField({ id: 'ed-note', name: 'note', label: 'Note: why this version', value: d.note, error: e.note, rows: 2, maxlength: 2000 })}
        </div>
        ${sectionsOf(d.values, d.rationale).map((s) => this._section(s))}
        <div class="actions">
          <button class="secondary" type="button" id="ed-compare" aria-disabled=${this.comparing ? 'true' : 'false'} @click=${this._onCompare}>
            ${this.comparing ? 'Ranking…' : 'Compare rankings'}
          </button>
          ${submitButton(this.busy, 'Save and put in force', 'Saving…')}
          <button class="secondary" type="button" @click=${this._cancel}>Cancel</button>
        </div>
      </form>
      ${this._comparison()}
      <slot name="draft-backtest"></slot>
    </section>`;
  }

  private _section(s: ParameterSection) {
    const error = this.errors[`s.${s.id}`];
    const errorId = idOf('ed-s', s.id);
    return html`<fieldset class="group" data-section=${s.id} aria-describedby=${error ? errorId : nothing}>
      <legend>${s.label}</legend>
      ${error ? html`<p class="field-error block" id=${errorId}>${error}</p>` : nothing}
      ${s.rows.map((r) => this._parameter(r, error ? errorId : ''))}
    </fieldset>`;
  }

  /** A parameter's values and rationale; `sectionError` is the id of its section's error, if any (its values are then marked too). */
  private _parameter(r: ParameterRow, sectionError: string) {
    const e = this.errors;
    const rowError = e[`p.${r.path}`];
    const blame = [sectionError, rowError ? idOf('ed-pe', r.path) : ''].filter(Boolean).join(' ');
    // One group per parameter, named by its path: its values' and rationale's short labels read with it.
    return html`<div class="param" data-parameter=${r.path} role="group" aria-labelledby=${idOf('ed-p', r.path)}>
      <div>
        <p class="param-name" id=${idOf('ed-p', r.path)}>${r.path}</p>
        ${rowError ? html`<p class="field-error" id=${idOf('ed-pe', r.path)}>${rowError}</p>` : nothing}
      </div>
      <div class="values">${leavesOf(r.value, r.path).map((leaf) => this._value(r.path, leaf, blame))}</div>
      <div class="why">
        ${field({ id: idOf('ed-why', r.path), name: whyName(r.path), label: 'Why', value: r.rationale?.why ?? '', error: e[whyName(r.path)], maxlength: 400 })}
        ${field({ id: idOf('ed-src', r.path), name: sourceName(r.path), label: 'Source', value: r.rationale?.source ?? '', error: e[sourceName(r.path)], maxlength: 400 })}
      </div>
    </div>`;
  }

  /**
   * One value's control. Its own error shows beside it; an error about its whole parameter or
   * section (a record that must add up) marks it too, pointing at that message.
   */
  private _value(parameter: string, leaf: string, blame: string) {
    const d = this.draft!;
    const control = d.controls[leaf] ?? 'number';
    const value = getAt(d.values, leaf);
    const label = leafLabel(d.values, parameter, leaf);
    if (control === 'fixed') return html`<p class="fixed">${label}: <strong>${String(value)}</strong></p>`;
    const id = idOf('ed-v', leaf);
    const own = this.errors[valueName(leaf)];
    const invalid = own || blame ? 'true' : 'false';
    const describedBy = [own ? `${id}-error` : '', blame].filter(Boolean).join(' ') || nothing;
    const options =
      control === 'select'
        ? (optionsOf(leaf) ?? [])
        : control === 'yes-no'
          ? [
              { value: 'yes', label: 'yes' },
              { value: 'no', label: 'no' },
            ]
          : undefined;
    const shown = control === 'yes-no' && typeof value === 'boolean' ? (value ? 'yes' : 'no') : value === null || value === undefined ? '' : String(value);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${
        options
          ? html`<select id=${id} name=${valueName(leaf)} aria-invalid=${invalid} aria-describedby=${describedBy}>
            ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === shown}>${o.label}</option>`)}
          </select>`
          : html`<input id=${id} name=${valueName(leaf)} type="text" inputmode=${control === 'number' ? 'decimal' : 'text'} .value=${shown}
            aria-invalid=${invalid} aria-describedby=${describedBy} placeholder=${value === null ? 'none' : nothing} />`
      }
      ${own ? html`<p class="field-error" id=${`${id}-error`}>${own}</p>` : nothing}
    </div>`;
  }

  private _comparison() {
    if (!this.comparison && !this.comparing) return nothing;
    return html`<section class="compare" aria-labelledby="cmp-t" aria-busy=${this.comparing ? 'true' : 'false'}>
      <h3 id="cmp-t">Rankings: the version in force and this draft${this.asOf ? `, as of ${this.asOf}` : ''}</h3>
      ${
        this.comparison
          ? html`<vr-methodology-ranking noun="version" .rankings=${this.comparison}></vr-methodology-ranking>`
          : html`<p class="loading" role="status">Ranking the portfolio under the draft…</p>`
      }
    </section>`;
  }

  private _read(): MethodologyDraft {
    const form = this.renderRoot.querySelector('form')!;
    return draftFromForm(new FormData(form), this.draft!);
  }

  private _onChange(): void {
    this.dispatchEvent(new MethodologyDraftChanged(this._read()));
  }

  private _onCompare(): void {
    if (this.comparing) return;
    this.dispatchEvent(new MethodologyDraftCompare(this._read()));
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new MethodologyDraftSubmitted(this._read()));
  }

  private _cancel(): void {
    this.dispatchEvent(new MethodologyEditCancelled());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-methodology-editor': MethodologyEditor;
  }
}
