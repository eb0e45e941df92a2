/**
 * One vendor: who they are to us, the score and every contribution to it, and the public evidence
 * (incidents, subprocessors, MFA posture, posture statements). Two Tasks: the facts load once per
 * vendor; the score reloads when the "as of" day changes.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../app/routes.ts';
import { NavigationRequested, type AsOfChanged } from '../events.ts';
import { controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { linkText } from '../format.ts';
import '../components/vr-as-of.ts';
import '../components/vr-data-notice.ts';
import '../components/vr-error.ts';
import '../components/vr-score-summary.ts';
import '../components/vr-score-breakdown.ts';
import '../components/vr-relationship.ts';
import '../components/vr-incident-list.ts';
import '../components/vr-subprocessor-list.ts';
import '../components/vr-mfa-grid.ts';
import '../components/vr-posture-facts.ts';

@customElement('vr-vendor-page')
export class VendorPage extends LitElement {
  static override styles = [
    controls,
    pageStyles,
    css`
      .back {
        display: inline-block;
        margin: 0 0 12px;
        font-size: 0.9rem;
      }
      .sub {
        margin: 0;
        color: var(--vr-ink-muted);
      }
      .top {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 20px;
        margin-bottom: 20px;
        align-items: start;
      }
      .stack > * + * {
        margin-top: 20px;
      }
      @media (max-width: 900px) {
        .top {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @consume({ context: apiContext }) private _api!: ApiClient;
  @property({ type: Number }) vendorId = 0;
  /** The URL's query: `asOf`. */
  @property({ attribute: false }) query = new URLSearchParams();
  /** Where "back to portfolio" goes: the portfolio as last shown, with its sort and date. */
  @property() backHref = '/';

  private _facts = new Task(this, {
    args: () => [this.vendorId] as const,
    task: async ([id], { signal }) => {
      const o = { signal };
      const [vendor, incidents, subprocessors, mfa, postureFacts, about] = await Promise.all([
        this._api.vendor(id, o),
        this._api.incidents(id, o),
        this._api.subprocessors(id, o),
        this._api.mfa(id, o),
        this._api.postureFacts(id, o),
        this._api.about(o),
      ]);
      return { vendor, incidents, subprocessors, mfa, postureFacts, about };
    },
  });

  private _score = new Task(this, {
    args: () => [this.vendorId, this.query.get('asOf') ?? ''] as const,
    task: ([id, asOf], { signal }) => this._api.score(id, asOf || undefined, { signal }),
  });

  override render() {
    const back = html`<a class="back" href=${this.backHref}>← Back to portfolio</a>`;
    if (this._facts.status === TaskStatus.ERROR) {
      return html`${back}<vr-error heading="This vendor could not be loaded" .error=${this._facts.error}></vr-error>`;
    }
    const f = this._facts.value;
    if (!f || f.vendor.id !== this.vendorId) return html`${back}<p class="loading" role="status">Loading the vendor…</p>`;
    const v = f.vendor;
    const score = this._score.value;
    return html`${back}
      <header class="page-head">
        <div>
          <h1>${v.name}</h1>
          <p class="sub">
            ${v.category}${v.website
              ? html` · <a href=${v.website} rel="noopener noreferrer" target="_blank">${linkText(v.website)}</a>`
              : nothing}
          </p>
        </div>
        <vr-as-of .value=${this.query.get('asOf') ?? ''} .effective=${score?.asOf ?? ''} @as-of-changed=${this._onAsOf}></vr-as-of>
      </header>
      <vr-data-notice .about=${f.about}></vr-data-notice>
      <div class="top">
        <div class="stack" aria-busy=${this._score.status === TaskStatus.PENDING ? 'true' : 'false'}>
          ${this._score.status === TaskStatus.ERROR
            ? html`<vr-error heading="The score could not be computed" .error=${this._score.error}></vr-error>`
            : score
              ? html`<vr-score-summary .score=${score}></vr-score-summary>`
              : html`<p class="loading" role="status">Scoring…</p>`}
        </div>
        <vr-relationship .vendor=${v}></vr-relationship>
      </div>
      <div class="stack">
        ${score && this._score.status !== TaskStatus.ERROR ? html`<vr-score-breakdown .score=${score}></vr-score-breakdown>` : nothing}
        <vr-incident-list .incidents=${f.incidents} .vendorName=${v.name}></vr-incident-list>
        <vr-subprocessor-list .items=${f.subprocessors}></vr-subprocessor-list>
        <vr-mfa-grid .posture=${f.mfa}></vr-mfa-grid>
        <vr-posture-facts .items=${f.postureFacts}></vr-posture-facts>
      </div>`;
  }

  protected override updated(): void {
    const name = this._facts.value?.vendor.name;
    document.title = name ? `${name} · Vendorscope` : 'Vendor · Vendorscope';
  }

  private _onAsOf(e: AsOfChanged): void {
    this.dispatchEvent(new NavigationRequested(urlWith(`/vendors/${this.vendorId}`, { asOf: e.asOf }), true));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-vendor-page': VendorPage;
  }
}
