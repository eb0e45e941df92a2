/**
 * An analyst records or corrects an incident: what happened, the four dates at the precision the
 * sources give (a year, a month or a day), the path in, the support channel, MFA, the root cause
 * and entry path (left "derived", the methodology reads them from the record; the choice shows
 * what it derived last), the earlier incident it continues (one campaign) and the sources.
 * The server checks the whole record (a disclosure before the intrusion is refused) and its
 * reasons come back through `errors`, shown beside their fields; focus moves to the first of them.
 *
 * @fires edit-submitted - the form was submitted: an incident to create (id null) or update, or one to record at a subprocessor
 * @fires edit-cancelled - Cancel
 */
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Incident } from '../../server/domain/incident.ts';
import { ACCESS_VECTOR_LABEL, CONFIDENCE_LABEL, MFA_RELEVANCE_LABEL, partialDate, SEVERITY_LABEL, SUPPORT_INVOLVEMENT_LABEL } from '../format.ts';
import { ENTRY_PATH_LABEL, ROOT_CAUSE_LABEL } from '../root-causes.ts';
import { incidentBody, type VendorEdit } from '../vendor-edits.ts';
import { checkboxGroup, field, selectField, textareaField } from './form-field.ts';
import { EditForm, options, triValue, TRI_OPTIONS } from './edit-form.ts';

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source';

@customElement('vr-incident-form')
export class IncidentForm extends EditForm {
  /** The incident to edit, or null for a new one. */
  @property({ attribute: false }) incident: Incident | null = null;
  /** The vendor's subprocessors, suggested for "through which subprocessor". */
  @property({ attribute: false }) subprocessorNames: readonly string[] = [];
  /** The vendor's incidents, offered for "continues" (the server refuses a later one). */
  @property({ attribute: false }) incidents: readonly Incident[] = [];
  /** A new incident at this subprocessor (filed on its own vendor record), rather than at the vendor. */
  @property({ attribute: false }) atSubprocessor: { readonly id: number; readonly name: string } | null = null;

  override render() {
    const i = this.incident;
    const e = this.errors;
    const date = (name: keyof Incident, label: string) =>
      field({ id: `inc-${name}`, name, label, value: (i?.[name] as string | null) ?? '', placeholder: 'YYYY-MM-DD', error: e[name], maxlength: 10 });
    return this.form(
      html`${field({ id: 'inc-title', name: 'title', label: 'Title', required: true, maxlength: 300, value: i?.title ?? '', error: e.title })}
        <div class="row three">
          ${selectField({ id: 'inc-severity', name: 'severity', label: 'Severity', options: options(SEVERITY_LABEL), value: i?.severity ?? 'medium', error: e.severity })}
          ${selectField({ id: 'inc-confidence', name: 'confidence', label: 'Confidence in the facts', options: options(CONFIDENCE_LABEL), value: i?.confidence ?? 'medium', error: e.confidence })}
          ${field({ id: 'inc-customers', name: 'customersAffected', label: 'Customers affected', type: 'number', min: 0, inputmode: 'numeric', value: i?.customersAffected?.toString() ?? '', error: e.customersAffected })}
        </div>
        <fieldset class="group" aria-describedby="dates-hint">
          <legend>Dates</legend>
          <p class="hint" id="dates-hint">${DATE_HINT}. Leave a date empty when it is not known.</p>
          <div class="row two">
            ${date('intrusionStartDate', 'Intrusion began')} ${date('detectedByVendorDate', 'Vendor detected')}
            ${date('firstReportedByThirdPartyDate', 'First reported by a third party')}
            ${field({ id: 'inc-reported-by', name: 'firstReportedBy', label: 'Reported by', value: i?.firstReportedBy ?? '', maxlength: 500, error: e.firstReportedBy })}
            ${date('publicDisclosureDate', 'Publicly disclosed')}
          </div>
        </fieldset>
        ${checkboxGroup({ id: 'inc-vectors', name: 'initialAccessVectors', label: 'Initial access', options: options(ACCESS_VECTOR_LABEL), values: i?.initialAccessVectors ?? [], error: e.initialAccessVectors })}
        <div class="row three">
          ${selectField({ id: 'inc-support', name: 'supportInvolved', label: 'Support on the path', options: TRI_OPTIONS, value: triValue(i?.supportInvolved ?? null), error: e.supportInvolved })}
          ${selectField({ id: 'inc-support-type', name: 'supportInvolvementType', label: 'How support was involved', options: options(SUPPORT_INVOLVEMENT_LABEL), value: i?.supportInvolvementType ?? 'none', error: e.supportInvolvementType })}
          ${field({ id: 'inc-sub', name: 'supportSubprocessor', label: 'Through which subprocessor', list: 'sub-names', maxlength: 200, value: i?.supportSubprocessor ?? '', error: e.supportSubprocessor })}
        </div>
        <datalist id="sub-names">${this.subprocessorNames.map((n) => html`<option value=${n}></option>`)}</datalist>
        <div class="row two">
          ${selectField({ id: 'inc-mfa', name: 'mfaRelevance', label: 'MFA relevance', options: options(MFA_RELEVANCE_LABEL), value: i?.mfaRelevance ?? 'unknown', error: e.mfaRelevance })}
          ${field({ id: 'inc-actor', name: 'threatActor', label: 'Threat actor', maxlength: 200, value: i?.threatActor ?? '', error: e.threatActor })}
        </div>
        ${textareaField({ id: 'inc-detail', name: 'initialAccessDetail', label: 'How they got in', rows: 3, value: i?.initialAccessDetail ?? '', error: e.initialAccessDetail })}
        ${this._rootCause(i)}
        ${textareaField({ id: 'inc-sources', name: 'sources', label: 'Sources', hint: 'One http(s) URL a line', rows: 3, value: (i?.sources ?? []).join('\n'), error: e.sources })}
        ${textareaField({ id: 'inc-notes', name: 'notes', label: 'Notes', rows: 2, value: i?.notes ?? '', error: e.notes })}`,
      i ? 'Save changes' : 'Add incident',
    );
  }

  /** Root cause, entry path and campaign: "derived" (empty) unless the analyst chooses. */
  private _rootCause(i: Incident | null) {
    const e = this.errors;
    const derived = (label: string | undefined) => (label ? `Derived: ${label}` : 'Derived from the record');
    const others = this.incidents.filter((x) => x.id !== i?.id);
    const continues = [
      { value: '', label: 'Nothing (not a campaign)' },
      ...others.map((x) => ({
        value: String(x.id),
        label: `${x.title} (${x.publicDisclosureDate ? `disclosed ${partialDate(x.publicDisclosureDate)}` : 'not disclosed'})`,
      })),
    ];
    return html`<fieldset class="group" aria-describedby="root-cause-hint">
      <legend>Root cause and campaign</legend>
      <p class="hint" id="root-cause-hint">A repeat needs the same root cause and entry path as an earlier incident. Leave them derived to let the methodology read them from the vectors, the support path and the access detail.</p>
      <div class="row two">
        ${selectField({ id: 'inc-root-cause', name: 'rootCause', label: 'Root cause', options: [{ value: '', label: derived(i ? ROOT_CAUSE_LABEL[i.derivedRootCause] : undefined) }, ...options(ROOT_CAUSE_LABEL)], value: i?.rootCause ?? '', error: e.rootCause })}
        ${selectField({ id: 'inc-entry-path', name: 'entryPath', label: 'Entry path', options: [{ value: '', label: derived(i ? ENTRY_PATH_LABEL[i.derivedEntryPath] : undefined) }, ...options(ENTRY_PATH_LABEL)], value: i?.entryPath ?? '', error: e.entryPath })}
      </div>
      ${selectField({ id: 'inc-continues', name: 'continuationOf', label: 'Continues incident', hint: 'The earlier incident of this vendor that this one continues: the two count once, as one campaign, and neither repeats the other.', options: continues, value: i?.continuationOf?.toString() ?? '', error: e.continuationOf })}
    </fieldset>`;
  }

  protected override edit(data: FormData): VendorEdit {
    const at = this.atSubprocessor;
    if (at) return { kind: 'subprocessor-incident', subprocessorId: at.id, name: at.name, body: incidentBody(data) };
    return { kind: 'incident', id: this.incident?.id ?? null, body: incidentBody(data) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-incident-form': IncidentForm;
  }
}
