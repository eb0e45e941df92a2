/**
 * Who needs a procurement review: vendors flagged since their last decision (new evidence reopened
 * it), overdue, due soon or never reviewed, most urgent first, with the reasons. The filters (owner,
 * tier, horizon, as-of day) live in the URL (`/reviews?tier=1&owner=…&before=…&asOf=…`), so a view
 * can be shared and found again with Back; changes replace the history entry, opening a vendor
 * adds one. Below: the list as CSV, and the calendar feed with how to get a token for it; then the
 * review cadence in words (the months between reviews by tier), which admins change in a small form.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient, Cadence, DueList, Me, StoredCadence } from '../api/client.ts';
import { ApiError, fieldErrors } from '../api/api-error.ts';
import { apiContext, meContext } from '../state/contexts.ts';
import { urlWith } from '../urls.ts';
import { NavigationRequested } from '../events.ts';
import type { DueFiltersChanged } from '../review-events.ts';
import { cadenceInWords, cadenceOutcome, countByKind, dueQuery, NO_DUE_FILTERS, ownersOf, parseDueFilters, sortDue, type DueFilters } from '../reviews.ts';
import { isAdmin } from '../roles.ts';
import { partialDate } from '../format.ts';
import { srOnly } from '../styles/shared.ts';
import { viewPage } from '../styles/page.ts';
import { editControlStyles, savedLine } from '../components/edit-controls.ts';
import { reviewsPageStyles } from './vr-reviews-page.styles.ts';
import type { CadenceSubmitted } from '../components/vr-cadence-form.ts';
import '../components/vr-error.ts';
import '../components/vr-due-filters.ts';
import '../components/vr-due-summary.ts';
import '../components/vr-due-table.ts';
import '../components/vr-due-feed.ts';
import '../components/vr-cadence-form.ts';
import './vr-overdue-questionnaires.ts';

/** The cadence form's fields by the words it shows (each tier's months sit under its legend). */
const CADENCE_LABELS = Object.fromEntries([1, 2, 3, 4].map((n) => [`tier${n}`, `Tier ${n}: months between reviews`]));

@customElement('vr-reviews-page')
export class ReviewsPage extends LitElement {
  static override styles = [...viewPage, srOnly, editControlStyles, reviewsPageStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: meContext, subscribe: true }) @state() private _me: Me | null | undefined;
  /** The URL's query: `owner`, `tier`, `before`, `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** The sorted rows of the last answer, kept while it stays the same. */
  private _sorted?: { readonly source: DueList; readonly items: DueList['items'] };
  /** Whether the cadence form is open; the cadence last saved here; the last refusal, and how many so far. */
  @state() private _editingCadence = false;
  @state() private _savedCadence: StoredCadence | undefined;
  @state() private _cadenceError: unknown;
  @state() private _cadenceRefusals = 0;
  /** What the last save of the cadence did, in words. */
  @state() private _cadenceSaid = '';
  /** Focus goes back to the Edit button after the next render (the form closed). */
  private _focusEdit = false;

  private _due = new Task(this, {
    args: () => [JSON.stringify(dueQuery(parseDueFilters(this.query)))] as const,
    task: ([q], { signal }) => this._api.dueReviews(JSON.parse(q) as Record<string, string>, { signal }),
  });

  /** Every vendor's business owner, for the owner filter (the list itself shrinks to the owner picked). */
  private _owners = new Task(this, {
    args: () => [] as const,
    task: async (_, { signal }) => ownersOf((await this._api.vendors({ limit: 1000 }, { signal })).items),
  });

  private _cadence = new Task(this, {
    args: () => [] as const,
    task: (_, { signal }) => this._api.reviewCadence({ signal }),
  });

  private _saveCadence = new Task(this, {
    autoRun: false,
    task: ([body]: readonly [Cadence]) => {
      // Made against the cadence shown; one another admin changed meanwhile answers 412, said beside the form.
      const version = (this._savedCadence ?? this._cadence.value)?.version;
      if (version === undefined) throw new Error('The review cadence is not loaded yet; try again.');
      return this._api.setReviewCadence(body, version);
    },
    onComplete: (saved) => {
      this._savedCadence = saved;
      this._cadenceSaid = cadenceOutcome(saved);
      this._editingCadence = false;
      this._focusEdit = true;
    },
    onError: (e) => {
      this._cadenceError = e;
      this._cadenceRefusals++;
    },
  });

  override render() {
    const filters = parseDueFilters(this.query);
    const data = this._due.value;
    const failed = this._due.status === TaskStatus.ERROR;
    const errors = failed ? fieldErrors(this._due.error, 'query', { before: 'Due by', asOf: 'As of' }) : {};
    const head = html`<header class="page-head">
      <div>
        <h1>Reviews due</h1>
        <p class="lede">
          Vendors whose procurement decision needs another look: flagged by what happened since (a higher band, a serious incident, a repeated root
          cause, a new subprocessor with tenant access, an expired waiver), overdue, due by the horizon, or never reviewed. A vendor never decided on
          is flagged too when any of these became known in the methodology's look-back.
        </p>
      </div>
    </header>`;
    return html`${head}
      <section class="card due" aria-labelledby="due-title" aria-busy=${this._due.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <div class="card-head">
          <h2 id="due-title">Due list</h2>
          ${data ? html`<p class="muted">As of ${partialDate(data.asOf)}, review dates up to ${partialDate(data.before)}.</p>` : nothing}
        </div>
        <div class="filters">
          <vr-due-filters .filters=${filters} .owners=${this._owners.value ?? []} effectiveAsOf=${data?.asOf ?? ''} effectiveBefore=${data?.before ?? ''} .errors=${errors}
            @due-filters-changed=${this._onFilters}></vr-due-filters>
        </div>
        ${this._body(filters, data, failed, Object.keys(errors).length > 0)}
      </section>
      <vr-overdue-questionnaires .due=${data?.questionnaires}></vr-overdue-questionnaires>
      <vr-due-feed .filters=${filters} origin=${location.origin}></vr-due-feed>
      ${this._cadenceCard()}`;
  }

  /** The months between reviews by tier, in words; for admins, Edit and the form. */
  private _cadenceCard() {
    const t = this._cadence;
    const shown = this._savedCadence ?? t.value;
    const admin = isAdmin(this._me?.role);
    let body;
    if (t.status === TaskStatus.ERROR) {
      body = html`<vr-error heading="The review cadence could not be loaded" .error=${t.error}>
        <button class="secondary" type="button" @click=${() => void t.run()}>Try again</button>
      </vr-error>`;
    } else if (!shown) {
      body = html`<p class="loading" role="status">Loading the review cadence…</p>`;
    } else {
      const errors = fieldErrors(this._cadenceError, 'body', CADENCE_LABELS);
      body = html`<p class="words" id="cadence-words">${cadenceInWords(shown)}</p>
        <p class="muted">
          How long after a decision the next review falls by default, by the vendor's tier. A change applies to decisions recorded from then on; next review
          dates already set stay as they are.${admin ? '' : ' Admins change it.'}
        </p>
        ${
          this._editingCadence
            ? html`<vr-cadence-form .cadence=${shown} .errors=${errors} failure=${this._cadenceFailure(Object.keys(errors).length)}
              refusals=${this._cadenceRefusals} ?busy=${this._saveCadence.status === TaskStatus.PENDING}
              @cadence-submitted=${this._onCadence} @cadence-edit-cancelled=${this._closeCadence}></vr-cadence-form>`
            : nothing
        }`;
    }
    return html`<section class="card cadence" aria-labelledby="cadence-title">
      <div class="card-head">
        <h2 id="cadence-title">Review cadence</h2>
        ${
          admin && shown && !this._editingCadence
            ? html`<button type="button" class="edit" id="cadence-edit" @click=${this._openCadence}>Edit<span class="sr-only"> the review cadence</span></button>`
            : nothing
        }
      </div>
      <div class="pad">${savedLine(this._cadenceSaid)}${body}</div>
    </section>`;
  }

  /** The failure in words when the server named no field (a field's message shows beside it). */
  private _cadenceFailure(named: number): string {
    const e = this._cadenceError;
    if (e === undefined || named > 0) return '';
    if (e instanceof ApiError && e.code === 'forbidden') return 'Only admins may change the review cadence.';
    return e instanceof Error ? e.message : String(e);
  }

  private _openCadence(): void {
    this._cadenceError = undefined;
    this._cadenceSaid = '';
    this._editingCadence = true;
  }

  private _closeCadence(): void {
    this._editingCadence = false;
    this._focusEdit = true;
  }

  private _onCadence(e: CadenceSubmitted): void {
    if (this._saveCadence.status === TaskStatus.PENDING) return;
    this._cadenceError = undefined;
    void this._saveCadence.run([e.cadence]);
  }

  private _body(filters: DueFilters, data: DueList | undefined, failed: boolean, placed: boolean) {
    if (failed) {
      return html`<div class="pad">
        <vr-error heading=${placed ? 'These filters cannot be used' : 'The due list could not be loaded'} .error=${this._due.error}>
          <button class="secondary" type="button" @click=${() => (placed ? this._go(NO_DUE_FILTERS) : void this._due.run())}>${placed ? 'Clear filters' : 'Try again'}</button>
        </vr-error>
      </div>`;
    }
    if (!data) return html`<p class="loading pad" role="status">Loading the due list…</p>`;
    const items = this._items(data);
    const summary = html`<div class="summary">
      <p class="count" role="status"><strong>${items.length}</strong> ${items.length === 1 ? 'vendor' : 'vendors'} to review</p>
      <vr-due-summary .counts=${countByKind(items)}></vr-due-summary>
    </div>`;
    if (items.length === 0) {
      const any = filters.owner !== '' || filters.tier !== null;
      return html`${summary}
        <div class="empty">
          <p><strong>No vendor is due for review</strong> by ${partialDate(data.before)}${any ? ' with these filters' : ''}.</p>
          ${any ? html`<button class="secondary" type="button" @click=${() => this._go({ ...filters, owner: '', tier: null })}>Show every owner and tier</button>` : nothing}
        </div>`;
    }
    return html`${summary}<vr-due-table .items=${items} asOf=${filters.asOf}></vr-due-table>
      <p class="foot">
        Flagged vendors come first (never reviewed ones among them when something flagged them), then overdue ones, then those due by the horizon, then
        those never reviewed. Record a decision on a vendor's page, under
        Procurement review.
      </p>`;
  }

  protected override updated(): void {
    document.title = 'Reviews · Vendorscope';
    if (this._focusEdit) {
      this._focusEdit = false;
      this.renderRoot.querySelector<HTMLElement>('#cadence-edit')?.focus();
    }
  }

  private _items(data: DueList): DueList['items'] {
    if (this._sorted?.source !== data) this._sorted = { source: data, items: sortDue(data.items) };
    return this._sorted.items;
  }

  private _go(filters: DueFilters): void {
    this.dispatchEvent(new NavigationRequested(urlWith('/reviews', dueQuery(filters)), true));
  }

  private _onFilters(e: DueFiltersChanged): void {
    this._go(e.filters);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-reviews-page': ReviewsPage;
  }
}
