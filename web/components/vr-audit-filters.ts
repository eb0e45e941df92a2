/**
 * The audit log's filters: what kind of record, who acted, and a range of days (UTC, both ends
 * included, as the server counts them). The values come from the URL; Apply and Clear send new ones up.
 *
 * @fires audit-filters-changed - Apply (the form's values) or Clear (no filters)
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AuditFiltersChanged } from '../account-events.ts';
import { AUDIT_ENTITIES } from '../audit.ts';
import { formText } from './form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

export const AUDIT_FILTERS = ['entity', 'actor', 'from', 'to'] as const;

@customElement('vr-audit-filters')
export class AuditFilters extends LitElement {
  static override styles = [
    controls,
    forms,
    css`
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.6fr) minmax(0, 1fr) minmax(0, 1fr) auto;
        gap: 12px;
        align-items: end;
      }
      .field {
        margin: 0;
      }
      @media (max-width: 900px) {
        form {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  /** The filters in force (from the URL). */
  @property({ attribute: false }) filters: Readonly<Record<string, string>> = {};

  override render() {
    const f = this.filters;
    return html`<form @submit=${this._onSubmit} aria-label="Filter the audit log">
      <div class="field">
        <label for="entity">Record type</label>
        <select id="entity" name="entity">
          <option value="" ?selected=${!f.entity}>Any</option>
          ${AUDIT_ENTITIES.map((e) => html`<option value=${e} ?selected=${f.entity === e}>${e}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="actor">Who (e-mail, "system" or "anonymous")</label>
        <input id="actor" name="actor" type="text" autocomplete="off" maxlength="254" .value=${live(f.actor ?? '')} />
      </div>
      <div class="field">
        <label for="from">From day</label>
        <input id="from" name="from" type="date" .value=${live(f.from ?? '')} />
      </div>
      <div class="field">
        <label for="to">To day</label>
        <input id="to" name="to" type="date" .value=${live(f.to ?? '')} />
      </div>
      <div class="actions">
        <button class="primary" type="submit">Apply</button>
        <button class="secondary" type="button" @click=${() => this.dispatchEvent(new AuditFiltersChanged({}))}>Clear</button>
      </div>
    </form>`;
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    this.dispatchEvent(new AuditFiltersChanged(Object.fromEntries(AUDIT_FILTERS.map((k) => [k, formText(form, k).trim()]))));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-audit-filters': AuditFilters;
  }
}
