/**
 * A labelled input or select with its hint and its error beside it, as a template (not an
 * element): inputs must share the form's shadow root, or the form, password managers and
 * `<label for>` could not reach them. The error is tied to the control with aria-describedby.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

interface Common {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly value?: string | undefined;
}

export interface InputSpec extends Common {
  readonly type?: 'text' | 'email' | 'password' | 'number' | 'date';
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly maxlength?: number;
  readonly placeholder?: string;
  /** The id of a <datalist> of suggestions. */
  readonly list?: string;
  readonly inputmode?: 'numeric' | 'url' | 'text';
}

export interface TextareaSpec extends Common {
  readonly rows?: number;
  readonly maxlength?: number;
}

export interface ChecksSpec extends Omit<Common, 'value'> {
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly values: readonly string[];
}

export interface SelectSpec extends Common {
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>;
}

const describedBy = (f: Common): string | undefined => [f.hint ? `${f.id}-hint` : '', f.error ? `${f.id}-error` : ''].filter(Boolean).join(' ') || undefined;

const notes = (f: Common) => html`${f.hint ? html`<p class="hint" id=${`${f.id}-hint`}>${f.hint}</p>` : nothing}
${f.error ? html`<p class="field-error" id=${`${f.id}-error`}>${f.error}</p>` : nothing}`;

export const field = (f: InputSpec) => html`<div class="field">
  <label for=${f.id}>${f.label}</label>
  <input
    id=${f.id}
    name=${f.name}
    type=${f.type ?? 'text'}
    autocomplete=${ifDefined(f.autocomplete)}
    ?required=${f.required ?? false}
    min=${ifDefined(f.min)}
    max=${ifDefined(f.max)}
    maxlength=${ifDefined(f.maxlength)}
    placeholder=${ifDefined(f.placeholder)}
    list=${ifDefined(f.list)}
    inputmode=${ifDefined(f.inputmode)}
    value=${ifDefined(f.value)}
    aria-invalid=${f.error ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy(f))}
  />
  ${notes(f)}
</div>`;

export const selectField = (f: SelectSpec) => html`<div class="field">
  <label for=${f.id}>${f.label}</label>
  <select id=${f.id} name=${f.name} aria-invalid=${f.error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(f))}>
    ${f.options.map((o) => html`<option value=${o.value} ?selected=${o.value === f.value}>${o.label}</option>`)}
  </select>
  ${notes(f)}
</div>`;

/** Lit cannot bind inside <textarea>: the text goes in as its value. */
export const textareaField = (f: TextareaSpec) => html`<div class="field">
  <label for=${f.id}>${f.label}</label>
  <textarea
    id=${f.id}
    name=${f.name}
    rows=${f.rows ?? 3}
    maxlength=${ifDefined(f.maxlength)}
    .value=${f.value ?? ''}
    aria-invalid=${f.error ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy(f))}
  ></textarea>
  ${notes(f)}
</div>`;

/** A group of checkboxes sharing a name (FormData.getAll reads them), labelled by its legend. */
export const checkboxGroup = (f: ChecksSpec) => html`<fieldset class="field checks" id=${f.id} aria-describedby=${ifDefined(describedBy(f))}>
  <legend>${f.label}</legend>
  <div class="options">
    ${f.options.map(
      (o) => html`<label class="check"><input type="checkbox" name=${f.name} value=${o.value} ?checked=${f.values.includes(o.value)} />${o.label}</label>`,
    )}
  </div>
  ${notes(f)}
</fieldset>`;

/** The text of a named control of a submitted form. */
export const formText = (form: HTMLFormElement, name: string): string => {
  const v = new FormData(form).get(name);
  return typeof v === 'string' ? v : '';
};

/** A form's outcome lines, always in the DOM so screen readers announce a change: success, then failure. */
export const outcomes = (done: string, failure: string) => html`<p class="outcome ok" role="status">${done}</p><p class="outcome" role="alert">${failure}</p>`;

/** A form's submit button: while busy it says so and stays focusable (aria-disabled, not disabled). */
export const submitButton = (busy: boolean, label: string, busyLabel: string, kind: 'primary' | 'secondary' = 'primary') =>
  html`<button class=${kind} type="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? busyLabel : label}</button>`;
