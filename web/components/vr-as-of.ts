/**
 * The "as of" day picker. Empty means "today" (the server's today), so a fresh visit always
 * shows the current score without pinning a date into the URL.
 *
 * A day is applied when it is chosen in the calendar picker, or, when typed, on Enter or on
 * leaving the field: never per keystroke. Chromium's date field fires `change` for every complete
 * value, and typing a year digit by digit passes through 0002, 0020, 0202 before 2023, each of
 * which would re-score the page (and fail). While a typed date is incomplete or out of range, the
 * page keeps its last good view and the field says what it needs.
 *
 * @fires as-of-changed - a full date was picked or entered, or the date was reset to today
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AsOfChanged } from '../events.ts';
import { controls } from '../styles/shared.ts';

const MIN = '2000-01-01';
const MAX = '2999-12-31';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

@customElement('vr-as-of')
export class AsOf extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 8px;
      }
      label {
        font-weight: 600;
        font-size: 0.9rem;
      }
      input {
        padding: 5px 8px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
      }
      button {
        padding: 5px 10px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        cursor: pointer;
      }
      button:hover {
        background: var(--vr-canvas);
      }
      .hint {
        font-size: 0.8rem;
        color: var(--vr-danger);
      }
    `,
  ];

  /** The day asked for in the URL; empty for today. */
  @property() value = '';
  /** The day the shown scores are really for (the server's answer), shown when `value` is empty. */
  @property() effective = '';

  /** What the field needs before it can be applied (an incomplete or out-of-range typed date); '' when nothing. */
  @state() private _hint = '';
  /** Keys were typed in the field since the last applied day: its `change` waits for Enter or blur. */
  private _typing = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new day from the page (the URL, "Today") replaces whatever was being typed.
    if (changed.has('value')) {
      this._hint = '';
      this._typing = false;
    }
  }

  override render() {
    return html`<label for="d">Scores as of</label>
      <input id="d" type="date" min=${MIN} max=${MAX} .value=${this.value || this.effective} aria-describedby="hint" aria-invalid=${this._hint ? 'true' : 'false'}
        @keydown=${this._onKeydown} @pointerdown=${() => (this._typing = false)} @change=${this._onChange} @blur=${this._onBlur} />
      ${this.value ? html`<button type="button" @click=${() => this.dispatchEvent(new AsOfChanged(''))}>Today</button>` : nothing}
      <span id="hint" class="hint" role="status">${this._hint}</span>`;
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this._apply(e.target as HTMLInputElement);
    } else if (e.key !== 'Tab' && e.key !== 'Shift') this._typing = true;
  }

  /** A day chosen in the calendar picker (opened by pointer, which resets `_typing`) applies at once; a typed one waits (see the class comment). */
  private _onChange(e: Event): void {
    if (!this._typing) this._apply(e.target as HTMLInputElement);
  }

  private _onBlur(e: FocusEvent): void {
    if (this._typing) this._apply(e.target as HTMLInputElement);
  }

  private _apply(input: HTMLInputElement): void {
    const v = input.value;
    const shown = this.value || this.effective;
    // An empty value with bad input is a date being typed (some parts still blank): keep the view.
    if (v === '' && input.validity.badInput) return this._need(`Enter a full date (day, month and year), or clear the field for today.`);
    if (v !== '' && (!DAY.test(v) || v < MIN || v > MAX)) return this._need(`Enter a date from ${MIN.slice(0, 4)} to ${MAX.slice(0, 4)}.`);
    this._hint = '';
    this._typing = false;
    // Clearing the field means "back to today".
    if (v === '' ? this.value !== '' : v !== shown) this.dispatchEvent(new AsOfChanged(v));
  }

  private _need(hint: string): void {
    this._hint = hint;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-as-of': AsOf;
  }
}
