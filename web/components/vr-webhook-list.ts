/**
 * Webhook targets (never their secrets): URL, format, what they want, enabled or not, with
 * Enable/Disable and Delete.
 *
 * @fires webhook-change-requested - Enable, Disable or Delete
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Webhook } from '../../server/domain/webhook.ts';
import { WebhookChangeRequested } from '../alert-events.ts';
import { KIND_LABEL } from '../watch-rules.ts';
import { tableStyles } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';

@customElement('vr-webhook-list')
export class WebhookList extends LitElement {
  static override styles = [...tableStyles, forms];

  @property({ attribute: false }) webhooks: readonly Webhook[] = [];

  override render() {
    if (this.webhooks.length === 0) return html`<p class="empty">No webhook targets yet.</p>`;
    const change = (w: Webhook, c: WebhookChangeRequested['change']) => () => this.dispatchEvent(new WebhookChangeRequested(w, c));
    return html`<div class="scroll" role="region" aria-label="Webhook targets table" tabindex="0"><table>
      <caption class="sr-only">Webhook targets</caption>
      <thead>
        <tr><th scope="col">Name</th><th scope="col">URL</th><th scope="col">Format</th><th scope="col">Sends</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr>
      </thead>
      <tbody>
        ${this.webhooks.map(
          (w) => html`<tr data-webhook-id=${w.id}>
            <th scope="row">${w.name}</th>
            <td><code>${w.url}</code></td>
            <td>${w.format === 'slack' ? 'Slack' : 'JSON'}</td>
            <td>
              ${w.kinds === null ? 'Every kind' : w.kinds.map((k) => KIND_LABEL[k]).join(', ')}
              · ${w.tiers === null ? 'every tier' : `tiers ${w.tiers.join(', ')}`}${w.minSeverity ? ` · ${w.minSeverity} or worse` : ''}
            </td>
            <td>${w.enabled ? 'Enabled' : 'Disabled'}</td>
            <td class="act">
              <button type="button" class="secondary" @click=${change(w, w.enabled ? 'disable' : 'enable')}>${w.enabled ? 'Disable' : 'Enable'}<span class="sr-only"> ${w.name}</span></button>
              <button type="button" class="danger" @click=${change(w, 'delete')}>Delete<span class="sr-only"> ${w.name}</span></button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-webhook-list': WebhookList;
  }
}
