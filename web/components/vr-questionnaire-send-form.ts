/**
 * "Request evidence": send a vendor's contact a questionnaire. Template, due day, contact name and
 * e-mail, a message, and the day the link stops working; "Send request" creates it and answers
 * with the link (shown once by the section), "Save as draft" keeps it to send later. The server's
 * field errors show beside their fields, and the first one takes focus.
 *
 * @fires questionnaire-send-requested - the form was submitted (send or draft)
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QuestionnaireTemplateSummary } from '../../server/domain/questionnaire-api.ts';
import { QuestionnaireSendRequested } from '../questionnaire-events.ts';
import { requestFromForm } from '../questionnaires.ts';
import { errorsChanged, focusFirstError } from './edit-form.ts';
import { field, outcomes, selectField, textareaField } from './form-field.ts';
import { formElement } from '../styles/forms.ts';

@customElement('vr-questionnaire-send-form')
export class QuestionnaireSendForm extends LitElement {
  static override styles = [
    ...formElement,
    css`
      .row {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0 14px;
      }
      @media (max-width: 640px) {
        .row {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) templates: readonly QuestionnaireTemplateSummary[] = [];
  @property() vendorName = '';
  /** The default due day (the section passes today + 14 days). */
  @property() defaultDue = '';
  @property({ attribute: false, hasChanged: errorsChanged }) errors: Readonly<Record<string, string>> = {};
  @property() failure = '';
  @property({ type: Boolean }) busy = false;
  /** Counts the requests created: each one empties the form for the next. */
  @property({ type: Number }) created = 0;

  override render() {
    const e = this.errors;
    if (this.templates.length === 0) return html`<p class="hint">No questionnaire templates are installed (data/questionnaires/).</p>`;
    const label = (t: QuestionnaireTemplateSummary) => `${t.title} (${t.questionCount} questions, version ${t.version})`;
    return html`<form @submit=${this._onSubmit} aria-label=${`Request evidence from ${this.vendorName}`}>
      ${selectField({ id: 'qr-template', name: 'templateId', label: 'Questionnaire', options: this.templates.map((t) => ({ value: t.id, label: label(t) })), error: e.templateId })}
      <div class="row">
        ${field({ id: 'qr-contactName', name: 'contactName', label: 'Contact name', required: true, maxlength: 200, autocomplete: 'off', error: e.contactName })}
        ${field({ id: 'qr-contactEmail', name: 'contactEmail', label: 'Contact e-mail', type: 'email', required: true, maxlength: 320, autocomplete: 'off', error: e.contactEmail })}
        ${field({ id: 'qr-dueOn', name: 'dueOn', label: 'Due on', type: 'date', required: true, value: this.defaultDue, error: e.dueOn })}
        ${field({ id: 'qr-linkExpiresOn', name: 'linkExpiresOn', label: 'Link works until (optional)', type: 'date', hint: 'Left empty: 30 days after the due day', error: e.linkExpiresOn })}
      </div>
      ${textareaField({ id: 'qr-message', name: 'message', label: 'Message to the contact (optional)', rows: 3, maxlength: 4000, error: e.message })}
      ${outcomes('', this.failure)}
      <div class="actions">
        <button class="primary" type="submit" name="send" value="send" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Sending…' : 'Send request'}</button>
        <button class="secondary" type="submit" name="send" value="draft" aria-disabled=${this.busy ? 'true' : 'false'}>Save as draft</button>
      </div>
    </form>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('errors') && Object.keys(this.errors).length > 0) focusFirstError(this.renderRoot);
    if (changed.has('created') && this.created > 0) this.renderRoot.querySelector('form')?.reset();
  }

  private _onSubmit(ev: SubmitEvent): void {
    ev.preventDefault();
    if (this.busy) return;
    const send = (ev.submitter as HTMLButtonElement | null)?.value !== 'draft';
    this.dispatchEvent(new QuestionnaireSendRequested(requestFromForm(new FormData(ev.target as HTMLFormElement), send)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-questionnaire-send-form': QuestionnaireSendForm;
  }
}
