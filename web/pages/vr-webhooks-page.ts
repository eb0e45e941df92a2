/**
 * Admins: webhook targets (add one, its secret shown once; enable, disable, delete) and the delivery
 * log of each channel, e-mail and webhook, with status, attempts and the last error; a failed
 * delivery can be queued again. Anyone else who reaches the page by URL is refused by the server.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { fieldErrors } from '../api/api-error.ts';
import type { ApiClient, CreatedWebhook, WebhookBody } from '../api/client.ts';
import type { DeliveryRetryRequested, WebhookChangeRequested, WebhookCreateRequested } from '../alert-events.ts';
import { apiContext } from '../state/contexts.ts';
import { outcomes } from '../components/form-field.ts';
import { card, controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { forms } from '../styles/forms.ts';
import { refusal } from './refusal.ts';
import { loaded } from './loaded.ts';
import '../components/vr-webhook-form.ts';
import '../components/vr-webhook-list.ts';
import '../components/vr-delivery-log.ts';

const message = (t: { readonly status: TaskStatus; readonly error: unknown }): string =>
  t.status === TaskStatus.ERROR && t.error instanceof Error ? t.error.message : '';

@customElement('vr-webhooks-page')
export class WebhooksPage extends LitElement {
  static override styles = [
    controls,
    card,
    forms,
    pageStyles,
    css`
      .card + .card {
        margin-top: 20px;
      }
      .secret {
        padding: 12px 16px;
        border-left: 4px solid var(--vr-example);
        background: var(--vr-example-soft);
        margin-bottom: 12px;
      }
      .secret code {
        display: block;
        word-break: break-all;
        user-select: all;
        margin: 6px 0;
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @state() private _secret: CreatedWebhook | null = null;
  @state() private _said = '';
  @state() private _channel: 'webhook' | 'email' = 'webhook';

  private _webhooks = new Task(this, { task: (_, { signal }) => this._api.webhooks({ signal }), args: () => [] as const });
  private _log = new Task(this, { task: ([channel], { signal }) => this._api.deliveries({ channel }, { signal }), args: () => [this._channel] as const });
  private _create = new Task(this, {
    autoRun: false,
    task: ([w]: readonly [WebhookBody]) => this._api.createWebhook(w),
    onComplete: (w) => {
      this._secret = w;
      void this._webhooks.run();
    },
  });
  private _change = new Task(this, {
    autoRun: false,
    task: async ([e]: readonly [WebhookChangeRequested]) => {
      if (e.change === 'delete') await this._api.deleteWebhook(e.webhook.id);
      else await this._api.updateWebhook(e.webhook.id, { enabled: e.change === 'enable' }, e.webhook.version);
      return e;
    },
    onComplete: (e) => {
      this._said = `${e.webhook.name} ${e.change === 'delete' ? 'deleted' : e.change === 'enable' ? 'enabled' : 'disabled'}.`;
      void this._webhooks.run();
    },
    onError: () => void this._webhooks.run(),
  });
  private _retry = new Task(this, {
    autoRun: false,
    task: ([id]: readonly [number]) => this._api.retryDelivery(id),
    onComplete: (d) => {
      this._said = `Delivery ${d.key} queued again.`;
      void this._log.run();
    },
  });

  override render() {
    const head = html`<header class="page-head">
      <div>
        <h1>Webhooks and deliveries</h1>
        <p class="lede">Where changes are posted, signed with each target's secret, and what became of every e-mail and webhook delivery.</p>
      </div>
    </header>`;
    if (this._webhooks.status === TaskStatus.ERROR) return html`${head}${refusal(this._webhooks.error, 'webhook list')}`;
    const errors = fieldErrors(this._create.error);
    return html`${head}
      <section class="card" aria-labelledby="add-title">
        <h2 id="add-title">Add a webhook</h2>
        ${
          this._secret
            ? html`<div class="secret" role="status">
              <strong>Secret of ${this._secret.name}: copy it now, it is not shown again.</strong>
              <code>${this._secret.secret}</code>
              Verify each post's <code>X-Vendorscope-Signature</code> with it (see the README).
              <button type="button" class="secondary" @click=${() => (this._secret = null)}>Done</button>
            </div>`
            : nothing
        }
        <vr-webhook-form
          .errors=${errors}
          failure=${Object.keys(errors).length === 0 ? message(this._create) : ''}
          ?busy=${this._create.status === TaskStatus.PENDING}
          @webhook-create-requested=${(e: WebhookCreateRequested) => ((this._secret = null), void this._create.run([e.webhook]))}
        ></vr-webhook-form>
      </section>
      <section class="card" aria-labelledby="targets-title">
        <h2 id="targets-title">Targets</h2>
        ${outcomes(this._said, message(this._change) || message(this._retry))}
        ${loaded(this._webhooks, 'webhooks', (items) => html`<vr-webhook-list .webhooks=${items} @webhook-change-requested=${(e: WebhookChangeRequested) => void this._change.run([e])}></vr-webhook-list>`)}
      </section>
      <section class="card" aria-labelledby="log-title">
        <h2 id="log-title">Delivery log</h2>
        <div class="field">
          <label for="channel">Channel</label>
          <select id="channel" @change=${(e: Event) => (this._channel = (e.target as HTMLSelectElement).value as 'webhook' | 'email')}>
            <option value="webhook" ?selected=${this._channel === 'webhook'}>Webhooks</option>
            <option value="email" ?selected=${this._channel === 'email'}>E-mail</option>
          </select>
        </div>
        ${loaded(this._log, 'delivery log', (log) => html`<vr-delivery-log .deliveries=${log.items} channel=${this._channel} @delivery-retry-requested=${(e: DeliveryRetryRequested) => void this._retry.run([e.id])}></vr-delivery-log>`)}
      </section>`;
  }

  protected override updated(): void {
    document.title = 'Webhooks · Vendorscope';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-webhooks-page': WebhooksPage;
  }
}
