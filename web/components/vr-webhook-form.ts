/**
 * A new webhook target: name, URL, format, the kinds and tiers it wants, a severity floor, and an
 * optional secret (left empty, the server makes one and the page shows it once). Errors from the
 * API (a refused address, say) show beside their fields.
 *
 * @fires webhook-create-requested - the form was submitted
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ChangeKind } from '../../server/domain/change.ts';
import type { Severity } from '../../server/domain/vocabulary.ts';
import { WebhookCreateRequested } from '../alert-events.ts';
import { KIND_LABEL, KINDS, SEVERITY_OPTIONS } from '../watch-rules.ts';
import { checkboxGroup, field, formText, outcomes, selectField, submitButton } from './form-field.ts';
import { formElement } from '../styles/forms.ts';

@customElement('vr-webhook-form')
export class WebhookForm extends LitElement {
  static override styles = formElement;

  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};
  @property() failure = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    const e = this.errors;
    return html`<form @submit=${this._onSubmit}>
      ${field({ id: 'wh-name', name: 'name', label: 'Name', required: true, maxlength: 100, error: e.name })}
      ${field({ id: 'wh-url', name: 'url', label: 'URL', required: true, inputmode: 'url', hint: 'http(s) only; private and loopback addresses only when WEBHOOK_ALLOW lists them', error: e.url })}
      ${selectField({
        id: 'wh-format',
        name: 'format',
        label: 'Format',
        options: [
          { value: 'json', label: 'JSON (WebhookEvent)' },
          { value: 'slack', label: 'Slack incoming webhook' },
        ],
        error: e.format,
      })}
      ${checkboxGroup({ id: 'wh-kinds', name: 'kinds', label: 'Kinds of change (none ticked: every kind)', options: KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] })), values: [], error: e.kinds })}
      ${checkboxGroup({ id: 'wh-tiers', name: 'tiers', label: 'Vendor tiers (none ticked: every tier)', options: [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}` })), values: [], error: e.tiers })}
      ${selectField({ id: 'wh-severity', name: 'minSeverity', label: 'Incidents and findings: severity at least', options: [{ value: '', label: 'Any severity' }, ...SEVERITY_OPTIONS.map((s) => ({ value: s, label: s }))], error: e.minSeverity })}
      ${field({ id: 'wh-secret', name: 'secret', label: 'Secret (optional)', type: 'password', autocomplete: 'off', hint: 'At least 16 characters; left empty, one is generated and shown once', error: e.secret })}
      ${outcomes('', this.failure)} ${submitButton(this.busy, 'Add webhook', 'Adding…')}
    </form>`;
  }

  private _onSubmit(ev: SubmitEvent): void {
    ev.preventDefault();
    if (this.busy) return;
    const form = ev.target as HTMLFormElement;
    const data = new FormData(form);
    const kinds = data.getAll('kinds') as ChangeKind[];
    const tiers = data.getAll('tiers').map(Number);
    const secret = formText(form, 'secret');
    this.dispatchEvent(
      new WebhookCreateRequested({
        name: formText(form, 'name'),
        url: formText(form, 'url'),
        format: formText(form, 'format') as 'json' | 'slack',
        kinds: kinds.length > 0 ? kinds : null,
        tiers: tiers.length > 0 ? tiers : null,
        minSeverity: (formText(form, 'minSeverity') || null) as Severity | null,
        ...(secret ? { secret } : {}),
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-webhook-form': WebhookForm;
  }
}
