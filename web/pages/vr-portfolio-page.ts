/**
 * The portfolio: every engaged vendor × factor as of a day. Owns the fetch (Task); the sort and
 * the date live in the URL (`?sort=risk&asOf=2023-10-31`), so a view can be shared and reloaded.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { parseSort, sortQuery } from '../charts/heatmap.sort.ts';
import { urlWith } from '../app/routes.ts';
import { NavigationRequested, type AsOfChanged, type SortChanged, type VendorSelected } from '../events.ts';
import { card } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import '../charts/vr-heatmap.ts';
import '../charts/vr-heatmap-legend.ts';
import '../components/vr-as-of.ts';
import '../components/vr-data-notice.ts';
import '../components/vr-error.ts';

@customElement('vr-portfolio-page')
export class PortfolioPage extends LitElement {
  static override styles = [
    card,
    pageStyles,
    css`
      .card {
        padding: 0;
      }
      .card-head {
        display: flex;
        align-items: flex-end;
        justify-content: space-between;
        gap: 16px;
        flex-wrap: wrap;
        padding: 16px 20px 12px;
        border-bottom: 1px solid var(--vr-line);
      }
      .card-head h2 {
        margin: 0;
      }
      .card-head p {
        margin: 2px 0 0;
        font-size: 0.85rem;
      }
      .foot {
        padding: 12px 20px 16px;
        margin: 0;
        font-size: 0.82rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `sort`, `dir`, `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();

  private _heatmap = new Task(this, {
    task: ([asOf], { signal }) => this._api.heatmap(asOf || undefined, { signal }),
    args: () => [this.query.get('asOf') ?? ''] as const,
  });
  private _about = new Task(this, { task: (_, { signal }) => this._api.about({ signal }), args: () => [] as const });

  override render() {
    const data = this._heatmap.value;
    const asOf = this.query.get('asOf') ?? '';
    const head = html`<header class="page-head">
      <div>
        <h1>Portfolio risk</h1>
        <p class="lede">
          ${data
            ? `${data.rows.length} vendors, scored as of ${data.asOf} with methodology ${data.methodologyVersion}. `
            : 'Every vendor we depend on, scored factor by factor. '}
          Open a vendor to see why it scores as it does.
        </p>
      </div>
      <vr-as-of .value=${asOf} .effective=${data?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
    </header>`;
    if (this._heatmap.status === TaskStatus.ERROR) {
      return html`${head}<vr-error heading="The portfolio could not be loaded" .error=${this._heatmap.error}></vr-error>`;
    }
    if (!data) return html`${head}<p class="loading" role="status">Loading the portfolio…</p>`;
    const sort = parseSort(this.query, data.factors.map((f) => f.id));
    return html`${head}
      <vr-data-notice .about=${this._about.value}></vr-data-notice>
      <section class="card" aria-labelledby="hm-title" aria-busy=${this._heatmap.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="card-head">
          <div>
            <h2 id="hm-title">Vendors by risk factor</h2>
            <p class="muted">Likelihood weighs the four factors; impact comes from our relationship; risk combines the two.</p>
          </div>
          <vr-heatmap-legend></vr-heatmap-legend>
        </div>
        <vr-heatmap .data=${data} .sort=${sort} @vendor-selected=${this._onVendor} @sort-changed=${this._onSort}></vr-heatmap>
        <p class="foot">
          Click a row, or focus it and press Enter, to open the vendor. Arrow keys move between rows. Confidence is the share of
          the evidence a score needs that is known and fresh; unknowns are counted, never scored as good.
        </p>
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Portfolio · Vendorscope';
  }

  private _go(query: Record<string, string | undefined>, replace: boolean): void {
    this.dispatchEvent(new NavigationRequested(urlWith('/', query), replace));
  }

  private _onSort(e: SortChanged): void {
    this._go({ ...sortQuery({ key: e.key, dir: e.dir }), asOf: this.query.get('asOf') ?? undefined }, true);
  }

  private _onAsOf(e: AsOfChanged): void {
    this._go({ sort: this.query.get('sort') ?? undefined, dir: this.query.get('dir') ?? undefined, asOf: e.asOf }, true);
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
