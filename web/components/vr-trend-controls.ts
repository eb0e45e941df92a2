/**
 * The trend view's controls: the quarter range (from, to), the sort, "movers only", and how many
 * vendors are shown. Values come from the URL (the range from the server's answer when the URL
 * leaves it out); each change goes up at once, the range already made one the server accepts.
 *
 * @fires trend-view-changed - the range, the sort or the movers toggle changed
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { TREND_SORTS, type TrendSort, type TrendView } from '../charts/trend.layout.ts';
import { normalizeRange, quarterText, rangeChoices } from '../charts/trend.quarters.ts';
import { controls } from '../styles/shared.ts';
import { filterBar, forms } from '../styles/forms.ts';

const UP: EventInit = { bubbles: true, composed: true };

export class TrendViewChanged extends Event {
  static readonly type = 'trend-view-changed';
  readonly view: TrendView;
  constructor(view: TrendView) {
    super(TrendViewChanged.type, UP);
    this.view = view;
  }
}

@customElement('vr-trend-controls')
export class TrendControls extends LitElement {
  static override styles = [
    controls,
    forms,
    filterBar,
    css`
      .field {
        flex-basis: 140px;
      }
      .field.sort {
        flex-basis: 210px;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 8px;
        height: 34px;
        font-weight: 600;
        font-size: 0.9rem;
      }
      .check input {
        width: 18px;
        height: 18px;
        margin: 0;
      }
    `,
  ];

  /** The view in force, with the range the data covers. */
  @property({ attribute: false }) view: TrendView = { from: '', to: '', movers: false, sort: 'risk' };
  /** Today's quarter: the newest a range may reach. */
  @property() current = '';
  /** Whether the URL chose the range (then "Last 8 quarters" goes back to the default). */
  @property({ type: Boolean }) custom = false;
  @property({ type: Number }) shown = 0;
  @property({ type: Number }) total = 0;
  @property({ type: Number }) movers = 0;

  override render() {
    const v = this.view;
    const choices = this.current ? rangeChoices(this.current, v.from) : [];
    const options = (selected: string, skip: string) =>
      choices.filter((q) => q !== skip).map((q) => html`<option value=${q} ?selected=${q === selected}>${quarterText(q)}</option>`);
    return html`<form aria-label="Trend view" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="from">From quarter</label>
          <select id="from" .value=${live(v.from)} @change=${(e: Event) => this._range('from', this._value(e))}>
            ${options(v.from, this.current)}
          </select>
        </div>
        <div class="field">
          <label for="to">To quarter</label>
          <select id="to" .value=${live(v.to)} @change=${(e: Event) => this._range('to', this._value(e))}>
            ${options(v.to, choices.at(-1) ?? '')}
          </select>
        </div>
        ${this.custom ? html`<button class="secondary" type="button" @click=${() => this._emit({ ...v, from: '', to: '' })}>Last 8 quarters</button>` : nothing}
        <div class="field sort">
          <label for="sort">Sort by</label>
          <select id="sort" .value=${live(v.sort)} @change=${(e: Event) => this._emit({ ...v, sort: this._value(e) as TrendSort })}>
            ${TREND_SORTS.map((s) => html`<option value=${s.key} ?selected=${s.key === v.sort}>${s.label}</option>`)}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" .checked=${live(v.movers)} @change=${(e: Event) => this._emit({ ...v, movers: (e.target as HTMLInputElement).checked })} />
          Movers only (${this.movers})
        </label>
      </form>
      <p class="count" role="status">Showing <strong>${this.shown}</strong> of ${this.total} vendors${v.movers ? ' · movers only' : ''}</p>`;
  }

  private _value(e: Event): string {
    return (e.target as HTMLSelectElement).value;
  }

  private _range(moved: 'from' | 'to', value: string): void {
    const v = this.view;
    this._emit({ ...v, ...normalizeRange(moved === 'from' ? value : v.from, moved === 'to' ? value : v.to, moved, this.current) });
  }

  private _emit(view: TrendView): void {
    this.dispatchEvent(new TrendViewChanged(view));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-trend-controls': TrendControls;
  }
  interface HTMLElementEventMap {
    'trend-view-changed': TrendViewChanged;
  }
}
