/**
 * The portfolio's filters (tier, category, band, status, free text) and how many vendors pass them. The
 * values come from the URL; every change goes up at once (no Apply button: the view follows as you
 * choose, and the page keeps it in the URL). The matrix shows the same filters, minus the band.
 *
 * @fires portfolio-filters-changed - a filter was changed, or all were cleared
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Band } from '../../server/domain/methodology.ts';
import {
  BANDS_LOW_FIRST,
  describeFilters,
  hasFilters,
  NO_FILTERS,
  STATUS_FILTER_LABEL,
  STATUS_FILTERS,
  TIERS,
  type PortfolioFilters,
  type StatusFilter,
} from '../charts/heatmap.filter.ts';
import { BAND_LABEL } from '../charts/heatmap.bands.ts';
import { controls } from '../styles/shared.ts';
import { filterBar, forms } from '../styles/forms.ts';

const UP: EventInit = { bubbles: true, composed: true };

/** The filters the user asked for (all of them, not only the one changed). */
export class PortfolioFiltersChanged extends Event {
  static readonly type = 'portfolio-filters-changed';
  readonly filters: PortfolioFilters;
  constructor(filters: PortfolioFilters) {
    super(PortfolioFiltersChanged.type, UP);
    this.filters = filters;
  }
}

export type FilterField = keyof PortfolioFilters;

@customElement('vr-portfolio-filters')
export class PortfolioFiltersForm extends LitElement {
  static override styles = [
    controls,
    forms,
    filterBar,
    css`
      :host {
        display: block;
      }
      .field {
        flex-basis: 150px;
      }
      .field.wide {
        flex: 1 1 220px;
        max-width: 320px;
      }
    `,
  ];

  @property({ attribute: false }) filters: PortfolioFilters = NO_FILTERS;
  /** The categories to offer, A→Z. */
  @property({ attribute: false }) categories: readonly string[] = [];
  /** Which filters to show, in this order. */
  @property({ attribute: false }) fields: readonly FilterField[] = ['tier', 'category', 'band', 'status', 'q'];
  /** Vendors that pass the filters, and in all. */
  @property({ type: Number }) shown = 0;
  @property({ type: Number }) total = 0;

  override render() {
    const f = this.filters;
    const words = describeFilters(f);
    return html`<form role="search" aria-label="Filter vendors" @submit=${(e: Event) => e.preventDefault()}>
        ${this.fields.map((k) => this._field(k))}
        ${hasFilters(f) ? html`<button class="secondary" type="button" @click=${() => this._emit(NO_FILTERS)}>Clear filters</button>` : nothing}
      </form>
      <p class="count" role="status">
        Showing <strong>${this.shown}</strong> of ${this.total} vendors${words ? html` · ${words}` : nothing}
      </p>`;
  }

  private _field(k: FilterField) {
    const f = this.filters;
    switch (k) {
      case 'tier':
        return html`<div class="field">
          <label for="tier">Tier (1 = most critical)</label>
          <select id="tier" .value=${live(f.tier === null ? '' : String(f.tier))} @change=${(e: Event) => this._set({ tier: Number(this._value(e)) || null })}>
            <option value="" ?selected=${f.tier === null}>All tiers</option>
            ${TIERS.map((t) => html`<option value=${t} ?selected=${f.tier === t}>Tier ${t}</option>`)}
          </select>
        </div>`;
      case 'category':
        return html`<div class="field">
          <label for="category">Category</label>
          <select id="category" .value=${live(f.category)} @change=${(e: Event) => this._set({ category: this._value(e) })}>
            <option value="" ?selected=${f.category === ''}>All categories</option>
            ${this.categories.map((c) => html`<option value=${c} ?selected=${f.category === c}>${c}</option>`)}
          </select>
        </div>`;
      case 'band':
        return html`<div class="field">
          <label for="band">Band</label>
          <select id="band" .value=${live(f.band ?? '')} @change=${(e: Event) => this._set({ band: (this._value(e) || null) as Band | null })}>
            <option value="" ?selected=${f.band === null}>All bands</option>
            ${[...BANDS_LOW_FIRST].reverse().map((b) => html`<option value=${b} ?selected=${f.band === b}>${BAND_LABEL[b]}</option>`)}
            <option value="not-assessed" ?selected=${f.band === 'not-assessed'}>${BAND_LABEL['not-assessed']}</option>
          </select>
        </div>`;
      case 'status':
        return html`<div class="field">
          <label for="status">Status</label>
          <select id="status" .value=${live(f.status)} @change=${(e: Event) => this._set({ status: this._value(e) as StatusFilter })}>
            ${STATUS_FILTERS.map((s) => html`<option value=${s} ?selected=${f.status === s}>${STATUS_FILTER_LABEL(s)}</option>`)}
          </select>
        </div>`;
      case 'q':
        return html`<div class="field wide">
          <label for="q">Search name or category</label>
          <input id="q" type="search" autocomplete="off" maxlength="100" .value=${live(f.q)} @input=${(e: Event) => this._set({ q: this._value(e) })} />
        </div>`;
    }
  }

  // Each select gets its value twice: `selected` on the options for the first render (the value
  // property is set before the options exist), `.value` after it (a select the user has touched no
  // longer follows `selected`), so Back and Forward show the URL's filters.
  private _value(e: Event): string {
    return (e.target as HTMLInputElement | HTMLSelectElement).value;
  }

  private _set(change: Partial<PortfolioFilters>): void {
    this._emit({ ...this.filters, ...change });
  }

  private _emit(filters: PortfolioFilters): void {
    this.dispatchEvent(new PortfolioFiltersChanged(filters));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-portfolio-filters': PortfolioFiltersForm;
  }
  interface HTMLElementEventMap {
    'portfolio-filters-changed': PortfolioFiltersChanged;
  }
}
