/**
 * An analyst records or corrects a subprocessor (a support arrangement or other fourth party):
 * who, what it does, its access to customer tenants, how its staff sign in, what happens to the
 * troubleshooting artefacts it receives, and its own vendor record when it has one. Unknowns stay
 * unknown (the score counts them as weak). "Known from" is the day the evidence was public or
 * recorded (today for a new record; a backfilled one gives its evidence's date): a score as of a
 * day counts the arrangement only from then. The server's reasons show beside their fields.
 *
 * @fires edit-submitted - a subprocessor to create (id null) or update
 * @fires edit-cancelled - Cancel
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import { ACCESS_LEVEL_LABEL, MFA_METHOD_LABEL } from '../format.ts';
import { subprocessorBody, type VendorEdit } from '../vendor-edits.ts';
import { field, selectField, textareaField } from './form-field.ts';
import { EditForm, options, triValue, TRI_OPTIONS } from './edit-form.ts';

export interface VendorOption {
  readonly id: number;
  readonly name: string;
}

@customElement('vr-subprocessor-form')
export class SubprocessorForm extends EditForm {
  /** The subprocessor to edit, or null for a new one. */
  @property({ attribute: false }) subprocessor: Subprocessor | null = null;
  /** Vendors it may be linked to (its own record in the portfolio); the parent vendor is left out by the page. */
  @property({ attribute: false }) vendors: readonly VendorOption[] = [];
  /** What "Known from" says for a new record unless the analyst says otherwise (YYYY-MM-DD, UTC as the server counts days). */
  @property() today = new Date().toISOString().slice(0, 10);

  override render() {
    const s = this.subprocessor;
    const e = this.errors;
    const unknownFirst = [{ value: '', label: 'Unknown' }, ...options(MFA_METHOD_LABEL)];
    // A link on record stays selectable while the list of vendors loads (or when it is not among them).
    const linked = s?.vendorId && !this.vendors.some((v) => v.id === s.vendorId) ? [{ id: s.vendorId, name: `Vendor #${s.vendorId}` }] : [];
    const vendors = [{ value: '', label: 'None: not a vendor of ours' }, ...[...linked, ...this.vendors].map((v) => ({ value: String(v.id), label: v.name }))];
    return this.form(
      html`<div class="row two">
          ${field({ id: 'sub-name', name: 'name', label: 'Name', required: true, maxlength: 200, value: s?.name ?? '', error: e.name })}
          ${field({ id: 'sub-function', name: 'function', label: 'What it does', hint: 'Customer support, hosting, telephony…', required: true, maxlength: 200, value: s?.function ?? '', error: e.function })}
          ${selectField({
            id: 'sub-outsourced',
            name: 'outsourced',
            label: 'Delivered',
            options: [
              { value: 'yes', label: 'Outsourced' },
              { value: 'no', label: 'In-house' },
            ],
            value: s && !s.outsourced ? 'no' : 'yes',
            error: e.outsourced,
          })}
          ${selectField({ id: 'sub-access', name: 'accessLevel', label: 'Access to customer tenants', options: options(ACCESS_LEVEL_LABEL), value: s?.accessLevel ?? 'metadata', error: e.accessLevel })}
        </div>
        <div class="row three">
          ${selectField({ id: 'sub-mfa', name: 'staffMfa', label: 'Staff MFA', options: unknownFirst, value: s?.staffMfa ?? '', error: e.staffMfa })}
          ${selectField({ id: 'sub-sanitized', name: 'artifactsSanitized', label: 'Artefacts sanitized on upload', options: TRI_OPTIONS, value: triValue(s?.artifactsSanitized ?? null), error: e.artifactsSanitized })}
          ${field({ id: 'sub-retention', name: 'retentionDays', label: 'Artefacts kept (days)', type: 'number', min: 0, max: 36500, inputmode: 'numeric', value: s?.retentionDays?.toString() ?? '', error: e.retentionDays })}
        </div>
        <div class="row two">
          ${selectField({ id: 'sub-vendor', name: 'vendorId', label: 'Its own vendor record', hint: 'Links its incidents into this vendor’s score', options: vendors, value: s?.vendorId?.toString() ?? '', error: e.vendorId })}
          ${field({ id: 'sub-location', name: 'location', label: 'Location', maxlength: 200, value: s?.location ?? '', error: e.location })}
          ${field({ id: 'sub-since', name: 'since', label: 'Since', hint: 'YYYY, YYYY-MM or YYYY-MM-DD', placeholder: 'YYYY-MM-DD', maxlength: 10, value: s?.since ?? '', error: e.since })}
          ${field({ id: 'sub-until', name: 'until', label: 'Until', hint: 'Empty while the arrangement lasts', placeholder: 'YYYY-MM-DD', maxlength: 10, value: s?.until ?? '', error: e.until })}
          ${field({ id: 'sub-knownFrom', name: 'knownFrom', label: 'Known from', hint: 'The day the evidence was public or recorded', placeholder: 'YYYY-MM-DD', maxlength: 10, value: s?.knownFrom ?? this.today, error: e.knownFrom })}
        </div>
        ${textareaField({ id: 'sub-evidence', name: 'evidence', label: 'Evidence', rows: 3, value: s?.evidence ?? '', error: e.evidence })}
        ${textareaField({ id: 'sub-sources', name: 'sources', label: 'Sources', hint: 'One http(s) URL a line', rows: 3, value: (s?.sources ?? []).join('\n'), error: e.sources })}`,
      s ? 'Save changes' : 'Add subprocessor',
    );
  }

  protected override edit(data: FormData): VendorEdit {
    return { kind: 'subprocessor', id: this.subprocessor?.id ?? null, body: subprocessorBody(data) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-subprocessor-form': SubprocessorForm;
  }
}
