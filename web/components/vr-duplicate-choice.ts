/**
 * What to do with a CSV's possible duplicates (rows that share only a website domain with an
 * existing vendor): create them as new vendors, or skip them. Nothing is chosen until the analyst
 * chooses; the page says so beside the choice when Import is pressed without one.
 *
 * @fires duplicate-choice-changed - create or skip was chosen
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OnDuplicate } from '../vendor-import.ts';
import { forms } from '../styles/forms.ts';

export class DuplicateChoiceChanged extends Event {
  static readonly type = 'duplicate-choice-changed';
  readonly choice: OnDuplicate;
  constructor(choice: OnDuplicate) {
    super(DuplicateChoiceChanged.type, { bubbles: true, composed: true });
    this.choice = choice;
  }
}

const CHOICES: ReadonlyArray<{ readonly value: OnDuplicate; readonly label: string }> = [
  { value: 'create', label: 'Create them as new vendors' },
  { value: 'skip', label: 'Skip them (the vendors they resemble stay as they are)' },
];

@customElement('vr-duplicate-choice')
export class DuplicateChoice extends LitElement {
  static override styles = [
    forms,
    css`
      :host {
        display: block;
        margin: 12px 0;
      }
      fieldset {
        margin: 0;
        padding: 8px 12px;
        border: 1px solid var(--vr-line);
        border-radius: var(--vr-radius);
      }
      fieldset.invalid {
        border-color: var(--vr-danger);
      }
      legend {
        font-weight: 700;
        padding: 0 4px;
      }
      label {
        display: block;
        margin: 4px 0;
      }
    `,
  ];

  /** How many rows wait for the choice. */
  @property({ type: Number }) count = 0;
  @property({ attribute: false }) value: OnDuplicate | undefined;
  @property() error = '';

  /** Moves focus to the first choice (the page does, after Import without one). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  override render() {
    const n = this.count;
    return html`<fieldset class=${this.error ? 'invalid' : ''} aria-describedby=${this.error ? 'dup-error' : nothing}>
      <legend>${n === 1 ? '1 row is a possible duplicate' : `${n.toLocaleString('en-US')} rows are possible duplicates`}: what should the import do?</legend>
      <p class="hint">Such a row matches no vendor by id, name or alias, but its website's domain is another vendor's. Give it that vendor's id (or name) in the file to update that vendor instead.</p>
      ${CHOICES.map(
        (c) => html`<label
          ><input type="radio" name="onDuplicate" value=${c.value} .checked=${this.value === c.value} @change=${() => this.dispatchEvent(new DuplicateChoiceChanged(c.value))} />
          ${c.label}</label
        >`,
      )}
      ${this.error ? html`<p class="field-error" id="dup-error">${this.error}</p>` : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-duplicate-choice': DuplicateChoice;
  }
  interface HTMLElementEventMap {
    'duplicate-choice-changed': DuplicateChoiceChanged;
  }
}
