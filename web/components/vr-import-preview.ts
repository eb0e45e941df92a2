/**
 * What a CSV of vendors would do (a dry run) or did: the counts, then every row with its action
 * (create, update, unchanged, possible duplicate or skip, in words), a link to the vendor it matched
 * or made, and each update's changes field by field (old → new). A possible duplicate names the
 * vendor it resembles. A long file shows its first rows until asked for all of them, so a
 * 10,000-row preview stays quick.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { VendorImport } from '../api/client.ts';
import { changeValue, FIELD_LABEL, undecided, type CsvRow } from '../vendor-import.ts';
import { controls, dataTable, srOnly } from '../styles/shared.ts';
import { forms } from '../styles/forms.ts';
import { importTables } from './vr-import-problems.ts';

type Action = VendorImport['rows'][number]['action'];

const ACTION_LABEL: Readonly<Record<Action, { plan: string; done: string }>> = {
  create: { plan: 'Create', done: 'Created' },
  update: { plan: 'Update', done: 'Updated' },
  unchanged: { plan: 'Unchanged', done: 'Unchanged' },
  duplicate: { plan: 'Possible duplicate', done: 'Possible duplicate' },
  skip: { plan: 'Skip', done: 'Skipped' },
};

/** Rows shown before "Show all". */
const FIRST = 200;

@customElement('vr-import-preview')
export class ImportPreview extends LitElement {
  static override styles = [
    controls,
    dataTable,
    forms,
    srOnly,
    importTables,
    css`
      :host {
        display: block;
        margin: 12px 0;
      }
      /* The action is a word; the border style tells them apart without colour too. */
      .action {
        display: inline-block;
        font-size: 0.78rem;
        font-weight: 600;
        padding: 0 8px;
        border-radius: 999px;
        border: 1px solid currentColor;
        white-space: nowrap;
      }
      .action.create {
        color: var(--vr-fact);
        background: var(--vr-fact-soft);
      }
      .action.update {
        color: var(--vr-example);
        background: var(--vr-example-soft);
        border-style: dashed;
      }
      .action.unchanged,
      .action.skip {
        color: var(--vr-ink-muted);
        border-style: dotted;
      }
      .action.duplicate {
        color: var(--vr-danger);
        border-width: 2px;
      }
      ul.changes {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.88rem;
      }
      ul.changes .what {
        font-weight: 600;
      }
      ul.changes .from {
        text-decoration: line-through;
        color: var(--vr-ink-muted);
      }
      .like {
        display: block;
        font-size: 0.85rem;
      }
      .muted {
        color: var(--vr-ink-muted);
      }
      .more {
        margin: 8px 0 0;
        display: flex;
        gap: 12px;
        align-items: center;
        flex-wrap: wrap;
        font-size: 0.88rem;
        color: var(--vr-ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) report: VendorImport | null = null;
  @state() private _all = false;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('report')) this._all = false;
  }

  override render() {
    const r = this.report;
    if (!r) return nothing;
    const word = r.dryRun ? 'plan' : 'done';
    const shown = this._all ? r.rows : r.rows.slice(0, FIRST);
    const waiting = undecided(r);
    return html`<dl class="counts">
        <div><dt>${r.dryRun ? 'To create' : 'Created'}</dt><dd data-count="created">${r.created.toLocaleString('en-US')}</dd></div>
        <div><dt>${r.dryRun ? 'To update' : 'Updated'}</dt><dd data-count="updated">${r.updated.toLocaleString('en-US')}</dd></div>
        <div><dt>Unchanged</dt><dd data-count="unchanged">${r.unchanged.toLocaleString('en-US')}</dd></div>
        ${waiting > 0 ? html`<div><dt>Possible duplicates</dt><dd data-count="duplicates">${waiting.toLocaleString('en-US')}</dd></div>` : nothing}
        ${r.invalid > 0 ? html`<div><dt>${r.dryRun ? 'Invalid rows, to leave out' : 'Invalid rows, left out'}</dt><dd data-count="invalid">${r.invalid.toLocaleString('en-US')}</dd></div>` : nothing}
      </dl>
      <div class="scroll" role="region" aria-label=${r.dryRun ? 'Rows as checked' : 'Rows as imported'} tabindex="0">
        <table>
          <thead>
            <tr><th scope="col" class="num">Row</th><th scope="col">${r.dryRun ? 'Would' : 'Did'}</th><th scope="col">Vendor</th><th scope="col">Changes</th></tr>
          </thead>
          <tbody>
            ${shown.map(
              (row) => html`<tr data-row=${row.row} data-action=${row.action}>
                <td class="num">${row.row}</td>
                <td><span class="action ${row.action}">${ACTION_LABEL[row.action][word]}</span></td>
                <td>${row.vendorId === null ? row.name : html`<a href="/vendors/${row.vendorId}">${row.name}</a>`}${this._like(row)}</td>
                <td>${this._changes(row)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        shown.length < r.rows.length
          ? html`<p class="more">
            The first ${shown.length.toLocaleString('en-US')} of ${r.rows.length.toLocaleString('en-US')} rows; the counts cover them all.
            <button type="button" class="secondary" @click=${() => (this._all = true)}>Show all ${r.rows.length.toLocaleString('en-US')} rows</button>
          </p>`
          : nothing
      }`;
  }

  /** The vendor a possible duplicate resembles, by its website's domain. */
  private _like(row: CsvRow) {
    const d = row.duplicateOf;
    if (!d) return nothing;
    return html`<span class="like" data-duplicate-of=${d.vendorId}
      >${row.action === 'duplicate' ? 'possible duplicate of' : 'resembles'} <a href="/vendors/${d.vendorId}">${d.name}</a> (same website domain, ${d.domain})</span
    >`;
  }

  /** An update's changes, field by field: old → new. */
  private _changes(row: CsvRow) {
    if (!row.changes || row.changes.length === 0) return html`<span class="muted">—</span>`;
    return html`<ul class="changes">
      ${row.changes.map(
        (c) => html`<li data-field=${c.field}>
          <span class="what">${FIELD_LABEL[c.field]}:</span> <span class="from">${changeValue(c.field, c.from)}</span>
          <span aria-hidden="true">→</span><span class="sr-only">changes to</span> <span class="to">${changeValue(c.field, c.to)}</span>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vr-import-preview': ImportPreview;
  }
}
