/**
 * One vendor: who they are to us, the score, what to act on (findings with their contract
 * conditions, then the evidence gaps), every contribution to the score, and the public evidence
 * (incidents, subprocessors, MFA posture, posture statements). Two Tasks: the facts load once per
 * vendor; the score reloads when the "as of" day changes. Findings and gaps link to the evidence
 * they rest on; the page finds it in the evidence components' shadow roots and moves focus there.
 * Last, the change history from the audit trail (its own Task: a failure there hides nothing else).
 */
import { css, html, LitElement, nothing, type ReactiveElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import type { ApiClient } from '../api/client.ts';
import { apiContext } from '../state/contexts.ts';
import { urlWith } from '../app/routes.ts';
import { NavigationRequested, type AsOfChanged, type EvidenceRequested } from '../events.ts';
import { evidenceTargets } from '../evidence.ts';
import { controls } from '../styles/shared.ts';
import { pageStyles } from '../styles/page.ts';
import { linkText } from '../format.ts';
import '../components/vr-as-of.ts';
import '../components/vr-data-notice.ts';
import '../components/vr-error.ts';
import '../components/vr-score-summary.ts';
import '../components/vr-findings-list.ts';
import '../components/vr-gaps-list.ts';
import '../components/vr-score-breakdown.ts';
import '../components/vr-relationship.ts';
import '../components/vr-incident-list.ts';
import '../components/vr-subprocessor-list.ts';
import '../components/vr-mfa-grid.ts';
import '../components/vr-posture-facts.ts';
import '../components/vr-change-history.ts';

/** How many of a vendor's newest changes the page shows. */
const CHANGES_SHOWN = 50;

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
      .stack > * + *,
      .stack + .stack {
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
  /** The vendor whose URL fragment (a deep link to a piece of evidence) was already shown. */
  private _fragmentShownFor = 0;

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

  private _changes = new Task(this, {
    args: () => [this.vendorId] as const,
    task: ([id], { signal }) => this._api.vendorChanges(id, CHANGES_SHOWN, { signal }),
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
    const scored = this._score.status === TaskStatus.ERROR ? undefined : score;
    const evidence = evidenceTargets(f.incidents, f.subprocessors);
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
      ${scored
        ? html`<div class="stack" aria-busy=${this._score.status === TaskStatus.PENDING ? 'true' : 'false'} @evidence-requested=${this._onEvidence}>
            <vr-findings-list .score=${scored} .evidence=${evidence}></vr-findings-list>
            <vr-gaps-list .score=${scored} .evidence=${evidence}></vr-gaps-list>
            <vr-score-breakdown .score=${scored}></vr-score-breakdown>
          </div>`
        : nothing}
      <div class="stack">
        <vr-incident-list .incidents=${f.incidents} .vendorName=${v.name}></vr-incident-list>
        <vr-subprocessor-list .items=${f.subprocessors}></vr-subprocessor-list>
        <vr-mfa-grid .posture=${f.mfa}></vr-mfa-grid>
        <vr-posture-facts .items=${f.postureFacts}></vr-posture-facts>
        ${this._changes.status === TaskStatus.ERROR
          ? html`<vr-error heading="The change history could not be loaded" .error=${this._changes.error}></vr-error>`
          : this._changes.value
            ? html`<vr-change-history .items=${this._changes.value.items} total=${this._changes.value.total}></vr-change-history>`
            : nothing}
      </div>`;
  }

  protected override updated(): void {
    const name = this._facts.value?.vendor.name;
    document.title = name ? `${name} · Vendorscope` : 'Vendor · Vendorscope';
    // A deep link such as /vendors/1#incident-2: the browser cannot see into shadow roots, so show it once everything is drawn.
    if (location.hash.length > 1 && this._fragmentShownFor !== this.vendorId && this._facts.value?.vendor.id === this.vendorId && this._score.value) {
      this._fragmentShownFor = this.vendorId;
      const anchor = decodeURIComponent(location.hash.slice(1));
      const parts = [...this.renderRoot.querySelectorAll('*')].map((el) => (el as Partial<ReactiveElement>).updateComplete);
      void Promise.all(parts).then(() => this._reveal(anchor));
    }
  }

  private _onEvidence(e: EvidenceRequested): void {
    e.stopPropagation();
    this._reveal(e.anchor);
  }

  /** Scrolls to the element with this id inside one of the page's components, and focuses it. */
  private _reveal(anchor: string): void {
    for (const el of this.renderRoot.querySelectorAll('*')) {
      const target = el.shadowRoot?.getElementById(anchor);
      if (!target) continue;
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
      return;
    }
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
