/**
 * The due list's filters: business owner, tier, the horizon (review dates up to a day; 30 days
 * after the as-of day when left empty) and the as-of day (today when empty). Every change goes up
 * at once; the page keeps them in the URL. The server's refusal of a filter (a horizon before the
 * as-of day) shows beside it.
 *
 * @fires due-filters-changed - a filter was changed, or all were cleared
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { NO_DUE_FILTERS, type DueFilters } from '../reviews.ts';
import { DueFiltersChanged } from '../review-events.ts';
import { controls } from '../styles/shared.ts';
import { filterBar, forms } from '../styles/forms.ts';

const TIERS = [1, 2, 3, 4] as const;

@customElement('vr-due-filters')
export class DueFiltersForm extends LitElement {
  static override styles = [
    controls,
    forms,
    filterBar,
    css`
      :host {
        display: block;
      }
      /* The date fields carry a hint below: the fields line up by their tops, Clear by the controls. */
      form {
        align-items: flex-start;
      }
      .field.wide {
        flex: 1 1 220px;
        max-width: 300px;
      }
      button.secondary {
        margin-top: 22px;
      }
    `,
  ];

  @property({ attribute: false }) filters: DueFilters = NO_DUE_FILTERS;
  /** Business owners to offer, A→Z. */
  @property({ attribute: false }) owners: readonly string[] = [];
  /** The day the list was computed for and its horizon (the server's defaults when the filters leave them empty). */
  @property() effectiveAsOf = '';
  @property() effectiveBefore = '';
  /** The server's messages about filters (`before`, `asOf`…). */
  @property({ attribute: false }) errors: Readonly<Record<string, string>> = {};

  override render() {
    const f = this.filters;
    const e = this.errors;
    const owners = f.owner && !this.owners.includes(f.owner) ? [f.owner, ...this.owners] : this.owners;
    const any = f.owner !== '' || f.tier !== null || f.before !== '' || f.asOf !== '';
    return html`<form role="search" aria-label="Filter the due list" @submit=${(ev: Event) => ev.preventDefault()}>
      <div class="field wide">
        <label for="owner">Business owner</label>
        <select id="owner" .value=${live(f.owner)} @change=${(ev: Event) => this._set({ owner: this._value(ev) })}>
          <option value="" ?selected=${f.owner === ''}>All owners</option>
          ${owners.map((o) => html`<option value=${o} ?selected=${f.owner === o}>${o}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="tier">Tier (1 = most critical)</label>
        <select id="tier" .value=${live(f.tier === null ? '' : String(f.tier))} @change=${(ev: Event) => this._set({ tier: Number(this._value(ev)) || null })}>
          <option value="" ?selected=${f.tier === null}>All tiers</option>
          ${TIERS.map((t) => html`<option value=${t} ?selected=${f.tier === t}>Tier ${t}</option>`)}
        </select>
      </div>
      ${this._date('before', 'Due by', f.before || this.effectiveBefore, e.before, 'Review dates up to this day.')}
      ${this._date('asOf', 'As of', f.asOf || this.effectiveAsOf, e.asOf, 'The day the status is computed for.')}
      ${any ? html`<button class="secondary" type="button" @click=${() => this.dispatchEvent(new DueFiltersChanged(NO_DUE_FILTERS))}>Clear filters</button>` : nothing}
    </form>`;
  }

  private _date(name: 'before' | 'asOf', label: string, value: string, error: string | undefined, hint: string) {
    const described = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} type="date" min="2000-01-01" max="2999-12-31" .value=${live(value)} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(described)}
        @change=${(ev: Event) => this._set({ [name]: /^\d{4}-\d{2}-\d{2}$/.test(this._value(ev)) ? this._value(ev) : '' })} />
      <p class="hint" id=${`${name}-hint`}>${hint}</p>
      ${error ? html`<p class="field-error" id=${`${name}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  // Each select gets its value twice, as the portfolio's filters do: `selected` for the first render, `.value` once touched (Back and Forward).
  private _value(e: Event): string {
    return (e.target as HTMLInputElement | HTMLSelectElement).value;
  }

  private _set(change: Partial<DueFilters>): void {
    this.dispatchEvent(new DueFiltersChanged({ ...this.filters, ...change }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-due-filters': DueFiltersForm;
  }
}
