/**
 * The audit log's filters: what kind of record (and which one), which vendor, who acted, and a
 * range of days (UTC, both ends included, as the server counts them). The values come from the
 * URL; Apply and Clear send new ones up. Vendors and people are offered by name (the page fetches them).
 *
 * @fires audit-filters-changed - Apply (the form's values) or Clear (no filters)
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AuditFiltersChanged } from '../account-events.ts';
import { AUDIT_ENTITIES, AUDIT_FILTERS, type AuditFilterValues } from '../audit.ts';
import { formText } from './form-field.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

export { AUDIT_FILTERS };

@customElement('vr-audit-filters')
export class AuditFilters extends LitElement {
  static override styles = [
    controls,
    forms,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
        gap: 12px;
        align-items: end;
      }
      .field {
        margin: 0;
      }
      .field.wide {
        grid-column: span 2;
      }
      @media (max-width: 600px) {
        .field.wide {
          grid-column: auto;
        }
      }
    `,
  ];

  /** The filters in force (from the URL). */
  @property({ attribute: false }) filters: Readonly<AuditFilterValues> = {};
  /** The vendors to choose from, by name. */
  @property({ attribute: false }) vendors: ReadonlyArray<{ readonly id: number; readonly name: string }> = [];
  /** E-mails of the people who can act, offered as the "Who" field is typed. */
  @property({ attribute: false }) actors: readonly string[] = [];

  override render() {
    const f = this.filters;
    const known = this.vendors.some((v) => String(v.id) === f.vendorId);
    return html`<form @submit=${this._onSubmit} aria-label="Filter the audit log">
      <div class="field">
        <label for="entity">Record type</label>
        <select id="entity" name="entity">
          <option value="" ?selected=${!f.entity}>Any</option>
          ${AUDIT_ENTITIES.map((e) => html`<option value=${e} ?selected=${f.entity === e}>${e}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="entityId">Record id</label>
        <input id="entityId" name="entityId" type="text" inputmode="numeric" autocomplete="off" maxlength="100" .value=${live(f.entityId ?? '')} />
      </div>
      <div class="field wide">
        <label for="vendorId">Vendor (its records and everything it owns)</label>
        <select id="vendorId" name="vendorId">
          <option value="" ?selected=${!f.vendorId}>Any</option>
          ${f.vendorId && !known ? html`<option value=${f.vendorId} selected>vendor #${f.vendorId}</option>` : ''}
          ${this.vendors.map((v) => html`<option value=${String(v.id)} ?selected=${f.vendorId === String(v.id)}>${v.name}</option>`)}
        </select>
      </div>
      <div class="field wide">
        <label for="actor">Who (e-mail, "system" or "anonymous")</label>
        <input id="actor" name="actor" type="text" autocomplete="off" maxlength="254" list="actors" .value=${live(f.actor ?? '')} />
        <datalist id="actors">${['system', ...this.actors].map((a) => html`<option value=${a}></option>`)}</datalist>
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
