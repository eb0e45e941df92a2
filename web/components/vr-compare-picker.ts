/**
 * Picks the 2–4 vendors to compare: the chosen ones as removable chips, and a search over every
 * vendor on record (the page asks `GET /vendors?q=`, so a vendor off the portfolio, offboarded or
 * not yet engaged, can be added too) whose matches are plain buttons (a list of buttons, not an
 * ARIA combobox: every screen reader and keyboard already knows how to use it). Enter in the
 * search adds the first match, once the matches for what was typed have arrived.
 *
 * @fires compare-search-changed - what is typed changed
 * @fires compare-selection-changed - the vendors to compare, in order
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MAX_COMPARED } from '../charts/compare.layout.ts';
import { CompareSearchChanged, CompareSelectionChanged } from '../events.ts';
import { controls, srOnly } from '../styles/shared.ts';
import { comparePickerStyles } from './vr-compare-picker.styles.ts';

export interface PickerOption {
  readonly vendorId: number;
  readonly name: string;
  readonly category: string;
}

const SHOWN = 8;

@customElement('vr-compare-picker')
export class ComparePicker extends LitElement {
  static override styles = [controls, srOnly, comparePickerStyles];

  /** The vendors matching `resultsFor`, as the API found them (name, alias, category or website). */
  @property({ attribute: false }) options: readonly PickerOption[] = [];
  /** The search the options answer; while it differs from what is typed, the matches are on their way. */
  @property() resultsFor = '';
  /** How many vendors match in all (the options may be fewer). */
  @property({ type: Number }) total = 0;
  /** The chosen vendors' names, by id. */
  @property({ attribute: false }) names: ReadonlyMap<number, string> = new Map();
  @property({ attribute: false }) selected: readonly number[] = [];
  /** Why the search failed, in words; '' when it did not. */
  @property() failure = '';
  @state() private _query = '';
  /** Enter was pressed before the matches for what was typed had arrived: add the first when they do. */
  private _addWhenReady = false;

  override render() {
    const full = this.selected.length >= MAX_COMPARED;
    const matches = this._matches();
    return html`<div>
        <h2 id="chosen-title">Compared (${this.selected.length} of at most ${MAX_COMPARED})</h2>
        ${
          this.selected.length === 0
            ? html`<p class="none">None yet.</p>`
            : html`<ul class="chosen" aria-labelledby="chosen-title">
              ${this.selected.map((id) => {
                const name = this.names.get(id) ?? `Vendor #${id}`;
                return html`<li class="chip" data-vendor-id=${id}>
                  ${name}<button type="button" aria-label=${`Remove ${name}`} title=${`Remove ${name}`} @click=${() => this._set(this.selected.filter((x) => x !== id))}>×</button>
                </li>`;
              })}
            </ul>`
        }
      </div>
      <div>
        <label for="q">Add a vendor</label>
        <input id="q" type="search" autocomplete="off" placeholder="Search by name" aria-describedby="hint status"
          .value=${this._query} @input=${this._onInput} @keydown=${this._onKey} />
        <p class="hint" id="hint">Compare two to four vendors. Type part of a name (or an alias, category or website) of any vendor on record, then pick one below.</p>
        ${
          this._query.trim() && !full && matches.length > 0
            ? html`<ul class="results" aria-label="Matching vendors">
              ${matches.slice(0, SHOWN).map(
                (o) => html`<li><button type="button" data-vendor-id=${o.vendorId} @click=${() => this._add(o.vendorId)}>
                  <span>Add ${o.name}</span><span class="cat">${o.category}</span>
                </button></li>`,
              )}
            </ul>`
            : nothing
        }
        <p class="hint" id="status" role="status">${this._status(full, matches.length)}</p>
      </div>`;
  }

  /** True when the options answer what is typed now. */
  private _ready(): boolean {
    return this.resultsFor === this._query.trim();
  }

  private _matches(): PickerOption[] {
    const q = this._query.trim().toLowerCase();
    if (!q || !this._ready()) return [];
    const found = this.options.filter((o) => !this.selected.includes(o.vendorId));
    // Names that start with what was typed come first, then names that contain it, then the rest (an alias, a category).
    const rank = (o: PickerOption) => (o.name.toLowerCase().startsWith(q) ? 0 : o.name.toLowerCase().includes(q) ? 1 : 2);
    return found.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  }

  private _status(full: boolean, n: number): string {
    if (full) return `At most ${MAX_COMPARED} vendors: remove one to add another.`;
    const q = this._query.trim();
    if (!q) return '';
    if (this.failure && this._ready()) return `The search failed: ${this.failure}`;
    if (!this._ready()) return 'Searching…';
    if (n === 0) return `No vendor not yet compared matches “${q}”.`;
    // The API's total counts the chosen vendors too; the list shows at most SHOWN.
    const all = Math.max(n, this.total - this.selected.length);
    return all > SHOWN && n > SHOWN ? `${all} vendors match; the first ${SHOWN} are shown.` : `${n} ${n === 1 ? 'vendor matches' : 'vendors match'}.`;
  }

  protected override updated(): void {
    if (!this._addWhenReady || !this._ready()) return;
    this._addWhenReady = false;
    this._addFirst();
  }

  private _onInput(e: Event): void {
    this._query = (e.target as HTMLInputElement).value;
    this._addWhenReady = false;
    this.dispatchEvent(new CompareSearchChanged(this._query.trim()));
  }

  private _onKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (this._ready()) this._addFirst();
    else this._addWhenReady = true;
  }

  private _addFirst(): void {
    const first = this._matches()[0];
    if (first && this.selected.length < MAX_COMPARED) this._add(first.vendorId);
  }

  private _add(id: number): void {
    this._query = '';
    this.dispatchEvent(new CompareSearchChanged(''));
    this._set([...this.selected, id]);
  }

  private _set(ids: readonly number[]): void {
    this.dispatchEvent(new CompareSelectionChanged(ids));
    // The page asks the app not to move focus for a pick; a removed chip's button is gone, though: the search takes focus.
    this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-compare-picker': ComparePicker;
  }
}
