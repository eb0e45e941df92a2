/**
 * Picks the 2–4 vendors to compare: the chosen ones as removable chips, and a search by name
 * whose matches are plain buttons (a list of buttons, not an ARIA combobox: every screen reader
 * and keyboard already knows how to use it). Enter in the search adds the first match.
 *
 * @fires compare-selection-changed - the vendors to compare, in order
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MAX_COMPARED } from '../charts/compare.layout.ts';
import { CompareSelectionChanged } from '../events.ts';
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

  @property({ attribute: false }) options: readonly PickerOption[] = [];
  @property({ attribute: false }) selected: readonly number[] = [];
  @state() private _query = '';

  override render() {
    const byId = new Map(this.options.map((o) => [o.vendorId, o]));
    const full = this.selected.length >= MAX_COMPARED;
    const matches = this._matches();
    return html`<div>
        <h2 id="chosen-title">Compared (${this.selected.length} of at most ${MAX_COMPARED})</h2>
        ${this.selected.length === 0
          ? html`<p class="none">None yet.</p>`
          : html`<ul class="chosen" aria-labelledby="chosen-title">
              ${this.selected.map((id) => {
                const name = byId.get(id)?.name ?? `Vendor #${id}`;
                return html`<li class="chip" data-vendor-id=${id}>
                  ${name}<button type="button" aria-label=${`Remove ${name}`} title=${`Remove ${name}`} @click=${() => this._set(this.selected.filter((x) => x !== id))}>×</button>
                </li>`;
              })}
            </ul>`}
      </div>
      <div>
        <label for="q">Add a vendor</label>
        <input id="q" type="search" autocomplete="off" placeholder="Search by name" aria-describedby="hint status"
          .value=${this._query} @input=${(e: Event) => (this._query = (e.target as HTMLInputElement).value)} @keydown=${this._onKey} />
        <p class="hint" id="hint">Compare two to four vendors. Type part of a name, then pick a vendor below.</p>
        ${this._query.trim() && !full && matches.length > 0
          ? html`<ul class="results" aria-label="Matching vendors">
              ${matches.slice(0, SHOWN).map(
                (o) => html`<li><button type="button" data-vendor-id=${o.vendorId} @click=${() => this._add(o.vendorId)}>
                  <span>Add ${o.name}</span><span class="cat">${o.category}</span>
                </button></li>`,
              )}
            </ul>`
          : nothing}
        <p class="hint" id="status" role="status">${this._status(full, matches.length)}</p>
      </div>`;
  }

  private _matches(): PickerOption[] {
    const q = this._query.trim().toLowerCase();
    if (!q) return [];
    const found = this.options.filter((o) => !this.selected.includes(o.vendorId) && o.name.toLowerCase().includes(q));
    // Names that start with what was typed come first.
    return found.sort((a, b) => Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)) || a.name.localeCompare(b.name));
  }

  private _status(full: boolean, n: number): string {
    if (full) return `At most ${MAX_COMPARED} vendors: remove one to add another.`;
    if (!this._query.trim()) return '';
    if (n === 0) return `No vendor not yet compared matches “${this._query.trim()}”.`;
    return n > SHOWN ? `${n} vendors match; the first ${SHOWN} are shown.` : `${n} ${n === 1 ? 'vendor matches' : 'vendors match'}.`;
  }

  private _onKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const first = this._matches()[0];
    if (first && this.selected.length < MAX_COMPARED) this._add(first.vendorId);
  }

  private _add(id: number): void {
    this._query = '';
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
