/**
 * "Add vendor": a new vendor and our relationship with it, the server's refusals beside their
 * fields. Tier and the two accesses start unchosen (they set the vendor's impact); status starts
 * at Proposed.
 *
 * @fires vendor-add-requested - the form was submitted: the body to POST
 * @fires edit-cancelled - Cancel
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { VendorBody } from '../api/client.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, STATUS_LABEL } from '../format.ts';
import { newVendorBody } from '../vendor-form.ts';
import { EditCancelled } from '../vendor-events.ts';
import { field, outcomes, selectField, submitButton, textareaField } from './form-field.ts';
import { editFormStyles, errorsChanged, focusFirstError, options, unplacedErrors } from './edit-form.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

/** The body of a new vendor, asked for. */
export class VendorAddRequested extends Event {
  static readonly type = 'vendor-add-requested';
  readonly body: VendorBody;
  constructor(body: VendorBody) {
    super(VendorAddRequested.type, { bubbles: true, composed: true });
    this.body = body;
  }
}

const TIERS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}${t === 1 ? ' (most critical)' : t === 4 ? ' (least)' : ''}` }));
const choose = (what: string, list: ReadonlyArray<{ value: string; label: string }>) => [{ value: '', label: `Choose ${what}…` }, ...list];

@customElement('vr-vendor-form')
export class VendorForm extends LitElement {
  static override styles = [controls, forms, editFormStyles];

  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  /** Raised by each refused save: focus moves to the first field named. */
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    const e = this.errors;
    const unplaced = unplacedErrors(this.renderRoot, e);
    return html`<form method="post" novalidate @submit=${this._onSubmit}>
      ${outcomes('', this.failure || unplaced)}
      <div class="row two">
        ${field({ id: 'add-name', name: 'name', label: 'Name', maxlength: 200, required: true, autocomplete: 'off', error: e.name })}
        ${field({ id: 'add-category', name: 'category', label: 'Category', maxlength: 100, required: true, error: e.category, hint: 'What the vendor is to us: identity provider, CI/CD, CRM…' })}
      </div>
      ${field({ id: 'add-website', name: 'website', label: 'Website', inputmode: 'url', placeholder: 'https://…', error: e.website })}
      <div class="row three">
        ${selectField({ id: 'add-tier', name: 'tier', label: 'Tier', options: choose('a tier', TIERS), value: '', error: e.tier })}
        ${selectField({ id: 'add-data', name: 'dataAccess', label: 'Data access', options: choose('data access', options(DATA_ACCESS_LABEL)), value: '', error: e.dataAccess })}
        ${selectField({
          id: 'add-env',
          name: 'environmentAccess',
          label: 'Access into our environment',
          options: choose('access', options(ENVIRONMENT_ACCESS_LABEL)),
          value: '',
          error: e.environmentAccess,
        })}
      </div>
      <div class="row three">
        ${selectField({ id: 'add-status', name: 'status', label: 'Review status', options: options(STATUS_LABEL), value: 'proposed', error: e.status })}
        ${field({ id: 'add-owner', name: 'businessOwner', label: 'Business owner', maxlength: 200, error: e.businessOwner })}
        ${field({ id: 'add-review', name: 'nextReviewOn', label: 'Next review', type: 'date', error: e.nextReviewOn })}
      </div>
      <div class="row two">
        ${textareaField({ id: 'add-notes', name: 'notes', label: 'Notes', rows: 3, error: e.notes })}
        ${textareaField({
          id: 'add-aliases',
          name: 'aliases',
          label: 'Also known as',
          rows: 3,
          error: e.aliases,
          hint: 'Other names of the vendor, one a line (“Microsoft Corp”): CSV and VERIS imports match them as they match the name.',
        })}
      </div>
      <div class="actions">
        ${submitButton(this.busy, 'Add vendor', 'Adding…')}
        <button class="secondary" type="button" @click=${() => this.dispatchEvent(new EditCancelled())}>Cancel</button>
      </div>
    </form>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refusals') && this.refusals > 0) focusFirstError(this.renderRoot);
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new VendorAddRequested(newVendorBody(new FormData(e.currentTarget as HTMLFormElement))));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-vendor-form': VendorForm;
  }
}
