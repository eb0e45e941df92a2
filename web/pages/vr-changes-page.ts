/**
 * What changed: the landing page. Events since my last visit (or the last 7 or 30 days), grouped by
 * vendor, most important first, each linked to its evidence; filters by tier, owner and kind in the
 * URL (`/?period=7&tier=1&owner=…&kind=…`); "More" fetches the next page; "Mark all as seen" moves
 * my last visit (kept on the server, so it holds in any browser) to now.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, FeedPage } from '../api/client.ts';
import type { Change } from '../../server/domain/change.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested } from '../events.ts';
import { groupByVendor, parseFeedFilters, sinceOf, type FeedFilters } from '../changes.ts';
import type { FeedFiltersChanged } from '../change-events.ts';
import { ownersOf } from '../reviews.ts';
import { srOnly } from '../styles/shared.ts';
import { viewPage } from '../styles/page.ts';
import '../components/vr-error.ts';
import '../components/vr-change-filters.ts';
import '../components/vr-change-groups.ts';

const PAGE = 50;

@customElement('vr-changes-page')
export class ChangesPage extends LitElement {
  static override styles = [...viewPage, srOnly];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `period`, `tier`, `owner`, `kind`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** Pages fetched after the first ("More"). */
  @state() private _more: Change[] = [];
  @state() private _next: number | null = null;
  @state() private _moreError: unknown;
  @state() private _said = '';

  private _seen = new Task(this, {
    args: () => [] as const,
    task: (_, { signal }) => this._api.changesSeen({ signal }),
  });

  private _feed = new Task(this, {
    args: () => [JSON.stringify(parseFeedFilters(this.query)), this._seen.value?.seenAt] as const,
    task: async ([f], { signal }) => {
      if (this._seen.status !== TaskStatus.COMPLETE) return undefined;
      const page = await this._api.changes(this._queryOf(JSON.parse(f) as FeedFilters), { signal });
      this._more = [];
      this._next = page.next;
      return page;
    },
  });

  private _owners = new Task(this, {
    args: () => [] as const,
    task: async (_, { signal }) => ownersOf((await this._api.vendors({ limit: 1000 }, { signal })).items),
  });

  private _since(f: FeedFilters): string {
    return sinceOf(f.period, this._seen.value?.seenAt ?? null, Date.now());
  }

  private _queryOf(f: FeedFilters, before?: number) {
    return {
      since: this._since(f),
      tier: f.tier || undefined,
      owner: f.owner || undefined,
      kind: f.kind || undefined,
      limit: String(PAGE),
      before: before?.toString(),
    };
  }

  override render() {
    const f = parseFeedFilters(this.query);
    const page: FeedPage | undefined = this._feed.value;
    const items = page ? [...page.items, ...this._more] : [];
    const sinceDay = this._since(f).slice(0, 10);
    return html`<header class="page-head">
        <div>
          <h1>What changed</h1>
          <p class="lede">
            ${f.period === 'last-visit' ? (this._seen.value?.seenAt ? `Since your last visit, ${sinceDay}` : `In the last 7 days (your first visit)`) : `In the last ${f.period} days, since ${sinceDay}`}:
            score changes and their causes, new incidents and findings, reviews needed, conditions overdue, evidence expiring.
          </p>
        </div>
        <button type="button" @click=${this._markSeen}>Mark all as seen</button>
      </header>
      <p class="sr-only" role="status">${this._said}</p>
      <vr-change-filters .filters=${f} .owners=${this._owners.value ?? []} @feed-filters-changed=${this._onFilters}></vr-change-filters>
      ${
        this._seen.status === TaskStatus.ERROR
          ? html`<vr-error heading="Your last visit could not be loaded" .error=${this._seen.error}></vr-error>`
          : this._feed.status === TaskStatus.ERROR
            ? html`<vr-error heading="What changed could not be loaded" .error=${this._feed.error}></vr-error>`
            : !page
              ? html`<p class="loading" role="status">Loading what changed…</p>`
              : items.length === 0
                ? html`<p class="empty" role="status">Nothing new since ${sinceDay}.</p>`
                : html`<div aria-busy=${this._feed.status === TaskStatus.PENDING ? 'true' : 'false'}>
                  <p class="muted">${items.length} change${items.length === 1 ? '' : 's'} at ${groupByVendor(items).length} vendor(s)${this._next ? ', more below' : ''}.</p>
                  <vr-change-groups .groups=${groupByVendor(items)}></vr-change-groups>
                  ${this._moreError ? html`<vr-error heading="More could not be loaded" .error=${this._moreError}></vr-error>` : nothing}
                  ${this._next ? html`<p><button type="button" class="secondary" @click=${this._loadMore}>More</button></p>` : nothing}
                </div>`
      }`;
  }

  private readonly _onFilters = (e: FeedFiltersChanged) => {
    const f = e.filters;
    this.dispatchEvent(
      new NavigationRequested(
        urlWith('/', { period: f.period === 'last-visit' ? undefined : f.period, tier: f.tier, owner: f.owner, kind: f.kind }),
        true,
        false,
      ),
    );
  };

  private readonly _loadMore = async () => {
    if (this._next === null) return;
    this._moreError = undefined;
    try {
      const page = await this._api.changes(this._queryOf(parseFeedFilters(this.query), this._next));
      this._more = [...this._more, ...page.items];
      this._next = page.next;
      this._said = `${page.items.length} more change(s) shown.`;
    } catch (e) {
      this._moreError = e;
    }
  };

  private readonly _markSeen = async () => {
    try {
      await this._api.markChangesSeen();
      this._said = 'Marked all as seen.';
      void this._seen.run(); // the task shows its own failure where the page reads it
    } catch (e) {
      this._moreError = e;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-changes-page': ChangesPage;
  }
}
