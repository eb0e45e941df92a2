/**
 * An analyst sets our relationship with a vendor, the impact side of its score: tier, data
 * access, access into our environment, and the review (status, owner, next review). The demo
 * portfolio's settings are examples; the checkbox says whether these still are.
 *
 * @fires edit-submitted - the vendor fields to change
 * @fires edit-cancelled - Cancel
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Vendor } from '../../server/domain/vendor.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, STATUS_LABEL } from '../format.ts';
import { relationshipPatch } from '../vendor-edits.ts';
import { EditCancelled, EditSubmitted } from '../vendor-events.ts';
import { field, outcomes, selectField, textareaField } from './form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { editFormStyles, focusFirstError, errorsChanged, unplacedErrors, options } from './edit-form.ts';

const TIERS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}${t === 1 ? ' (most critical)' : t === 4 ? ' (least)' : ''}` }));

@customElement('vr-relationship-form')
export class RelationshipForm extends LitElement {
  static override styles = [controls, forms, editFormStyles];

  @property({ attribute: false }) vendor?: Vendor;
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  /** Raised by each refused save: focus then moves to the first field named (again). */
  @property({ type: Number }) refusals = 0;
  @property() failure = '';
  @property({ type: Boolean }) busy = false;

  /** The server's messages about fields this form does not show. */
  @state() private _unplaced = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The form's fields are the same on every render, so those of the last one tell which errors have no field here.
    if (changed.has('errors')) this._unplaced = unplacedErrors(this.renderRoot, this.errors);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refusals')) focusFirstError(this.renderRoot);
  }

  override render() {
    const v = this.vendor;
    if (!v) return html``;
    const e = this.errors;
    return html`<form method="post" novalidate @submit=${this._onSubmit}>
      ${outcomes('', this.failure || this._unplaced)}
      <div class="row three">
        ${selectField({ id: 'rel-tier', name: 'tier', label: 'Tier', options: TIERS, value: String(v.tier), error: e.tier })}
        ${selectField({ id: 'rel-data', name: 'dataAccess', label: 'Data access', options: options(DATA_ACCESS_LABEL), value: v.dataAccess, error: e.dataAccess })}
        ${selectField({ id: 'rel-env', name: 'environmentAccess', label: 'Access into our environment', options: options(ENVIRONMENT_ACCESS_LABEL), value: v.environmentAccess, error: e.environmentAccess })}
      </div>
      <div class="row three">
        ${selectField({ id: 'rel-status', name: 'status', label: 'Review status', options: options(STATUS_LABEL), value: v.status, error: e.status })}
        ${field({ id: 'rel-owner', name: 'businessOwner', label: 'Business owner', maxlength: 200, value: v.businessOwner ?? '', error: e.businessOwner })}
        ${field({ id: 'rel-review', name: 'nextReviewOn', label: 'Next review', type: 'date', value: v.nextReviewOn ?? '', error: e.nextReviewOn })}
      </div>
      ${textareaField({ id: 'rel-notes', name: 'notes', label: 'Notes', rows: 3, value: v.notes ?? '', error: e.notes })}
      <div class="field">
        <label class="check"><input type="checkbox" name="relationshipIsExample" ?checked=${v.relationshipIsExample} />These are example settings, not our real relationship</label>
      </div>
      <div class="actions">
        <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Saving…' : 'Save relationship'}</button>
        <button class="secondary" type="button" @click=${() => this.dispatchEvent(new EditCancelled())}>Cancel</button>
      </div>
    </form>`;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new EditSubmitted({ kind: 'relationship', patch: relationshipPatch(new FormData(e.currentTarget as HTMLFormElement)) }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-relationship-form': RelationshipForm;
  }
}
