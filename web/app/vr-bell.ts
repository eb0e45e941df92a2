/**
 * The bell in the header: the unread count of your notifications (asked on start, every minute,
 * and when opened), and a disclosure panel listing the newest, each a link to the vendor and the
 * evidence it is about. Following a link marks it read; "Mark all read" clears the count. Like the
 * user menu, a disclosure (links stay links; Escape closes and returns focus).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ApiClient, Notification } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { controls } from '../styles/shared.ts';
import { bellStyles } from './vr-bell.styles.ts';
import { bellLabel } from '../notifications.ts';

const POLL_MS = 60_000;

@customElement('vr-bell')
export class Bell extends LitElement {
  static override styles = [controls, bellStyles];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @state() private _unread = 0;
  @state() private _open = false;
  @state() private _items: readonly Notification[] | null = null;
  @state() private _failure = '';
  /** The panel opens rightwards when the bell sits near the left edge (the header wrapped), leftwards otherwise. */
  @state() private _alignStart = false;
  @query('button.toggle') private _toggle!: HTMLButtonElement;
  private _timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this._onDocumentClick);
    void this.refresh();
    this._timer = setInterval(() => void this.refresh(), POLL_MS);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this._onDocumentClick);
    clearInterval(this._timer);
    super.disconnectedCallback();
  }

  /** Asks the unread count again (and the list, when open). */
  async refresh(): Promise<void> {
    try {
      if (this._open) {
        const page = await this._api.notifications({ limit: 20 });
        this._items = page.items;
        this._unread = page.unread;
      } else {
        this._unread = (await this._api.unreadCount()).unread;
      }
      this._failure = '';
    } catch (e) {
      // A signed-out session is the app's business (the client reports it); anything else shows in the panel.
      this._failure = e instanceof Error ? e.message : String(e);
    }
  }

  override render() {
    return html`<div class="wrap" @keydown=${this._onKeydown} @focusout=${this._onFocusOut}>
      <button class="toggle" type="button" aria-expanded=${this._open ? 'true' : 'false'} aria-controls="notifications" @click=${this._onToggle}>
        <svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><path fill="currentColor" d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.2 1.5a.6.6 0 0 1-.5 1H2.8a.6.6 0 0 1-.5-1l1.2-1.5V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1ZM6.3 13.8h3.4a1.7 1.7 0 0 1-3.4 0Z"/></svg>
        <span class="label">${bellLabel(this._unread)}</span>
        ${this._unread > 0 ? html`<span class="count" aria-hidden="true">${this._unread > 99 ? '99+' : this._unread}</span>` : nothing}
      </button>
      <div id="notifications" class=${this._alignStart ? 'panel start' : 'panel'} ?hidden=${!this._open}>
        <div class="head">
          <h2 tabindex="-1">Notifications</h2>
          <button type="button" class="secondary" ?hidden=${this._unread === 0} @click=${this._onReadAll}>Mark all read</button>
        </div>
        ${this._failure ? html`<p class="failure" role="alert">${this._failure}</p>` : nothing}
        ${
          this._items === null
            ? html`<p class="muted" role="status">Loading…</p>`
            : this._items.length === 0
              ? html`<p class="muted">Nothing yet. Your <a href="/account#rules-title" @click=${this._close}>watch rules</a> say what shows here.</p>`
              : html`<ul>
                ${this._items.map(
                  (n) => html`<li class=${n.readAt ? 'read' : 'unread'}>
                    <a href=${n.link} @click=${() => this._onFollow(n)}>
                      ${n.readAt ? nothing : html`<span class="new">New<span class="sr-only">:</span></span>`}
                      <strong>${n.change.vendorName}</strong>: ${n.change.title}
                      <time datetime=${n.change.day}>${n.change.day}</time>
                    </a>
                  </li>`,
                )}
              </ul>`
        }
        <p class="foot"><a href="/account#rules-title" @click=${this._close}>Change what you are told about</a></p>
      </div>
    </div>`;
  }

  private readonly _onToggle = () => {
    this._open = !this._open;
    if (!this._open) return;
    this._alignStart = this.getBoundingClientRect().right < Math.min(440, window.innerWidth);
    void this.refresh();
  };

  private readonly _close = () => {
    this._open = false;
  };

  private async _onFollow(n: Notification): Promise<void> {
    this._open = false;
    if (n.readAt) return;
    try {
      this._unread = (await this._api.markRead(n.id)).unread;
    } catch {
      // Marking read is a courtesy: the link is followed all the same.
    }
  }

  private readonly _onReadAll = async () => {
    // The button pressed is hidden once the count is 0: focus moves to the panel's heading first, so
    // that it is never left on a hidden button (where Escape would no longer reach the panel).
    this.renderRoot.querySelector<HTMLElement>('#notifications h2')?.focus();
    try {
      this._unread = (await this._api.markAllRead()).unread;
      await this.refresh();
    } catch (e) {
      this._failure = e instanceof Error ? e.message : String(e);
    }
  };

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this._open) return;
    this._open = false;
    this._toggle.focus();
  }

  private _onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && !this.renderRoot.contains(to)) this._open = false;
  }

  private readonly _onDocumentClick = (e: MouseEvent) => {
    if (this._open && !e.composedPath().includes(this)) this._open = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-bell': Bell;
  }
}
