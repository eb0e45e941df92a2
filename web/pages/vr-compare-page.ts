/**
 * Two to four vendors side by side (`/compare?ids=1,7&asOf=2023-10-31`). The picks live in the
 * URL, one history entry per pick, so Back undoes a pick and a link shows the same comparison.
 * Two Tasks: the portfolio's names for the picker (per day), and the compared vendors' scores
 * and facts (per pick and day). A vendor that cannot be loaded is named, not silently dropped.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { NavigationRequested, type AsOfChanged, type CompareSelectionChanged } from '../events.ts';
import { compareColumn, compareUrl, listNames, MIN_COMPARED, parseIds, type CompareColumn } from '../charts/compare.layout.ts';
import { card } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import '../components/vr-as-of.ts';
import '../components/vr-error.ts';
import '../components/vr-compare-picker.ts';
import '../components/vr-compare-table.ts';
import '../components/vr-compare-findings.ts';
import '../components/vr-compare-subprocessors.ts';

@customElement('vr-compare-page')
export class ComparePage extends LitElement {
  static override styles = [
    card,
    pageStyles,
    css`
      .picker {
        margin-bottom: 20px;
      }
      .empty p {
        margin: 0 0 6px;
      }
      .failed {
        margin: 0 0 16px;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `ids` (comma-separated vendor ids), `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();

  private _portfolio = new Task(this, {
    args: () => [this._asOf()] as const,
    task: ([asOf], { signal }) => this._api.heatmap(asOf || undefined, { signal }),
  });

  private _compared = new Task(this, {
    args: () => [this._ids().join(','), this._asOf()] as const,
    task: async ([ids, asOf], { signal }) => {
      const list = ids ? ids.split(',').map(Number) : [];
      if (list.length < MIN_COMPARED) return { columns: [] as CompareColumn[], failed: [] as Array<{ id: number; error: unknown }> };
      const o = { signal };
      const settled = await Promise.allSettled(
        list.map(async (id) => {
          const [vendor, score, incidents, subprocessors, mfa] = await Promise.all([
            this._api.vendor(id, o),
            this._api.score(id, asOf || undefined, o),
            this._api.incidents(id, o),
            this._api.subprocessors(id, o),
            this._api.mfa(id, o),
          ]);
          return compareColumn(vendor, score, { incidents, subprocessors, mfa });
        }),
      );
      if (signal.aborted) throw signal.reason;
      return {
        columns: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
        failed: settled.flatMap((s, i) => (s.status === 'rejected' ? [{ id: list[i]!, error: s.reason }] : [])),
      };
    },
  });

  override render() {
    const ids = this._ids();
    const rows = this._portfolio.value?.rows ?? [];
    const done = this._compared.value;
    const names = done?.columns.map((c) => c.name) ?? [];
    const asOf = done?.columns[0]?.score.asOf ?? this._portfolio.value?.asOf ?? '';
    return html`<header class="page-head">
        <div>
          <h1>Compare vendors</h1>
          <p class="lede">
            ${names.length >= MIN_COMPARED ? `${listNames(names)}, side by side` : 'Two to four vendors side by side'}: every factor with the age and
            source of its evidence, every finding, and the subprocessors they share.
          </p>
        </div>
        <vr-as-of .value=${this._asOf()} .effective=${asOf} @as-of-changed=${this._onAsOf}></vr-as-of>
      </header>
      <section class="card picker" aria-label="Vendors to compare">
        ${this._portfolio.status === TaskStatus.ERROR
          ? html`<vr-error heading="The vendor list could not be loaded" .error=${this._portfolio.error}></vr-error>`
          : html`<vr-compare-picker
              .options=${rows.map((r) => ({ vendorId: r.vendorId, name: r.name, category: r.category }))}
              .selected=${ids}
              @compare-selection-changed=${this._onPick}
            ></vr-compare-picker>`}
      </section>
      ${ids.length < MIN_COMPARED ? this._empty(rows) : this._comparison(ids)}`;
  }

  private _empty(rows: ReadonlyArray<{ vendorId: number; name: string }>) {
    const [a, b] = rows;
    return html`<section class="card empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Pick at least two vendors</h2>
      <p class="muted">Search for vendors above and add them; the comparison appears here, and its address can be shared.</p>
      ${a && b ? html`<p>Or start with the two riskiest today: <a href=${compareUrl([a.vendorId, b.vendorId])}>${a.name} and ${b.name}</a>.</p>` : nothing}
    </section>`;
  }

  private _comparison(ids: readonly number[]) {
    if (this._compared.status === TaskStatus.ERROR) return html`<vr-error heading="The comparison could not be loaded" .error=${this._compared.error}></vr-error>`;
    const v = this._compared.value;
    if (!v || (v.columns.length === 0 && v.failed.length === 0)) return html`<p class="loading" role="status">Loading ${ids.length} vendors…</p>`;
    const busy = this._compared.status === TaskStatus.PENDING ? 'true' : 'false';
    return html`${v.failed.map(
        (f) => html`<vr-error class="failed" heading=${`Vendor #${f.id} could not be loaded`} .error=${f.error}><p>Remove it above to compare the others.</p></vr-error>`,
      )}
      ${v.columns.length >= MIN_COMPARED
        ? html`<div class="stack" aria-busy=${busy}>
            <vr-compare-table .columns=${v.columns}></vr-compare-table>
            <vr-compare-findings .columns=${v.columns}></vr-compare-findings>
            <vr-compare-subprocessors .columns=${v.columns} .asOf=${v.columns[0]!.score.asOf}></vr-compare-subprocessors>
          </div>`
        : html`<p class="muted">Fewer than two vendors could be loaded: nothing to compare.</p>`}`;
  }

  protected override updated(): void {
    const names = this._compared.value?.columns.map((c) => c.name) ?? [];
    document.title = names.length >= MIN_COMPARED ? `Compare ${listNames(names)} · Vendorscope` : 'Compare · Vendorscope';
  }

  private _ids(): number[] {
    return parseIds(this.query.get('ids'));
  }

  private _asOf(): string {
    return this.query.get('asOf') ?? '';
  }

  private _go(ids: readonly number[], asOf: string, replace: boolean): void {
    // A pick is a history entry of its own (Back undoes it), but focus stays in the picker the user is working in.
    this.dispatchEvent(new NavigationRequested(compareUrl(ids, asOf), replace, false));
  }

  private _onPick(e: CompareSelectionChanged): void {
    this._go(e.vendorIds, this._asOf(), false);
  }

  private _onAsOf(e: AsOfChanged): void {
    this._go(this._ids(), e.asOf, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-compare-page': ComparePage;
  }
}
