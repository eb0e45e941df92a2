/**
 * One audit entry's before and after, side by side, field by field: only the fields that differ
 * (the count of the others is given). A created record has only an "after", a deleted one only a "before".
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { auditDiff, showValue } from '../audit.ts';
import { dataTable, srOnly } from '../styles/shared.ts';

const KIND_LABEL = { added: 'added', removed: 'removed', changed: 'changed' } as const;

@customElement('vr-audit-diff')
export class AuditDiffView extends LitElement {
  static override styles = [
    dataTable,
    srOnly,
    css`
      :host {
        display: block;
      }
      table {
        table-layout: fixed;
        background: var(--vr-surface);
      }
      th.field {
        width: 22%;
        font-family: var(--vr-font-mono);
        font-size: 0.82rem;
        font-weight: 600;
        word-break: break-word;
      }
      td {
        font-family: var(--vr-font-mono);
        font-size: 0.82rem;
        white-space: pre-wrap;
        word-break: break-word;
      }
      td.before:not(.none) {
        background: var(--vr-danger-soft);
      }
      td.after:not(.none) {
        background: var(--vr-fact-soft);
      }
      td.none {
        color: var(--vr-ink-muted);
      }
      .more {
        margin: 6px 0 0;
        font-size: 0.82rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  // Not `before`/`after`: those are Element methods.
  @property({ attribute: false }) previous: unknown = null;
  @property({ attribute: false }) next: unknown = null;

  override render() {
    const { changes, unchanged } = auditDiff(this.previous, this.next);
    if (changes.length === 0) return html`<p class="more">No field changed${unchanged ? ` (${unchanged} recorded, all equal)` : ''}.</p>`;
    return html`<table>
        <caption class="sr-only">Fields before and after the change</caption>
        <thead>
          <tr>
            <th scope="col" class="field">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          ${changes.map(
            (c) => html`<tr data-field=${c.path} data-kind=${c.kind}>
              <th scope="row" class="field">${c.path}<span class="sr-only"> (${KIND_LABEL[c.kind]})</span></th>
              <td class="before ${c.before === undefined ? 'none' : ''}">${showValue(c.before)}</td>
              <td class="after ${c.after === undefined ? 'none' : ''}">${showValue(c.after)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${unchanged > 0 ? html`<p class="more">${unchanged} unchanged field${unchanged === 1 ? '' : 's'} not shown.</p>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-audit-diff': AuditDiffView;
  }
}
