/**
 * A modal dialog around a form or a question: the native <dialog> (the page behind is inert,
 * Tab stays inside, Escape closes), its content slotted in. On opening, focus goes to the content's
 * `[autofocus]` control or its first field (they live in the content's own shadow root, which the
 * dialog's own focusing does not search); on closing, back to the control that opened it.
 *
 * @fires edit-cancelled - closed without saving: the close button, or Escape
 */
import { css, html, LitElement, type PropertyValues, type ReactiveElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { EditCancelled } from '../vendor-events.ts';
import { controls } from '../styles/shared.ts';

const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/** The element with focus, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

/** The first element matching `selector` in tree order, through shadow roots. */
function deepFind(root: Element, selector: string): HTMLElement | null {
  if (root.matches(selector) && root instanceof HTMLElement) return root;
  for (const child of root.shadowRoot ? root.shadowRoot.children : root.children) {
    const hit = deepFind(child, selector);
    if (hit) return hit;
  }
  return null;
}

@customElement('vr-edit-dialog')
export class EditDialog extends LitElement {
  static override styles = [
    controls,
    css`
      dialog {
        width: min(820px, calc(100vw - 24px));
        max-height: calc(100vh - 24px);
        padding: 0;
        border: 1px solid var(--vr-line-strong);
        border-radius: var(--vr-radius);
        background: var(--vr-surface);
        color: var(--vr-ink);
        box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
      }
      dialog.narrow {
        width: min(480px, calc(100vw - 24px));
      }
      dialog::backdrop {
        background: rgb(10 14 22 / 55%);
      }
      header {
        position: sticky;
        top: 0;
        z-index: 1;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 12px;
        padding: 14px 20px;
        background: var(--vr-surface);
        border-bottom: 1px solid var(--vr-line);
      }
      h2 {
        margin: 0;
        font-size: 1.15rem;
      }
      h2:focus {
        outline: none;
      }
      .close {
        width: 32px;
        height: 32px;
        border: 1px solid var(--vr-line-strong);
        border-radius: 4px;
        background: var(--vr-surface);
        color: var(--vr-ink);
        font-size: 1.2rem;
        line-height: 1;
        cursor: pointer;
      }
      .close:hover {
        background: var(--vr-canvas);
      }
      .body {
        padding: 16px 20px 20px;
      }
    `,
  ];

  @property() heading = '';
  @property({ type: Boolean }) open = false;
  /** A question (a confirmation) rather than a form. */
  @property({ type: Boolean }) narrow = false;
  @query('dialog') private _dialog!: HTMLDialogElement;
  /** The control that had focus when the dialog opened. */
  private _opener: HTMLElement | null = null;

  override render() {
    return html`<dialog class=${this.narrow ? 'narrow' : ''} aria-labelledby="h" @close=${this._onClose}>
      <header>
        <h2 id="h" tabindex="-1">${this.heading}</h2>
        <button type="button" class="close" aria-label="Close" title="Close" @click=${this._cancel}>×</button>
      </header>
      <div class="body"><slot></slot></div>
    </dialog>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this._dialog.open) {
      this._opener = deepActiveElement();
      this._dialog.showModal();
      void this._focusFirst();
    } else if (!this.open && this._dialog.open) {
      this._dialog.close();
    }
  }

  private async _focusFirst(): Promise<void> {
    const content = this.renderRoot.querySelector('slot')?.assignedElements({ flatten: true }) ?? [];
    await Promise.all(content.flatMap((el) => (el as Partial<ReactiveElement>).updateComplete ?? []));
    const pick = (selector: string) => content.map((el) => deepFind(el, selector)).find((el) => el !== null);
    (pick('[autofocus]') ?? pick(FIELD) ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
  }

  private _cancel(): void {
    this.dispatchEvent(new EditCancelled());
  }

  private _onClose(): void {
    // Escape closes the native dialog by itself: tell the page, which still thinks it open.
    if (this.open) this._cancel();
    if (this._opener?.isConnected) this._opener.focus();
    this._opener = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-edit-dialog': EditDialog;
  }
}
