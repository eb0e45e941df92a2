/**
 * The delivery log of one channel: each delivery's key, recipient, status, attempts, when the
 * next attempt is due and the last error (never a secret: the server keeps none in it). A failed
 * delivery can be queued again.
 *
 * @fires delivery-retry-requested - Retry on a failed delivery
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Delivery } from '../../server/domain/webhook.ts';
import { DeliveryRetryRequested } from '../alert-events.ts';
import { timestamp } from '../format.ts';
import { tableStyles } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

const STATUS_LABEL = { pending: 'Pending', sent: 'Sent', failed: 'Failed' } as const;

@customElement('vr-delivery-log')
export class DeliveryLog extends LitElement {
  static override styles = [...tableStyles, forms];

  @property({ attribute: false }) deliveries: readonly Delivery[] = [];
  @property() channel = 'webhook';

  override render() {
    if (this.deliveries.length === 0) return html`<p class="empty">No ${this.channel === 'email' ? 'e-mail' : 'webhook'} deliveries yet.</p>`;
    return html`<div class="scroll" role="region" aria-label=${`${this.channel} delivery log`} tabindex="0"><table>
      <caption class="sr-only">${this.channel === 'email' ? 'E-mail' : 'Webhook'} deliveries, newest first</caption>
      <thead>
        <tr><th scope="col">Key</th><th scope="col">To</th><th scope="col">Changes</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Next attempt / sent</th><th scope="col">Last error</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
      </thead>
      <tbody>
        ${this.deliveries.map(
          (d) => html`<tr data-delivery-id=${d.id}>
            <th scope="row"><code>${d.key}</code></th>
            <td>${d.recipient ?? '(gone)'}${d.digestDay ? ` · digest of ${d.digestDay}` : ''}</td>
            <td>${d.changeIds.length}</td>
            <td>${STATUS_LABEL[d.status]}</td>
            <td>${d.attempts}</td>
            <td>${d.sentAt ? html`<time datetime=${d.sentAt}>${timestamp(d.sentAt)}</time>` : d.status === 'pending' ? html`<time datetime=${d.nextAt}>${timestamp(d.nextAt)}</time>` : '—'}</td>
            <td>${d.lastError ?? ''}</td>
            <td class="act">
              ${
                d.status === 'failed'
                  ? html`<button type="button" class="secondary" @click=${() => this.dispatchEvent(new DeliveryRetryRequested(d.id))}>Retry<span class="sr-only"> ${d.key}</span></button>`
                  : ''
              }
            </td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-delivery-log': DeliveryLog;
  }
}
