/**
 * Who needs a procurement review: vendors flagged since their last decision (new evidence reopened
 * it), overdue, due soon or never reviewed, most urgent first, with the reasons. The filters (owner,
 * tier, horizon, as-of day) live in the URL (`/reviews?tier=1&owner=…&before=…&asOf=…`), so a view
 * can be shared and found again with Back; changes replace the history entry, opening a vendor
 * adds one. Below: the list as CSV, and the calendar feed with how to get a token for it.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, DueList } from '../api/client.ts';
import { fieldErrors } from '../api/api-error.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../app/routes.ts';
import { NavigationRequested } from '../events.ts';
import type { DueFiltersChanged } from '../review-events.ts';
import { countByKind, dueQuery, NO_DUE_FILTERS, ownersOf, parseDueFilters, sortDue, type DueFilters } from '../reviews.ts';
import { partialDate } from '../format.ts';
import { readableErrors } from '../vendor-edits.ts';
import { card } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { pageStyles, viewCard } from '../styles/page.ts';
import { reviewsPageStyles } from './vr-reviews-page.styles.ts';
import '../components/vr-error.ts';
import '../components/vr-due-filters.ts';
import '../components/vr-due-summary.ts';
import '../components/vr-due-table.ts';
import '../components/vr-due-feed.ts';

@customElement('vr-reviews-page')
export class ReviewsPage extends LitElement {
  static override styles = [card, forms, pageStyles, viewCard, reviewsPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `owner`, `tier`, `before`, `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The sorted rows of the last answer, kept while it stays the same. */
  private _sorted?: { readonly source: DueList; readonly items: DueList['items'] };

  private _due = new Task(this, {
    args: () => [JSON.stringify(dueQuery(parseDueFilters(this.query)))] as const,
    task: ([q], { signal }) => this._api.dueReviews(JSON.parse(q) as Record<string, string>, { signal }),
  });

  /** Every vendor's business owner, for the owner filter (the list itself shrinks to the owner picked). */
  private _owners = new Task(this, {
    args: () => [] as const,
    task: async (_, { signal }) => ownersOf((await this._api.vendors({ limit: 1000 }, { signal })).items),
  });

  override render() {
    const filters = parseDueFilters(this.query);
    const data = this._due.value;
    const failed = this._due.status === TaskStatus.ERROR;
    const errors = failed ? readableErrors(fieldErrors(this._due.error, 'query')) : {};
    const head = html`<header class="page-head">
      <div>
        <h1>Reviews due</h1>
        <p class="lede">
          Vendors whose procurement decision needs another look: flagged by what happened since (a higher band, a serious incident, a repeated root
          cause, a new subprocessor with tenant access, an expired waiver), overdue, due by the horizon, or never reviewed.
        </p>
      </div>
    </header>`;
    return html`${head}
      <section class="card due" aria-labelledby="due-title" aria-busy=${this._due.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="card-head">
          <h2 id="due-title">Due list</h2>
          ${data ? html`<p class="muted">As of ${partialDate(data.asOf)}, review dates up to ${partialDate(data.before)}.</p>` : nothing}
        </div>
        <div class="filters">
          <vr-due-filters .filters=${filters} .owners=${this._owners.value ?? []} effectiveAsOf=${data?.asOf ?? ''} effectiveBefore=${data?.before ?? ''} .errors=${errors}
            @due-filters-changed=${this._onFilters}></vr-due-filters>
        </div>
        ${this._body(filters, data, failed, Object.keys(errors).length > 0)}
      </section>
      <vr-due-feed .filters=${filters} origin=${location.origin}></vr-due-feed>`;
  }

  private _body(filters: DueFilters, data: DueList | undefined, failed: boolean, placed: boolean) {
    if (failed) {
      return html`<div class="pad">
        <vr-error heading=${placed ? 'These filters cannot be used' : 'The due list could not be loaded'} .error=${this._due.error}>
          <button class="secondary" type="button" @click=${() => (placed ? this._go(NO_DUE_FILTERS) : void this._due.run())}>${placed ? 'Clear filters' : 'Try again'}</button>
        </vr-error>
      </div>`;
    }
    if (!data) return html`<p class="loading pad" role="status">Loading the due list…</p>`;
    const items = this._items(data);
    const summary = html`<div class="summary">
      <p class="count" role="status"><strong>${items.length}</strong> ${items.length === 1 ? 'vendor' : 'vendors'} to review</p>
      <vr-due-summary .counts=${countByKind(items)}></vr-due-summary>
    </div>`;
    if (items.length === 0) {
      const any = filters.owner !== '' || filters.tier !== null;
      return html`${summary}
        <div class="empty">
          <p><strong>No vendor is due for review</strong> by ${partialDate(data.before)}${any ? ' with these filters' : ''}.</p>
          ${any ? html`<button class="secondary" type="button" @click=${() => this._go({ ...filters, owner: '', tier: null })}>Show every owner and tier</button>` : nothing}
        </div>`;
    }
    return html`${summary}<vr-due-table .items=${items} asOf=${filters.asOf}></vr-due-table>
      <p class="foot">
        Flagged vendors come first, then overdue ones, then those due by the horizon, then those never reviewed. Record a decision on a vendor's page, under
        Procurement review.
      </p>`;
  }

  protected override updated(): void {
    document.title = 'Reviews · Vendorscope';
  }

  private _items(data: DueList): DueList['items'] {
    if (this._sorted?.source !== data) this._sorted = { source: data, items: sortDue(data.items) };
    return this._sorted.items;
  }

  private _go(filters: DueFilters): void {
    this.dispatchEvent(new NavigationRequested(urlWith('/reviews', dueQuery(filters)), true));
  }

  private _onFilters(e: DueFiltersChanged): void {
    this._go(e.filters);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-reviews-page': ReviewsPage;
  }
}
