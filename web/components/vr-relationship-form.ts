/**
 * An analyst sets our relationship with a vendor, the impact side of its score: tier, data
 * access, access into our environment, and the review (status, owner, next review); the day the
 * relationship began; the other names imports know the vendor by. The demo portfolio's settings
 * are examples; the checkbox says whether these still are.
 *
 * @fires edit-submitted - the vendor fields to change
 * @fires edit-cancelled - Cancel
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Vendor } from '../../server/domain/vendor.ts';
import { DATA_ACCESS_LABEL, ENVIRONMENT_ACCESS_LABEL, STATUS_LABEL } from '../format.ts';
import { relationshipPatch, type VendorEdit } from '../vendor-edits.ts';
import { field, selectField, textareaField } from './form-field.ts';
import { EditForm, options } from './edit-form.ts';

const TIERS = [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}${t === 1 ? ' (most critical)' : t === 4 ? ' (least)' : ''}` }));

@customElement('vr-relationship-form')
export class RelationshipForm extends EditForm {
  @property({ attribute: false }) vendor?: Vendor;

  override render() {
    const v = this.vendor;
    if (!v) return html``;
    const e = this.errors;
    return this.form(
      html`<div class="row three">
          ${selectField({ id: 'rel-tier', name: 'tier', label: 'Tier', options: TIERS, value: String(v.tier), error: e.tier })}
          ${selectField({ id: 'rel-data', name: 'dataAccess', label: 'Data access', options: options(DATA_ACCESS_LABEL), value: v.dataAccess, error: e.dataAccess })}
          ${selectField({ id: 'rel-env', name: 'environmentAccess', label: 'Access into our environment', options: options(ENVIRONMENT_ACCESS_LABEL), value: v.environmentAccess, error: e.environmentAccess })}
        </div>
        <div class="row three">
          ${selectField({ id: 'rel-status', name: 'status', label: 'Review status', options: options(STATUS_LABEL), value: v.status, error: e.status })}
          ${field({ id: 'rel-owner', name: 'businessOwner', label: 'Business owner', maxlength: 200, value: v.businessOwner ?? '', error: e.businessOwner })}
          ${field({ id: 'rel-review', name: 'nextReviewOn', label: 'Next review', type: 'date', value: v.nextReviewOn ?? '', error: e.nextReviewOn })}
        </div>
        <div class="row two">
          ${field({
            id: 'rel-engaged',
            name: 'engagedSince',
            label: 'Engaged since',
            type: 'date',
            value: v.engagedSince,
            error: e.engagedSince,
            hint: 'The day our relationship began: a quarterly report lists the vendor from then on. Left as it is, a vendor engaged now starts today.',
          })}
          ${textareaField({
            id: 'rel-aliases',
            name: 'aliases',
            label: 'Also known as',
            rows: 3,
            value: v.aliases.join('\n'),
            error: e.aliases,
            hint: 'Other names of the vendor, one a line (“Microsoft Corp”): CSV and VERIS imports match them as they match the name.',
          })}
        </div>
        ${textareaField({ id: 'rel-notes', name: 'notes', label: 'Notes', rows: 3, value: v.notes ?? '', error: e.notes })}
        <div class="field">
          <label class="check"><input type="checkbox" name="relationshipIsExample" ?checked=${v.relationshipIsExample} />These are example settings, not our real relationship</label>
        </div>`,
      'Save relationship',
    );
  }

  protected override edit(data: FormData): VendorEdit {
    return { kind: 'relationship', patch: relationshipPatch(data, this.vendor) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-relationship-form': RelationshipForm;
  }
}
