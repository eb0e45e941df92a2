/**
 * The quarterly risk report (`/reports/2023-Q4?vs=2022-Q4`): a two-page executive summary (what
 * the report is, headline figures, the risk matrix, top risks, movers with their causes, new
 * incidents with their disclosure lags), then one section per tier-1 vendor and the longer lists.
 * Printing it (or the browser's "Save as PDF") gives those pages: web/styles/print.css sets the
 * paper, each part its own breaks. `/reports` alone opens the current quarter, replacing the URL
 * with that quarter's, so what the address bar shows can be shared. Picking a quarter adds a
 * history entry (Back returns to the report before); the downloads are the API's own formats.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { VendorScore } from '../../server/scoring/types.ts';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { NavigationRequested } from '../events.ts';
import { shiftQuarter } from '../charts/trend.quarters.ts';
import { currentQuarter, quarterWords, reportPath, restLists, tier1Sections, vsOf, type Report } from '../report.ts';
import type { ReportPicked } from '../components/vr-report-controls.ts';
import { pageStyles } from '../styles/page.ts';
import { reportPageStyles } from './vr-report-page.styles.ts';
import { eyebrow } from '../components/vr-report-sheet.styles.ts';
import '../components/vr-error.ts';
import '../components/vr-report-controls.ts';
import '../components/vr-report-summary.ts';
import '../components/vr-report-changes.ts';
import '../components/vr-report-vendor.ts';
import '../components/vr-report-lists.ts';

@customElement('vr-report-page')
export class ReportPage extends LitElement {
  static override styles = [pageStyles, eyebrow, reportPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `vs`, the quarter compared with (the previous one when absent). */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The report's quarter, `2023-Q4`; '' for the current one. */
  @property() quarter = '';

  private _report = new Task(this, {
    args: () => [this.quarter, vsOf(this.quarter, this.query)] as const,
    task: ([quarter, vs], { signal }) => (quarter ? this._api.quarterlyReport(quarter, vs || undefined, { signal }) : initialState),
  });

  /**
   * Each tier-1 vendor's score as the report used it: the report carries them (frozen with a closed
   * quarter). Only a report frozen before it carried them has them recomputed for its day.
   */
  private _scores = new Task(this, {
    args: () => [this._report.value] as const,
    task: async ([r], { signal }) => {
      if (!r) return initialState;
      if (r.tier1Scores) return { report: r, byId: new Map<number, VendorScore | null>(r.tier1Scores.map((s) => [s.vendorId, s])), recomputed: false };
      const ids = r.vendors.filter((v) => v.tier === 1).map((v) => v.vendorId);
      const got = await Promise.allSettled(ids.map((id) => this._api.score(id, r.asOf, { signal })));
      signal.throwIfAborted();
      const byId = new Map<number, VendorScore | null>(ids.map((id, i) => [id, got[i]?.status === 'fulfilled' ? got[i].value : null]));
      return { report: r, byId, recomputed: true };
    },
  });

  override render() {
    const current = currentQuarter(new Date());
    const quarter = this.quarter || current;
    const vs = vsOf(quarter, this.query);
    const busy = this._report.status === TaskStatus.PENDING && this._report.value !== undefined;
    return html`<header class="page-head">
        <div>
          <p class="eyebrow">Vendorscope · quarterly risk report</p>
          <h1>Vendor risk report, ${quarterWords(quarter)}</h1>
          <p class="lede">
            Where the portfolio stands at the quarter's end, what moved since ${vs ? quarterWords(vs) : 'the previous quarter'} and why, and which
            incidents were disclosed. Two pages of summary, then one section per tier-1 vendor.
          </p>
        </div>
        <vr-report-controls quarter=${quarter} vs=${vs} current=${current} .apiBase=${this._api.base} @report-picked=${this._onPicked}></vr-report-controls>
      </header>
      <div aria-busy=${busy ? 'true' : 'false'}>${this._body(quarter, vs)}</div>`;
  }

  private _body(quarter: string, vs: string) {
    if (!this.quarter) return html`<p class="loading" role="status">Opening the current quarter's report…</p>`;
    if (this._report.status === TaskStatus.ERROR) {
      return html`<vr-error heading=${`The report for ${quarterWords(quarter)} could not be loaded`} .error=${this._report.error}>
        <p class="errors">
          <a href="/reports">Open the current quarter's report</a>
          <a href=${reportPath(shiftQuarter(quarter, -1))}>Open ${quarterWords(shiftQuarter(quarter, -1))}</a>
          ${vs ? html`<a href=${reportPath(quarter)}>Compare with the previous quarter instead</a>` : nothing}
        </p>
      </vr-error>`;
    }
    const r = this._report.value;
    if (!r) return html`<p class="loading" role="status">Loading the report for ${quarterWords(quarter)}…</p>`;
    return this._content(r);
  }

  private _content(r: Report) {
    const sections = tier1Sections(r);
    // Scores of another report (still loading this one's) would describe another day.
    const scores = this._scores.value?.report === r ? this._scores.value.byId : undefined;
    const failed = this._scores.status === TaskStatus.ERROR;
    return html`<vr-report-summary .report=${r}></vr-report-summary>
      <vr-report-changes .report=${r}></vr-report-changes>
      ${sections.map(
        (s, i) => html`<vr-report-vendor
          .section=${s}
          .index=${i + 1}
          .total=${sections.length}
          quarter=${r.quarter}
          vs=${r.vs}
          .asOf=${r.asOf}
          .methodologyVersion=${r.methodologyVersion}
          .score=${failed ? null : scores?.get(s.vendor.vendorId)}
          .recomputed=${this._scores.value?.recomputed ?? false}
        ></vr-report-vendor>`,
      )}
      ${restLists(r).empty ? nothing : html`<vr-report-lists .report=${r}></vr-report-lists>`}`;
  }

  protected override updated(): void {
    if (!this.quarter) {
      // `/reports` means "the current quarter": show its own address, replacing this one so Back skips it.
      this.dispatchEvent(new NavigationRequested(reportPath(currentQuarter(new Date()), vsOf('', this.query)), true));
      return;
    }
    const vs = vsOf(this.quarter, this.query);
    document.title = `Report ${this.quarter}${vs ? ` vs ${vs}` : ''} · Vendorscope`;
  }

  private _onPicked(e: ReportPicked): void {
    // A new history entry, so Back returns to the report before; focus stays on the picker used.
    this.dispatchEvent(new NavigationRequested(reportPath(e.quarter, e.vs), false, false));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-page': ReportPage;
  }
}
