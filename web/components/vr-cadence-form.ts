/**
 * The admin's form for the review cadence: per tier the months between reviews, or "no periodic
 * review" (ticked, the months field goes away). The server's errors show beside their fields
 * (`body.tier1` → tier 1's months) and focus moves to the first after each refused save; those of
 * fields the form does not show go in its outcome line. Escape, like Cancel, closes it.
 *
 * @fires cadence-submitted - the form was submitted: the cadence it asks for
 * @fires cadence-edit-cancelled - Cancel or Escape
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Cadence } from '../api/client.ts';
import { CADENCE_TIERS, cadenceFromForm } from '../reviews.ts';
import { errorsChanged, focusFirstError, unplacedErrors } from './edit-form.ts';
import { field, outcomes, submitButton } from './form-field.ts';
import { formElement } from '../styles/forms.ts';

export class CadenceSubmitted extends Event {
  static readonly type = 'cadence-submitted';
  readonly cadence: Cadence;
  constructor(cadence: Cadence) {
    super(CadenceSubmitted.type, { bubbles: true, composed: true });
    this.cadence = cadence;
  }
}

export class CadenceEditCancelled extends Event {
  static readonly type = 'cadence-edit-cancelled';
  constructor() {
    super(CadenceEditCancelled.type, { bubbles: true, composed: true });
  }
}

type Tier = (typeof CADENCE_TIERS)[number];

@customElement('vr-cadence-form')
export class CadenceForm extends LitElement {
  static override styles = [
    ...formElement,
    css`
      .tiers {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
        gap: 0 14px;
      }
      fieldset.field legend {
        font-weight: 700;
      }
      .tier .field {
        margin: 0 0 8px;
      }
      #cad-hint {
        margin: 0 0 14px;
      }
      .tier input[type='number'] {
        max-width: 9rem;
      }
    `,
  ];

  /** The cadence the form starts from. */
  @property({ attribute: false }) cadence: Cadence = { tier1: null, tier2: null, tier3: null, tier4: null };
  /** The server's messages by field (`tier1`…). */
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  /** Raised by each refused save: focus then moves to the first field named (again). */
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property({ type: Boolean }) busy = false;

  /** The tiers ticked "no periodic review" (their months field is not shown). */
  @state() private _none: ReadonlySet<Tier> = new Set();
  /** The server's messages about fields this form does not show. */
  @state() private _unplaced = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cadence')) this._none = new Set(CADENCE_TIERS.filter((k) => this.cadence[k] === null));
    if (changed.has('errors')) this._unplaced = unplacedErrors(this.renderRoot, this.errors);
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refusals') && changed.get('refusals') !== undefined) focusFirstError(this.renderRoot);
  }

  override render() {
    return html`<form method="post" novalidate aria-label="Change the review cadence" aria-describedby="cad-hint" @submit=${this._onSubmit} @keydown=${this._onKey}>
      ${outcomes('', this.failure || this._unplaced)}
      <div class="tiers">${CADENCE_TIERS.map((k, i) => this._tier(k, i + 1))}</div>
      <p class="hint" id="cad-hint">Whole months, 1 to 120, or no periodic review. Next review dates already set stay as they are.</p>
      <div class="actions">
        ${submitButton(this.busy, 'Save cadence', 'Saving…')}
        <button class="secondary" type="button" @click=${this._cancel}>Cancel</button>
      </div>
    </form>`;
  }

  private _tier(key: Tier, n: number) {
    const none = this._none.has(key);
    const months = this.cadence[key];
    return html`<fieldset class="field tier" data-tier=${n}>
      <legend>Tier ${n}${n === 1 ? ' (most critical)' : ''}</legend>
      ${
        none
          ? nothing
          : field({
              id: `cad-${key}`,
              name: key,
              label: 'Months between reviews',
              type: 'number',
              min: 1,
              max: 120,
              inputmode: 'numeric',
              value: months === null ? '' : String(months),
              error: this.errors[key],
            })
      }
      <label class="check">
        <input type="checkbox" id=${`cad-${key}-none`} name=${`${key}-none`} .checked=${none} @change=${(e: Event) => this._setNone(key, (e.target as HTMLInputElement).checked)} />
        No periodic review
      </label>
    </fieldset>`;
  }

  private _setNone(key: Tier, none: boolean): void {
    const next = new Set(this._none);
    if (none) next.add(key);
    else next.delete(key);
    this._none = next;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new CadenceSubmitted(cadenceFromForm(new FormData(e.currentTarget as HTMLFormElement))));
  }

  /** Escape closes the form, as it closes the app's dialogs and the review section's small forms. */
  private _onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    this._cancel();
  }

  private _cancel(): void {
    this.dispatchEvent(new CadenceEditCancelled());
  }
}

declare global {
  interface HTMLElementEventMap {
    'cadence-submitted': CadenceSubmitted;
    'cadence-edit-cancelled': CadenceEditCancelled;
  }
  interface HTMLElementTagNameMap {
    'vr-cadence-form': CadenceForm;
  }
}
