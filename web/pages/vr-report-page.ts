/**
 * The quarterly risk report (`/reports/2023-Q4?vs=2022-Q4`): a two-page executive summary (what
 * the report is, headline figures, the risk matrix, top risks, movers with their causes, new
 * incidents with their disclosure lags), then one section per tier-1 vendor and the longer lists.
 * Printing it (or the browser's "Save as PDF") gives those pages: web/styles/print.css sets the
 * paper, each part its own breaks. `/reports` alone opens the current quarter, replacing the URL
 * with that quarter's, so what the address bar shows can be shared. Picking a quarter adds a
 * history entry (Back returns to the report before); the downloads are the API's own formats.
 * A closed quarter shows its frozen snapshot with a notice (taken when; whether a restated view
 * differs), or with `?view=restated` the quarter as known today and what differs; below, its
 * snapshot history, and for admins the refreeze.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { FrozenScore } from '../../server/http/contract.ts';
import type { ApiClient, Me } from '../api/client.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { isAdmin } from '../roles.ts';
import { NavigationRequested } from '../events.ts';
import { shiftQuarter } from '../charts/trend.quarters.ts';
import {
  APPENDIX_PAGE_LIMIT,
  currentQuarter,
  quarterWords,
  reportPath,
  restLists,
  tier1Sections,
  viewOf,
  vsOf,
  withWholeAppendix,
  type AppendixItem,
  type Report,
} from '../report.ts';
import type { ReportPicked } from '../components/vr-report-controls.ts';
import type { RefreezeConfirmed } from '../components/vr-report-history.ts';
import { pageStyles } from '../styles/page.ts';
import { reportPageStyles } from './vr-report-page.styles.ts';
import { eyebrow } from '../components/vr-report-sheet.styles.ts';
import '../components/vr-error.ts';
import '../components/vr-report-controls.ts';
import '../components/vr-report-summary.ts';
import '../components/vr-report-changes.ts';
import '../components/vr-report-vendor.ts';
import '../components/vr-report-lists.ts';
import '../components/vr-report-notice.ts';
import '../components/vr-report-restatement.ts';
import '../components/vr-report-history.ts';

@customElement('vr-report-page')
export class ReportPage extends LitElement {
  static override styles = [pageStyles, eyebrow, reportPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  /** The URL's query: `vs`, the quarter compared with (the previous one when absent); `view=restated`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The report's quarter, `2023-Q4`; '' for the current one. */
  @property() quarter = '';
  /** Bumped by a refreeze, so that the report and its history are asked for again. */
  @state() private _version = 0;
  @state() private _refreezing = false;
  @state() private _refreezeFailure: unknown = null;
  @state() private _refreezeDone = '';

  private _report = new Task(this, {
    // The current quarter is live: it has no restated view to ask for.
    args: () => [this.quarter, vsOf(this.quarter, this.query), this.quarter === currentQuarter(new Date()) ? '' : viewOf(this.query), this._version] as const,
    task: async ([quarter, vs, view], { signal }) => {
      if (!quarter) return initialState;
      // The live and restated views are computed per request: they come whole. A frozen snapshot
      // of a large portfolio comes with the first entries of its appendix, and the rest is read
      // page by page here, before anything is shown, so the page (and its print) holds it all.
      const whole = quarter === currentQuarter(new Date()) || view === 'restated';
      const r = await this._api.quarterlyReport(quarter, vs || undefined, { signal }, view || undefined, whole ? 'full' : undefined);
      if (r.appendix.complete) return r;
      const items: AppendixItem[] = [];
      while (items.length < r.appendix.vendors) {
        const page = await this._api.reportAppendix(r.quarter, items.length, APPENDIX_PAGE_LIMIT, { signal });
        // A refreeze between two pages: start again from the report, so its lists and pages are one snapshot's.
        if (page.snapshotId !== r.snapshotId) throw new Error(`The ${r.quarter} report was refrozen while it was being read; open it again.`);
        if (page.items.length === 0) break;
        items.push(...page.items);
      }
      return withWholeAppendix(r, items);
    },
  });

  /** A closed quarter's snapshots, once its report is there (opening the report freezes it). */
  private _history = new Task(this, {
    args: () => [this._report.value] as const,
    task: ([r], { signal }) => (r && r.view !== 'live' ? this._api.reportSnapshots(r.quarter, { signal }) : initialState),
  });

  /**
   * Each tier-1 vendor's score as the report used it: the report carries them (frozen with a closed
   * quarter). Only a report frozen before it carried them has them recomputed for its day.
   */
  private _scores = new Task(this, {
    args: () => [this._report.value] as const,
    task: async ([r], { signal }) => {
      if (!r) return initialState;
      if (r.tier1Scores) return { report: r, byId: new Map<number, FrozenScore | null>(r.tier1Scores.map((s) => [s.vendorId, s])), recomputed: false };
      const ids = r.vendors.filter((v) => v.tier === 1).map((v) => v.vendorId);
      const got = await Promise.allSettled(ids.map((id) => this._api.score(id, r.asOf, { signal })));
      signal.throwIfAborted();
      const byId = new Map<number, FrozenScore | null>(ids.map((id, i) => [id, got[i]?.status === 'fulfilled' ? got[i].value : null]));
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
        <vr-report-controls
          quarter=${quarter}
          vs=${vs}
          current=${current}
          view=${quarter === current ? '' : viewOf(this.query)}
          .apiBase=${this._api.base}
          @report-picked=${this._onPicked}
        ></vr-report-controls>
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
    const vs = vsOf(r.quarter, this.query);
    return html`<vr-report-notice .report=${r} vs=${vs}></vr-report-notice>
      ${
        r.view === 'restated' && r.restatement
          ? html`<vr-report-restatement .restatement=${r.restatement} .snapshotId=${r.snapshotId ?? 0}></vr-report-restatement>`
          : nothing
      }
      <vr-report-summary .report=${r}></vr-report-summary>
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
      ${restLists(r).empty ? nothing : html`<vr-report-lists .report=${r}></vr-report-lists>`} ${this._snapshots(r)}`;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    // What a refreeze said belongs to its quarter.
    if (changed.has('quarter')) {
      this._refreezeDone = '';
      this._refreezeFailure = null;
    }
  }

  private _snapshots(r: Report) {
    if (r.view === 'live') return nothing;
    if (this._history.status === TaskStatus.ERROR)
      return html`<vr-error heading="The report's history could not be loaded" .error=${this._history.error}></vr-error>`;
    const h = this._history.value;
    return html`<vr-report-history
      quarter=${r.quarter}
      .items=${h?.quarter === r.quarter ? h.items : []}
      .apiBase=${this._api.base}
      ?canRefreeze=${isAdmin(this._me?.role)}
      ?busy=${this._refreezing}
      .failure=${this._refreezeFailure}
      done=${this._refreezeDone}
      @refreeze-confirmed=${this._onRefreeze}
    ></vr-report-history>`;
  }

  private async _onRefreeze(e: RefreezeConfirmed): Promise<void> {
    if (this._refreezing) return;
    this._refreezing = true;
    this._refreezeFailure = null;
    try {
      const r = await this._api.refreezeReport(e.quarter);
      this._refreezeDone = `Snapshot ${r.snapshot.id} is in force${r.superseded ? `; snapshot ${r.superseded.id} stays in the history` : ''}.`;
      this._version++;
    } catch (err) {
      this._refreezeFailure = err;
    } finally {
      this._refreezing = false;
    }
  }

  protected override updated(): void {
    if (!this.quarter) {
      // `/reports` means "the current quarter": show its own address, replacing this one so Back skips it.
      this.dispatchEvent(new NavigationRequested(reportPath(currentQuarter(new Date()), vsOf('', this.query)), true));
      return;
    }
    const vs = vsOf(this.quarter, this.query);
    document.title = `Report ${this.quarter}${vs ? ` vs ${vs}` : ''}${viewOf(this.query) ? ' (restated)' : ''} · Vendorscope`;
  }

  private _onPicked(e: ReportPicked): void {
    // A new history entry, so Back returns to the report before; focus stays on the picker used.
    // The restated view stays while the quarter does.
    const view = e.quarter === this.quarter ? viewOf(this.query) : '';
    this.dispatchEvent(new NavigationRequested(reportPath(e.quarter, e.vs, view), false, false));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-report-page': ReportPage;
  }
}
