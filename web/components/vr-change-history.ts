/**
 * A vendor's change history from the audit trail, newest first: when, who, what, and for an
 * update the fields that changed, old → new. A created or deleted record's fields fold away.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AuditEntry } from '../../server/domain/account.ts';
import { auditDiff, describeEntry, meaningfulChanges, showValue } from '../audit.ts';
import { timestamp } from '../format.ts';
import { card, controls } from '../styles/shared.ts';
import { sectionHead } from './vr-incident-list.styles.ts';
import './vr-audit-diff.ts';

@customElement('vr-change-history')
export class ChangeHistory extends LitElement {
  static override styles = [
    card,
    controls,
    sectionHead,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol > li {
        padding: 10px 0;
        border-top: 1px solid var(--vr-line);
      }
      ol > li:first-child {
        border-top: 0;
        padding-top: 0;
      }
      .line {
        margin: 0;
      }
      .meta {
        color: var(--vr-ink-muted);
        font-size: 0.85rem;
      }
      ul.fields {
        margin: 4px 0 0;
        padding-left: 18px;
        font-size: 0.88rem;
      }
      .path {
        font-family: var(--vr-font-mono);
        font-size: 0.85em;
        font-weight: 600;
      }
      del {
        color: var(--vr-danger);
      }
      ins {
        color: var(--vr-fact);
        text-decoration: none;
        font-weight: 600;
      }
      summary {
        cursor: pointer;
        color: var(--vr-accent);
        font-size: 0.88rem;
        margin-top: 4px;
      }
      details vr-audit-diff {
        margin-top: 6px;
      }
      .foot {
        margin: 10px 0 0;
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly AuditEntry[] = [];
  /** How many entries there are in all (the list may be the newest of them only). */
  @property({ type: Number }) total = 0;

  override render() {
    return html`<section class="card" aria-labelledby="t">
      <header class="section-head">
        <h2 id="t">Change history <span class="count">(${this.total})</span></h2>
        <span class="muted">Edits to this vendor and its evidence, from the audit trail.</span>
      </header>
      ${
        this.items.length === 0
          ? html`<p class="muted">No changes recorded.</p>`
          : html`<ol>
            ${this.items.map((e) => this._entry(e))}
          </ol>`
      }
      ${this.total > this.items.length ? html`<p class="foot muted">The newest ${this.items.length} of ${this.total} are shown.</p>` : nothing}
    </section>`;
  }

  private _entry(e: AuditEntry) {
    const all = auditDiff(e.before, e.after).changes;
    const changes = meaningfulChanges(all);
    const inline = e.before !== null && e.after !== null;
    return html`<li data-audit-id=${e.id}>
      <p class="line">
        <strong>${describeEntry(e)}</strong>
        <span class="meta">· ${e.actor}${e.via ? ` (${e.via})` : ''} · <time datetime=${e.at}>${timestamp(e.at)}</time></span>
      </p>
      ${
        inline && changes.length > 0
          ? html`<ul class="fields">
            ${changes.map((c) => html`<li><span class="path">${c.path}</span>: <del>${showValue(c.before)}</del> → <ins>${showValue(c.after)}</ins></li>`)}
          </ul>`
          : all.length > 0
            ? html`<details>
              <summary>Show the ${all.length} recorded field${all.length === 1 ? '' : 's'}</summary>
              <vr-audit-diff .previous=${e.before} .next=${e.after}></vr-audit-diff>
            </details>`
            : nothing
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-change-history': ChangeHistory;
  }
}
