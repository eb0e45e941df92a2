/**
 * A secret shown this once (an API token, a questionnaire's response link): the server keeps only
 * its hash, so it cannot be shown again. The value takes focus when it appears, so that a keyboard
 * or screen-reader user finds it; a copy button selects the text where the clipboard is unavailable
 * (plain http on an intranet host, or refused); "Done" tells the page to forget it.
 *
 * @fires shown-once-dismissed - "Done": the owner forgets the value
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formElement } from '../styles/forms.ts';

export class ShownOnceDismissed extends Event {
  static readonly type = 'shown-once-dismissed';
  constructor() {
    super(ShownOnceDismissed.type, { bubbles: true, composed: true });
  }
}

@customElement('vr-shown-once')
export class ShownOnce extends LitElement {
  static override styles = [
    ...formElement,
    css`
      :host {
        display: block;
      }
      .box {
        padding: 14px 16px;
        border: 1px solid var(--vr-example-line);
        border-left: 4px solid var(--vr-example);
        border-radius: var(--vr-radius);
        background: var(--vr-example-soft);
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1rem;
      }
      p {
        margin: 0 0 10px;
      }
      code {
        font-family: var(--vr-font-mono);
        font-size: 0.88em;
      }
      code.value {
        display: block;
        padding: 8px 10px;
        margin: 0 0 10px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        font-size: 0.9rem;
        word-break: break-all;
        user-select: all;
      }
      .status {
        color: var(--vr-fact);
        font-weight: 600;
      }
    `,
  ];

  @property() heading = '';
  /** What to do with it, after "Copy it now: it will not be shown again." (text or a template). */
  @property({ attribute: false }) note: unknown = nothing;
  /** The secret; empty: nothing is shown. */
  @property() value = '';
  /** The value's accessible name ("The new token"). */
  @property() valueLabel = '';
  /** A class for the value besides `value` (`secret`, `link`), for styles and tests that name it. */
  @property() valueClass = '';
  @property() copyLabel = 'Copy';
  @property() doneLabel = 'Done';
  @state() private _said = '';

  override render() {
    if (!this.value) return nothing;
    return html`<div class="box" role="region" aria-labelledby="shown-once-title">
      <h3 id="shown-once-title">${this.heading}</h3>
      <p><strong>Copy it now: it will not be shown again.</strong> ${this.note}</p>
      <code class="value ${this.valueClass}" tabindex="0" aria-label=${this.valueLabel}>${this.value}</code>
      <div class="actions">
        <button class="primary" type="button" @click=${this._copy}>${this.copyLabel}</button>
        <button class="secondary" type="button" @click=${() => ((this._said = ''), this.dispatchEvent(new ShownOnceDismissed()))}>${this.doneLabel}</button>
        <span class="status" role="status">${this._said}</span>
      </div>
    </div>`;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('value') && this.value) {
      this._said = '';
      this.renderRoot.querySelector<HTMLElement>('code.value')?.focus();
    }
  }

  private async _copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(this.value);
      this._said = 'Copied';
    } catch {
      const code = this.renderRoot.querySelector('code.value');
      const selection = getSelection();
      if (code && selection) selection.selectAllChildren(code);
      this._said = 'Selected: copy it with Ctrl+C (⌘C on a Mac)';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-shown-once': ShownOnce;
  }
}
