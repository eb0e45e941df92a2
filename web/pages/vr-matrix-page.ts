/**
 * The risk matrix: where each vendor sits by likelihood and impact level, as of a day, with the
 * vendors of one chosen cell listed beside it. It reads the portfolio heatmap (each row carries
 * its cell). The filters (tier, category, free text), the chosen cell and the date live in the URL
 * (`/matrix?tier=1&cell=4-5`); choosing replaces the history entry, opening a vendor adds one.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import type { Heatmap } from '../../server/http/contract.ts';
import { apiContext } from '../state/contexts.ts';
import { categoriesOf, filterKey, filtersQuery, filterRows, NO_FILTERS, parseFilters, type PortfolioFilters } from '../charts/heatmap.filter.ts';
import { cellKey, layoutRiskMatrix, parseCell, type MatrixLayout } from '../charts/risk-matrix.layout.ts';
import { bandRanges, BAND_INK, BAND_TINT } from '../charts/heatmap.bands.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested, type AsOfChanged } from '../events.ts';
import type { PortfolioFiltersChanged } from '../components/vr-portfolio-filters.ts';
import type { MatrixCellSelected } from '../charts/vr-risk-matrix.ts';
import { viewPage } from '../styles/page.ts';
import '../charts/vr-risk-matrix.ts';
import '../components/vr-as-of.ts';
import '../components/vr-error.ts';
import '../components/vr-matrix-vendors.ts';
import '../components/vr-matrix-not-assessed.ts';
import '../components/vr-portfolio-filters.ts';

/** The matrix filters on what places a vendor in a cell's company; the band would only hide cells. */
const FIELDS = ['tier', 'category', 'q'] as const;

@customElement('vr-matrix-page')
export class MatrixPage extends LitElement {
  static override styles = [
    ...viewPage,
    css`
      .body {
        display: flex;
        flex-wrap: wrap;
        gap: 24px 32px;
        align-items: flex-start;
        padding: 20px;
        border-top: 1px solid var(--vr-line);
      }
      /* May shrink below the drawing's width: the matrix then scrolls sideways in its own box. */
      vr-risk-matrix {
        flex: 0 1 520px;
        min-width: 0;
      }
      .list {
        flex: 1 1 320px;
        min-width: 0;
      }
      .empty {
        margin: 0 0 12px;
      }
      .apart {
        margin-top: 24px;
        padding-top: 16px;
        border-top: 1px solid var(--vr-line);
      }
      .legend {
        margin: 0;
        font-size: 0.8rem;
        color: var(--vr-ink-muted);
      }
      .legend figcaption {
        font-weight: 600;
        color: var(--vr-ink);
        margin-bottom: 4px;
      }
      .legend ul {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .legend li {
        display: flex;
        align-items: center;
        gap: 6px;
      }
      .legend strong {
        color: var(--vr-ink);
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `tier`, `category`, `q`, `cell`, `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The filtered rows and their matrix, kept while neither the data nor the filters change. */
  private _memo?: { source: Heatmap; key: string; rows: Heatmap['rows']; layout: MatrixLayout };

  private _heatmap = new Task(this, {
    task: ([asOf], { signal }) => this._api.heatmap(asOf || undefined, { signal }),
    args: () => [this.query.get('asOf') ?? ''] as const,
  });

  override render() {
    const data = this._heatmap.value;
    const asOf = this.query.get('asOf') ?? '';
    const head = html`<header class="page-head">
      <div>
        <h1>Risk matrix</h1>
        <p class="lede">
          Every vendor placed by how likely a breach through it is and how much it would hurt us${data ? `, as of ${data.asOf}` : ''}.
          Choose a cell to list its vendors.
        </p>
      </div>
      <vr-as-of .value=${asOf} .effective=${data?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
    </header>`;
    if (this._heatmap.status === TaskStatus.ERROR) {
      return html`${head}<vr-error heading="The risk matrix could not be loaded" .error=${this._heatmap.error}>
          <button class="secondary" type="button" @click=${() => void this._heatmap.run()}>Try again</button>
        </vr-error>`;
    }
    if (!data) return html`${head}<p class="loading" role="status">Loading the risk matrix…</p>`;
    const filters = this._filters();
    const { rows, layout } = this._filtered(data, filters);
    const selected = parseCell(this.query.get('cell'));
    const cell = selected && layout.rows.flat().find((c) => c.key === cellKey(selected));
    return html`${head}
      <section class="card" aria-labelledby="mx-title" aria-busy=${this._heatmap.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="card-head">
          <div>
            <h2 id="mx-title">Vendors by likelihood and impact</h2>
            <p class="muted">
              Levels cut each 0–100 score into fifths. Risk is likelihood × impact ÷ 100. Vendors not assessed are listed apart, beside the matrix.
            </p>
          </div>
          ${this._legend(data)}
        </div>
        <div class="filters">
          <vr-portfolio-filters
            .fields=${FIELDS}
            .filters=${filters}
            .categories=${categoriesOf(data.rows, filters.category)}
            .shown=${rows.length}
            .total=${data.rows.length}
            @portfolio-filters-changed=${this._onFilters}
          ></vr-portfolio-filters>
        </div>
        <div class="body">
          <vr-risk-matrix .rows=${rows} .bands=${data.bands} selected=${selected ? cellKey(selected) : ''} @matrix-cell-selected=${this._onCell}></vr-risk-matrix>
          <div class="list">
            ${
              rows.length > 0
                ? html`<vr-matrix-vendors .cell=${cell ?? null} asOf=${asOf}></vr-matrix-vendors>
                  <vr-matrix-not-assessed class="apart" .vendors=${layout.notAssessed} asOf=${asOf}></vr-matrix-not-assessed>`
                : data.rows.length > 0
                  ? html`<p class="empty"><strong>No vendor matches these filters.</strong></p>
                    <button class="secondary" type="button" @click=${() => this._go({ filters: NO_FILTERS })}>Clear filters</button>`
                  : html`<p class="empty"><strong>No vendors yet.</strong> Vendors added through the API or the seed are placed here.</p>`
            }
          </div>
        </div>
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Risk matrix · Vendorscope';
  }

  private _legend(data: Heatmap) {
    return html`<figure class="legend">
      <figcaption>Each dot is a vendor, in the tint of its own band. A cell takes the worst band among its vendors; an empty cell, faded, the band a vendor in its middle would get.</figcaption>
      <ul>
        ${bandRanges(data.bands)
          .reverse()
          .map(
            (b) => html`<li data-band=${b.band}>
              <svg width="30" height="16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" rx="3" fill=${BAND_TINT[b.band]}></rect>
                <circle cx="24" cy="8" r="5" fill=${BAND_TINT[b.band]} stroke=${BAND_INK[b.band]} stroke-width="1.5"></circle>
              </svg>
              <strong>${b.label}</strong> <span>risk ${b.text}</span>
            </li>`,
          )}
      </ul>
    </figure>`;
  }

  private _filters(): PortfolioFilters {
    // The matrix shows the engaged vendors its heatmap has; a status asked for on the portfolio does not carry over.
    return { ...parseFilters(this.query), band: null, status: 'engaged' };
  }

  private _filtered(data: Heatmap, filters: PortfolioFilters): { rows: Heatmap['rows']; layout: MatrixLayout } {
    const key = filterKey(filters);
    if (this._memo?.source !== data || this._memo.key !== key) {
      const rows = filterRows(data.rows, filters) as Heatmap['rows'];
      this._memo = { source: data, key, rows, layout: layoutRiskMatrix(rows, data.bands) };
    }
    return this._memo;
  }

  private _go(change: { filters?: PortfolioFilters; cell?: string; asOf?: string }): void {
    const q = this.query;
    const query = {
      ...filtersQuery(change.filters ?? this._filters()),
      cell: change.cell ?? q.get('cell') ?? undefined,
      asOf: change.asOf ?? q.get('asOf') ?? undefined,
    };
    this.dispatchEvent(new NavigationRequested(urlWith('/matrix', query), true));
  }

  private _onFilters(e: PortfolioFiltersChanged): void {
    this._go({ filters: e.filters });
  }

  private _onCell(e: MatrixCellSelected): void {
    this._go({ cell: e.key });
  }

  private _onAsOf(e: AsOfChanged): void {
    this._go({ asOf: e.asOf });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-matrix-page': MatrixPage;
  }
}
