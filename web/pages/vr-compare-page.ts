/**
 * Two to four vendors side by side (`/compare?ids=1,7&asOf=2023-10-31`). The picks live in the
 * URL, one history entry per pick, so Back undoes a pick and a link shows the same comparison.
 * Tasks: the picker's search over every vendor on record (`GET /vendors?q=`, per keystroke after a
 * pause), the chosen vendors' names (per pick), the portfolio's two riskiest for a first suggestion
 * (per day), and the compared vendors' scores and facts (per pick and day). A vendor that cannot
 * be loaded is named, not silently dropped.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { NavigationRequested, type AsOfChanged, type CompareSearchChanged, type CompareSelectionChanged } from '../events.ts';
import { compareColumn, compareUrl, listNames, MIN_COMPARED, parseIds, type CompareColumn } from '../charts/compare.layout.ts';
import { card } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import '../components/vr-as-of.ts';
import '../components/vr-error.ts';
import '../components/vr-compare-picker.ts';
import '../components/vr-compare-table.ts';
import '../components/vr-compare-findings.ts';
import '../components/vr-compare-subprocessors.ts';

/** How long the typing must pause before the search is sent. */
const SEARCH_PAUSE_MS = 200;
/** How many matches to ask for: enough that names starting with what was typed are among them. */
const SEARCHED = 50;

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

  /** What is typed in the picker's search. */
  @state() private _search = '';

  private _results = new Task(this, {
    args: () => [this._search] as const,
    task: async ([q], { signal }) => {
      if (!q) return { q, options: [], total: 0 };
      // Wait for the typing to pause: one request per word, not one per letter.
      await new Promise<void>((done, fail) => {
        const timer = setTimeout(done, SEARCH_PAUSE_MS);
        signal.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), { once: true });
      });
      const page = await this._api.vendors({ q, limit: SEARCHED }, { signal });
      return { q, options: page.items.map((v) => ({ vendorId: v.id, name: v.name, category: v.category })), total: page.total };
    },
  });

  /** The chosen vendors' names for the picker's chips (one vendor chosen shows no comparison to take them from). */
  private _names = new Task(this, {
    args: () => [this._ids().join(',')] as const,
    task: async ([ids], { signal }) => {
      const list = ids ? ids.split(',').map(Number) : [];
      const settled = await Promise.allSettled(list.map((id) => this._api.vendor(id, { signal })));
      return new Map(settled.flatMap((s) => (s.status === 'fulfilled' ? [[s.value.id, s.value.name] as const] : [])));
    },
  });

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
        failed: settled.flatMap((s, i) => (s.status === 'rejected' ? [{ id: list[i]!, error: s.reason as unknown }] : [])),
      };
    },
  });

  override render() {
    const ids = this._ids();
    const rows = this._portfolio.value?.rows ?? [];
    const found = this._results.value;
    const searchFailed = this._results.status === TaskStatus.ERROR;
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
        <vr-compare-picker
          .options=${found?.options ?? []}
          resultsFor=${searchFailed ? this._search : (found?.q ?? '')}
          total=${found?.total ?? 0}
          failure=${searchFailed ? (this._results.error instanceof Error ? this._results.error.message : 'no answer') : ''}
          .names=${this._chipNames(found?.options ?? [])}
          .selected=${ids}
          @compare-search-changed=${(e: CompareSearchChanged) => (this._search = e.query)}
          @compare-selection-changed=${this._onPick}
        ></vr-compare-picker>
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
    if (this._compared.status === TaskStatus.ERROR)
      return html`<vr-error heading="The comparison could not be loaded" .error=${this._compared.error}></vr-error>`;
    const v = this._compared.value;
    if (!v || (v.columns.length === 0 && v.failed.length === 0)) return html`<p class="loading" role="status">Loading ${ids.length} vendors…</p>`;
    const busy = this._compared.status === TaskStatus.PENDING ? 'true' : 'false';
    return html`${v.failed.map(
      (f) =>
        html`<vr-error class="failed" heading=${`Vendor #${f.id} could not be loaded`} .error=${f.error}><p>Remove it above to compare the others.</p></vr-error>`,
    )}
      ${
        v.columns.length >= MIN_COMPARED
          ? html`<div class="stack" aria-busy=${busy}>
            <vr-compare-table .columns=${v.columns}></vr-compare-table>
            <vr-compare-findings .columns=${v.columns}></vr-compare-findings>
            <vr-compare-subprocessors .columns=${v.columns} .asOf=${v.columns[0]!.score.asOf}></vr-compare-subprocessors>
          </div>`
          : html`<p class="muted">Fewer than two vendors could be loaded: nothing to compare.</p>`
      }`;
  }

  protected override updated(): void {
    const names = this._compared.value?.columns.map((c) => c.name) ?? [];
    document.title = names.length >= MIN_COMPARED ? `Compare ${listNames(names)} · Vendorscope` : 'Compare · Vendorscope';
  }

  /** The chosen vendors' names: as loaded, or as the search found them (so a chip is named at once, not "Vendor #7" until its name loads). */
  private _chipNames(found: ReadonlyArray<{ vendorId: number; name: string }>): ReadonlyMap<number, string> {
    return new Map([...found.map((o) => [o.vendorId, o.name] as const), ...(this._names.value ?? [])]);
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
