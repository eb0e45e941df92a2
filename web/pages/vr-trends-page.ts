/**
 * Risk trends: every vendor's risk at the end of each quarter (closed quarters frozen, the current
 * one live), the biggest movers marked. The range, "movers only" and the sort live in the URL
 * (`/trends?from=2025-Q1&to=2026-Q4&movers=1&sort=delta`); only the range refetches. Changes
 * replace the history entry; opening a vendor adds one, so Back returns to the same view.
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Trends } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { layoutTrends, parseTrendView, trendQuery, type TrendLayout, type TrendView } from '../charts/trend.layout.ts';
import { quarterOf, quarterText } from '../charts/trend.quarters.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested, type VendorSelected } from '../events.ts';
import type { TrendViewChanged } from '../components/vr-trend-controls.ts';
import { viewPage } from '../styles/page.ts';
import '../charts/vr-trend-heatmap.ts';
import '../charts/vr-heatmap-legend.ts';
import '../components/vr-error.ts';
import '../components/vr-trend-controls.ts';

@customElement('vr-trends-page')
export class TrendsPage extends LitElement {
  static override styles = viewPage;

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `from`, `to`, `movers`, `sort`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The layout, kept while the data and the view stay the same. */
  private _memo?: { source: Trends; key: string; layout: TrendLayout };

  private _trends = new Task(this, {
    task: ([from, to], { signal }) => this._api.trends({ from: from || undefined, to: to || undefined }, { signal }),
    args: () => {
      const v = parseTrendView(this.query);
      return [v.from, v.to] as const;
    },
  });

  override render() {
    const data = this._trends.value;
    const head = html`<header class="page-head">
      <div>
        <h1>Risk trends</h1>
        <p class="lede">
          Each vendor's risk at the end of every quarter. Closed quarters are frozen as they were scored; the current quarter is live
          and moves with new evidence.
        </p>
      </div>
    </header>`;
    if (this._trends.status === TaskStatus.ERROR) {
      return html`${head}<vr-error heading="The trends could not be loaded" .error=${this._trends.error}>
          <p><a href="/trends">Show the last 8 quarters</a></p>
        </vr-error>`;
    }
    if (!data) return html`${head}<p class="loading" role="status">Loading the trends…</p>`;
    const view = parseTrendView(this.query);
    // The server's clock decides the current quarter; the reader's is the best guess the page has.
    const current = quarterOf(new Date().toISOString().slice(0, 10));
    const layout = this._layout(data, view, current);
    const shown: TrendView = { ...view, from: data.quarters[0] ?? '', to: data.quarters.at(-1) ?? '' };
    return html`${head}
      <section class="card" aria-labelledby="tr-title" aria-busy=${this._trends.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="card-head">
          <div>
            <h2 id="tr-title">Vendors by quarter</h2>
            <p class="muted">Risk combines likelihood and impact, 0 to 100; the same colours as the portfolio.</p>
          </div>
          <vr-heatmap-legend caption="Risk (0 = least, 100 = most)" .unknown=${false} notAssessed="too little evidence to rate that quarter: grey, its residual risk in italics"></vr-heatmap-legend>
        </div>
        <div class="filters">
          <vr-trend-controls
            .view=${shown}
            current=${current}
            ?custom=${view.from !== '' || view.to !== ''}
            .shown=${layout.rows.length}
            .total=${layout.total}
            .movers=${layout.movers}
            @trend-view-changed=${this._onView}
          ></vr-trend-controls>
        </div>
        ${
          layout.rows.length > 0
            ? html`<vr-trend-heatmap .layout=${layout} sort=${view.sort} @vendor-selected=${this._onVendor}></vr-trend-heatmap>`
            : this._empty(layout, shown)
        }
        <p class="foot">
          Movers (badged, with a bar on the left): the five largest changes of at least 5 points between the first and the last quarter,
          either way. ▲ riskier, ▼ less risky. Click a row, or focus it and press Enter, to open the vendor.
        </p>
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Trends · Vendorscope';
  }

  private _empty(layout: TrendLayout, view: TrendView) {
    if (layout.total === 0) return html`<div class="empty"><p><strong>No vendors yet.</strong> Their quarters appear here once vendors are added.</p></div>`;
    return html`<div class="empty">
      <p><strong>No vendor moved 5 points or more</strong> between ${quarterText(view.from)} and ${quarterText(view.to)}.</p>
      <button class="secondary" type="button" @click=${() => this._go({ ...parseTrendView(this.query), movers: false })}>Show all vendors</button>
    </div>`;
  }

  private _layout(data: Trends, view: TrendView, current: string): TrendLayout {
    const key = `${view.movers}|${view.sort}|${current}`;
    if (this._memo?.source !== data || this._memo.key !== key) this._memo = { source: data, key, layout: layoutTrends(data, view, current) };
    return this._memo.layout;
  }

  private _go(view: TrendView): void {
    this.dispatchEvent(new NavigationRequested(urlWith('/trends', trendQuery(view)), true));
  }

  private _onView(e: TrendViewChanged): void {
    // The controls show the range the data covers; an unchanged range stays as the URL had it (often unset).
    const data = this._trends.value;
    const url = parseTrendView(this.query);
    const same = e.view.from === data?.quarters[0] && e.view.to === data?.quarters.at(-1);
    this._go(same ? { ...e.view, from: url.from, to: url.to } : e.view);
  }

  private _onVendor(e: VendorSelected): void {
    this.dispatchEvent(new NavigationRequested(`/vendors/${e.vendorId}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-trends-page': TrendsPage;
  }
}
