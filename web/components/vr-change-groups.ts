/**
 * What changed, grouped by vendor (the vendor's name links to its dossier), most important first:
 * each event in words, a score change with old → new risk and band and its causes, and a link to
 * its evidence.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Change } from '../../server/domain/change.ts';
import { evidenceHref, signed, weightOf, type VendorGroup } from '../changes.ts';
import { CHANGE_KIND_LABELS } from '../change-kinds.ts';
import { card, srOnly } from '../styles/shared.ts';
import '../charts/vr-band-badge.ts';

const CAUSES = [
  ['incidents', 'new incidents'],
  ['decay', 'decay'],
  ['posture', 'posture'],
  ['methodology', 'methodology'],
] as const;

@customElement('vr-change-groups')
export class ChangeGroups extends LitElement {
  static override styles = [
    card,
    srOnly,
    css`
      :host {
        display: block;
      }
      section + section {
        margin-top: 16px;
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 8px;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        border-top: 1px solid var(--vr-line, #d8dce3);
        margin-top: 8px;
        padding-top: 8px;
      }
      .kind {
        display: inline-block;
        font-size: 0.8rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.03em;
        color: var(--vr-ink-muted);
        margin-right: 6px;
      }
      .important .kind {
        color: inherit;
      }
      .meta,
      .causes {
        color: var(--vr-ink-muted);
        font-size: 0.9rem;
      }
      .causes {
        margin: 4px 0 0;
      }
    `,
  ];

  @property({ attribute: false }) groups: readonly VendorGroup[] = [];

  override render() {
    return this.groups.map(
      (g) => html`<section class="card" data-vendor=${g.vendorName} aria-labelledby=${`g-${g.key}`}>
        <h2 id=${`g-${g.key}`}>${g.vendorId === null ? g.vendorName : html`<a href=${`/vendors/${g.vendorId}`}>${g.vendorName}</a>`}</h2>
        <ul>
          ${g.changes.map((c) => this._change(c))}
        </ul>
      </section>`,
    );
  }

  private _change(c: Change) {
    const link = evidenceHref(c);
    return html`<li class=${weightOf(c) >= 3 ? 'important' : ''} data-kind=${c.kind} data-change-id=${c.id}>
      <span class="kind">${CHANGE_KIND_LABELS[c.kind]}</span>${weightOf(c) >= 3 ? html`<span class="sr-only">(important)</span>` : nothing}
      <span class="title">${c.title}</span>
      ${
        c.kind === 'score-changed' && c.oldRisk !== null && c.newRisk !== null
          ? html`<div class="risk">
            Risk ${c.oldRisk.toFixed(1)} ${c.oldBand ? html`<vr-band-badge band=${c.oldBand}></vr-band-badge>` : nothing} →
            ${c.newRisk.toFixed(1)} ${c.newBand ? html`<vr-band-badge band=${c.newBand}></vr-band-badge>` : nothing}
          </div>`
          : nothing
      }
      ${
        c.causes
          ? html`<p class="causes">Causes: ${CAUSES.map(([k, label], i) => html`${i > 0 ? ', ' : ''}${label} ${signed(c.causes![k])}`)} points</p>`
          : nothing
      }
      <div class="meta">
        ${c.day}${link ? html` · <a href=${link.href}>See ${link.label}</a>` : nothing}
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-change-groups': ChangeGroups;
  }
}
