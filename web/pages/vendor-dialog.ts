/**
 * The vendor page's one dialog, as a template: the form (or the delete question) for what the
 * edits controller has open, with the server's errors of the last failed save beside their fields.
 */
import { html, nothing } from 'lit';
import type { Incident } from '../../server/domain/incident.ts';
import type { MfaPosture } from '../../server/domain/mfa.ts';
import type { Subprocessor } from '../../server/domain/subprocessor.ts';
import type { Vendor } from '../../server/domain/vendor.ts';
import { ApiError, fieldErrors, isEditConflict } from '../api/api-error.ts';
import { conflictRows } from '../edit-conflict.ts';
import type { VendorEditsController } from '../controllers/vendor-edits-controller.ts';
import { mfaFieldErrors, relationshipFieldErrors } from '../vendor-edits.ts';
import '../components/vr-edit-dialog.ts';
import '../components/vr-incident-form.ts';
import '../components/vr-subprocessor-form.ts';
import '../components/vr-mfa-form.ts';
import '../components/vr-relationship-form.ts';
import '../components/vr-delete-confirm.ts';
import '../components/vr-edit-conflict.ts';

export interface DialogFacts {
  readonly vendor: Vendor;
  readonly incidents: readonly Incident[];
  readonly subprocessors: readonly Subprocessor[];
  readonly mfa: MfaPosture & { readonly version?: number };
}

const WHAT: Record<string, string> = {
  incident: 'incident',
  subprocessor: 'subprocessor',
  mfa: 'MFA posture',
  relationship: 'relationship',
  'delete-incident': 'incident',
  'delete-subprocessor': 'subprocessor',
};

/** The failure in words when the server named no field (a field's message shows beside the field). */
function failureOf(error: unknown, errors: Readonly<Record<string, string>>): string {
  // A conflict is shown above the form, with both versions.
  if (error === undefined || Object.keys(errors).length > 0 || isEditConflict(error)) return '';
  if (error instanceof ApiError && error.code === 'forbidden') return 'Your role may not change this vendor’s evidence: analysts and admins may.';
  return error instanceof Error ? error.message : String(error);
}

export function vendorDialog(edits: VendorEditsController, f: DialogFacts) {
  const d = edits.dialog;
  const busy = edits.busy;
  const sent = edits.sent;
  const errors =
    sent?.kind === 'mfa'
      ? mfaFieldErrors(edits.error, sent.posture)
      : sent?.kind === 'relationship'
        ? relationshipFieldErrors(edits.error, sent.patch)
        : fieldErrors(edits.error);
  const failure = failureOf(edits.error, errors);
  const conflict =
    isEditConflict(edits.error) && sent
      ? html`<vr-edit-conflict
          what=${WHAT[sent.kind] ?? 'record'}
          .rows=${conflictRows(sent, edits.error.current)}
          ?deleting=${sent.kind === 'delete-incident' || sent.kind === 'delete-subprocessor'}
          ?busy=${busy}
        ></vr-edit-conflict>`
      : nothing;
  let heading = '';
  let body: unknown = nothing;
  if (d?.kind === 'incident') {
    const incident = f.incidents.find((i) => i.id === d.id) ?? null;
    heading = incident ? `Edit incident` : `Add an incident of ${f.vendor.name}`;
    body = html`<vr-incident-form refusals=${edits.refusals} .version=${incident?.version} .incident=${incident} .subprocessorNames=${f.subprocessors.map((s) => s.name)} .incidents=${f.incidents} .errors=${errors} failure=${failure} ?busy=${busy}></vr-incident-form>`;
  } else if (d?.kind === 'subprocessor-incident') {
    const at = f.subprocessors.find((s) => s.id === d.id);
    heading = `Record an incident at ${at?.name ?? 'the subprocessor'}`;
    body = html`<p class="dialog-note">
        Filed on ${at?.name ?? 'the subprocessor'}'s own vendor record (created, not engaged, when it has none), so that ${f.vendor.name} and every other vendor it
        serves inherit it.
      </p>
      <vr-incident-form refusals=${edits.refusals} .atSubprocessor=${at ? { id: at.id, name: at.name } : null} .errors=${errors} failure=${failure} ?busy=${busy}></vr-incident-form>`;
  } else if (d?.kind === 'subprocessor') {
    const subprocessor = f.subprocessors.find((s) => s.id === d.id) ?? null;
    const vendors = (edits.vendors.value ?? []).filter((v) => v.id !== f.vendor.id);
    heading = subprocessor ? `Edit subprocessor` : `Add a subprocessor of ${f.vendor.name}`;
    body = html`<vr-subprocessor-form refusals=${edits.refusals} .version=${subprocessor?.version} .subprocessor=${subprocessor} .vendors=${vendors} .errors=${errors} failure=${failure} ?busy=${busy}></vr-subprocessor-form>`;
  } else if (d?.kind === 'mfa') {
    heading = `MFA posture of ${f.vendor.name}`;
    body = html`<vr-mfa-form refusals=${edits.refusals} .version=${f.mfa.version} .posture=${f.mfa} .errors=${errors} failure=${failure} ?busy=${busy}></vr-mfa-form>`;
  } else if (d?.kind === 'relationship') {
    heading = `Our relationship with ${f.vendor.name}`;
    body = html`<vr-relationship-form refusals=${edits.refusals} .version=${f.vendor.version} .vendor=${f.vendor} .errors=${errors} failure=${failure} ?busy=${busy}></vr-relationship-form>`;
  } else if (d?.kind === 'delete') {
    heading = `Delete this ${d.what}?`;
    const record = d.what === 'incident' ? f.incidents.find((i) => i.id === d.id) : f.subprocessors.find((s) => s.id === d.id);
    body = html`<vr-delete-confirm what=${d.what} recordId=${d.id} label=${d.label} .version=${record?.version} failure=${failure} ?busy=${busy}></vr-delete-confirm>`;
  }
  return html`<vr-edit-dialog heading=${heading} ?open=${!!d} ?narrow=${d?.kind === 'delete' && conflict === nothing}>${conflict}${body}</vr-edit-dialog>`;
}
