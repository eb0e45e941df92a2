/**
 * The "as of" day picker. Empty means "today" (the server's today), so a fresh visit always
 * shows the current score without pinning a date into the URL.
 *
 * @fires as-of-changed - a full date was picked, or the date was reset to today
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AsOfChanged } from '../events.ts';
import { controls } from '../styles/shared.ts';

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
    `,
  ];

  /** The day asked for in the URL; empty for today. */
  @property() value = '';
  /** The day the shown scores are really for (the server's answer), shown when `value` is empty. */
  @property() effective = '';

  override render() {
    return html`<label for="d">Scores as of</label>
      <input id="d" type="date" min="2000-01-01" max="2999-12-31" .value=${this.value || this.effective} @change=${this._onChange} />
      ${this.value ? html`<button type="button" @click=${() => this.dispatchEvent(new AsOfChanged(''))}>Today</button>` : nothing}`;
  }

  private _onChange(e: Event): void {
    const v = (e.target as HTMLInputElement).value;
    // Clearing the field means "back to today"; a partly typed date never fires change.
    this.dispatchEvent(new AsOfChanged(/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : ''));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-as-of': AsOf;
  }
}
