/**
 * What the vendor page's edit forms share: the element they extend (the server's errors, the
 * outcome line, Save and Cancel), their grid of fields, vocabulary options, the yes / no /
 * unknown choice, and moving focus to the first field the server refused.
 */
import { css, html, LitElement, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { VendorEdit } from '../vendor-edits.ts';
import { EditCancelled, EditSubmitted } from '../vendor-events.ts';
import { outcomes, submitButton } from './form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

/**
 * A select's options from a vocabulary's labels (format.ts), in their order. The labels are typed
 * by the server's unions, so every value is there; the web may not import the server's arrays.
 */
export const options = <T extends string>(labels: Readonly<Record<T, string>>) => (Object.keys(labels) as T[]).map((v) => ({ value: v, label: labels[v] }));

/** A nullable fact as a select: unknown (null), yes or no. */
export const TRI_OPTIONS = [
  { value: '', label: 'Unknown' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;
export const triValue = (v: boolean | null): string => (v === null ? '' : v ? 'yes' : 'no');

/** `hasChanged` of a form's errors: only when the messages do (the page builds a new object on every render). */
export const errorsChanged = (next: Readonly<Record<string, string>>, prev?: Readonly<Record<string, string>>): boolean =>
  JSON.stringify(next) !== JSON.stringify(prev ?? {});

/** After the server refused a save, the first field it named takes focus (its message is tied to it). */
export function focusFirstError(root: ParentNode): void {
  root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export const editFormStyles = css`
  .row {
    display: grid;
    gap: 0 14px;
  }
  .row.two {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .row.three {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  fieldset.group {
    margin: 0 0 14px;
    padding: 8px 12px 0;
    border: 1px solid var(--vr-line);
    border-radius: var(--vr-radius);
  }
  fieldset.group > legend {
    font-weight: 700;
    padding: 0 4px;
  }
  fieldset.group > .hint {
    margin: 0 0 8px;
  }
  /* Save and Cancel stay in view at the dialog's foot while a long form scrolls. */
  .actions {
    position: sticky;
    bottom: 0;
    margin: 0 -20px -20px;
    padding: 12px 20px;
    background: var(--vr-surface);
    border-top: 1px solid var(--vr-line);
  }
  @media (max-width: 640px) {
    .row.two,
    .row.three {
      grid-template-columns: 1fr;
    }
  }
`;

/**
 * The server may name a field the form does not show (a stored record's `ref`, say): those
 * messages, "field: message", for the form's outcome line, so that no refusal goes unsaid.
 */
export function unplacedErrors(root: ParentNode, errors: Readonly<Record<string, string>>): string {
  return Object.entries(errors)
    .filter(([name]) => !root.querySelector(`[name="${CSS.escape(name)}"]`))
    .map(([name, message]) => `${name}: ${message}`)
    .join('; ');
}

/**
 * An analyst's edit form (incident, subprocessor, MFA posture, relationship): the server's errors
 * beside their fields, focus on the first of them after each refused save, the messages about
 * fields the form does not show in its outcome line, and Save and Cancel at its foot.
 *
 * @fires edit-submitted - the form was submitted: the change `edit()` reads from it
 * @fires edit-cancelled - Cancel
 */
export abstract class EditForm extends LitElement {
  static override styles: CSSResultGroup = [controls, forms, editFormStyles];

  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  /** Raised by each refused save: focus then moves to the first field named (again). */
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property({ type: Boolean }) busy = false;
  /** The version of the stored record the form shows (none for a new one): the change is made against it. */
  @property({ type: Number }) version: number | undefined = undefined;

  /** The server's messages about fields this form does not show. */
  @state() private _unplaced = '';

  /** The change a submitted form asks for. */
  protected abstract edit(data: FormData): VendorEdit;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The form's fields are the same on every render, so those of the last one tell which errors have no field here.
    if (changed.has('errors')) this._unplaced = unplacedErrors(this.renderRoot, this.errors);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refusals')) focusFirstError(this.renderRoot);
  }

  /** The form around its fields: the outcome line first, Save (named `save`) and Cancel last. */
  protected form(fields: TemplateResult, save: string) {
    return html`<form method="post" novalidate @submit=${this._onSubmit}>
      ${outcomes('', this.failure || this._unplaced)}
      ${fields}
      <div class="actions">
        ${submitButton(this.busy, save, 'Saving…')}
        <button class="secondary" type="button" @click=${() => this.dispatchEvent(new EditCancelled())}>Cancel</button>
      </div>
    </form>`;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new EditSubmitted({ ...this.edit(new FormData(e.currentTarget as HTMLFormElement)), version: this.version }));
  }
}
