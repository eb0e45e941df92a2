/**
 * The portfolio: every engaged vendor × factor as of a day (or, with the status filter, the vendors
 * of another status). Owns the fetch (Task); the filters, the sort and the date live in the URL
 * (`/portfolio?tier=1&band=high&status=all&q=okta&sort=risk&asOf=…`), so a view can be shared,
 * reloaded, and found again with Back. Filter and sort changes replace the history entry (they
 * refine one view; Back leaves the portfolio), and never refetch: only the date does, and the
 * status filter when it first reaches past the engaged vendors. The row density (compact or
 * comfortable) is the reader's own, remembered in the browser rather than the URL.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Me } from '../api/client.ts';
import type { Heatmap } from '../../server/http/contract.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { canEdit } from '../roles.ts';
import { parseSort, type SortState } from '../charts/heatmap.sort.ts';
import {
  categoriesOf,
  filterKey,
  filterRows,
  heatmapStatus,
  NO_FILTERS,
  parseFilters,
  portfolioQuery,
  type PortfolioFilters,
} from '../charts/heatmap.filter.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested, type AsOfChanged, type SortChanged, type VendorSelected } from '../events.ts';
import type { PortfolioFiltersChanged } from '../components/vr-portfolio-filters.ts';
import { viewPage } from '../styles/page.ts';
import { loadDensity, saveDensity, type Density } from '../charts/heatmap.density.ts';
import '../charts/vr-heatmap.ts';
import '../charts/vr-heatmap-legend.ts';
import '../components/vr-as-of.ts';
import '../components/vr-data-notice.ts';
import '../components/vr-error.ts';
import '../components/vr-portfolio-filters.ts';
import './vr-add-vendor.ts';

/** The rows a filter lets through, kept while neither the data nor the filter changes (the grid lays out once per change). */
interface View {
  readonly source: Heatmap;
  readonly key: string;
  readonly data: Pick<Heatmap, 'factors' | 'bands' | 'rows'>;
  readonly categories: string[];
}

/** The browser's localStorage, when this origin may use it. */
const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

@customElement('vr-portfolio-page')
export class PortfolioPage extends LitElement {
  static override styles = [
    ...viewPage,
    css`
      /* The density toggle shares the filters' row rather than taking one of its own. */
      .filters.with-density {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 8px 16px;
      }
      .filters.with-density vr-portfolio-filters {
        flex: 1 1 auto;
      }
      .density {
        margin-left: auto;
      }
      /* A toggle looks on when it is on (aria-pressed), not only to a screen reader. */
      .density button[aria-pressed='true'] {
        background: var(--vr-accent);
        color: var(--vr-on-accent);
      }
      .density button {
        padding: 4px 12px;
        font-size: 0.86rem;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  /** The URL's query: `tier`, `category`, `band`, `status`, `q`, `sort`, `dir`, `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();
  private _view?: View;
  @state() private _density: Density = loadDensity(storage());

  private _heatmap = new Task(this, {
    task: ([asOf, status], { signal }) => this._api.heatmap(asOf || undefined, { signal }, undefined, status),
    args: () => [this.query.get('asOf') ?? '', heatmapStatus(parseFilters(this.query))] as const,
  });
  private _about = new Task(this, { task: (_, { signal }) => this._api.about({ signal }), args: () => [] as const });

  override render() {
    const data = this._heatmap.value;
    const asOf = this.query.get('asOf') ?? '';
    const head = html`<header class="page-head">
      <div>
        <h1>Portfolio risk</h1>
        <p class="lede">
          ${
            data
              ? `${data.rows.length} vendors, scored as of ${data.asOf} with methodology ${data.methodologyVersion}. `
              : 'Every vendor we depend on, scored factor by factor. '
          }
          Open a vendor to see why it scores as it does.
        </p>
        ${canEdit(this._me?.role) ? html`<vr-add-vendor></vr-add-vendor>` : nothing}
      </div>
      <vr-as-of .value=${asOf} .effective=${data?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
    </header>`;
    if (this._heatmap.status === TaskStatus.ERROR) {
      return html`${head}<vr-error heading="The portfolio could not be loaded" .error=${this._heatmap.error}>
          <button class="secondary" type="button" @click=${() => void this._heatmap.run()}>Try again</button>
        </vr-error>`;
    }
    if (!data) return html`${head}<p class="loading" role="status">Loading the portfolio…</p>`;
    const filters = parseFilters(this.query);
    const view = this._filtered(data, filters);
    const sort = parseSort(
      this.query,
      data.factors.map((f) => f.id),
    );
    return html`${head}
      <vr-data-notice .about=${this._about.value} ?compact=${this._density === 'compact'}></vr-data-notice>
      <section class="card" aria-labelledby="hm-title" aria-busy=${this._heatmap.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="card-head">
          <div>
            <h2 id="hm-title">Vendors by risk factor</h2>
            <p class="muted">Likelihood weighs the factors; impact comes from our relationship; risk combines the two.</p>
          </div>
          <vr-heatmap-legend></vr-heatmap-legend>
        </div>
        <div class="filters with-density">
          <vr-portfolio-filters
            .filters=${filters}
            .categories=${view.categories}
            .shown=${view.data.rows.length}
            .total=${data.rows.length}
            @portfolio-filters-changed=${this._onFilters}
          ></vr-portfolio-filters>
          <div class="density">
            <button class="secondary" type="button" aria-pressed=${this._density === 'compact' ? 'true' : 'false'} @click=${this._toggleDensity}>Compact rows</button>
          </div>
        </div>
        ${
          view.data.rows.length > 0
            ? html`<vr-heatmap .data=${view.data} .sort=${sort} density=${this._density} @vendor-selected=${this._onVendor} @sort-changed=${this._onSort}></vr-heatmap>
              <p class="foot">
                Click a row, or move to a cell with the arrow keys and press Enter, to open the vendor. Hover or focus a factor cell to see
                its largest contribution. Confidence is the share of the evidence a score needs that is known and fresh; unknowns are
                counted, never scored as good.
              </p>`
            : this._empty(data.rows.length)
        }
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Portfolio · Vendorscope';
  }

  private _empty(total: number) {
    if (total === 0) {
      return html`<div class="empty"><p><strong>No vendors yet.</strong> Vendors added here (Add vendor), on the Data page or through the API appear here with their scores.</p></div>`;
    }
    return html`<div class="empty">
      <p><strong>No vendor matches these filters.</strong> Try another tier, category, band or status, or a shorter search.</p>
      <button class="secondary" type="button" @click=${() => this._go({ filters: NO_FILTERS })}>Clear filters</button>
    </div>`;
  }

  private _filtered(data: Heatmap, filters: PortfolioFilters): View {
    const key = filterKey(filters);
    if (this._view?.source !== data || this._view.key !== key) {
      const rows = filterRows(data.rows, filters) as Heatmap['rows'];
      this._view = { source: data, key, data: { factors: data.factors, bands: data.bands, rows }, categories: categoriesOf(data.rows, filters.category) };
    }
    return this._view;
  }

  /** Shows the portfolio with `change` applied and everything else as the URL has it, replacing the history entry. */
  private _go(change: { filters?: PortfolioFilters; sort?: SortState; asOf?: string }): void {
    const q = this.query;
    const sort = change.sort ?? { sort: q.get('sort') ?? undefined, dir: q.get('dir') ?? undefined };
    const query = portfolioQuery(change.filters ?? parseFilters(q), sort, change.asOf ?? q.get('asOf') ?? '');
    // The portfolio lives at `/portfolio`; `/` is What changed.
    this.dispatchEvent(new NavigationRequested(urlWith('/portfolio', query), true));
  }

  private _toggleDensity(): void {
    this._density = this._density === 'compact' ? 'comfortable' : 'compact';
    saveDensity(storage(), this._density);
  }

  private _onFilters(e: PortfolioFiltersChanged): void {
    this._go({ filters: e.filters });
  }

  private _onSort(e: SortChanged): void {
    this._go({ sort: { key: e.key, dir: e.dir } });
  }

  private _onAsOf(e: AsOfChanged): void {
    this._go({ asOf: e.asOf });
  }

  private _onVendor(e: VendorSelected): void {
    this.dispatchEvent(new NavigationRequested(urlWith(`/vendors/${e.vendorId}`, { asOf: this.query.get('asOf') ?? undefined })));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-portfolio-page': PortfolioPage;
  }
}
