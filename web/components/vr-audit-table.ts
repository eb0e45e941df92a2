/**
 * Audit entries, newest first: when, who (and how: session, passkey, token…), what (with the
 * record's and the vendor's names beside their ids), and a button that opens the entry's
 * before/after beneath its row.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AuditEntry } from '../../server/domain/account.ts';
import { describeEntry, vendorLabel } from '../audit.ts';
import { timestamp } from '../format.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { accountTable } from './account-table.styles.ts';
import './vr-audit-diff.ts';

@customElement('vr-audit-table')
export class AuditTable extends LitElement {
  static override styles = [
    controls,
    dataTable,
    forms,
    srOnly,
    accountTable,
    css`
      .via {
        display: block;
        font-size: 0.78rem;
        color: var(--vr-ink-muted);
      }
      tr.diff > td {
        background: var(--vr-canvas);
        padding: 10px 12px 14px;
      }
      button.secondary {
        padding: 2px 10px;
        font-size: 0.82rem;
        font-weight: 600;
      }
      time {
        white-space: nowrap;
      }
      .name {
        font-weight: 400;
      }
    `,
  ];

  @property({ attribute: false }) items: readonly AuditEntry[] = [];
  /** Entries whose before/after is open. */
  @state() private _open: ReadonlySet<number> = new Set();

  override render() {
    if (this.items.length === 0) return html`<p class="empty">No entries match these filters.</p>`;
    return html`<div class="scroll" role="region" aria-label="Audit entries table" tabindex="0"><table>
      <caption class="sr-only">Audit entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        ${this.items.map((e) => this._rows(e))}
      </tbody>
    </table></div>`;
  }

  private _rows(e: AuditEntry) {
    const open = this._open.has(e.id);
    const hasDetail = e.before !== null || e.after !== null;
    return html`<tr data-audit-id=${e.id} data-action=${e.action} data-entity=${e.entity}>
        <td><time datetime=${e.at}>${timestamp(e.at, true)}</time></td>
        <td>${e.actor}${e.via ? html`<span class="via">via ${e.via}</span>` : ''}</td>
        <th scope="row">
          ${describeEntry(e)}${e.entityName !== null && !(e.entity === 'vendor' && e.vendorId !== null) ? html`<span class="name">: ${e.entityName}</span>` : ''}
          ${
            e.vendorId !== null
              ? html`<span class="via vendor"
                >${e.vendorDeleted ? vendorLabel(e) : html`<a href=${`/vendors/${e.vendorId}`}>${vendorLabel(e)}</a>`} · vendor #${e.vendorId}</span
              >`
              : ''
          }
        </th>
        <td>
          ${
            hasDetail
              ? html`<button class="secondary" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? `diff-${e.id}` : nothing} @click=${() => this._toggle(e.id)}>
                ${open ? 'Hide' : 'Show'}<span class="sr-only"> the changes of entry ${e.id}</span>
              </button>`
              : html`<span class="muted">—</span>`
          }
        </td>
      </tr>
      ${
        open
          ? html`<tr class="diff" id=${`diff-${e.id}`}>
            <td colspan="4"><vr-audit-diff .previous=${e.before} .next=${e.after}></vr-audit-diff></td>
          </tr>`
          : ''
      }`;
  }

  private _toggle(id: number): void {
    const next = new Set(this._open);
    if (!next.delete(id)) next.add(id);
    this._open = next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-audit-table': AuditTable;
  }
}
