/**
 * "41–60 of 234" with Previous and Next, for a list the server pages by offset.
 *
 * @fires page-requested - Previous or Next, with the new offset
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageRequested } from '../account-events.ts';
import { controls } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-pager')
export class Pager extends LitElement {
  static override styles = [
    controls,
    forms,
    css`
      nav {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 12px;
        padding-top: 12px;
      }
      p {
        margin: 0;
        color: var(--vr-ink-muted);
        font-size: 0.88rem;
      }
      button[disabled] {
        opacity: 0.5;
        cursor: default;
      }
    `,
  ];

  @property({ type: Number }) offset = 0;
  @property({ type: Number }) limit = 50;
  @property({ type: Number }) total = 0;
  /** What is counted, e.g. "entries". */
  @property() noun = 'items';

  override render() {
    const last = Math.min(this.offset + this.limit, this.total);
    // An offset past the end (an old link, a shrunk filter) shows the count alone; "Newer" leads back.
    const shown = this.offset >= this.total ? `${this.total} ${this.noun}` : `${this.offset + 1}–${last} of ${this.total} ${this.noun}`;
    return html`<nav aria-label="Pages">
      <p role="status">${shown}</p>
      <div class="actions">
        <button class="secondary" type="button" ?disabled=${this.offset === 0} @click=${() => this._go(Math.max(0, this.offset - this.limit))}>Newer</button>
        <button class="secondary" type="button" ?disabled=${last >= this.total} @click=${() => this._go(this.offset + this.limit)}>Older</button>
      </div>
    </nav>`;
  }

  private _go(offset: number): void {
    this.dispatchEvent(new PageRequested(offset));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-pager': Pager;
  }
}
