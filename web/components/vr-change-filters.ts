/**
 * What changed's period and filters: since my last visit / 7 / 30 days, tier, business owner, kind.
 * Every change goes up at once; the page keeps them in the URL.
 *
 * @fires feed-filters-changed - the period or a filter was changed
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PERIODS, type FeedFilters, type Period } from '../changes.ts';
import { CHANGE_KIND_LABELS } from '../change-kinds.ts';
import { FeedFiltersChanged } from '../change-events.ts';
import { controls } from '../styles/shared.ts';
import { filterBar, forms } from '../styles/forms.ts';

@customElement('vr-change-filters')
export class ChangeFilters extends LitElement {
  static override styles = [controls, forms, filterBar, css`:host { display: block; }`];

  @property({ attribute: false }) filters: FeedFilters = { period: 'last-visit', tier: '', owner: '', kind: '' };
  /** Business owners to offer, A→Z. */
  @property({ attribute: false }) owners: readonly string[] = [];

  private _set(patch: Partial<FeedFilters>) {
    this.dispatchEvent(new FeedFiltersChanged({ ...this.filters, ...patch }));
  }

  override render() {
    const f = this.filters;
    const owners = f.owner && !this.owners.includes(f.owner) ? [f.owner, ...this.owners] : this.owners;
    return html`<form role="search" aria-label="Filter what changed" @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="period">Period</label>
        <select id="period" .value=${live(f.period)} @change=${(e: Event) => this._set({ period: (e.target as HTMLSelectElement).value as Period })}>
          ${PERIODS.map((p) => html`<option value=${p.value} ?selected=${p.value === f.period}>${p.label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="tier">Tier</label>
        <select id="tier" .value=${live(f.tier)} @change=${(e: Event) => this._set({ tier: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${f.tier === ''}>All tiers</option>
          ${['1', '2', '3', '4'].map((t) => html`<option value=${t} ?selected=${t === f.tier}>Tier ${t}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="owner">Business owner</label>
        <select id="owner" .value=${live(f.owner)} @change=${(e: Event) => this._set({ owner: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${f.owner === ''}>Anyone</option>
          ${owners.map((o) => html`<option value=${o} ?selected=${o === f.owner}>${o}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="kind">Kind</label>
        <select id="kind" .value=${live(f.kind)} @change=${(e: Event) => this._set({ kind: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${f.kind === ''}>Every kind</option>
          ${Object.entries(CHANGE_KIND_LABELS).map(([k, label]) => html`<option value=${k} ?selected=${k === f.kind}>${label}</option>`)}
        </select>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-change-filters': ChangeFilters;
  }
}
