/**
 * The audit log, for admins: every change and sign-in, newest first, with the names of the vendor
 * and record beside their ids, filtered by record type and id, vendor, actor and days, a page at a
 * time, and downloadable as CSV with the same filters. Filters and the page live in the URL
 * (`/admin/audit?entity=user&vendorId=3&offset=50`), so a view can be shared and reloaded.
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested } from '../events.ts';
import type { AuditFiltersChanged, PageRequested } from '../account-events.ts';
import { AUDIT_CSV_MAX_ROWS, AUDIT_FILTERS, auditCsvHref, auditFiltersOf } from '../audit.ts';
import { card } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { refusal } from './refusal.ts';
import '../components/vr-audit-filters.ts';
import '../components/vr-audit-table.ts';
import '../components/vr-pager.ts';

export const AUDIT_PAGE_SIZE = 50;

@customElement('vr-audit-page')
export class AuditPage extends LitElement {
  static override styles = [
    card,
    pageStyles,
    css`
      .card + .card {
        margin-top: 20px;
      }
      .entries-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 8px 16px;
      }
      .download {
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  /** The URL's query: `entity`, `actor`, `from`, `to`, `offset`. */
  @property({ attribute: false }) query = new URLSearchParams();

  private _page = new Task(this, {
    args: () => [this.query.toString()] as const,
    task: (_, { signal }) => this._api.audit({ ...auditFiltersOf(this.query), offset: String(this._offset()), limit: String(AUDIT_PAGE_SIZE) }, { signal }),
  });

  /** The vendors and people the filters offer by name; without them the filters still work by id and e-mail. */
  private _choices = new Task(this, {
    args: () => [] as const,
    task: async (_, { signal }) => {
      const [vendors, users] = await Promise.all([
        this._api.vendors({ limit: 1000 }, { signal }).catch(() => ({ items: [] })),
        this._api.users({ signal }).catch(() => []),
      ]);
      return {
        vendors: vendors.items.map((v) => ({ id: v.id, name: v.name })).sort((a, b) => a.name.localeCompare(b.name)),
        actors: users.map((u) => u.email),
      };
    },
  });

  override render() {
    const head = html`<header class="page-head">
      <div>
        <h1>Audit log</h1>
        <p class="lede">Every change and every sign-in, newest first: who, when, how, and the record before and after. Nothing here can be edited.</p>
      </div>
    </header>`;
    if (this._page.status === TaskStatus.ERROR) return html`${head}${refusal(this._page.error, 'audit log')}`;
    const data = this._page.value;
    const filters = auditFiltersOf(this.query);
    const choices = this._choices.value;
    return html`${head}
      <section class="card" aria-label="Filters">
        <vr-audit-filters .filters=${filters} .vendors=${choices?.vendors ?? []} .actors=${choices?.actors ?? []} @audit-filters-changed=${this._onFilters}></vr-audit-filters>
      </section>
      <section class="card" aria-labelledby="entries-title" aria-busy=${this._page.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="entries-head">
          <h2 id="entries-title">Entries</h2>
          <a class="download" href=${auditCsvHref(filters)} download
            >Download CSV<span class="muted">${data && data.total > AUDIT_CSV_MAX_ROWS ? ` (the newest ${AUDIT_CSV_MAX_ROWS.toLocaleString('en')} of ${data.total.toLocaleString('en')})` : ' (these filters, every page)'}</span></a
          >
        </div>
        ${
          data
            ? html`<vr-audit-table .items=${data.items}></vr-audit-table>
              <vr-pager offset=${this._offset()} limit=${AUDIT_PAGE_SIZE} total=${data.total} noun="entries" @page-requested=${this._onPage}></vr-pager>`
            : html`<p class="loading" role="status">Loading the audit log…</p>`
        }
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Audit log · Vendorscope';
  }

  private _offset(): number {
    const n = Number(this.query.get('offset') ?? 0);
    return Number.isInteger(n) && n > 0 ? n : 0;
  }

  private _go(query: Record<string, string | undefined>): void {
    this.dispatchEvent(new NavigationRequested(urlWith('/admin/audit', query)));
  }

  private _onFilters(e: AuditFiltersChanged): void {
    this._go({ ...e.filters });
  }

  private _onPage(e: PageRequested): void {
    const filters = Object.fromEntries(AUDIT_FILTERS.map((k) => [k, this.query.get(k) ?? undefined]));
    this._go({ ...filters, offset: e.offset > 0 ? String(e.offset) : undefined });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-audit-page': AuditPage;
  }
}
